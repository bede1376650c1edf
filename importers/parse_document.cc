#include "importers/parse_document.h"

#include "importers/formats.h"
#include "importers/legacy_ole.h"

namespace auditor {

Status parse_document(std::string_view bytes, const ZipLimits& limits, Document& doc) {
  if (doc.format == "docx") return parse_docx(bytes, limits, doc);
  if (doc.format == "ofd") return parse_ofd(bytes, limits, doc);
  if (doc.format == "pdf") return parse_pdf(bytes, doc);
  if (doc.format == "image") return parse_image(bytes, doc);
  if (doc.format == "doc") return parse_doc(bytes, doc);
  // Compound files identified but not read: why, from what is in them.
  if (doc.format == "xls")
    return Status::failure(ole_unread_reason(OleKind::workbook), Code::unsupported);
  if (doc.format == "ppt")
    return Status::failure(ole_unread_reason(OleKind::presentation), Code::unsupported);
  if (doc.format == "works")
    return Status::failure(ole_unread_reason(OleKind::works), Code::unsupported);
  if (doc.format == "ole2") {
    const OleKind kind = ole_kind(bytes);
    return Status::failure(ole_unread_reason(kind),
                           kind == OleKind::damaged ? Code::corrupt : Code::unsupported);
  }
  if (doc.format == "unsupported")
    return Status::failure("不支持的文件格式，无法读取内容；请提供 DOCX、OFD 或 PDF 版本");
  return Status::failure("无法识别的文件格式");
}

bool has_parser(std::string_view format) {
  return format == "docx" || format == "ofd" || format == "pdf" || format == "image" ||
         format == "doc";
}

}  // namespace auditor

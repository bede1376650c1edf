#include "importers/parse_document.h"

#include "importers/formats.h"

namespace auditor {

Status parse_document(std::string_view bytes, const ZipLimits& limits, Document& doc) {
  if (doc.format == "docx") return parse_docx(bytes, limits, doc);
  if (doc.format == "ofd") return parse_ofd(bytes, limits, doc);
  if (doc.format == "pdf") return parse_pdf(bytes, doc);
  if (doc.format == "image") return parse_image(bytes, doc);
  if (doc.format == "unsupported")
    return Status::failure("不支持的文件格式，无法读取内容；请提供 DOCX、OFD 或 PDF 版本");
  return Status::failure("无法识别的文件格式");
}

bool has_parser(std::string_view format) {
  return format == "docx" || format == "ofd" || format == "pdf" || format == "image";
}

}  // namespace auditor

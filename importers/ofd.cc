// parse_ofd: OFD (GB/T 33190-2016) packages. Parts are reached only by
// reference: OFD.xml -> DocBody/DocRoot -> Document.xml -> Pages and
// CommonData/TemplatePage -> each Content.xml; signatures through
// DocBody/Signatures. The quirks handled are described in docs/formats/ofd.md.
#include <algorithm>
#include <exception>
#include <set>
#include <string>
#include <vector>

#include "importers/formats.h"
#include "importers/ofd_document.h"
#include "importers/ofd_package.h"
#include "importers/ofd_xml.h"

namespace auditor {
namespace {

constexpr std::size_t kMaxDocBodies = 64;
constexpr std::size_t kMaxCustomData = 1000;
constexpr std::size_t kMaxDamageShown = 5;

void read_doc_info(pugi::xml_node info, Document& doc) {
  static const std::pair<const char*, const char*> kFields[] = {
      {"Title", "title"},
      {"Author", "author"},
      {"Subject", "subject"},
      {"Creator", "creator"},
      {"CreatorVersion", "creator_version"},
      {"CreationDate", "created"},
      {"ModDate", "modified"},
      {"DocID", "doc_id"},
  };
  for (const auto& [element, key] : kFields) {
    const std::string value = ofd::trimmed_text(ofd::child(info, element));
    if (!value.empty()) doc.metadata[key] = value;
  }
  std::size_t n = 0;
  for (pugi::xml_node data : ofd::children(ofd::child(info, "CustomDatas"), "CustomData")) {
    if (++n > kMaxCustomData) break;
    const std::string name = ofd::trim(ofd::attr(data, "Name"));
    if (!name.empty()) doc.metadata["custom:" + name] = ofd::trimmed_text(data);
  }
}

std::string damage_reason(const std::vector<std::string>& damage) {
  std::string out = "OFD 文件有部分内容未能读取（其余内容已读取）：";
  for (std::size_t i = 0; i < damage.size() && i < kMaxDamageShown; ++i)
    out += (i ? "；" : "") + damage[i];
  if (damage.size() > kMaxDamageShown) out += "；等共 " + std::to_string(damage.size()) + " 处问题";
  return out;
}

Status parse(std::string_view bytes, const ZipLimits& limits, Document& doc) {
  Result<std::unique_ptr<ofd::OfdPackage>> pkg = ofd::OfdPackage::open(bytes, limits);
  if (!pkg) return Status::failure("OFD 文件损坏：" + pkg.error());
  std::optional<std::string> entry = (*pkg)->locate("", "OFD.xml");
  if (!entry) return Status::failure("OFD 文件损坏：找不到 OFD.xml");
  Result<std::unique_ptr<pugi::xml_document>> xml = (*pkg)->read_xml(*entry);
  if (!xml) return Status::failure("OFD 文件损坏：" + xml.error());
  const pugi::xml_node root = (*xml)->document_element();
  if (ofd::local_name(root) != "OFD")
    return Status::failure("OFD 文件损坏：OFD.xml 的根元素不是 OFD");
  const std::vector<pugi::xml_node> bodies = ofd::children(root, "DocBody");
  if (bodies.empty()) return Status::failure("OFD 文件损坏：OFD.xml 中没有 DocBody");
  if (bodies.size() > kMaxDocBodies)
    return Status::failure("OFD 文件异常：OFD.xml 声明了 " + std::to_string(bodies.size()) +
                           " 个文档，超过上限");
  read_doc_info(ofd::child(bodies[0], "DocInfo"), doc);

  ofd::DocumentReader reader(**pkg, limits);
  std::set<std::string> seen;  // a DocRoot named twice is read once
  std::size_t read_ok = 0;
  for (pugi::xml_node body : bodies) {
    const std::string root_loc = ofd::trimmed_text(ofd::child(body, "DocRoot"));
    std::optional<std::string> doc_path = (*pkg)->locate(*entry, root_loc);
    if (!doc_path) {
      reader.note("找不到 Document.xml（DocRoot 为「" + root_loc + "」）");
      continue;
    }
    if (!seen.insert(*doc_path).second) continue;
    if (reader.read(*entry, body, *doc_path)) ++read_ok;
  }
  if (read_ok == 0) return Status::failure("OFD 文件损坏：" + reader.damage().front());

  const std::vector<std::string>& lines = reader.lines();
  doc.pages = reader.pages();
  doc.has_text = std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
    return l.find_first_not_of('\f') != std::string::npos;
  });
  doc.text.clear();
  if (doc.has_text)  // page marks alone are no text
    for (const std::string& l : lines) doc.text += l + "\n";
  doc.title = title_lines(doc.text);
  doc.signatures = reader.signatures();
  if (!reader.damage().empty()) return Status::failure(damage_reason(reader.damage()));
  return Status::success();
}

}  // namespace

Status parse_ofd(std::string_view bytes, const ZipLimits& limits, Document& doc) {
  try {
    return parse(bytes, limits, doc);
  } catch (const std::bad_alloc&) {
    return Status::failure("OFD 文件过大，内存不足，无法读取");
  } catch (...) {
    return Status::failure("OFD 文件无法读取（内部错误）");
  }
}

}  // namespace auditor

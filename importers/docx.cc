// DOCX (Office Open XML) reading: body text, headers and footers, and the
// document properties. See docs/formats/docx.md.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "importers/docx_text.h"
#include "importers/formats.h"
#include "importers/names.h"
#include "importers/zip_reader.h"
#include "util/utf8.h"

namespace auditor {
namespace {

constexpr std::string_view kBroken = "DOCX 文件损坏：";

// The parts of one package, looked up by name (entries are read by index).
class Package {
 public:
  explicit Package(ZipReader& zip) : zip_(zip) {
    for (std::size_t i = 0; i < zip.entries().size(); ++i) {
      const ZipEntry& e = zip.entries()[i];
      if (!e.is_dir && e.name_ok) index_.emplace(e.name, i);
    }
  }
  // nullopt when the part is absent; a failed Result when it is unreadable.
  std::optional<Result<std::string>> read(const std::string& part) {
    auto it = index_.find(part);
    if (it == index_.end()) return std::nullopt;
    return zip_.read(it->second);
  }

 private:
  ZipReader& zip_;
  std::map<std::string, std::size_t> index_;
};

// The encoding named by the XML declaration, lower-cased; "" when none.
std::string declared_encoding(std::string_view xml) {
  const std::string_view head = xml.substr(0, std::min<std::size_t>(xml.size(), 256));
  const std::size_t end = head.find("?>");
  if (!head.starts_with("<?xml") || end == std::string_view::npos) return {};
  const std::string_view decl = head.substr(0, end);
  const std::size_t at = decl.find("encoding");
  const std::size_t quote = decl.find_first_of("\"'", at);
  if (at == std::string_view::npos || quote == std::string_view::npos) return {};
  const std::size_t close = decl.find(decl[quote], quote + 1);
  if (close == std::string_view::npos) return {};
  std::string enc(decl.substr(quote + 1, close - quote - 1));
  for (char& c : enc) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return enc;
}

// External entities and DTDs are never processed: pugixml has no DTD support
// and parse_default leaves the DOCTYPE unparsed. OOXML parts are UTF-8 or
// UTF-16; one declaring GBK/GB2312/GB18030 (written by some Chinese tools)
// is converted first, and other bytes that are not UTF-8 fail the part.
Status load_xml(std::string_view xml, const std::string& part, pugi::xml_document& doc) {
  std::string converted;
  if (declared_encoding(xml).starts_with("gb")) {
    bool ok = true;
    converted = gb18030_to_utf8(xml, ok);
    if (!ok) return Status::failure(std::string(kBroken) + part + " 声明为 GBK 编码但含有无效字节");
    xml = converted;
  }
  const pugi::xml_encoding enc = converted.empty() ? pugi::encoding_auto : pugi::encoding_utf8;
  const pugi::xml_parse_result r = doc.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, enc);
  if (r && r.encoding == pugi::encoding_utf8 && !is_valid_utf8(xml))
    return Status::failure(std::string(kBroken) + part + " 含有无效的 UTF-8 字节（编码错误）");
  if (r) return Status::success();
  return Status::failure(std::string(kBroken) + part + " 不是有效的 XML（" + r.description() +
                         "，位置 " + std::to_string(r.offset) + "）");
}

// "header1.xml" relative to word/, or "/word/header1.xml" from the root;
// "." and ".." segments resolved. Empty when it climbs out of the package.
std::string resolve_target(std::string_view target) {
  std::vector<std::string_view> parts;
  if (!target.starts_with('/')) parts = {"word"};
  while (!target.empty()) {
    const std::size_t slash = target.find('/');
    const std::string_view seg = target.substr(0, slash);
    target.remove_prefix(slash == std::string_view::npos ? target.size() : slash + 1);
    if (seg.empty() || seg == ".") continue;
    if (seg != "..") {
      parts.push_back(seg);
    } else if (parts.empty()) {
      return {};
    } else {
      parts.pop_back();
    }
  }
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

// Header parts first, then footer parts, each in relationship order and
// each once. A damaged relationships part is noted in `damaged`.
std::vector<std::string> header_footer_parts(Package& pkg, std::vector<std::string>& damaged) {
  const std::string rels_part = "word/_rels/document.xml.rels";
  auto rels = pkg.read(rels_part);
  if (!rels) return {};
  pugi::xml_document xml;
  if (!rels->ok() || !load_xml(**rels, rels_part, xml).ok()) {
    damaged.push_back(rels_part);
    return {};
  }
  std::vector<std::string> headers, footers;
  for (pugi::xml_node r : xml.document_element().children()) {
    if (xml_local_name(r.name()) != "Relationship" ||
        std::string_view(r.attribute("TargetMode").value()) == "External")
      continue;
    const std::string_view type = r.attribute("Type").value();
    std::vector<std::string>* list = type.ends_with("/header")   ? &headers
                                     : type.ends_with("/footer") ? &footers
                                                                 : nullptr;
    std::string part = resolve_target(r.attribute("Target").value());
    if (list == nullptr || part.empty() || std::ranges::find(*list, part) != list->end()) continue;
    list->push_back(std::move(part));
  }
  headers.insert(headers.end(), footers.begin(), footers.end());
  return headers;
}

// Text of one header or footer part; damage is noted in `damaged`, never fatal.
std::string side_part_text(Package& pkg, const std::string& part,
                           std::vector<std::string>& damaged) {
  auto bytes = pkg.read(part);
  if (!bytes) return {};  // a dangling relationship: nothing to read
  pugi::xml_document xml;
  if (!bytes->ok() || !load_xml(**bytes, part, xml).ok()) {
    damaged.push_back(part);
    return {};
  }
  WordText t = wordml_text(xml.document_element());
  if (t.truncated) damaged.push_back(part);
  return std::move(t.text);
}

// docProps/core.xml and docProps/app.xml; absent or broken ones are ignored
// (the properties are optional in OPC).
void read_properties(Package& pkg, Document& doc) {
  pugi::xml_document core;
  if (auto bytes = pkg.read("docProps/core.xml");
      bytes && bytes->ok() && load_xml(**bytes, "core", core).ok()) {
    for (pugi::xml_node n : core.document_element().children()) {
      const std::string_view key = xml_local_name(n.name());
      const std::string_view value = n.child_value();
      if ((key == "title" || key == "creator" || key == "created" || key == "modified") &&
          !value.empty())
        doc.metadata[std::string(key)] = std::string(value);
    }
  }
  pugi::xml_document app;
  if (auto bytes = pkg.read("docProps/app.xml");
      bytes && bytes->ok() && load_xml(**bytes, "app", app).ok()) {
    const std::string_view value = app.document_element().child_value("Pages");
    int pages = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), pages);
    if (ec == std::errc() && end == value.data() + value.size() && pages > 0) doc.pages = pages;
  }
}

}  // namespace

Status parse_docx(std::string_view bytes, const ZipLimits& limits, Document& doc) {
  auto zip = ZipReader::open(bytes, limits);
  if (!zip) return Status::failure(std::string(kBroken) + zip.error());
  Package pkg(**zip);
  const std::string main_part = "word/document.xml";
  auto body_bytes = pkg.read(main_part);
  if (!body_bytes) return Status::failure(std::string(kBroken) + "缺少 " + main_part);
  if (!body_bytes->ok())
    return Status::failure(std::string(kBroken) + main_part + " 无法读取：" + body_bytes->error());
  pugi::xml_document body;
  if (Status s = load_xml(**body_bytes, main_part, body); !s.ok()) return s;

  WordText main = wordml_text(body.document_element());
  std::string text = std::move(main.text);
  std::vector<std::string> damaged;
  if (main.truncated) damaged.push_back(main_part);
  for (const std::string& part : header_footer_parts(pkg, damaged))
    text += side_part_text(pkg, part, damaged);
  read_properties(pkg, doc);

  doc.has_text = text.find_first_not_of(" \t\n") != std::string::npos;
  doc.title = title_lines(text);
  doc.text = std::move(text);
  if (damaged.empty()) return Status::success();
  std::string names;
  for (const std::string& d : damaged) names += (names.empty() ? "" : "、") + d;
  return Status::failure("DOCX 部分内容无法读取（" + names + "：损坏或嵌套过深），其余文字已提取");
}

}  // namespace auditor

// DOCX (Office Open XML) reading: body text, headers and footers, and the
// document properties. See docs/formats/docx.md.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "importers/doc_limits.h"
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
  // The part's declared size (never exceeded by read()); 0 when absent.
  std::uint64_t declared_size(const std::string& part) const {
    auto it = index_.find(part);
    return it == index_.end() ? 0 : zip_.entries()[it->second].size;
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
// Parsed in place, without a copy: `doc` refers to `xml` (which parsing
// rewrites), so `xml` must neither move nor die before `doc`.
Status load_xml(std::string& xml, const std::string& part, pugi::xml_document& doc) {
  const bool gb = declared_encoding(xml).starts_with("gb");
  if (gb) {
    bool ok = true;
    std::string converted = gb18030_to_utf8(xml, ok);
    if (!ok) return Status::failure(std::string(kBroken) + part + " 声明为 GBK 编码但含有无效字节");
    xml = std::move(converted);
  }
  const bool utf8 = is_valid_utf8(xml);  // as read: the parse rewrites the bytes
  const pugi::xml_parse_result r = doc.load_buffer_inplace(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
      gb ? pugi::encoding_utf8 : pugi::encoding_auto);
  if (r && r.encoding == pugi::encoding_utf8 && !utf8)
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

std::string mb(std::uint64_t bytes) { return std::to_string(mb_of(bytes)); }

// What a document lost: damaged parts, and parts or text left out at a
// limit (Chinese sentences). Reported together in one import issue.
struct Skipped {
  std::vector<std::string> damaged;
  std::vector<std::string> limits;
};

// A part read and parsed, or why not. Its tree's cost is checked before the
// work: on the declared size before inflating (the tree costs more than the
// bytes), then on the bytes before parsing (importers/doc_limits.h).
struct Part {
  enum { absent, parsed, damaged, too_big } state = absent;
  std::string why;  // Chinese: "DOCX 文件损坏：…" when damaged, the limit when too_big
  // The bytes the tree was parsed in: keep the Part while using the tree.
  std::unique_ptr<std::string> bytes;
};

Part load_part(Package& pkg, const std::string& name, pugi::xml_document& xml) {
  const std::string too_big =
      name + " 解析所需内存超过单个部件 " + mb(kMaxXmlTreeBytes) + " MB 的上限（约需 ";
  if (const std::uint64_t size = pkg.declared_size(name); size > kMaxXmlTreeBytes)
    return {Part::too_big, too_big + mb(size) + " MB 以上），未读取"};
  auto read = pkg.read(name);
  if (!read) return {};
  if (!read->ok())
    return {Part::damaged, std::string(kBroken) + name + " 无法读取：" + read->error()};
  if (const std::uint64_t need = xml_tree_bytes(**read); need > kMaxXmlTreeBytes)
    return {Part::too_big, too_big + mb(need) + " MB），未读取"};
  Part part{Part::parsed, {}, std::make_unique<std::string>(std::move(**read))};
  if (Status s = load_xml(*part.bytes, name, xml); !s.ok()) return {Part::damaged, s.reason};
  return part;
}

// Notes a side part that could not be used; true when it was parsed.
bool usable(const Part& p, const std::string& name, Skipped& skipped) {
  if (p.state == Part::damaged) skipped.damaged.push_back(name);
  if (p.state == Part::too_big) skipped.limits.push_back(p.why);
  return p.state == Part::parsed;
}

// Header parts first, then footer parts, each in relationship order and
// each once (a set per kind: a package may declare 400,000 relationships).
std::vector<std::string> header_footer_parts(Package& pkg, Skipped& skipped) {
  const std::string rels_part = "word/_rels/document.xml.rels";
  pugi::xml_document xml;
  const Part rels = load_part(pkg, rels_part, xml);
  if (!usable(rels, rels_part, skipped)) return {};
  std::vector<std::string> headers, footers;
  std::unordered_set<std::string> seen_headers, seen_footers;
  for (pugi::xml_node r : xml.document_element().children()) {
    if (xml_local_name(r.name()) != "Relationship" ||
        std::string_view(r.attribute("TargetMode").value()) == "External")
      continue;
    const std::string_view type = r.attribute("Type").value();
    const bool header = type.ends_with("/header");
    if (!header && !type.ends_with("/footer")) continue;
    std::string part = resolve_target(r.attribute("Target").value());
    if (part.empty() || !(header ? seen_headers : seen_footers).insert(part).second) continue;
    (header ? headers : footers).push_back(std::move(part));
  }
  headers.insert(headers.end(), footers.begin(), footers.end());
  return headers;
}

// Text of one header or footer part; damage is noted, never fatal.
WordText side_part_text(Package& pkg, const std::string& part, Skipped& skipped) {
  pugi::xml_document xml;
  const Part read = load_part(pkg, part, xml);
  if (!usable(read, part, skipped)) return {};  // absent: dangling
  WordText t = wordml_text(xml.document_element());
  if (t.truncated) skipped.damaged.push_back(part);
  return t;
}

// docProps/core.xml and docProps/app.xml; absent, broken or oversized ones
// are ignored (the properties are optional in OPC).
void read_properties(Package& pkg, Document& doc) {
  pugi::xml_document core;
  if (const Part read = load_part(pkg, "docProps/core.xml", core); read.state == Part::parsed) {
    for (pugi::xml_node n : core.document_element().children()) {
      const std::string_view key = xml_local_name(n.name());
      const std::string_view value = n.child_value();
      if ((key == "title" || key == "creator" || key == "created" || key == "modified") &&
          !value.empty())
        doc.metadata[std::string(key)] = std::string(value);
    }
  }
  pugi::xml_document app;
  if (const Part read = load_part(pkg, "docProps/app.xml", app); read.state == Part::parsed) {
    const std::string_view value = app.document_element().child_value("Pages");
    int pages = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), pages);
    if (ec == std::errc() && end == value.data() + value.size() && pages > 0) doc.pages = pages;
  }
}

std::string skipped_reason(const Skipped& skipped) {
  std::string out;
  if (!skipped.damaged.empty()) {
    std::string names;
    for (const std::string& d : skipped.damaged) names += (names.empty() ? "" : "、") + d;
    out = "DOCX 部分内容无法读取（" + names + "：损坏或嵌套过深）";
  }
  for (const std::string& l : skipped.limits) out += (out.empty() ? "DOCX " : "；") + l;
  return out + "，其余文字已提取";
}

}  // namespace

Status parse_docx(std::string_view bytes, const ZipLimits& limits, Document& doc) {
  auto zip = ZipReader::open(bytes, limits);
  if (!zip) return Status::failure(std::string(kBroken) + zip.error());
  Package pkg(**zip);
  const std::string main_part = "word/document.xml";
  pugi::xml_document body;
  Part main_read = load_part(pkg, main_part, body);
  if (main_read.state == Part::absent)
    return Status::failure(std::string(kBroken) + "缺少 " + main_part);
  if (main_read.state == Part::too_big) return Status::failure("DOCX 文件过大：" + main_read.why);
  if (main_read.state == Part::damaged) return Status::failure(main_read.why);

  WordText main = wordml_text(body.document_element());
  body.reset();  // nor its bytes: the headers are parsed one by one
  main_read.bytes.reset();
  std::string text = std::move(main.text);
  Skipped skipped;
  if (main.truncated) skipped.damaged.push_back(main_part);
  bool capped = cap_text(text) || main.full;
  for (const std::string& part : header_footer_parts(pkg, skipped)) {
    if (capped) break;
    WordText side = side_part_text(pkg, part, skipped);
    text += side.text;
    capped = cap_text(text) || side.full;
  }
  if (capped)
    skipped.limits.push_back("文字超过 " + mb(kMaxTextBytes) + " MB 的上限，其后的内容未读取");
  read_properties(pkg, doc);

  doc.has_text = text.find_first_not_of(" \t\n") != std::string::npos;
  doc.title = title_lines(text);
  doc.text = std::move(text);
  if (skipped.damaged.empty() && skipped.limits.empty()) return Status::success();
  return Status::failure(skipped_reason(skipped));
}

}  // namespace auditor

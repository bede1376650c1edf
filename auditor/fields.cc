// Reading the enforcement-field map (<fields>, docs/formats/fields.md):
// strict like the checklist loader, every error "<file>:<line>: <reason>".
#include "auditor/fields.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "auditor/checklist_xml.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using checklist_xml::DataFile;

constexpr std::uintmax_t kMaxFieldMapBytes = 1 << 20;

Status parse_pattern(const DataFile& f, const pugi::xml_node& n, const std::set<std::string>& known,
                     std::set<std::string>& seen, FieldMap& out) {
  const bool ignore = std::string_view(n.name()) == "ignore";
  if (Status s = ignore ? f.shape(n, {"pattern"}, {}) : f.shape(n, {"pattern", "field"}, {});
      !s.ok())
    return s;
  FieldPattern p;
  p.line = f.line_of(n);
  if (Status s = f.text_attr(n, "pattern", p.pattern); !s.ok()) return s;
  p.pattern = checklist_xml::trimmed(p.pattern);
  if (p.pattern.empty()) return f.fail(n, "pattern 不能为空");
  if (!seen.insert(p.pattern).second) return f.fail(n, "pattern「" + p.pattern + "」重复");
  if (!ignore) {
    if (Status s = f.text_attr(n, "field", p.field); !s.ok()) return s;
    if (!known.count(p.field)) return f.fail(n, "领域「" + p.field + "」未在 <field> 中声明");
  }
  out.patterns.push_back(std::move(p));
  return Status::success();
}

}  // namespace

std::string law_of_provision(std::string_view provision) {
  const std::size_t open = provision.find("《");
  if (open == std::string_view::npos) return std::string(provision);
  const std::size_t start = open + std::string_view("《").size();
  const std::size_t close = provision.find("》", start);
  if (close == std::string_view::npos) return std::string(provision.substr(start));
  return std::string(provision.substr(start, close - start));
}

std::string FieldMap::field_of_law(std::string_view law) const {
  for (const FieldPattern& p : patterns)
    if (law.find(p.pattern) != std::string_view::npos) return p.field;
  return "";
}

std::string FieldMap::field_of(const std::vector<std::string>& provisions) const {
  for (const std::string& provision : provisions)
    if (std::string field = field_of_law(law_of_provision(provision)); !field.empty()) return field;
  return default_field;
}

Result<FieldMap> parse_field_map(const std::string& label, std::string bytes) {
  DataFile f;
  const std::string name = fs::path(label).filename().string();
  if (Status s = f.parse(label, name, std::move(bytes)); !s.ok()) return Error{s.reason};
  const pugi::xml_node root = f.root();
  if (std::string_view(root.name()) != "fields")
    return Error{f.where(root) + ": 根元素应为 <fields>，实为 <" + root.name() + ">"};
  if (Status s = f.shape(root, {"id", "version", "default"}, {"field", "law", "ignore"}); !s.ok())
    return Error{s.reason};
  FieldMap out;
  Status s = f.text_attr(root, "id", out.id);
  if (s.ok()) s = f.text_attr(root, "version", out.version);
  if (s.ok()) s = f.text_attr(root, "default", out.default_field);
  if (!s.ok()) return Error{s.reason};
  std::set<std::string> known;
  for (const pugi::xml_node& n : root.children("field")) {
    if (Status t = f.shape(n, {"name"}, {}); !t.ok()) return Error{t.reason};
    std::string field;
    if (Status t = f.text_attr(n, "name", field); !t.ok()) return Error{t.reason};
    field = checklist_xml::trimmed(field);
    if (field.empty()) return Error{f.fail(n, "领域名称不能为空").reason};
    if (!known.insert(field).second) return Error{f.fail(n, "领域「" + field + "」重复").reason};
    out.fields.push_back(field);
  }
  if (!known.count(out.default_field))
    return Error{f.fail(root, "default=\"" + out.default_field + "\" 不是已声明的领域").reason};
  std::set<std::string> seen;
  for (const pugi::xml_node& n : root.children()) {
    if (n.type() != pugi::node_element || std::string_view(n.name()) == "field") continue;
    if (Status t = parse_pattern(f, n, known, seen, out); !t.ok()) return Error{t.reason};
  }
  return out;
}

Result<FieldMap> load_field_map(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec))
    return Error{"执法领域对照表不存在：" + file.string(), Code::not_found};
  if (fs::file_size(file, ec) > kMaxFieldMapBytes)
    return Error{file.string() + ": 文件超过 1 MB，不是执法领域对照表"};
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) return Error{file.string() + ": 无法读取文件", Code::io};
  return parse_field_map(file.string(), bytes.str());
}

}  // namespace auditor

// Reading scope files (<scope>, docs/formats/scope.md): strict, like the
// checklist loader — an unknown element or attribute, an attribute the
// entry's test does not take, a kind or party not known, a duplicate id or a
// street table that does not fit the district's all fail with
// "<file>:<line>: <reason>".
#include <algorithm>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "auditor/checklist_xml.h"
#include "auditor/conditions.h"
#include "auditor/scope.h"
#include "auditor/scope_xml.h"
#include "util/hash.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using checklist_xml::DataFile;

constexpr std::uintmax_t kMaxScopeBytes = 1 << 20;

// The attributes each test takes besides id, name, needs and test.
const std::map<std::string, std::vector<std::string_view>>& test_attributes() {
  static const std::map<std::string, std::vector<std::string_view>> table = {
      {"penalty", {"kinds"}}, {"fine", {"party", "min"}}, {"confiscation", {"party", "min"}},
      {"hearing", {}},        {"hearing_eligible", {}},   {"no_penalty", {}},
      {"mitigated", {}},      {"withdrawn", {}},          {"complex", {"undecided"}},
  };
  return table;
}

std::vector<std::string> split_commas(const std::string& list) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(list);
  while (std::getline(in, item, ',')) {
    item = checklist_xml::trimmed(item);
    // "、" separates too (a list written in Chinese).
    for (std::size_t at; (at = item.find("、")) != std::string::npos;) {
      out.push_back(checklist_xml::trimmed(item.substr(0, at)));
      item = checklist_xml::trimmed(item.substr(at + 3));
    }
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

Status parse_entry(const DataFile& f, const pugi::xml_node& n, ScopeEntry& e) {
  Status s = f.text_attr(n, "id", e.id);
  if (s.ok()) s = f.text_attr(n, "test", e.test);
  if (!s.ok()) return s;
  auto known = test_attributes().find(e.test);
  if (known == test_attributes().end()) {
    std::string names;
    for (const std::string& t : scope_tests()) names += (names.empty() ? "" : "、") + t;
    return f.fail(n, "条目 " + e.id + " 的 test=\"" + e.test + "\" 无效（可用：" + names + "）");
  }
  for (const pugi::xml_attribute& a : n.attributes()) {
    const std::string_view name = a.name();
    if (name == "id" || name == "name" || name == "needs" || name == "test") continue;
    if (std::find(known->second.begin(), known->second.end(), name) == known->second.end())
      return f.fail(n, "test=\"" + e.test + "\" 的条目不接受属性 " + std::string(name));
  }
  if (n.first_child()) return f.fail(n, "<entry> 不能有子元素或文字");
  if (s = f.text_attr(n, "name", e.name); !s.ok()) return s;
  std::string needs;
  if (s = f.text_attr(n, "needs", needs); !s.ok()) return s;
  for (const std::string& need : split_commas(needs)) {
    bool& flag = need == "discussion" ? e.discussion : e.legal_review;
    if (need != "discussion" && need != "legal_review")
      return f.fail(n, "needs 中的“" + need + "”无效（应为 discussion 或 legal_review）");
    if (flag) return f.fail(n, "needs 中重复的 " + need);
    flag = true;
  }
  if (!e.discussion && !e.legal_review)
    return f.fail(n, "needs 不能为空（discussion、legal_review 或两者）");
  if (e.test == "penalty") {
    std::string kinds;
    if (s = f.text_attr(n, "kinds", kinds); !s.ok()) return s;
    for (const std::string& k : split_commas(kinds)) {
      const auto& all = penalty_kinds();
      if (std::find(all.begin(), all.end(), k) == all.end()) {
        std::string names;
        for (const std::string& x : all) names += (names.empty() ? "" : "、") + x;
        return f.fail(n, "处罚种类“" + k + "”无效（可用：" + names + "）");
      }
      e.kinds.push_back(k);
    }
    if (e.kinds.empty()) return f.fail(n, "kinds 不能为空");
  }
  if (e.test == "fine" || e.test == "confiscation") {
    if (n.attribute("party")) e.party = n.attribute("party").value();
    if (e.party != "citizen" && e.party != "organisation" && e.party != "any")
      return f.fail(n, "party=\"" + e.party + "\" 无效（应为 citizen、organisation 或 any）");
    if (s = f.number_attr(n, "min", e.min); !s.ok()) return s;
    if (e.min < 0) return f.fail(n, "min 不能为负数");
  }
  if (e.test == "complex" && n.attribute("undecided")) {
    e.undecided = n.attribute("undecided").value();
    if (e.undecided != "manual" && e.undecided != "no")
      return f.fail(n, "undecided=\"" + e.undecided + "\" 无效（应为 manual 或 no）");
  }
  e.source = f.where(n);
  return Status::success();
}

Result<std::string> read_bytes(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec))
    return Error{"范围表文件不存在：" + file.string(), Code::not_found};
  if (fs::file_size(file, ec) > kMaxScopeBytes)
    return Error{file.string() + ": 范围表文件超过 1 MB，不是范围表"};
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) return Error{file.string() + ": 无法读取文件", Code::io};
  return bytes.str();
}

Result<ScopeTable> parse_table(const fs::path& file, const std::string& bytes) {
  DataFile f;
  if (Status s = f.parse(file.string(), file.filename().string(), bytes); !s.ok())
    return Error{s.reason};
  const pugi::xml_node root = f.root();
  if (std::string_view(root.name()) != "scope")
    return Error{f.where(root) + ": 根元素应为 <scope>，实为 <" + root.name() + ">"};
  ScopeTable t;
  t.file = file.string();
  t.sha256 = sha256_hex(bytes);
  const bool street = root.attribute("street");
  Status s = street ? f.shape(root, {"street", "extends", "version", "name"}, {"entry", "remove"})
                    : f.shape(root, {"id", "version", "name"}, {"entry"});
  if (s.ok() && street) s = f.text_attr(root, "street", t.street);
  if (s.ok() && street) s = f.text_attr(root, "extends", t.extends);
  if (s.ok() && !street) s = f.text_attr(root, "id", t.id);
  if (s.ok() && !street) s = f.text_attr(root, "name", t.name);
  if (s.ok() && street) t.name = root.attribute("name").value();
  if (s.ok()) s = f.text_attr(root, "version", t.version);
  if (!s.ok()) return Error{s.reason};
  std::set<std::string> ids;
  for (const pugi::xml_node& n : root.children()) {
    if (std::string_view(n.name()) == "remove") {
      std::string id;
      if (Status r = f.shape(n, {"id"}, {}); !r.ok()) return Error{r.reason};
      if (Status r = f.text_attr(n, "id", id); !r.ok()) return Error{r.reason};
      if (!ids.insert(id).second) return Error{f.where(n) + ": 条目编号 " + id + " 重复"};
      t.removed.push_back(id);
      continue;
    }
    ScopeEntry e;
    if (Status r = parse_entry(f, n, e); !r.ok()) return Error{r.reason};
    if (!ids.insert(e.id).second) return Error{f.where(n) + ": 条目编号 " + e.id + " 重复"};
    t.entries.push_back(std::move(e));
  }
  if (!street && t.entries.empty()) return Error{f.where(root) + ": 区级范围表没有任何 <entry>"};
  return t;
}

// A street table against the district's: extends= its id; each <remove>
// names a district entry.
Status fits(const ScopeTable& street, const ScopeTable& district) {
  if (street.extends != district.id)
    return Status::failure(street.file + ": 街道范围表 extends=\"" + street.extends +
                           "\" 与区级范围表编号 " + district.id + " 不一致");
  for (const std::string& id : street.removed)
    if (std::none_of(district.entries.begin(), district.entries.end(),
                     [&](const ScopeEntry& e) { return e.id == id; }))
      return Status::failure(street.file + ": <remove id=\"" + id +
                             "\"> 所删除的条目不在区级范围表 " + district.file + " 中");
  return Status::success();
}

}  // namespace

const std::vector<std::string>& penalty_kinds() {
  static const std::vector<std::string> kinds = {
      "警告",         "通报批评",     "罚款",
      "没收违法所得", "没收非法财物", "暂扣许可证件",
      "降低资质等级", "吊销许可证件", "限制开展生产经营活动",
      "责令停产停业", "责令关闭",     "限制从业",
      "行政拘留",     "不予处罚"};
  return kinds;
}

const std::vector<std::string>& scope_tests() {
  static const std::vector<std::string> tests = [] {
    std::vector<std::string> out;
    for (const auto& [name, attributes] : test_attributes()) out.push_back(name);
    return out;
  }();
  return tests;
}

Result<ScopeTable> load_scope_file(const fs::path& file) {
  Result<std::string> bytes = read_bytes(file);
  if (!bytes) return Error{bytes.error(), bytes.code()};
  return parse_table(file, *bytes);
}

Result<Scope> load_scope(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Error{"范围表目录不存在：" + dir.string(), Code::not_found};
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec) && it->path().extension() == ".xml") files.push_back(it->path());
  if (ec) return Error{"无法读取范围表目录 " + dir.string() + "：" + ec.message(), Code::io};
  std::sort(files.begin(), files.end());
  Scope scope;
  Hasher hash;
  bool has_district = false;
  for (const fs::path& file : files) {
    Result<std::string> bytes = read_bytes(file);
    if (!bytes) return Error{bytes.error(), bytes.code()};
    Result<ScopeTable> t = parse_table(file, *bytes);
    if (!t) return Error{t.error()};
    hash.update(fs::relative(file, dir, ec).generic_string());
    hash.update(std::string_view("\0", 1));
    hash.update(*bytes);
    if (t->street.empty()) {
      if (has_district)
        return Error{file.string() + ": 区级范围表重复（已有 " + scope.district.file + "）"};
      scope.district = std::move(*t);
      has_district = true;
      continue;
    }
    for (const ScopeTable& other : scope.streets)
      if (other.street == t->street)
        return Error{file.string() + ": 街道 " + t->street + " 的范围表重复（已有 " + other.file +
                     "）"};
    scope.streets.push_back(std::move(*t));
  }
  if (!has_district)
    return Error{"范围表目录 " + dir.string() + " 中没有区级范围表（<scope id=...>）",
                 Code::not_found};
  for (const ScopeTable& street : scope.streets)
    if (Status s = fits(street, scope.district); !s.ok()) return Error{s.reason};
  scope.sha256 = hash.finish_hex();
  return scope;
}

const ScopeTable* Scope::street_table(std::string_view street) const {
  for (const ScopeTable& t : streets)
    if (!street.empty() && t.street == street) return &t;
  return nullptr;
}

std::vector<ScopeEntry> Scope::entries_for(std::string_view street) const {
  const ScopeTable* own = street_table(street);
  if (!own) return district.entries;
  std::vector<ScopeEntry> out;
  for (const ScopeEntry& e : district.entries) {
    if (std::find(own->removed.begin(), own->removed.end(), e.id) != own->removed.end()) continue;
    auto replaced = std::find_if(own->entries.begin(), own->entries.end(),
                                 [&](const ScopeEntry& x) { return x.id == e.id; });
    out.push_back(replaced != own->entries.end() ? *replaced : e);
  }
  for (const ScopeEntry& e : own->entries)
    if (std::none_of(district.entries.begin(), district.entries.end(),
                     [&](const ScopeEntry& d) { return d.id == e.id; }))
      out.push_back(e);
  return out;
}

std::string needs_label(const ScopeEntry& e) {
  if (e.discussion && e.legal_review) return "会审（集体讨论）、法制审核";
  return e.discussion ? "会审（集体讨论）" : "法制审核";
}

std::string describe_entry(const ScopeEntry& e) {
  const std::string who = e.party == "citizen"        ? "对公民"
                          : e.party == "organisation" ? "对法人或其他组织"
                                                      : "";
  if (e.test == "penalty") {
    std::string kinds;
    for (const std::string& k : e.kinds) kinds += (kinds.empty() ? "" : "、") + k;
    return "处罚种类为" + kinds;
  }
  if (e.test == "fine") return who + "罚款 " + yuan_text(e.min) + " 元以上";
  if (e.test == "confiscation")
    return who + "没收违法所得或非法财物 " + yuan_text(e.min) + " 元以上";
  if (e.test == "hearing") return "当事人要求听证（经过听证程序）";
  if (e.test == "hearing_eligible") return "属于应告知听证权利的处罚";
  if (e.test == "no_penalty") return "作出不予行政处罚决定";
  if (e.test == "mitigated") return "减轻处罚";
  if (e.test == "withdrawn") return "撤销立案";
  if (e.test == "complex") return "情节复杂";
  return e.test;
}

}  // namespace auditor

namespace auditor::checklist_xml {

Status parse_scope_ref(const DataFile& f, const pugi::xml_node& n, Checklist& out) {
  for (const pugi::xml_attribute& a : n.attributes())
    if (std::string_view(a.name()) != "dir")
      return f.fail(n, std::string("<scope> 有未知的属性 ") + a.name());
  if (n.first_child()) return f.fail(n, "<scope> 不能有子元素");
  if (n.next_sibling("scope")) return f.fail(n.next_sibling("scope"), "重复的 <scope> 范围表");
  std::string dir;
  if (Status s = f.text_attr(n, "dir", dir); !s.ok()) return s;
  const std::filesystem::path path = std::filesystem::path(f.label()).parent_path() / dir;
  Result<Scope> scope = load_scope(path);
  if (!scope) return f.fail(n, "无法读取会审和法制审核范围表 " + dir + "：" + scope.error());
  out.scope = std::make_shared<const Scope>(std::move(*scope));
  return Status::success();
}

}  // namespace auditor::checklist_xml

// Scoring profiles as data: the <scoring> element of checklist.xml (inline or
// a reference to a profile file) and <profile> files. Strict like the rest of
// the loader: an unknown element or attribute is an error naming file:line.
#include "auditor/checklist_scoring.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "auditor/rule_kinds.h"
#include "auditor/scoring.h"
#include "util/hash.h"

namespace auditor {
namespace checklist_xml {
namespace {

namespace fs = std::filesystem;

// Profiles are small; anything larger is not a profile (and /dev/zero-like
// paths never get read).
constexpr std::uintmax_t kMaxProfileBytes = 1 << 20;

// The finding kinds of the JSON contract (docs/formats/result-json.md).
const std::set<std::string> kFindingKinds = {
    "import", "missing_document", "deadline", "numbering",   "consistency", "officers",
    "seal",   "signature",        "order",    "manual_check"};

Status non_negative(const DataFile& f, const pugi::xml_node& n, const char* name, double& out) {
  Status s = f.number_attr(n, name, out);
  if (s.ok() && out < 0) s = f.fail(n, std::string("属性 ") + name + " 不能为负数");
  return s;
}

Status parse_bands(const DataFile& f, const pugi::xml_node& n, ScoringProfile& out) {
  for (const pugi::xml_node& b : n.children("band")) {
    GradeBand band;
    Status s = f.shape(b, {"min", "grade"}, {});
    if (s.ok()) s = f.number_attr(b, "min", band.min_score);
    if (s.ok()) s = f.text_attr(b, "grade", band.grade);
    if (!s.ok()) return s;
    out.bands.push_back(band);
  }
  if (out.bands.empty())
    return f.fail(n, std::string("<") + n.name() + "> 至少须有一个 <band> 等次");
  std::sort(out.bands.begin(), out.bands.end(),
            [](const GradeBand& a, const GradeBand& b) { return a.min_score > b.min_score; });
  return Status::success();
}

Status parse_item(const DataFile& f, const pugi::xml_node& n, std::set<std::string>& keys,
                  ItemPoints& item) {
  Status s = f.shape(n, {"rule", "kind", "severity", "points"}, {});
  if (s.ok()) s = non_negative(f, n, "points", item.points);
  if (!s.ok()) return s;
  item.rule = n.attribute("rule").value();
  item.kind = n.attribute("kind").value();
  item.severity = n.attribute("severity").value();
  const int set = !item.rule.empty() + !item.kind.empty() + !item.severity.empty();
  const std::string tag = std::string("<") + n.name() + ">";
  if (set != 1) return f.fail(n, tag + " 须且只须有 rule、kind、severity 之一");
  if (!item.kind.empty() && !find_rule_kind(item.kind))
    return f.fail(n, "未知的规则类型 " + item.kind);
  if (!item.severity.empty() && item.severity != "veto" && item.severity != "major" &&
      item.severity != "minor" && item.severity != "info")
    return f.fail(n, "严重程度 " + item.severity + " 无效（应为 veto、major、minor 或 info）");
  const std::string key = item.rule + "|" + item.kind + "|" + item.severity;
  if (!keys.insert(key).second)
    return f.fail(n, "重复的 " + tag + "（同一规则、类型或严重程度只能定义一次）");
  item.source = f.where(n);
  return Status::success();
}

Status parse_ratio(const DataFile& f, const pugi::xml_node& n, ScoringProfile& out) {
  const pugi::xml_node legality = n.child("legality"), items = n.child("items");
  if (!legality) return f.fail(n, "公式 ratio 须有 <legality points=\"…\"/> 合法性分值");
  if (!items) return f.fail(n, "公式 ratio 须有 <items points=\"…\"> 评查项目分值");
  Status s = f.shape(legality, {"points"}, {});
  if (s.ok()) s = non_negative(f, legality, "points", out.legality_points);
  if (s.ok()) s = f.shape(items, {"points", "default"}, {"item"});
  if (s.ok()) s = non_negative(f, items, "points", out.items_points);
  if (s.ok() && items.attribute("default"))
    s = non_negative(f, items, "default", out.default_item_points);
  std::set<std::string> keys;
  for (const pugi::xml_node& i : items.children("item")) {
    ItemPoints item;
    if (s.ok()) s = parse_item(f, i, keys, item);
    out.item_points.push_back(std::move(item));
  }
  const pugi::xml_node basic = n.child("basic");
  if (s.ok() && basic) s = f.shape(basic, {}, {"finding"});
  for (const pugi::xml_node& k : basic.children("finding")) {
    std::string kind;
    if (s.ok()) s = f.shape(k, {"kind"}, {});
    if (s.ok()) s = f.text_attr(k, "kind", kind);
    if (s.ok() && !kFindingKinds.count(kind)) s = f.fail(k, "未知的问题类型 " + kind);
    if (s.ok() && std::count(out.basic_kinds.begin(), out.basic_kinds.end(), kind))
      s = f.fail(k, "重复的基本要素问题类型 " + kind);
    out.basic_kinds.push_back(kind);
  }
  return s;
}

// <cap rule|kind|severity points>: the most one rule's findings deduct in
// total (docs/scoring.md, "Caps").
Status parse_caps(const DataFile& f, const pugi::xml_node& n, ScoringProfile& out) {
  std::set<std::string> keys;
  for (const pugi::xml_node& c : n.children("cap")) {
    ItemPoints cap;
    if (Status s = parse_item(f, c, keys, cap); !s.ok()) return s;
    out.caps.push_back(std::move(cap));
  }
  return Status::success();
}

// The body shared by <scoring> (inline) and <profile>.
Status parse_profile_node(const DataFile& f, const pugi::xml_node& n, ScoringProfile& out) {
  Status s = f.text_attr(n, "id", out.id);
  if (s.ok()) s = f.text_attr(n, "formula", out.formula);
  if (!s.ok()) return s;
  out.name = n.attribute("name").value();
  if (out.formula == "deduction") {
    s = f.shape(n, {"id", "name", "formula", "base"}, {"band", "cap"});
    if (s.ok()) s = f.number_attr(n, "base", out.base);
  } else if (out.formula == "ratio") {
    s = f.shape(n, {"id", "name", "formula", "veto"},
                {"band", "legality", "items", "basic", "cap"});
    if (s.ok() && n.attribute("veto")) {
      out.veto = n.attribute("veto").value();
      if (out.veto != "case" && out.veto != "legality")
        s = f.fail(n, "属性 veto 应为 case（否决项全案 0 分）或 legality（只扣合法性分），而不是“" +
                          out.veto + "”");
    }
    if (s.ok()) s = parse_ratio(f, n, out);
  } else {
    s = f.fail(n, "不支持的计分公式 " + out.formula + "（应为 deduction 或 ratio）");
  }
  if (s.ok()) s = parse_caps(f, n, out);
  if (s.ok()) s = parse_bands(f, n, out);
  return s;
}

Result<std::string> read_profile_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Error{"计分方案文件不存在：" + path.string()};
  if (fs::file_size(path, ec) > kMaxProfileBytes || ec)
    return Error{"计分方案文件过大或无法读取：" + path.string()};
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (!in || !(bytes << in.rdbuf())) return Error{"无法读取计分方案文件：" + path.string()};
  return bytes.str();
}

}  // namespace

Status parse_scoring(const DataFile& f, const pugi::xml_node& n, ScoringProfile& out) {
  const pugi::xml_attribute ref = n.attribute("profile");
  if (!ref) return parse_profile_node(f, n, out);
  if (Status s = f.shape(n, {"profile"}, {}); !s.ok()) return s;
  if (n.first_child()) return f.fail(n, "<scoring profile=\"…\"> 引用方案文件时不能再有子元素");
  const fs::path path = fs::path(f.label()).parent_path() / ref.value();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return f.fail(n, "计分方案文件不存在：" + path.string());
  Result<ScoringProfile> loaded = load_profile(path);
  if (!loaded) return Status::failure(loaded.error() + "（由 " + f.where(n) + " 引用）");
  out = std::move(*loaded);
  return Status::success();
}

Status check_scoring(const Checklist& cl) { return check_profile(cl.scoring, cl); }

}  // namespace checklist_xml

Result<ScoringProfile> load_profile(const std::filesystem::path& file) {
  Result<std::string> bytes = checklist_xml::read_profile_file(file);
  if (!bytes) return Error{bytes.error()};
  const std::string digest = sha256_hex(*bytes);
  checklist_xml::DataFile f;
  Status s = f.parse(file.string(), file.filename().string(), std::move(*bytes));
  if (s.ok() && std::string(f.root().name()) != "profile")
    s = f.fail(f.root(),
               std::string("未知的根元素 <") + f.root().name() + ">（计分方案文件应为 <profile>）");
  ScoringProfile p;
  if (s.ok()) s = checklist_xml::parse_profile_node(f, f.root(), p);
  if (!s.ok()) return Error{s.reason};
  p.file = file.lexically_normal().string();
  p.sha256 = digest;
  return p;
}

Status check_profile(const ScoringProfile& profile, const Checklist& checklist) {
  std::vector<ItemPoints> entries = profile.item_points;
  entries.insert(entries.end(), profile.caps.begin(), profile.caps.end());
  for (const ItemPoints& item : entries) {
    if (item.rule.empty()) continue;
    const bool known = std::any_of(checklist.rules.begin(), checklist.rules.end(),
                                   [&](const Rule& r) { return r.id == item.rule; });
    if (!known)
      return Status::failure(item.source + ": 计分方案 " + profile.id + " 中的规则编号 " +
                             item.rule + " 在检查清单 " + checklist.id + " 中不存在");
  }
  return Status::success();
}

}  // namespace auditor

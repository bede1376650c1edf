// The parsers of the three kinds of checklist data file: <checklist> (header,
// stages, settings, scoring), <doctypes> and <rules>. Strict: an unknown
// element or attribute is an error, so a typo never silently drops a rule.
#include <algorithm>
#include <set>

#include "auditor/checklist_scoring.h"
#include "auditor/checklist_xml.h"
#include "auditor/conditions.h"
#include "auditor/rule_kinds.h"
#include "auditor/scope_xml.h"
#include "auditor/settings.h"
#include "util/text_match.h"

namespace auditor::checklist_xml {
namespace {

Status stage_in_range(const DataFile& f, const pugi::xml_node& node, int stage) {
  if (stage < 1 || stage > 8)
    return f.fail(node, "阶段 " + std::to_string(stage) + " 超出范围（应为 1 至 8）");
  return Status::success();
}

Status first_definition(const DataFile& f, const pugi::xml_node& node, IdIndex& seen,
                        const std::string& id, const char* what) {
  auto [it, inserted] = seen.emplace(id, f.where(node));
  if (!inserted)
    return f.fail(node,
                  std::string("重复的") + what + " " + id + "（已在 " + it->second + " 定义）");
  return Status::success();
}

Status required_text(const DataFile& f, const pugi::xml_node& node, const char* child,
                     std::string& out) {
  out = trimmed(node.child(child).text().get());
  if (out.empty())
    return f.fail(node, std::string("<") + node.name() + "> 缺少 <" + child + "> 或其内容为空");
  return Status::success();
}

Status parse_stages(const DataFile& f, const pugi::xml_node& stages, Checklist& out,
                    Defined& seen) {
  if (Status s = f.shape(stages, {}, {"stage"}); !s.ok()) return s;
  for (const pugi::xml_node& n : stages.children("stage")) {
    Stage st;
    Status s = f.shape(n, {"number", "name"}, {});
    if (s.ok()) s = f.int_attr(n, "number", st.number);
    if (s.ok()) s = stage_in_range(f, n, st.number);
    if (s.ok()) s = f.text_attr(n, "name", st.name);
    if (s.ok()) s = first_definition(f, n, seen.stages, std::to_string(st.number), "阶段");
    if (!s.ok()) return s;
    out.stages.push_back(st);
  }
  std::sort(out.stages.begin(), out.stages.end(),
            [](const Stage& a, const Stage& b) { return a.number < b.number; });
  return Status::success();
}

Status parse_settings(const DataFile& f, const pugi::xml_node& settings, Checklist& out) {
  if (Status s = f.shape(settings, {}, {"setting"}); !s.ok()) return s;
  for (const pugi::xml_node& n : settings.children("setting")) {
    std::string name, value;
    Status s = f.shape(n, {"name", "value"}, {});
    if (s.ok()) s = f.text_attr(n, "name", name);
    if (s.ok()) s = f.text_attr(n, "value", value);
    if (!s.ok()) return s;
    if (std::string bad = validate_settings({{name, value}}); !bad.empty()) return f.fail(n, bad);
    if (!out.settings.emplace(name, value).second) return f.fail(n, "重复的设置项 " + name);
  }
  return Status::success();
}

std::vector<std::string> split_when(const std::string& when) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= when.size()) {
    std::size_t comma = when.find(',', start);
    if (comma == std::string::npos) comma = when.size();
    if (std::string term = trimmed(when.substr(start, comma - start)); !term.empty())
      out.push_back(term);
    start = comma + 1;
  }
  return out;
}

// `n`'s procedures= attribute, else `inherited` (the <rules> element's).
std::vector<std::string> procedures_of(const pugi::xml_node& n,
                                       const std::vector<std::string>& inherited) {
  return n.attribute("procedures") ? split_when(n.attribute("procedures").value()) : inherited;
}

Status parse_rule(const DataFile& f, const pugi::xml_node& n, Rule& r) {
  Status s = f.shape(
      n, {"id", "kind", "severity", "deduction", "stage", "when", "since", "until", "procedures"},
      {"basis", "message", "description", "param"});
  if (s.ok()) s = f.text_attr(n, "id", r.id);
  if (s.ok()) s = f.text_attr(n, "kind", r.kind);
  if (s.ok() && !find_rule_kind(r.kind)) {
    std::string known;
    for (const RuleKind& k : rule_kinds())
      known += (known.empty() ? "" : "、") + std::string(k.name);
    s = f.fail(n, "未知的规则类型 " + r.kind + "（可用：" + known + "）");
  }
  if (s.ok()) s = f.text_attr(n, "severity", r.severity);
  if (s.ok() && r.severity != "veto" && r.severity != "major" && r.severity != "minor" &&
      r.severity != "info")
    s = f.fail(n, "严重程度 " + r.severity + " 无效（应为 veto、major、minor 或 info）");
  if (s.ok() && n.attribute("deduction")) s = f.number_attr(n, "deduction", r.deduction);
  if (s.ok() && r.deduction < 0) s = f.fail(n, "扣分不能为负数");
  if (s.ok() && n.attribute("stage")) {
    int stage = 0;
    s = f.int_attr(n, "stage", stage);
    if (s.ok()) s = stage_in_range(f, n, stage);
    r.stage = stage;
  }
  r.when = split_when(n.attribute("when").value());
  for (const std::string& term : r.when) {
    const std::string name = term[0] == '!' ? term.substr(1) : term;
    if (s.ok() && !is_condition_name(name)) s = f.fail(n, "未知的条件名 " + name);
  }
  if (s.ok()) s = required_text(f, n, "basis", r.basis);
  if (s.ok()) s = required_text(f, n, "message", r.message);
  if (s.ok()) s = required_text(f, n, "description", r.description);
  for (const pugi::xml_node& p : n.children("param")) {
    std::string name, value;
    if (s.ok()) s = f.shape(p, {"name", "value"}, {});
    if (s.ok()) s = f.text_attr(p, "name", name);
    if (s.ok()) s = f.text_attr(p, "value", value);
    if (s.ok() && !r.params.emplace(name, value).second) s = f.fail(p, "重复的参数 " + name);
  }
  if (s.ok()) s = parse_rule_period(f, n, r);
  r.source = f.source(n);
  return s;
}

}  // namespace

Status parse_header(const DataFile& f, Checklist& out, Defined& seen) {
  const pugi::xml_node root = f.root();
  if (seen.has_header) return f.fail(root, "重复的 <checklist> 清单头");
  seen.has_header = true;
  Status s = f.shape(root, {"id", "version", "name"},
                     {"stages", "procedures", "settings", "scoring", "calendar", "scope"});
  if (s.ok()) s = f.text_attr(root, "id", out.id);
  if (s.ok()) s = f.text_attr(root, "version", out.version);
  if (s.ok()) s = f.text_attr(root, "name", out.name);
  if (s.ok() && !root.child("stages")) s = f.fail(root, "<checklist> 缺少 <stages> 阶段列表");
  if (s.ok() && !root.child("scoring")) s = f.fail(root, "<checklist> 缺少 <scoring> 计分方案");
  if (s.ok()) s = parse_stages(f, root.child("stages"), out, seen);
  if (s.ok() && root.child("procedures")) s = parse_procedures(f, root.child("procedures"), out);
  if (s.ok()) s = parse_settings(f, root.child("settings"), out);
  if (s.ok()) s = parse_scoring(f, root.child("scoring"), out.scoring);
  if (s.ok() && root.child("calendar")) s = parse_calendar(f, root.child("calendar"), out);
  if (s.ok() && root.child("scope")) s = parse_scope_ref(f, root.child("scope"), out);
  return s;
}

Status parse_doc_types(const DataFile& f, Checklist& out, Defined& seen) {
  if (Status s = f.shape(f.root(), {}, {"doctype"}); !s.ok()) return s;
  for (const pugi::xml_node& n : f.root().children("doctype")) {
    DocType t;
    Status s = f.shape(n, {"id", "name", "stage", "abbreviation", "priority"}, {"title"});
    if (s.ok()) s = f.text_attr(n, "id", t.id);
    if (s.ok()) s = f.text_attr(n, "name", t.name);
    if (s.ok()) s = f.int_attr(n, "stage", t.stage);
    if (s.ok()) s = stage_in_range(f, n, t.stage);
    if (s.ok() && n.attribute("priority")) s = f.int_attr(n, "priority", t.priority);
    if (s.ok()) s = first_definition(f, n, seen.doc_types, t.id, "文书类型");
    if (!s.ok()) return s;
    t.abbreviation = n.attribute("abbreviation").value();
    t.titles.push_back(t.name);
    for (const pugi::xml_node& title : n.children("title")) {
      std::string text = trimmed(title.text().get());
      if (text.empty()) return f.fail(title, "<title> 内容为空");
      if (std::find(t.titles.begin(), t.titles.end(), text) == t.titles.end())
        t.titles.push_back(text);
    }
    for (const std::string& title : t.titles) t.match_titles.push_back(normalize_for_match(title));
    out.doc_types.push_back(std::move(t));
  }
  return Status::success();
}

Status parse_rules(const DataFile& f, Checklist& out, Defined& seen) {
  if (Status s = f.shape(f.root(), {"procedures"}, {"rule"}); !s.ok()) return s;
  const std::vector<std::string> inherited = procedures_of(f.root(), {});
  for (const pugi::xml_node& n : f.root().children("rule")) {
    Rule r;
    Status s = parse_rule(f, n, r);
    r.procedures = procedures_of(n, inherited);
    if (s.ok()) s = first_definition(f, n, seen.rules, r.id, "规则编号");
    if (!s.ok()) return s;
    out.rules.push_back(std::move(r));
  }
  return Status::success();
}

Status validate(const Checklist& cl, const std::filesystem::path& dir) {
  if (Status s = validate_procedures(cl, dir); !s.ok()) return s;
  for (const Rule& r : cl.rules) {
    const RuleKind* kind = find_rule_kind(r.kind);
    if (std::string bad = kind->validate(r, cl); !bad.empty())
      return Status::failure((dir / r.source).string() + ": 规则 " + r.id + "：" + bad);
  }
  return check_scoring(cl);
}

}  // namespace auditor::checklist_xml

#include "auditor/scope_eval.h"

#include <algorithm>
#include <map>
#include <set>

namespace auditor {
namespace {

std::string title_of(const Checklist& cl, const Document& d) {
  const DocType* t = d.type ? cl.doc_type(*d.type) : nullptr;
  return "《" + (t ? t->name : d.path) + "》";
}

// The documents that state what was decided, strongest first: the
// decision, then what was proposed to the deciders.
constexpr const char* kDeciding[] = {"penalty_decision", "no_penalty_decision", "penalty_notice",
                                     "no_penalty_notice", "penalty_approval"};

// The penalty kinds of the first deciding document on file that has text,
// and what it is; an empty set with `read` false when they cannot be read.
struct Kinds {
  std::set<std::string> kinds;
  std::string where;
  bool read = false;
  const Document* doc = nullptr;  // the deciding document, when on file
};

// Words every spelling of a kind holds (行政处罚法第九条): a decision whose
// text holds none of them does not impose the kind, even when the sentence
// that imposes its penalties was not read.
const std::map<std::string, std::vector<std::string>>& kind_stems() {
  static const std::map<std::string, std::vector<std::string>> stems = {
      {"警告", {"警告"}},
      {"通报批评", {"通报批评"}},
      {"罚款", {"罚款"}},
      {"没收违法所得", {"没收"}},
      {"没收非法财物", {"没收"}},
      {"暂扣许可证件", {"暂扣"}},
      {"降低资质等级", {"降低资质"}},
      {"吊销许可证件", {"吊销"}},
      {"限制开展生产经营活动", {"限制开展生产经营"}},
      {"责令停产停业", {"停产", "停业"}},
      {"责令关闭", {"关闭"}},
      {"限制从业", {"限制从业"}},
      {"行政拘留", {"拘留"}},
      {"不予处罚", {"不予", "免予"}},
  };
  return stems;
}

// Whether the deciding document's text mentions any of `kinds` at all.
bool mentions_any(const Document& d, const std::vector<std::string>& kinds) {
  for (const std::string& k : kinds) {
    auto it = kind_stems().find(k);
    if (it == kind_stems().end()) return true;  // unknown kind: cannot rule it out
    for (const std::string& stem : it->second)
      if (d.text.find(stem) != std::string::npos) return true;
  }
  return false;
}

Kinds kinds_decided(const Case& c, const Checklist& cl) {
  for (const char* type : kDeciding)
    for (const Document& d : c.documents) {
      if (d.type != type) continue;
      Kinds k;
      k.doc = &d;
      k.where = title_of(cl, d) + "（" + d.path + "）";
      for (const Fact& f : d.facts)
        if (f.kind == "penalty_kind") k.kinds.insert(f.value);
      if (std::string_view(type) == "no_penalty_decision") k.kinds.insert("不予处罚");
      k.read = !k.kinds.empty();
      return k;  // the strongest document decides, read or not
    }
  return {};
}

std::string joined(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "、") + s;
  return out;
}

// An amount of the party's kind against an entry's threshold.
ConditionValue against_min(const ScopeEntry& e, double amount, const std::string& what,
                           PartyKind kind) {
  const bool citizen = e.party == "citizen", organisation = e.party == "organisation";
  if ((citizen && kind == PartyKind::organisation) || (organisation && kind == PartyKind::citizen))
    return {Tri::no, what + "，当事人不是" + (citizen ? "公民" : "法人或其他组织")};
  if (amount < e.min) return {Tri::no, what + "，低于 " + yuan_text(e.min) + " 元"};
  if ((citizen || organisation) && kind == PartyKind::unknown)
    return {Tri::unknown, what + "，未能判断当事人是公民还是法人或其他组织"};
  return {Tri::yes, what + (citizen        ? "，当事人为公民"
                            : organisation ? "，当事人为法人或其他组织"
                                           : "")};
}

ConditionValue confiscated(const ScopeEntry& e, const Case& c, const Checklist& cl,
                           const Kinds& kinds, PartyKind kind) {
  for (const char* type : kDeciding)
    for (const Document& d : c.documents) {
      if (d.type != type) continue;
      double total = 0;
      bool any = false;
      for (const Fact& f : d.facts)
        if (f.kind == "confiscation")
          if (std::optional<double> v = fact_amount(f.value)) {
            total += *v;
            any = true;
          }
      if (any)
        return against_min(
            e, total, title_of(cl, d) + "载明没收违法所得或非法财物 " + yuan_text(total) + " 元",
            kind);
      if (kinds.read && !kinds.kinds.count("没收违法所得") && !kinds.kinds.count("没收非法财物"))
        return {Tri::no, kinds.where + "未载明没收（处罚种类：" + joined(kinds.kinds) + "）"};
      if (d.has_text && d.text.find("没收") == std::string::npos)
        return {Tri::no, title_of(cl, d) + "全文未提及没收"};
      return {Tri::unknown, "未能从" + title_of(cl, d) + "中读出没收的数额"};
    }
  return {Tri::unknown, "卷内未见处罚决定书或告知书，无法判断没收数额"};
}

ConditionValue condition(const Conditions& so_far, const char* name) {
  auto it = so_far.find(name);
  if (it == so_far.end()) return {Tri::unknown, "无法判断" + condition_question(name)};
  return it->second;
}

// 情节复杂: stated (the condition complicated), else a field left blank is
// undecidable; unstated is undecidable or, with undecided="no", no — when
// every document that could state it has text.
ConditionValue complex(const ScopeEntry& e, const Case& c, const Checklist& cl,
                       const Conditions& so_far) {
  ConditionValue v = condition(so_far, "complicated");
  if (v.value != Tri::unknown) return v;
  const std::vector<std::string> stating = condition_stated_in("complicated");
  for (const Document& d : c.documents)
    for (const Fact& f : d.facts)
      if (f.kind == "complex_stated" && f.value == "blank")
        return {Tri::unknown, title_of(cl, d) + "（" + d.path + "）的“情节复杂”一栏未勾选"};
  if (e.undecided == "manual") return {Tri::unknown, "卷内文书和卷内清单均未载明是否情节复杂"};
  for (const Document& d : c.documents)
    if (d.type && std::find(stating.begin(), stating.end(), *d.type) != stating.end() &&
        (!d.has_text || d.text.empty()))
      return {Tri::unknown,
              title_of(cl, d) + "（" + d.path + "）无可提取文字，无法判断是否载明情节复杂"};
  return {Tri::no, "卷内文书和卷内清单均未载明情节复杂（范围表约定未载明的视为否）"};
}

// One entry against the case.
ConditionValue entry_value(const ScopeEntry& e, const Case& c, const Checklist& cl,
                           const Conditions& so_far, const Kinds& kinds, PartyKind kind) {
  if (e.test == "penalty") {
    if (!kinds.read && kinds.doc && kinds.doc->has_text && !mentions_any(*kinds.doc, e.kinds))
      return {Tri::no, kinds.where + "全文未提及" + joined({e.kinds.begin(), e.kinds.end()})};
    if (!kinds.read)
      return {Tri::unknown, kinds.where.empty() ? "卷内未见处罚决定书或告知书，无法判断处罚种类"
                                                : "未能从" + kinds.where + "中读出处罚种类"};
    std::set<std::string> hit;
    for (const std::string& k : e.kinds)
      if (kinds.kinds.count(k)) hit.insert(k);
    return {hit.empty() ? Tri::no : Tri::yes, kinds.where + "载明处罚种类：" + joined(kinds.kinds)};
  }
  if (e.test == "fine") {
    if (std::optional<std::pair<double, std::string>> f = case_fine(c, cl))
      return against_min(e, f->first, f->second, kind);
    if (kinds.read && !kinds.kinds.count("罚款"))
      return {Tri::no, kinds.where + "未处以罚款（处罚种类：" + joined(kinds.kinds) + "）"};
    return {Tri::unknown, "未能读出罚款数额"};
  }
  if (e.test == "confiscation") return confiscated(e, c, cl, kinds, kind);
  if (e.test == "hearing") return condition(so_far, "hearing_requested");
  if (e.test == "hearing_eligible") return condition(so_far, "hearing_eligible");
  if (e.test == "no_penalty") return condition(so_far, "no_penalty");
  if (e.test == "mitigated") return condition(so_far, "mitigated");
  if (e.test == "withdrawn") return condition(so_far, "withdrawn");
  if (e.test == "complex") return complex(e, c, cl, so_far);
  return {};
}

std::string table_label(const Scope& scope, const std::string& street) {
  std::string out = "范围表 " + scope.district.id + "（" + scope.district.version + "）";
  if (const ScopeTable* t = scope.street_table(street))
    out += "及" + t->street + "街道范围表（" + t->version + "）";
  return out;
}

ConditionValue decide(const Case& c, const Checklist& cl, const Scope& scope, ScopeNeed need,
                      const Conditions& so_far, const std::string& street) {
  const Kinds kinds = kinds_decided(c, cl);
  const PartyKind kind = case_party_kind(c, cl);
  const std::string what = need == ScopeNeed::discussion ? "会审（集体讨论）" : "法制审核";
  std::string unknown;
  std::size_t tested = 0;
  for (const ScopeEntry& e : scope.entries_for(street)) {
    if (!e.needs(need)) continue;
    ++tested;
    const ConditionValue v = entry_value(e, c, cl, so_far, kinds, kind);
    if (v.value == Tri::yes)
      return {Tri::yes, table_label(scope, street) + "条目 " + e.id + "“" + e.name + "”须" + what +
                            "：" + v.why};
    if (v.value == Tri::unknown)
      unknown += (unknown.empty() ? "" : "；") + e.id + "“" + e.name + "”（" + v.why + "）";
  }
  if (!unknown.empty())
    return {Tri::unknown, table_label(scope, street) + "中无法判断的条目：" + unknown};
  return {Tri::no, table_label(scope, street) + "须" + what + "的 " + std::to_string(tested) +
                       " 项条件均不符合"};
}

}  // namespace

const Scope* checklist_scope(const Checklist& cl) { return cl.scope.get(); }

ConditionValue scope_decides(const Case& c, const Checklist& cl, const Scope& scope, ScopeNeed need,
                             const Conditions& so_far) {
  const std::string street = c.info.street.value_or("");
  if (!street.empty() || scope.streets.empty()) return decide(c, cl, scope, need, so_far, street);
  // The street is unknown: one answer only when every table gives it.
  ConditionValue first = decide(c, cl, scope, need, so_far, "");
  for (const ScopeTable& t : scope.streets)
    if (decide(c, cl, scope, need, so_far, t.street).value != first.value)
      return {Tri::unknown, "未能确定案件所属街道，各街道的范围表结论不同（" + first.why + "）"};
  return first;
}

}  // namespace auditor

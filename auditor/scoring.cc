#include "auditor/scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "auditor/rule_kinds.h"

namespace auditor {
namespace {

bool has_veto(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == "veto"; });
}

std::string lowest_grade(const ScoringProfile& profile) {
  return profile.bands.empty() ? "" : profile.bands.back().grade;
}

std::string band_of(double value, const ScoringProfile& profile) {
  for (const GradeBand& b : profile.bands)
    if (value >= b.min_score) return b.grade;
  return lowest_grade(profile);
}

bool is_basic(const Finding& f, const ScoringProfile& profile) {
  return std::find(profile.basic_kinds.begin(), profile.basic_kinds.end(), f.kind) !=
         profile.basic_kinds.end();
}

// For listings only (a rule does not declare its findings' kind): a rule
// whose kind is named like a basic finding kind, or an import-phase rule
// when "import" is basic.
bool likely_basic(const Rule& rule, const ScoringProfile& profile) {
  const RuleKind* kind = find_rule_kind(rule.kind);
  for (const std::string& k : profile.basic_kinds)
    if (k == rule.kind || (k == "import" && kind && kind->import_phase)) return true;
  return false;
}

const Rule* rule_by_id(const std::vector<Rule>& rules, const std::string& id) {
  for (const Rule& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

// The <cap> entry for a rule: its id, else its kind, else its severity.
const ItemPoints* cap_entry(const std::string& id, const Rule* rule, const std::string& severity,
                            const ScoringProfile& profile) {
  const ItemPoints* by_kind = nullptr;
  const ItemPoints* by_severity = nullptr;
  for (const ItemPoints& c : profile.caps) {
    if (c.rule == id) return &c;
    if (rule && !c.kind.empty() && c.kind == rule->kind) by_kind = &c;
    const std::string& sev = rule ? rule->severity : severity;
    if (!c.severity.empty() && c.severity == sev) by_severity = &c;
  }
  return by_kind ? by_kind : by_severity;
}

// The findings' deductions after capping, summed over those `counted`.
template <typename Pred>
double capped_sum(const std::vector<Finding>& findings, const std::vector<Rule>& rules,
                  const ScoringProfile& profile, Pred counted) {
  std::vector<Finding> copy = findings;
  cap_deductions(copy, rules, profile);
  double sum = 0;
  for (const Finding& f : copy)
    if (counted(f)) sum += f.deduction;
  return sum;
}

double raw_sum(const std::vector<Finding>& findings) {
  double sum = 0;
  for (const Finding& f : findings) sum += f.deduction;
  return sum;
}

// "（同一问题多处按项计、扣完该项分值为止，少扣 N 分）" when capping changed the
// total.
std::string capped_note(double raw, double capped) {
  if (raw - capped < 0.005) return "";
  return "（同一问题多处按项计、扣完该项分值为止，少扣 " + points_text(raw - capped) + " 分）";
}

Score score_deduction(const std::vector<Finding>& findings, const std::vector<Rule>& rules,
                      const ScoringProfile& profile) {
  if (has_veto(findings)) return {0, lowest_grade(profile), "存在否决项，得 0 分"};
  const double deducted = capped_sum(findings, rules, profile, [](const Finding&) { return true; });
  const double value = std::max(profile.base - deducted, 0.0);
  return {value, band_of(value, profile),
          points_text(profile.base) + " − " + points_text(deducted) + " = " + points_text(value) +
              capped_note(raw_sum(findings), deducted)};
}

Score score_ratio(const std::vector<Finding>& findings, const std::vector<Check>& checks,
                  const std::vector<Rule>& rules, const ScoringProfile& profile) {
  if (has_veto(findings) && profile.veto != "legality")
    return {0, lowest_grade(profile),
            "存在否决项（重大问题），全案 0 分，等次为" + lowest_grade(profile)};
  std::map<std::string, const Rule*> by_id;
  for (const Rule& r : rules) by_id[r.id] = &r;
  // Rules with a scored finding that is not a basic element lose their item;
  // info findings (manual checks) are never a failure.
  std::map<std::string, bool> lost;
  for (const Finding& f : findings)
    if (!is_basic(f, profile) && f.severity != "info") lost[f.rule] = true;
  const double basic =
      capped_sum(findings, rules, profile, [&](const Finding& f) { return is_basic(f, profile); });
  double earned = 0, applicable = 0;
  for (const Check& c : checks) {
    auto it = by_id.find(c.rule);
    if (it == by_id.end()) continue;
    if (c.outcome != Outcome::passed && c.outcome != Outcome::failed) continue;
    const double p = item_points(*it->second, profile);
    if (p <= 0) continue;
    applicable += p;
    if (c.outcome == Outcome::passed || !lost.count(c.rule)) earned += p;
  }
  const bool veto = has_veto(findings);
  const double legality = veto ? 0 : profile.legality_points;
  std::string text = "合法性 " + points_text(legality) + (veto ? "（存在否决项）" : "");
  if (applicable <= 0) {
    const double value = std::max(legality - basic, 0.0);
    return {value, "", text + "；无适用的评查项目，无法评定等次"};
  }
  double value = legality + profile.items_points * earned / applicable - basic;
  value = std::round(std::max(value, 0.0) * 100) / 100;
  text += " + " + points_text(profile.items_points) + " × " + points_text(earned) + "/" +
          points_text(applicable) + " − 基本要素扣分 " + points_text(basic) + " = " +
          points_text(value);
  return {value, veto ? lowest_grade(profile) : band_of(value, profile), text};
}

}  // namespace

Score score_findings(const std::vector<Finding>& findings, const ScoringProfile& profile) {
  return score_deduction(findings, {}, profile);
}

Score score_case(const std::vector<Finding>& findings, const std::vector<Check>& checks,
                 const std::vector<Rule>& rules, const ScoringProfile& profile) {
  if (profile.formula == "ratio") return score_ratio(findings, checks, rules, profile);
  return score_deduction(findings, rules, profile);
}

namespace {

double deduction_cap(const std::string& rule_id, const Rule* rule, const std::string& severity,
                     double largest, const ScoringProfile& profile) {
  if (const ItemPoints* c = cap_entry(rule_id, rule, severity, profile)) return c->points;
  return rule ? std::max(rule->deduction, largest) : largest;
}

}  // namespace

void cap_deductions(std::vector<Finding>& findings, const std::vector<Rule>& rules,
                    const ScoringProfile& profile) {
  std::map<std::string, double> largest, used;
  for (const Finding& f : findings) largest[f.rule] = std::max(largest[f.rule], f.deduction);
  for (Finding& f : findings) {
    if (f.deduction <= 0 || f.rule.empty()) continue;  // no rule, no item to cap
    const Rule* rule = rule_by_id(rules, f.rule);
    const double cap = deduction_cap(f.rule, rule, f.severity, largest[f.rule], profile);
    double& so_far = used[f.rule];
    f.deduction = std::max(std::min(f.deduction, cap - so_far), 0.0);
    so_far += f.deduction;
  }
}

double item_points(const Rule& rule, const ScoringProfile& profile) {
  const ItemPoints* by_kind = nullptr;
  const ItemPoints* by_severity = nullptr;
  for (const ItemPoints& i : profile.item_points) {
    if (i.rule == rule.id) return i.points;
    if (!i.kind.empty() && i.kind == rule.kind) by_kind = &i;
    if (!i.severity.empty() && i.severity == rule.severity) by_severity = &i;
  }
  if (by_kind) return by_kind->points;
  if (by_severity) return by_severity->points;
  return profile.default_item_points;
}

namespace {

std::string cap_text(const Rule& rule, const ScoringProfile& profile) {
  const double cap = deduction_cap(rule.id, &rule, rule.severity, 0, profile);
  if (cap < rule.deduction) return "（本项最多扣 " + points_text(cap) + " 分）";
  if (cap == rule.deduction) return "（多处按一项计）";
  return "（每处扣 " + points_text(rule.deduction) + " 分，扣完 " + points_text(cap) + " 分为止）";
}

}  // namespace

std::string rule_scoring_text(const Rule& rule, const ScoringProfile& profile) {
  const std::string lowest = lowest_grade(profile);
  if (profile.formula == "ratio") {
    const double p = item_points(rule, profile);
    std::string text = p > 0 ? "评查项目 " + points_text(p) + " 分" : "不计入评查项目";
    if (rule.deduction > 0 && likely_basic(rule, profile))
      text += "；基本要素问题，扣 " + points_text(rule.deduction) + " 分" + cap_text(rule, profile);
    if (rule.severity == "veto")
      text += profile.veto == "legality"
                  ? "；否决项：合法性分 " + points_text(profile.legality_points) +
                        " 分归零，等次为" + lowest
                  : "；否决项（重大问题）：全案 0 分，等次为" + lowest;
    return text;
  }
  if (rule.severity == "veto") return "否决项：得 0 分，等次为" + lowest;
  if (rule.deduction <= 0) return "不扣分";
  return "扣 " + points_text(rule.deduction) + " 分" + cap_text(rule, profile);
}

std::string bands_text(const ScoringProfile& profile) {
  std::string out;
  for (const GradeBand& b : profile.bands)
    out += (out.empty() ? "" : "、") + std::string("≥ ") + points_text(b.min_score) + " " + b.grade;
  return out;
}

std::string points_text(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", std::round(value * 100) / 100 + 0.0);
  std::string s = buf;
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

}  // namespace auditor

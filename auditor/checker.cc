#include "auditor/checker.h"

#include <algorithm>

#include "auditor/conditions.h"
#include "auditor/events.h"
#include "auditor/ocr_basis.h"
#include "auditor/procedure.h"
#include "auditor/rule_kinds.h"
#include "auditor/scoring.h"

namespace auditor {
namespace {

// "适用条件 !x：question——是/否/无法判断（why）" for each `when` term.
void add_condition_lines(const Rule& r, const Conditions& conditions,
                         std::vector<std::string>& evidence) {
  for (const std::string& term : r.when) {
    const std::string name = term[0] == '!' ? term.substr(1) : term;
    auto it = conditions.find(name);
    if (it == conditions.end()) continue;
    const Tri v = it->second.value;
    evidence.push_back("适用条件 " + term + "：" + condition_question(name) + "——" +
                       (v == Tri::yes  ? "是"
                        : v == Tri::no ? "否"
                                       : "无法判断") +
                       "（" + it->second.why + "）");
  }
}

// The finding for a failed check whose `when` conditions are unknown: no
// violation can be asserted, so the inspector is asked to confirm.
Finding manual_check(const Rule& r, const RuleKind& kind, const RuleContext& ctx,
                     const std::vector<std::string>& unknown, const std::vector<Finding>& failed) {
  Finding f = finding_for(r, "manual_check");
  f.severity = "info";
  f.deduction = 0;
  std::string questions;
  for (const std::string& name : unknown)
    questions += (questions.empty() ? "" : "、") + condition_question(name);
  const std::string hint =
      kind.manual_hint ? kind.manual_hint(r, ctx.checklist) : "本项（" + r.description + "）";
  f.message = "无法判断" + questions + "，请人工核对" + hint;
  if (!failed.empty()) {
    f.stage = failed.front().stage;
    f.document = failed.front().document;
    f.evidence = failed.front().evidence;
  }
  return f;
}

// The manual check for a rule whose law version cannot be chosen: neither
// the decision date nor the filing date could be read, or what was read is
// implausible (events.h), which the message then names.
Finding undated_case(const Rule& r, const RuleContext& ctx) {
  Finding f = finding_for(r, "manual_check");
  f.severity = "info";
  f.deduction = 0;
  std::vector<ImplausibleDate> implausible;
  for (const char* event : {"decided", "filed"})
    for (ImplausibleDate& d : date_event(ctx.c, ctx.checklist, event).implausible)
      implausible.push_back(std::move(d));
  f.message = implausible.empty() ? std::string("未能读取处罚决定日期和立案日期")
                                  : implausible_phrase(implausible, ctx.checklist);
  f.message += "，无法确定适用的法律版本，请人工核对：" + r.description;
  f.evidence = {"查找了《行政处罚决定书》的落款日期、《立案审批表》的立案日期和落款日期"};
  for (const ImplausibleDate& d : implausible)
    f.evidence.push_back(implausible_evidence(d, ctx.checklist));
  return f;
}

Outcome run_rule(const Rule& r, const RuleKind& kind, const RuleContext& ctx,
                 std::vector<Finding>& out) {
  std::vector<std::string> unknown;
  const Tri gate = evaluate_when(r.when, ctx.conditions, unknown);
  if (gate == Tri::no) return Outcome::not_applicable;
  // Law version by date (Rule::since / until).
  if (const Tri in_force = rule_in_force(r, ctx.c, ctx.checklist); in_force != Tri::yes) {
    if (in_force == Tri::no) return Outcome::not_applicable;
    // Said once per rule family: by the rule of the current law (since=).
    if (gate == Tri::yes && r.since) out.push_back(undated_case(r, ctx));
    return Outcome::not_checkable;
  }
  std::vector<Finding> found;
  Outcome o = kind.check(r, ctx, found);
  if (gate == Tri::unknown && o == Outcome::failed) {
    found = {manual_check(r, kind, ctx, unknown, found)};
    o = Outcome::not_checkable;
  } else if (gate == Tri::unknown && o == Outcome::not_checkable) {
    found.clear();  // neither the rule's conditions nor its facts are known
  }
  for (Finding& f : found) {
    add_condition_lines(r, ctx.conditions, f.evidence);
    out.push_back(std::move(f));
  }
  return o;
}

std::optional<int> stage_of_member(const Case& c, const std::string& member) {
  for (const Document& d : c.documents)
    if (d.path == member) return d.stage;
  return std::nullopt;
}

}  // namespace

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::passed:
      return "passed";
    case Outcome::failed:
      return "failed";
    case Outcome::not_applicable:
      return "not_applicable";
    case Outcome::not_checkable:
      return "not_checkable";
  }
  return "not_checkable";
}

Outcome outcome_named(std::string_view name) {
  for (Outcome o : {Outcome::passed, Outcome::failed, Outcome::not_applicable})
    if (name == outcome_name(o)) return o;
  return Outcome::not_checkable;
}

Outcome check_import_issues(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  for (const ImportIssue& issue : ctx.c.issues) {
    Finding f = finding_for(r, "import");
    f.stage = stage_of_member(ctx.c, issue.member);
    f.document = issue.member;
    f.message = fill_message(r.message, {{"member", issue.member}, {"reason", issue.reason}});
    f.evidence = {"文件：" + issue.member, "原因：" + issue.reason};
    out.push_back(std::move(f));
  }
  return ctx.c.issues.empty() ? Outcome::passed : Outcome::failed;
}

Outcome check_text_extracted(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  bool any = false;
  for (const Document& d : ctx.c.documents) {
    const bool text_format =
        d.format == "docx" || d.format == "ofd" || d.format == "pdf" || d.format == "doc";
    const bool reported = std::any_of(ctx.c.issues.begin(), ctx.c.issues.end(),
                                      [&](const ImportIssue& i) { return i.member == d.path; });
    if (!text_format || d.has_text || reported) continue;
    Finding f = finding_for(r, "import");
    f.stage = d.stage;
    f.document = d.path;
    f.message = fill_message(r.message, {{"member", d.path}, {"format", d.format}});
    f.evidence = {"文件：" + d.path, "格式：" + d.format};
    out.push_back(std::move(f));
    any = true;
  }
  return any ? Outcome::not_checkable : Outcome::passed;
}

namespace {

// Every rule's outcome and findings (import findings first), unscored.
Audit check_rules(const Case& c, const Checklist& checklist, const PartyHistory* history) {
  Audit audit;
  const Conditions conditions = evaluate_conditions(c, checklist);
  const RuleContext ctx{c, checklist, conditions, history};
  const std::string procedure = case_procedure(c, checklist).id;
  std::vector<Finding> rule_findings;
  for (const Rule& r : checklist.rules) {
    if (!applies_to_procedure(r, procedure)) {
      audit.checks.push_back({r.id, Outcome::not_applicable});
      continue;
    }
    // The loader admits only kinds from the table; a checklist built
    // otherwise gets an honest not_checkable for a kind it lacks.
    const RuleKind* kind = find_rule_kind(r.kind);
    if (!kind) {
      audit.checks.push_back({r.id, Outcome::not_checkable});
      continue;
    }
    std::vector<Finding>& sink = kind->import_phase ? audit.findings : rule_findings;
    audit.checks.push_back({r.id, run_rule(r, *kind, ctx, sink)});
  }
  audit.findings.insert(audit.findings.end(), std::make_move_iterator(rule_findings.begin()),
                        std::make_move_iterator(rule_findings.end()));
  return audit;
}

}  // namespace

Audit check_case(const Case& c, const Checklist& checklist, const PartyHistory* history) {
  if (c.rejected) return {};  // no checks; the caller reports the rejection
  Audit audit = check_rules(c, checklist, history);
  // Findings that rest on text OCR made (auditor/ocr_basis.h).
  if (has_ocr_text(c)) {
    const std::set<std::string> to_manual = mark_ocr_findings(
        c, checklist, check_rules(without_ocr_text(c, checklist), checklist, history).findings,
        audit.findings);
    // A failed rule whose findings all became manual checks is not checkable.
    for (Check& k : audit.checks)
      if (k.outcome == Outcome::failed && to_manual.count(k.rule) &&
          std::none_of(audit.findings.begin(), audit.findings.end(), [&](const Finding& f) {
            return f.rule == k.rule && f.kind != "manual_check";
          }))
        k.outcome = Outcome::not_checkable;
  }
  cap_deductions(audit.findings, checklist.rules, checklist.scoring);  // one defect class, one item
  const Score s = score_case(audit.findings, audit.checks, checklist.rules, checklist.scoring);
  audit.score = s.value;
  audit.grade = s.grade;
  return audit;
}

}  // namespace auditor

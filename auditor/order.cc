// Rule kind order: the dated events of a case follow the stage order.
// Params (docs/formats/checklist.md):
//   sequence=EVENT,EVENT,...   events in the order they must happen; the same
//                              day is in order. Events nothing dates are
//                              skipped, and each pair of neighbouring dated
//                              events out of order is one finding. An event
//                              whose date is implausible (events.h) is
//                              skipped too, and named in a manual check when
//                              another event of the sequence is on file.
#include "auditor/events.h"
#include "auditor/kind_helpers.h"
#include "auditor/rule_kinds.h"

namespace auditor {
namespace {

std::vector<std::string> sequence_of(const Rule& r) {
  return split_list(rule_param(r, "sequence"));
}

Finding inversion(const Rule& r, const RuleContext& ctx, const Event& first, const Event& second) {
  Finding f = finding_for(r, "order");
  const std::string about = event_subject_type(second.name);
  if (!about.empty()) f.document = about;
  f.message =
      fill_message(r.message, {{"first_label", event_label(first.name)},
                               {"second_label", event_label(second.name)},
                               {"first_doc", event_phrase(first, ctx.checklist)},
                               {"second_doc", event_phrase(second, ctx.checklist)},
                               {"first_date", first.date.iso()},
                               {"second_date", second.date.iso()},
                               {"days", std::to_string(days_between(second.date, first.date))}});
  f.evidence = {
      event_evidence(first), event_evidence(second),
      "应有顺序：" + event_label(first.name) + "在前，" + event_label(second.name) + "在后"};
  return f;
}

// The manual check for events of the sequence whose dates are implausible.
Finding implausible_dates(const Rule& r, const RuleContext& ctx,
                          const std::vector<ImplausibleDate>& dates) {
  Finding f = finding_for(r, "manual_check");
  f.severity = "info";
  f.deduction = 0;
  f.message = implausible_phrase(dates, ctx.checklist) + "，无法据以核对先后顺序，请人工核对：" +
              r.description;
  for (const ImplausibleDate& d : dates)
    f.evidence.push_back(implausible_evidence(d, ctx.checklist));
  return f;
}

}  // namespace

Outcome check_order(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  std::vector<Event> dated;
  std::vector<ImplausibleDate> implausible;
  std::size_t in_doubt = 0;  // events whose dates are implausible
  for (const std::string& name : sequence_of(r)) {
    EventDating e = date_event(ctx.c, ctx.checklist, name);
    if (e.event) dated.push_back(std::move(*e.event));
    in_doubt += !e.implausible.empty();
    for (ImplausibleDate& d : e.implausible) implausible.push_back(std::move(d));
  }
  // Alone in its sequence, an implausible date has nothing to be ordered
  // against: as an undated event, it is not mentioned.
  if (dated.size() + in_doubt < 2) implausible.clear();
  bool failed = false;
  for (std::size_t i = 1; i < dated.size(); ++i)
    if (dated[i].date < dated[i - 1].date) {
      out.push_back(inversion(r, ctx, dated[i - 1], dated[i]));
      failed = true;
    }
  if (!implausible.empty()) out.push_back(implausible_dates(r, ctx, implausible));
  if (failed) return Outcome::failed;
  return dated.size() < 2 || !implausible.empty() ? Outcome::not_checkable : Outcome::passed;
}

std::string validate_order(const Rule& r, const Checklist&) {
  if (std::string bad = check_param_names(r, {"sequence"}); !bad.empty()) return bad;
  const std::vector<std::string> seq = sequence_of(r);
  if (seq.size() < 2) return "order 规则的 sequence 参数须列出至少两个事件名";
  for (const std::string& name : seq)
    if (!is_event_name(name)) return "未知的事件名 " + name;
  return {};
}

}  // namespace auditor

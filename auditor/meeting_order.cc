// Rule kind meeting, check=after_defence: a statement (陈述申辩) or hearing
// dated after the last collective discussion, and not after the decision,
// needed a discussion after it (行政处罚法第四十五条、第六十五条): the record of
// each such step is a finding. A discussion, step or decision without a
// readable date is left out; no dated discussion: not checkable.
#include <algorithm>

#include "auditor/events.h"
#include "auditor/kind_helpers.h"
#include "auditor/meeting.h"
#include "auditor/meeting_facts.h"

namespace auditor {

Outcome meeting_after_defence(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> records = records_of(r, ctx.c, "collective_discussion");
  if (records.empty()) return Outcome::not_applicable;
  const Document* last = nullptr;
  std::optional<Date> last_date;
  for (const Document* d : records)
    if (std::optional<Date> v = own_date(*d, cl); v && (!last_date || *v >= *last_date)) {
      last = d;
      last_date = v;
    }
  if (!last) return Outcome::not_checkable;
  const std::optional<Event> decided = find_event(ctx.c, cl, "decided");
  bool failed = false;
  for (const Document* step : documents_of(ctx.c, split_list(rule_param(r, "after")))) {
    const std::optional<Date> when = held_date(*step, cl);
    if (!when || *when <= *last_date || (decided && *when > decided->date)) continue;
    Finding f = finding_for(r, "meeting");
    f.document = last->type;
    f.stage = last->stage;
    f.message = fill_message(r.message, {{"step", doc_label(cl, *step)},
                                         {"step_date", when->iso()},
                                         {"document", doc_label(cl, *last)},
                                         {"date", last_date->iso()}});
    f.evidence = {doc_label(cl, *step) + "：" + when->iso(),
                  doc_label(cl, *last) + "：" + last_date->iso()};
    if (decided) f.evidence.push_back(event_evidence(*decided));
    out.push_back(std::move(f));
    failed = true;
  }
  return failed ? Outcome::failed : Outcome::passed;
}

}  // namespace auditor

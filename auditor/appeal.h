// Rule kind appeal: the answer files of a reconsideration (行政复议答复) or a
// lawsuit (行政应诉), docs/formats/appeals.md. Each rule picks one check:
//   answer_deadline   the answer (or its evidence) within `limit` `unit`
//                     (working | calendar | calendar_rolled) after the notice
//                     or the complaint's copy was received; `simple_limit`
//                     when a notice says `simple_mark` (简易程序)
//   evidence_after_decision  evidence-list rows or evidence documents dated
//                     after the penalty decision (行政复议法第四十六条)
//   agents            the power of attorney names at least one of the organ's
//                     staff, not only lawyers
//   titled_present    a document whose title holds one of `titles` is on file
//                     (the types the penalty checklist shares: 授权委托书 …)
//   cited_decision    decision number, party and case number in the answer
//                     equal the penalty decision's
//   outcome           an outcome document's result (appeal_outcome) was read
//   powers            each power of attorney states the agents' powers
//                     (appeal_powers); 特别授权 when a `special_titles`
//                     document (调解书, 上诉状 …) is on file
//   term              each power of attorney states its term (appeal_term),
//                     ending no earlier than the `answer` dates and hearings
//   outcome_service   each outcome document shows when the organ received it
//                     (receipt label, "于…收到…", or a 送达回证 serving it)
//   seal              the organ's own documents (`documents`, `titles`) in
//                     image-seal `formats`: one manual check of the seal
// (appeal_powers.cc)
// Facts: importers/facts_appeal*.cc (docs/facts.md).
#pragma once

#include <string>
#include <vector>

#include "auditor/rule_kinds.h"

namespace auditor {

Outcome check_appeal(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_appeal(const Rule&, const Checklist&);

// The documents of `c` whose title (heading lines, else member name) holds
// one of `titles` (normalize_for_match forms), in archive order.
std::vector<const Document*> documents_titled(const Case& c,
                                              const std::vector<std::string>& titles);

}  // namespace auditor

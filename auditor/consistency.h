// Rule kind consistency: values that several documents of one case state
// must agree. The rule's `check` param selects one check; each lives in a
// consistency*.cc file. Internal to the kind (the table row is in
// rule_kinds.cc). Format: docs/formats/checklist.md, "consistency".
#pragma once

#include <vector>

#include "auditor/rule_kinds.h"

namespace auditor::consistency {

// Party name / ID number the same on every document that states one.
Outcome party_name(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome party_id(const Rule&, const RuleContext&, std::vector<Finding>&);
// An ID number or credit code whose check character is wrong.
Outcome party_id_valid(const Rule&, const RuleContext&, std::vector<Finding>&);
// Each 送达回证 serves a number that a document of the file carries.
Outcome receipt_target(const Rule&, const RuleContext&, std::vector<Finding>&);
// The fine of the notice, the decision and the payment proof agree.
Outcome amounts(const Rule&, const RuleContext&, std::vector<Finding>&);
// The decision states the violated and the penalty provision (or cites at
// least `min` provisions); the message names what is missing.
Outcome provisions(const Rule&, const RuleContext&, std::vector<Finding>&);
// The notice and the decision cite the same articles, or the decision
// explains the change.
Outcome provisions_changed(const Rule&, const RuleContext&, std::vector<Finding>&);

}  // namespace auditor::consistency

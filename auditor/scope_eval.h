// Whether one classified case is in the scope of a collective discussion or a
// legal review (auditor/scope.h), entry by entry: yes when an entry is met,
// no when every entry of the need is not met, unknown otherwise — with the
// entries and the facts that decided, for the condition's evidence. Read by
// the conditions complex_case (discussion) and major_decision (legal review).
#pragma once

#include <string>

#include "auditor/checklist.h"
#include "auditor/conditions.h"
#include "auditor/model.h"
#include "auditor/scope.h"

namespace auditor {

// The scope the checklist names (<scope dir=...> in its header), or null.
const Scope* checklist_scope(const Checklist& cl);

// `so_far` holds the conditions the tests read (hearing_requested,
// hearing_eligible, no_penalty, mitigated, withdrawn, complicated); a
// missing one is unknown. The street is CaseInfo::street; when it is unknown
// and street tables differ in their answer, the answer is unknown.
ConditionValue scope_decides(const Case& c, const Checklist& cl, const Scope& scope, ScopeNeed need,
                             const Conditions& so_far);

}  // namespace auditor

// The date- and text-derived conditions behind the deadline rules, called by
// the condition evaluator (conditions.cc) after the manifest flags and the
// documents present have had their say. Each answers unknown rather than
// guess.
#pragma once

#include "auditor/checklist.h"
#include "auditor/conditions.h"
#include "auditor/model.h"

namespace auditor {

// unpaid_after_due: yes when a fine was imposed, no payment proof is on file
// and the file's last date (the closing date, else the latest dated event)
// is more than 15 calendar days after the decision was served (行政处罚法第
// 六十七条); no when that date is still within the 15 days; unknown when the
// fine, the service date or every later date is unknown, or the closing date
// is implausible (events.h).
ConditionValue unpaid_after_due(const Case& c, const Checklist& cl, Tri fine_imposed);

// defence_waived: yes when the file holds a 放弃陈述申辩声明, or a document
// the party writes or signs (statement, questioning or hearing record)
// records its waiver (“本人放弃陈述、申辩权利”), or the decision or an
// approval says the party waived in writing (书面/声明). Rights sentences and
// conditions (“逾期…视为放弃”, “如放弃”) never count, nor does a notice. No
// when none does; unknown when a statement record has no text.
ConditionValue defence_waived(const Case& c);

}  // namespace auditor

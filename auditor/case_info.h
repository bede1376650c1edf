// Case-level facts (case number, party, fine...) that a manifest did not
// declare, derived from the classified documents' facts. Declared values are
// never overwritten; what no document states stays unknown.
#pragma once

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

// `c` must be classified. Prefers the filing approval for the case number and
// the penalty decision for party and fine; falls back to any document. The
// street is the issuing organ's (auditor/issuing_organ.h), else the case
// number's 街道代字 (the checklist's numbering data) when it is known there.
void derive_case_info(Case& c, const Checklist& checklist);

}  // namespace auditor

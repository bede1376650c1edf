// Case-level facts (case number, party, fine...) that a manifest did not
// declare, derived from the classified documents' facts. Declared values are
// never overwritten; what no document states stays unknown.
#pragma once

#include "auditor/model.h"

namespace auditor {

// `c` must be classified. Prefers the filing approval for the case number and
// the penalty decision for party and fine; falls back to any document.
void derive_case_info(Case& c);

}  // namespace auditor

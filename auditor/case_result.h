// One audited case: what the importers read and what the checker found.
// The value every front end, the store and the reports pass around.
#pragma once

#include "auditor/checker.h"
#include "auditor/model.h"

namespace auditor {

struct CaseResult {
  Case c;
  Audit audit;
};

}  // namespace auditor

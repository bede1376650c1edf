// Scores a case's findings by the checklist's scoring profile.
#pragma once

#include <string>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

struct Score {
  double value = 0;
  std::string grade;
};

// Formula "deduction": any veto finding gives 0 and the lowest grade;
// otherwise base minus the findings' deductions, floored at 0, graded by the
// first band whose min_score it reaches (bands are highest first). With no
// bands the grade is empty.
Score score_findings(const std::vector<Finding>& findings, const ScoringProfile& profile);

}  // namespace auditor

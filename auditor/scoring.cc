#include "auditor/scoring.h"

#include <algorithm>

namespace auditor {

Score score_findings(const std::vector<Finding>& findings, const ScoringProfile& profile) {
  const std::string lowest = profile.bands.empty() ? "" : profile.bands.back().grade;
  const bool veto = std::any_of(findings.begin(), findings.end(),
                                [](const Finding& f) { return f.severity == "veto"; });
  if (veto) return {0, lowest};
  double value = profile.base;
  for (const Finding& f : findings) value -= f.deduction;
  value = std::max(value, 0.0);
  for (const GradeBand& b : profile.bands)
    if (value >= b.min_score) return {value, b.grade};
  return {value, lowest};
}

}  // namespace auditor

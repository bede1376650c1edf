// The short Chinese console summary of an audit: one line per case.
#pragma once

#include <string>

#include "reports/json_report.h"

namespace auditor {

// "✓ archive  案号  合格 85分  问题 3 项（否决 0，重大 1，一般 2）" or, for a
// rejected archive, "✗ archive  已拒绝：reason". Always one line that a
// terminal shows as written (one_line_safe, util/text_safety.h): no control
// character, bidirectional controls as "⟨U+202E⟩".
std::string console_line(const CaseResult& r);

struct BatchTotals {
  int archives = 0, audited = 0, rejected = 0, findings = 0;
  void add(const CaseResult& r);
};
std::string console_totals(const BatchTotals& t);

}  // namespace auditor

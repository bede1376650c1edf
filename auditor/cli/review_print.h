// Printing the inspection record for `auditor review` and `auditor round`.
#pragma once

#include <ostream>

#include "app/review.h"

namespace auditor::cli {

// The round's cases with their items, verdicts, deductions, score (and
// whether provisional, with its range) and sign-offs; with `json` the same
// as one JSON document (docs/formats/review.md, "review list --json").
void print_review(std::ostream& out, const RoundReview& r, bool json);

}  // namespace auditor::cli

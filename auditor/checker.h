// Runs a checklist's rules over one imported Case.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

// The honest outcome of one rule on one case.
enum class Outcome { passed, failed, not_applicable, not_checkable };
const char* outcome_name(Outcome o);  // "passed" ...
// The inverse of outcome_name; not_checkable for any other name.
Outcome outcome_named(std::string_view name);

struct Check {
  std::string rule;
  Outcome outcome = Outcome::not_checkable;
};

struct Audit {
  std::vector<Finding> findings;  // including import findings
  std::vector<Check> checks;      // one per rule of the checklist
  double score = 0;
  std::string grade;
};

// Assigns each document of `c` a type and stage (title text, then member
// name, then folder; the manifest's declaration wins) from the checklist.
void classify(Case& c, const Checklist& checklist);

// Evaluates every rule. `c` must already be classified. Dates are judged
// against the run date the checklist carries (run_date in settings.h, today
// unless set): an implausible one (events.h) is never used in arithmetic and
// becomes a manual check of the rules that need it. `history`: the stored
// cases by party (auditor/repeat.h), nullptr when run without a store.
struct PartyHistory;
Audit check_case(const Case& c, const Checklist& checklist, const PartyHistory* history = nullptr);

}  // namespace auditor

// The inspection record of one case (docs/formats/review.md): what named
// inspectors decided about the machine's findings, and the score that
// follows from the decisions. A machine finding is a suggestion until a
// person confirms, dismisses or changes it; a manual check counts only once
// it is settled as failed; an inspector may add findings. Pure values: the
// store keeps the decisions, app/ applies them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/model.h"
#include "auditor/scoring.h"

namespace auditor {

// The stable key of each finding of one audit, in the same order:
// "<rule>@<subject>#<n>". The subject is the document type or member the
// finding is about, else "case"; n (from 1) counts the findings of that rule
// and subject in the order the checker emits them. Re-auditing the same or a
// corrected archive gives a finding that is still there the same key.
std::vector<std::string> finding_keys(const std::vector<Finding>& findings);

enum class Verdict {
  suggested,  // no decision yet
  confirmed,  // counts as the machine suggested
  dismissed,  // counts nothing (reason required)
  changed,    // counts with another severity, deduction or message (reason required)
  passed,     // a manual check settled: no problem
  failed,     // a manual check settled: a problem, deducting per its rule (reason required)
};
const char* verdict_name(Verdict v);  // "suggested" ...
// The inverse of verdict_name; nullopt for any other text.
std::optional<Verdict> verdict_named(std::string_view name);
// 待定 已确认 不予认定 已修改 核对无误 核对有问题.
const char* verdict_label(Verdict v);

struct Decision {
  std::string key;  // finding_keys()
  Verdict verdict = Verdict::suggested;
  std::string reason;
  // For `changed`: what replaces the machine's values (unset: kept).
  std::optional<std::string> severity;
  std::optional<double> deduction;
  std::optional<std::string> message;
  std::string inspector;
  std::string decided_at;  // ISO 8601 UTC
};

// Why `d` may not be recorded against `f` (Chinese), or "" when it may:
// dismissed/changed/failed need a reason, passed/failed are for manual
// checks only, confirmed/dismissed/changed for the other findings, a
// changed severity must be one of veto major minor info and a deduction
// not negative.
std::string decision_problem(const Finding& f, const Decision& d);

// A finding an inspector entered (a rule from the checklist, or "其他"),
// under the key the store gave it.
struct AddedFinding {
  std::string key;
  Finding finding;
};

// One item of the reviewed case.
struct ReviewedItem {
  std::string key;
  Finding machine;  // as the checker emitted it (an added finding: as entered)
  Verdict verdict = Verdict::suggested;
  std::optional<Decision> decision;  // the latest valid one; nullopt when undecided
  bool added = false;                // entered by an inspector
  std::optional<Finding> counted;    // what the score counts; nullopt: nothing
};

struct ReviewedCase {
  std::vector<ReviewedItem> items;  // machine findings in order, then added ones
  std::vector<Decision> obsolete;   // decisions whose finding is gone (kept, not applied)
  std::size_t undecided = 0;        // suggested findings and unsettled manual checks
  Score score;                      // undecided findings counted as the machine suggests
  // The range the score can still take while anything is undecided: every
  // undecided problem confirmed (min) or dismissed (max); both = score.value
  // when nothing is undecided.
  double min_score = 0, max_score = 0;
  bool provisional() const { return undecided > 0; }
};

// Applies `decisions` (the latest per key) and `added` findings to `audit`
// (its findings as the checker emitted them, capped) and scores the result
// with the checklist's profile (score_case, caps applied again).
ReviewedCase review_case(const Audit& audit, const std::vector<Decision>& decisions,
                         const std::vector<AddedFinding>& added, const Checklist& checklist);

}  // namespace auditor

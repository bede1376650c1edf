// Scores a case's findings by a scoring profile (docs/scoring.md). Profiles
// are data: inline in checklist.xml or files under checklists/profiles/.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/model.h"
#include "util/status.h"

namespace auditor {

struct Score {
  double value = 0;
  std::string grade;        // empty when the profile cannot grade the case
  std::string explanation;  // Chinese, e.g. "100 − 7 = 93"
};

// Formula "deduction": any veto finding gives 0 and the lowest grade;
// otherwise base minus the findings' capped deductions (cap_deductions; here
// without the rules, so kind caps do not apply), floored at 0, graded by the
// first band whose min_score it reaches (bands are highest first). With no
// bands the grade is empty.
Score score_findings(const std::vector<Finding>& findings, const ScoringProfile& profile);

// Scores one audited case under either formula. Formula "ratio": a veto
// finding gives 0 and the lowest grade (profile.veto "case"), or only zeroes
// the legality points (veto "legality"); otherwise
// legality_points + items_points x earned /
// applicable item points - the deductions of findings whose kind is in
// basic_kinds, floored at 0, rounded to 0.01. A rule is an item when its
// points (item_points) are > 0 and its check passed or failed; basic
// deductions are capped per rule (cap_deductions); not_applicable
// and not_checkable checks leave the denominator. A failed item earns its
// points when each of its findings is basic-kind (deducted instead) or info.
// With no applicable item the grade is empty. A veto finding always gives
// the lowest grade.
Score score_case(const std::vector<Finding>& findings, const std::vector<Check>& checks,
                 const std::vector<Rule>& rules, const ScoringProfile& profile);

// Caps repeated findings of one rule (docs/scoring.md, "Caps"): in finding
// order each deduction is cut so that a rule's findings deduct in total at
// most its cap — the profile's <cap> entry for the rule id, else its kind,
// else its severity, else the rule's own deduction= (the largest finding's
// deduction when the rule is not in `rules`): by default one defect class
// deducts once however many times it occurs. Findings are kept (a finding
// beyond the cap deducts 0); a finding without a rule id is not capped. Idempotent: capping capped
// findings changes nothing. Both formulas cap their sums the same way.
void cap_deductions(std::vector<Finding>& findings, const std::vector<Rule>& rules,
                    const ScoringProfile& profile);

// The points of `rule` as an item of a ratio profile: its rule-id entry, else
// its kind's, else its severity's, else the profile's default.
double item_points(const Rule& rule, const ScoringProfile& profile);

// One Chinese line on what `rule` costs under `profile`, for `auditor rules`.
std::string rule_scoring_text(const Rule& rule, const ScoringProfile& profile);
// "≥ 90 优秀、≥ 70 合格、≥ 0 不合格".
std::string bands_text(const ScoringProfile& profile);
// A number as written in reports: at most two decimals, no trailing zeros.
std::string points_text(double value);

// Reads a <profile> file. Fails with "<file>:<line>: <reason>" (Chinese) on
// malformed XML, an unknown element or attribute, a missing or bad value, an
// unknown formula, rule kind, severity or finding kind, a duplicate entry, a
// file that is missing, not regular or larger than 1 MiB.
Result<ScoringProfile> load_profile(const std::filesystem::path& file);

// Fails naming the entry's file:line when `profile` gives points to a rule id
// `checklist` does not define. Run it before scoring with a profile loaded
// apart from the checklist (load_checklist runs it on its own profile).
Status check_profile(const ScoringProfile& profile, const Checklist& checklist);

}  // namespace auditor

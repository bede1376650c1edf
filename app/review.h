// The inspection record of a round (docs/formats/review.md), for every
// front end: list each case's reviewed state, decide on a finding, add a
// finding, sign, reopen, set the round's second review, verify the trail.
// A write takes the database's run lock (store/run_lock.h) for its length,
// so it never interleaves with an audit; a refused change writes nothing and
// fails with Code::invalid and a Chinese reason. A case is named by its case
// number or its archive path (`case_id`).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/review.h"
#include "auditor/round.h"
#include "store/record.h"
#include "util/status.h"

namespace auditor {

struct ReviewScope {
  std::filesystem::path db;  // must exist
  std::string round;         // empty: the most recently created round
};

struct CaseReview {
  CaseRef ref;  // the case's key and archive path now
  CaseFacts facts;
  bool rejected = false;
  Record record;
  RecordState state;
  std::optional<ReviewedCase> reviewed;  // nullopt for a rejected case
  // The case's rectification items re-checked against its findings as of today.
  CaseRectification rectification;
};

struct RoundReview {
  RoundInfo round;
  bool second_review = false;
  std::vector<CaseReview> cases;  // in the round's order
  // Chinese, non-empty when the round was last audited with another
  // checklist or profile than the one given (scores may then differ).
  std::string checklist_note;
};

// The cases of the round with their reviewed state, scored with
// `checklist` (the round's checklist and profile); only the case `case_id`
// when it is not empty (Code::not_found when the round has no such case).
// Reads the database read-only.
Result<RoundReview> list_reviews(const ReviewScope& scope, const std::string& case_id,
                                 const Checklist& checklist);

// list_reviews of the whole round when the round has any record row;
// nullopt (after reading only the record) when it has none, so an audit
// without a record pays nothing for it.
Result<std::optional<RoundReview>> list_reviews_if_recorded(const ReviewScope& scope,
                                                            const Checklist& checklist);

// Records `d` (its key, verdict, reason, changed values and inspector; the
// time is now) on the case's finding. Refused: a locked (signed) case, a key
// the case's current findings do not have, a decision_problem, a rejected
// archive. The decision replaces the latest one on the same key.
Result<RecordedDecision> decide_finding(const ReviewScope& scope, const std::string& case_id,
                                        const Decision& d);

// A finding an inspector enters. Without a rule ("" or "其他") severity and
// deduction are required; with a checklist rule they default to the rule's.
struct NewFinding {
  std::string rule;  // a checklist rule id, "其他" or ""
  std::optional<int> stage;
  std::optional<std::string> document;
  std::optional<int> page;
  std::optional<std::string> severity;
  std::optional<double> deduction;
  std::string basis, text, inspector;
};
// Refused: a locked case, an unknown rule, a missing or bad severity or
// deduction, a stage outside 1..8, a page below 1, no text or inspector.
Result<RecordedAdded> add_finding(const ReviewScope& scope, const std::string& case_id,
                                  const NewFinding& f, const Checklist& checklist);

// Signs the case as `role` (kSignerRole or kReviewerRole). Refused: an
// unknown role, no name, a case still provisional (评查人), a role already
// signed since the last reopen, a 复核人 when the round asks for no second
// review, before the 评查人 or the same person as the 评查人.
Result<SignOff> sign_case(const ReviewScope& scope, const std::string& case_id,
                          const std::string& role, const std::string& name,
                          const Checklist& checklist);

// Reopens a signed case with a reason. Refused: a case not signed, no
// reason or name.
Result<Reopen> reopen_case(const ReviewScope& scope, const std::string& case_id,
                           const std::string& name, const std::string& reason);

// The round's settings a command may change; unset: left as it is.
struct RoundSettings {
  // Whether the round asks for a 复核人's sign-off besides the 评查人's
  // (setting "second_review": "yes" or "no").
  std::optional<bool> second_review;
  // Days from a rectification item's creation to its due date (setting
  // "rectify_days", 1..365; kDefaultRectifyDays when never set).
  std::optional<int> rectify_days;
};
constexpr int kDefaultRectifyDays = 30;
// Sets the given settings, each with its trail row, in one transaction.
// Refused: nothing to set, rectify_days outside 1..365.
Status set_round_settings(const ReviewScope& scope, const RoundSettings& settings);

// Recomputes the whole trail of the database (verify_trail), read-only.
Result<TrailCheck> verify_record(const std::filesystem::path& db);

}  // namespace auditor

// Uploads and the street's self-check (自查) in `auditor serve`, free of
// HTTP: who may upload into a round, the street's own self-check rounds, the
// screen that keeps another street's archive out of them, and submitting a
// self-checked case to the district's self-check round.
//
// The model (docs/serve.md "Self-check"):
//   - A street's self-check round is an ordinary round (mode self_check)
//     marked by a trail row kSelfCheckRoundAction {street, month, by}: one per
//     street and calendar month (server local time), created on the street's
//     first upload that month. It is found by that row, never by its name.
//     Only the street's users (and the admin) see it: it holds only cases of
//     that street, and no inspector created or planned it.
//   - An archive uploaded into it is screened first: a case that is not of
//     the round's street (or names no street, or cannot be read) is not
//     stored; the upload reports the Chinese reason.
//   - Submitting (提交) a self-checked case audits its stored archive into a
//     district self-check round through audit_round, exactly as `auditor audit
//     --round R --mode self-check` submits a street's archives from the
//     command line; the stored case and findings are carried over, not parsed
//     again. The district then plans and draws from that round
//     (app/round_plan.h). An open target: mode self_check, not a street's own
//     self-check round, no draw recorded yet, and a plan (if any) that names
//     the street. A case already submitted may be submitted again (its
//     corrected version, same file: self_check_file_name) even after the draw.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/serve_access.h"
#include "auditor/case_result.h"
#include "auditor/checklist.h"
#include "auditor/round.h"
#include "importers/import.h"
#include "store/users.h"
#include "util/status.h"

namespace auditor {

// The trail action marking a street's self-check round (payload: street,
// month, by).
constexpr const char* kSelfCheckRoundAction = "self_check_round";

// Whether a user may upload into a round.
enum class UploadAccess {
  allowed,
  refused,  // the user may open the round but not upload (answer 403)
  absent,   // no such round or not visible to the user (answer 404)
};
struct UploadTarget {
  UploadAccess access = UploadAccess::absent;
  RoundInfo round;  // with `allowed` and `refused`
  // With `allowed`: the street of a street's self-check round — only that
  // street's cases may be stored there (screen_archives).
  std::optional<std::string> street;
  std::string why;  // Chinese, with `refused`
};
// Admin: every round. Inspector: the rounds they may open (visible_round)
// that are not a street's self-check round. Street: only its own street's
// self-check rounds (even while they hold no case yet).
Result<UploadTarget> upload_target(const std::filesystem::path& db, long long round_id,
                                   const User& u);

// A street's self-check round.
struct SelfCheckRound {
  RoundInfo round;
  std::string street, month;  // month: YYYY-MM
};

// The self-check rounds of `u`'s street (a street user; empty for others),
// newest month first.
Result<std::vector<SelfCheckRound>> self_check_rounds(const std::filesystem::path& db,
                                                      const User& u);

// The self-check round of `u`'s street for `month` (YYYY-MM), created with
// its trail row (by u.name) when there is none. Its name is
// "<street>街道自查 <month>", or with "（2）"… when a round already has that
// name. Refused (Code::invalid): not a street user, or one without a street;
// Code::busy while an audit holds the run lock.
Result<SelfCheckRound> open_self_check_round(const std::filesystem::path& db, const User& u,
                                             const std::string& month);

// The current month in server local time: "YYYY-MM".
std::string current_month();

// Why the audited case `r` may not be stored as a self-check case of
// `street` (Chinese); "" when it may: an unreadable archive (its reason), a
// case naming no street, or one of another street (same_street).
std::string self_check_refusal(const CaseResult& r, const std::string& street);

// What the screen found of one archive.
struct Screened {
  std::string refusal;  // self_check_refusal; "" when it may be stored
  Text case_number;     // as derived (CaseInfo), when readable
};
// Screens `archives` for a self-check of `street`: audits each (audit_batch,
// nothing stored), in input order.
std::vector<Screened> screen_archives(const std::vector<std::string>& archives,
                                      const std::string& street, const Checklist& checklist,
                                      const ImportOptions& opt, int jobs);

// The file name a street's self-checked case is kept under: the SHA-256 of
// its street (street_name) and case number, ".zip". Every upload of the same
// case is that one file, as a street's folder holds one file per case on the
// command line: a corrected archive replaces the earlier version of the case
// in the street's round (and, once submitted again, in the district's),
// keeping its decisions, and the number check counts it once.
std::string self_check_file_name(const std::string& street, const std::string& case_number);

// The id of each case of round `round_id` by its archive path (as stored).
Result<std::map<std::string, long long>> case_ids_by_archive(const std::filesystem::path& db,
                                                             long long round_id);

// The rounds `u` (a street user) may submit self-checked cases to, oldest
// first; empty for other roles.
Result<std::vector<RoundInfo>> submission_targets(const std::filesystem::path& db, const User& u);

// A submission as checked: the stored archive to audit into `target`.
struct Submission {
  std::string archive;
  RoundInfo target;
  Text case_number;
};
// Checks that `u` may submit case `case_id` into round `target_id`. nullopt
// when the case is not in one of u's street's self-check rounds or not
// visible to u (answer 404). Refused (Code::invalid): a rejected case, a
// target that is not open for the street (submission_targets) unless it
// already holds this case's archive (a corrected version submitted again
// after the draw, for the re-check of 整改).
Result<std::optional<Submission>> check_submission(const std::filesystem::path& db, const User& u,
                                                   long long case_id, long long target_id);

// One case of the street's self-check as the self-check page shows it.
struct SelfCheckCase {
  CaseListItem item;              // machine score, grade
  std::vector<Finding> findings;  // the machine's, in the checker's order
  // Where its archive was submitted: the target round and the case there.
  std::vector<std::pair<RoundInfo, long long>> submitted;
  // The rounds it may be submitted to now: the open targets and the rounds
  // it was submitted to.
  std::vector<RoundInfo> targets;
};
struct SelfCheckView {
  std::string street;
  std::vector<SelfCheckRound> rounds;   // newest first
  std::optional<SelfCheckRound> shown;  // the round of the requested month, if any
  std::vector<SelfCheckCase> cases;     // of `shown`, in stored order
  std::vector<RoundInfo> targets;       // submission_targets (open for new cases)
};
// The self-check page of `u` (a street user) for `month`. Code::invalid
// for other roles.
Result<SelfCheckView> self_check_view(const std::filesystem::path& db, const User& u,
                                      const std::string& month, const Checklist& checklist);

}  // namespace auditor

// What a signed-in user of `auditor serve` may see and change, for every
// web front end (the JSON API and the pages): the rounds they may open, a
// round's cases, one case with its review, a decision, a new round. Free of
// HTTP. The role rules (docs/api/openapi.yaml, "Roles"):
//   admin      every round and case; creates rounds, uploads, decides.
//   inspector  the rounds whose plan names them (RoundPlan::inspector) and
//              the rounds they created; creates rounds, uploads, decides
//              there.
//   street     the cases of its own street (same_street), in any round that
//              holds one; reads them, never decides, uploads or creates.
// Something a user may not see is absent (nullopt: the caller answers 404,
// never 403), so its existence does not leak. Reads open the database
// read-only; writes go through app/ under the run lock, with the user's name
// in the trail.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/objection.h"
#include "app/review.h"
#include "auditor/case_result.h"
#include "auditor/checklist.h"
#include "auditor/round.h"
#include "store/case_access.h"
#include "store/users.h"
#include "util/status.h"

namespace auditor {

// The trail action of a round created by a user (payload: name, mode, by).
constexpr const char* kRoundCreateAction = "round_create";

// Whether `db` can be served: this tool's database at this build's schema,
// readable (Store::open_read_only); else its Chinese reason and code.
Status check_serve_database(const std::filesystem::path& db);

// The street scope of `u`'s case queries (store/case_access.h in_scope):
// its street for a street user, nullopt (every case) for the others.
std::optional<std::string> street_scope(const User& u);

// Whether the role may change the record or add archives (admin, inspector).
bool may_write(const User& u);

// The rounds `u` may open, oldest first.
Result<std::vector<RoundInfo>> visible_rounds(const std::filesystem::path& db, const User& u);

// Round `id` when `u` may open it; nullopt otherwise or when there is none.
Result<std::optional<RoundInfo>> visible_round(const std::filesystem::path& db, long long id,
                                               const User& u);

// Creates the round `name` (mode as round_mode() accepts it) with a trail
// row naming `by`. nullopt when a round has the name. Refused
// (Code::invalid): an empty or over-long name, an unknown mode; Code::busy
// while an audit holds the run lock.
Result<std::optional<RoundInfo>> create_round(const std::filesystem::path& db,
                                              const std::string& name, const std::string& mode,
                                              const User& by);

// A case of a list with its reviewed state.
struct CaseListItem {
  CaseRow row;
  std::optional<double> score;  // from the record (undecided as suggested); nullopt: rejected
  Text grade;
  bool provisional = false;
};
struct CasePage {
  std::vector<CaseListItem> cases;  // in the order they were stored
  std::size_t total = 0;            // the cases `u` may see in the round
};
// The cases of round `id` that `u` may see, from the `offset`-th, at most
// `limit` of them, scored with `checklist` (from the round's cached state,
// app/serve_round_state.h); nullopt when `u` may not open the round.
Result<std::optional<CasePage>> visible_cases(const std::filesystem::path& db, long long id,
                                              const User& u, const Checklist& checklist,
                                              std::size_t offset = 0,
                                              std::size_t limit = static_cast<std::size_t>(-1));

// How many cases `u` may see in each round that holds any (its street's for
// a street user, all for the others; which rounds `u` may open is
// visible_rounds'), by round id. One pass over the cases.
Result<std::map<long long, std::size_t>> visible_case_counts(const std::filesystem::path& db,
                                                             const User& u);

// A stored case and its round.
struct CaseTarget {
  CaseRow row;
  RoundInfo round;
};
// The case `id` and its round when `u` may see both; nullopt otherwise.
// Read-only; the first step of every action on one case.
Result<std::optional<CaseTarget>> visible_case_target(const std::filesystem::path& db, long long id,
                                                      const User& u);

// One case as the case page and GET /api/cases/{id} show it.
struct CaseView {
  CaseRow row;
  RoundInfo round;
  CaseResult result;  // documents without texts unless asked for
  CaseReview review;
};
// The case `id` when `u` may see it; nullopt otherwise. With `texts` the
// documents carry their extracted texts (the case page).
Result<std::optional<CaseView>> visible_case(const std::filesystem::path& db, long long id,
                                             const User& u, const Checklist& checklist,
                                             bool texts = false);

// `e` with every mention of the case's stored archive path replaced by the
// file's name: the app/ refusals name a case by its archive, and the
// server's folders are not the user's business.
Error with_file_name(Error e, const CaseRow& row);

// Records `d` (inspector: u.name) on case `id` through decide_finding.
// nullopt when `u` may not see the case; Code::invalid when `u` may not
// decide (a street user) or decide_finding refuses.
Result<std::optional<RecordedDecision>> decide_on_case(const std::filesystem::path& db,
                                                       long long id, const User& u, Decision d);

// Records an objection (异议) of `u` to the finding `finding` of case `id`
// through object_finding, named by u.name for its street (a street user) or
// for the case's street (an admin). nullopt when `u` may not see the case;
// Code::invalid when `u` is an inspector (the inspected street objects, not
// the inspector) or object_finding refuses.
Result<std::optional<Objection>> object_on_case(const std::filesystem::path& db, long long id,
                                                const User& u, const std::string& finding,
                                                const std::string& reason,
                                                const Checklist& checklist);

// The user `name` as stored now when they may still sign in; nullopt when
// no such user exists or they are disabled. A session re-reads its user
// with it on every request, so disabling a user or changing their role or
// street takes effect at once.
Result<std::optional<User>> active_user(const std::filesystem::path& db, const std::string& name);

}  // namespace auditor

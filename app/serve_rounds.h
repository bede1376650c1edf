// The round pages of `auditor serve`, for every web front end: a round's
// case list filtered, sorted and paged; the charts of the round's 通报; who
// may plan, draw and assign in a round (the plan itself is
// app/round_plan.h's, the same functions `auditor round plan|draw|assign`
// calls). Free of HTTP; the role rules are app/serve_access.h's.
//
// A round's list and charts are computed from the whole round once and kept
// in memory (per database and round, at most kCachedRounds rounds) until the
// round changes: each request reads the round's fingerprint — its case rows
// (id, run, archive, number, street, machine score and grade), its record's
// rows, its plan, draw and assignment rows and its second_review setting —
// plus the checklist's sha256 and the date, and recomputes only when one of
// them differs. Reads are read-only (WAL); a change committed while a list
// is computed only makes the next request compute it again.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/serve_access.h"
#include "auditor/checklist.h"
#include "util/status.h"

namespace auditor {

constexpr std::size_t kCachedRounds = 16;

enum class CaseSort { stored, number, street, score, grade };
// "number", "street", "score", "grade"; nullopt for anything else ("" is
// stored: the order the cases were saved).
std::optional<CaseSort> case_sort_from(const std::string& name);
const char* case_sort_name(CaseSort s);

// Which cases of a round a list shows, in what order, which page.
struct CaseQuery {
  std::string street;      // same_street as the case's; "" any
  std::string grade;       // the reviewed grade exactly; "" any
  std::string severity;    // veto | major | minor | info; "" any (see RoundCase)
  bool undecided = false;  // only provisional cases (something undecided)
  bool overdue = false;    // only cases with a rectification item past due
  CaseSort sort = CaseSort::stored;
  bool descending = false;
  std::size_t offset = 0;
  std::size_t limit = static_cast<std::size_t>(-1);
  std::string today;  // YYYY-MM-DD that decides "past due"; "" the local date
};

// A case of the list with what the filters look at.
struct RoundCase {
  CaseListItem item;  // row, reviewed score and grade, provisional
  // The distinct severities of the findings the score counts (confirmed,
  // changed, failed manual checks, added; an undecided machine finding as
  // suggested), veto first. A dismissed or withdrawn finding has none.
  std::vector<std::string> severities;
  int overdue = 0;  // rectification items due before `today`, not reported 已整改
};

struct RoundCaseList {
  std::vector<RoundCase> cases;  // the page
  std::size_t total = 0;         // cases matching the query
  std::size_t visible = 0;       // cases `u` may see in the round
  // Choices for the filters, from the visible cases: streets by name,
  // grades from the best band down (then any the checklist does not name).
  std::vector<std::string> streets, grades;
  bool from_cache = false;  // the round's reviewed state was not recomputed
};

// The cases of round `id` that `u` may see (the store's street scope, as
// visible_cases) matching `q`, sorted (ties and missing values — no number,
// a rejected archive's score and grade — keep the stored order, missing last
// in either direction; grades rank by the checklist's bands, within a grade
// by score) and paged. nullopt when `u` may not open the round.
Result<std::optional<RoundCaseList>> round_cases(const std::filesystem::path& db, long long id,
                                                 const User& u, const Checklist& checklist,
                                                 const CaseQuery& q);

// The charts of the round's 通报 (notification_content's chart blocks, read
// as write_round_reports reads the round: only the drawn cases when it has a
// draw, scored with its record), each as inline SVG (svg_bar_chart: no
// script, no style attribute). nullopt when `u` may not open the round;
// Code::invalid for a street user (the charts count other streets' cases).
Result<std::optional<std::vector<std::string>>> round_charts(const std::filesystem::path& db,
                                                             long long id, const User& u,
                                                             const Checklist& checklist);

// The round `id` when `u` may plan, draw and assign in it: an admin, or an
// inspector who may open it (its creator or named in its plan). nullopt for
// anybody else (a street user, an inspector of other rounds): the caller
// answers 404.
Result<std::optional<RoundInfo>> plannable_round(const std::filesystem::path& db, long long id,
                                                 const User& u);

}  // namespace auditor

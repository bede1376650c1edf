// The round pages of `auditor serve`, for every web front end: a round's
// case list filtered, sorted and paged; the charts of the round's 通报; who
// may plan, draw and assign in a round (the plan itself is
// app/round_plan.h's, the same functions `auditor round plan|draw|assign`
// calls). Free of HTTP; the role rules are app/serve_access.h's.
//
// The list comes from the round's cached state (app/serve_round_state.h);
// the charts are cached the same way, per round and stamp. Reads are
// read-only (WAL); a change committed while either is computed only makes
// the next request compute it again.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/serve_access.h"
#include "app/serve_round_state.h"
#include "auditor/checklist.h"
#include "reports/report_content.h"
#include "util/status.h"

namespace auditor {

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

struct RoundCaseList {
  std::vector<RoundCase> cases;  // the page
  std::size_t total = 0;         // cases matching the query
  std::size_t visible = 0;       // cases `u` may see in the round
  // Choices for the filters, from the visible cases: streets by name,
  // grades from the best band down (then any the checklist does not name).
  std::vector<std::string> streets, grades;
  std::size_t scored = 0;  // cases this request scored (0: the round's state was cached)
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
// script, no style attribute). Drawing them reads the whole round (a second
// or more for thousands of cases), so while the round keeps changing they
// are drawn again at most every kChartsLag and may show the round as it was
// up to then (`current` false, `drawn_at` says when).
struct RoundCharts {
  std::vector<std::string> svgs;
  // The 通报's 各街道案件办理情况统计 (app/street_stats.h), its tables as the
  // report writes them; computed with the charts, per round stamp. `problem`:
  // why the bundled field map could not be read (every case then 其他).
  std::optional<StreetStatsView> street_stats;
  std::string field_map_problem;
  std::string drawn_at;  // when the round was read for them: UTC, ISO 8601
  bool current = true;   // the round has not changed since
};
constexpr std::chrono::seconds kChartsLag{10};
// nullopt when `u` may not open the round; Code::invalid for a street user
// (the charts count other streets' cases).
Result<std::optional<RoundCharts>> round_charts(const std::filesystem::path& db, long long id,
                                                const User& u, const Checklist& checklist);

// The round `id` when `u` may plan, draw and assign in it: an admin, or an
// inspector who may open it (its creator or named in its plan). nullopt for
// anybody else (a street user, an inspector of other rounds): the caller
// answers 404.
Result<std::optional<RoundInfo>> plannable_round(const std::filesystem::path& db, long long id,
                                                 const User& u);

}  // namespace auditor

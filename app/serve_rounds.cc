#include "app/serve_rounds.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "app/review_session.h"
#include "app/round_plan.h"
#include "app/round_reports.h"
#include "app/stamped_cache.h"
#include "app/street_stats.h"
#include "reports/report_content.h"
#include "reports/report_text.h"
#include "store/case_access.h"
#include "store/record.h"
#include "util/date.h"

namespace auditor {
namespace {

bool matches(const RoundCase& c, const CaseQuery& q) {
  if (!q.street.empty() && !same_street(c.item.row.street.value_or(""), q.street)) return false;
  if (!q.grade.empty() && c.item.grade.value_or("") != q.grade) return false;
  if (!q.severity.empty() &&
      std::find(c.severities.begin(), c.severities.end(), q.severity) == c.severities.end())
    return false;
  if (q.undecided && !c.item.provisional) return false;
  if (q.overdue && c.overdue == 0) return false;
  return true;
}

// Compares case numbers with their digit runs as numbers ("9号" < "10号").
int natural_compare(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t ei = i, ej = j;
      while (ei < a.size() && digit(a[ei])) ++ei;
      while (ej < b.size() && digit(b[ej])) ++ej;
      std::string x = a.substr(i, ei - i), y = b.substr(j, ej - j);
      x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
      y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
      if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
      if (int c = x.compare(y); c != 0) return c < 0 ? -1 : 1;
      i = ei, j = ej;
    } else {
      if (a[i] != b[j])
        return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
      ++i, ++j;
    }
  }
  return i < a.size() ? 1 : j < b.size() ? -1 : 0;
}

// The rank of a grade: its band's position from the lowest (0) up; grades
// the checklist does not name rank below every band.
int grade_rank(const Checklist& checklist, const std::string& grade) {
  const std::vector<GradeBand>& bands = checklist.scoring.bands;
  for (std::size_t k = 0; k < bands.size(); ++k)
    if (bands[k].grade == grade) return static_cast<int>(bands.size() - k);
  return 0;
}

// <0, 0, >0 as `a` sorts before, with, after `b` ascending; `missing` set
// when either lacks the value (it then sorts last in both directions).
int compare_by(CaseSort s, const RoundCase& a, const RoundCase& b, const Checklist& checklist,
               int& missing) {
  auto opt = [&missing](bool has_a, bool has_b) {
    if (has_a && has_b) return false;
    missing = has_a == has_b ? 0 : has_a ? -1 : 1;
    return true;
  };
  const CaseListItem &x = a.item, &y = b.item;
  switch (s) {
    case CaseSort::stored:
      return 0;
    case CaseSort::number:
      if (opt(x.row.case_number.has_value(), y.row.case_number.has_value())) return 0;
      return natural_compare(*x.row.case_number, *y.row.case_number);
    case CaseSort::street:
      if (opt(x.row.street.has_value(), y.row.street.has_value())) return 0;
      return x.row.street->compare(*y.row.street);
    case CaseSort::grade:
      if (opt(x.grade.has_value(), y.grade.has_value())) return 0;
      if (int d = grade_rank(checklist, *x.grade) - grade_rank(checklist, *y.grade)) return d;
      [[fallthrough]];
    case CaseSort::score:
      if (opt(x.score.has_value(), y.score.has_value())) return 0;
      return *x.score < *y.score ? -1 : *x.score > *y.score ? 1 : 0;
  }
  return 0;
}

void sort_cases(std::vector<const RoundCase*>& cases, const CaseQuery& q,
                const Checklist& checklist) {
  if (q.sort == CaseSort::stored && !q.descending) return;
  std::stable_sort(cases.begin(), cases.end(), [&](const RoundCase* a, const RoundCase* b) {
    int missing = 0;
    const int c = compare_by(q.sort, *a, *b, checklist, missing);
    if (missing != 0) return missing < 0;
    if (q.sort == CaseSort::stored) return false;  // descending stored: reversed below
    return q.descending ? c > 0 : c < 0;
  });
  if (q.sort == CaseSort::stored) std::reverse(cases.begin(), cases.end());
}

// ---- Charts -----------------------------------------------------------------

StampedCache<RoundCharts>& chart_cache() {
  static StampedCache<RoundCharts> cache(kCachedRounds);
  return cache;
}

// The chart blocks of the round's 通报, read as its reports read it
// (without case sheets or a comparison round), drawn as SVG.
Result<std::shared_ptr<const RoundCharts>> compute_charts(Store& store, const RoundInfo& round,
                                                          const Checklist& checklist,
                                                          const std::string& today,
                                                          const std::string& drawn_at) {
  ReportRequest request;
  request.round = round.name;
  request.sheets = SheetMode::none;
  request.checklist = &checklist;
  request.today = today;
  request.compare = false;
  Result<std::unique_ptr<RoundReport>> report = read_round_report(store, request);
  if (!report) return report.failure();
  auto charts = std::make_shared<RoundCharts>();
  if (!(*report)->summary.street_stats) {
    const FieldMap fields =
        field_map_or_default(default_field_map_file(), &charts->field_map_problem);
    if (Status s = add_street_stats(store, **report, fields, &checklist); !s.ok())
      return Error{s.reason, s.code};
  }
  charts->street_stats = street_stats_view(*(*report)->summary.street_stats);
  const Vocabulary names = vocabulary(checklist);
  charts->drawn_at = drawn_at;
  for (const Block& b : notification_content((*report)->input(names)))
    if (b.kind == Block::Kind::chart) charts->svgs.push_back(svg_bar_chart(b.chart));
  return std::shared_ptr<const RoundCharts>(std::move(charts));
}

}  // namespace

std::optional<CaseSort> case_sort_from(const std::string& name) {
  for (CaseSort s :
       {CaseSort::stored, CaseSort::number, CaseSort::street, CaseSort::score, CaseSort::grade})
    if (name == case_sort_name(s)) return s;
  return std::nullopt;
}

const char* case_sort_name(CaseSort s) {
  switch (s) {
    case CaseSort::stored:
      return "";
    case CaseSort::number:
      return "number";
    case CaseSort::street:
      return "street";
    case CaseSort::score:
      return "score";
    case CaseSort::grade:
      return "grade";
  }
  return "";
}

Result<std::optional<RoundCaseList>> round_cases(const std::filesystem::path& db, long long id,
                                                 const User& u, const Checklist& checklist,
                                                 const CaseQuery& q) {
  using Found = std::optional<RoundCaseList>;
  Result<std::optional<RoundInfo>> round = visible_round(db, id, u);
  if (!round) return round.failure();
  if (!*round) return Found();
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  const std::string today = q.today.empty() ? Date::today().iso() : q.today;
  bool computed = false;
  Result<std::shared_ptr<const RoundState>> state =
      round_state(**store, db, id, checklist, today, &computed);
  if (!state) return state.failure();
  RoundCaseList out;
  out.scored = computed ? (*state)->scored : 0;
  std::vector<const RoundCase*> kept;
  std::set<std::string> streets, grades;
  for (const RoundCase& c : (*state)->cases) {
    if (!in_scope(c.item.row, street_scope(u))) continue;
    ++out.visible;
    if (c.item.row.street) streets.insert(*c.item.row.street);
    if (c.item.grade) grades.insert(*c.item.grade);
    if (matches(c, q)) kept.push_back(&c);
  }
  sort_cases(kept, q, checklist);
  out.total = kept.size();
  for (std::size_t i = q.offset; i < kept.size() && i - q.offset < q.limit; ++i)
    out.cases.push_back(*kept[i]);
  out.streets.assign(streets.begin(), streets.end());
  for (const GradeBand& b : checklist.scoring.bands)
    if (grades.erase(b.grade)) out.grades.push_back(b.grade);
  out.grades.insert(out.grades.end(), grades.begin(), grades.end());
  return Found(std::move(out));
}

Result<std::optional<RoundCharts>> round_charts(const std::filesystem::path& db, long long id,
                                                const User& u, const Checklist& checklist) {
  using Found = std::optional<RoundCharts>;
  Result<std::optional<RoundInfo>> round = visible_round(db, id, u);
  if (!round) return round.failure();
  if (!*round) return Found();
  if (!may_write(u)) return refused("整轮统计含其他街道的案卷，街道用户不能查看");
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  const std::string today = Date::today().iso();
  Result<std::string> stamp = round_stamp(**store, id);
  if (!stamp) return stamp.failure();
  CacheLookup how;
  Result<std::shared_ptr<const RoundCharts>> charts = chart_cache().get(
      {db.string(), id}, *stamp + ' ' + checklist.sha256 + ' ' + today,
      [&](const std::shared_ptr<const RoundCharts>&) -> Result<std::shared_ptr<const RoundCharts>> {
        Result<std::string> now = record_now(**store);
        if (!now) return now.failure();
        return compute_charts(**store, **round, checklist, today, *now);
      },
      &how, kChartsLag);
  if (!charts) return charts.failure();
  RoundCharts out = **charts;
  out.current = how.current;
  return Found(std::move(out));
}

Result<std::optional<RoundInfo>> plannable_round(const std::filesystem::path& db, long long id,
                                                 const User& u) {
  if (!may_write(u)) return std::optional<RoundInfo>();
  return visible_round(db, id, u);
}

}  // namespace auditor

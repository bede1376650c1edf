#include "app/serve_rounds.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "app/review_session.h"
#include "app/round_plan.h"
#include "app/round_reports.h"
#include "reports/report_content.h"
#include "reports/report_text.h"
#include "store/case_access.h"
#include "store/record.h"
#include "util/date.h"
#include "util/hash.h"

namespace auditor {
namespace {

constexpr const char* kSeverities[] = {"veto", "major", "minor", "info"};

// The street scope of `u`'s case queries (as app/serve_access.cc's).
std::optional<std::string> street_scope(const User& u) {
  if (u.role != UserRole::street) return std::nullopt;
  return u.street.value_or(std::string());
}

// ---- The cache: computed values per (database, round) and fingerprint ----

template <class T>
class RoundCache {
 public:
  using Key = std::pair<std::string, long long>;
  std::shared_ptr<const T> get(const Key& key, const std::string& stamp) {
    std::lock_guard<std::mutex> hold(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.stamp != stamp) return nullptr;
    it->second.used = ++clock_;
    return it->second.value;
  }
  void put(const Key& key, const std::string& stamp, std::shared_ptr<const T> value) {
    std::lock_guard<std::mutex> hold(mutex_);
    entries_[key] = {stamp, std::move(value), ++clock_};
    while (entries_.size() > kCachedRounds)
      entries_.erase(std::min_element(entries_.begin(), entries_.end(), [](auto& a, auto& b) {
        return a.second.used < b.second.used;
      }));
  }

 private:
  struct Entry {
    std::string stamp;
    std::shared_ptr<const T> value;
    unsigned long long used = 0;
  };
  std::mutex mutex_;
  std::map<Key, Entry> entries_;
  unsigned long long clock_ = 0;
};

// What a round's list and charts are computed from, read once per request.
struct RoundRead {
  std::vector<CaseRow> rows;  // every case of the round, stored order
  Record record;
  std::string stamp;  // SHA-256 of everything the values depend on
};

long long last_seq(const Record& r) {
  long long seq = 0;
  auto take = [&seq](const auto& items) {
    for (const auto& i : items) seq = std::max(seq, i.seq);
  };
  take(r.decisions), take(r.added), take(r.signoffs), take(r.reopens);
  take(r.objections), take(r.rulings), take(r.rectify_items), take(r.rectify_updates);
  return seq;
}

Result<RoundRead> read_round(Store& store, long long id, const Checklist& checklist,
                             const std::string& today) {
  RoundRead out;
  Result<std::vector<CaseRow>> rows = list_case_rows(store, id, std::nullopt);
  if (!rows) return rows.failure();
  Result<Record> record = load_record(store, id);
  if (!record) return record.failure();
  Result<RoundPlanRecord> plan = read_round_plan(store, id);
  if (!plan) return plan.failure();
  Result<std::optional<std::string>> second = round_setting(store, id, "second_review");
  if (!second) return second.failure();
  Hasher h;
  auto add = [&h](const std::string& s) { h.update(s + '\x1f'); };
  add(checklist.sha256), add(today), add(second->value_or(""));
  add(std::to_string(last_seq(*record)));
  add(std::to_string(plan->plan ? plan->plan->seq : 0));
  add(std::to_string(plan->draw ? plan->draw->seq : 0));
  for (const Assignment& a : plan->assignments) add(std::to_string(a.seq));
  for (const CaseRow& r : *rows) {
    add(std::to_string(r.id) + ' ' + std::to_string(r.run_id) + ' ' + r.archive);
    add(r.case_number.value_or("\x1e") + r.street.value_or("\x1e") + r.grade.value_or("\x1e"));
    add(r.score ? std::to_string(*r.score) : "-");
  }
  out.rows = std::move(*rows);
  out.record = std::move(*record);
  out.stamp = h.finish_hex();
  return out;
}

// ---- The case list ----------------------------------------------------------

using CaseStates = std::map<long long, RoundCase>;  // by case id

RoundCase case_state(const CaseRow& row, const Record& record, const std::vector<Finding>& findings,
                     const Checklist& checklist, const std::string& today) {
  RoundCase c;
  c.item.row = row;
  if (row.rejected) return c;
  Audit audit;
  audit.findings = findings;
  const ReviewedCase reviewed =
      review_case(audit, decisions_of(record), added_of(record), checklist);
  c.item.score = reviewed.score.value;
  if (!reviewed.score.grade.empty()) c.item.grade = reviewed.score.grade;
  c.item.provisional = reviewed.provisional();
  std::set<std::string> seen;
  for (const ReviewedItem& i : reviewed.items) {
    if (item_counts(i))
      seen.insert(i.counted->severity);
    else if (i.verdict == FindingVerdict::suggested && counted_deduction(i))
      seen.insert(i.machine.severity);
  }
  for (const char* s : kSeverities)
    if (seen.count(s)) c.severities.push_back(s);
  for (const RecheckedItem& i : recheck_case(record, findings, row.run_id, today).items)
    c.overdue += i.overdue ? 1 : 0;
  return c;
}

Result<std::shared_ptr<const CaseStates>> compute_states(Store& store, const RoundRead& read,
                                                         const Checklist& checklist,
                                                         const std::string& today) {
  std::vector<std::pair<std::optional<std::string>, std::string>> keys;
  std::vector<long long> ids;
  for (const CaseRow& r : read.rows) {
    keys.emplace_back(r.case_number, r.archive);
    if (!r.rejected) ids.push_back(r.id);
  }
  const std::vector<Record> records =
      read.record.empty() ? std::vector<Record>() : split_record(read.record, keys);
  Result<std::map<long long, std::vector<Finding>>> findings = load_case_findings(store, ids);
  if (!findings) return findings.failure();
  auto states = std::make_shared<CaseStates>();
  const Record none;
  const std::vector<Finding> no_findings;
  for (std::size_t i = 0; i < read.rows.size(); ++i) {
    const CaseRow& row = read.rows[i];
    auto f = findings->find(row.id);
    (*states)[row.id] =
        case_state(row, i < records.size() ? records[i] : none,
                   f == findings->end() ? no_findings : f->second, checklist, today);
  }
  return std::shared_ptr<const CaseStates>(std::move(states));
}

RoundCache<CaseStates>& state_cache() {
  static RoundCache<CaseStates> cache;
  return cache;
}

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

using Charts = std::vector<std::string>;

RoundCache<Charts>& chart_cache() {
  static RoundCache<Charts> cache;
  return cache;
}

// The chart blocks of the round's 通报, read as its reports read it
// (without case sheets or a comparison round), drawn as SVG.
Result<std::shared_ptr<const Charts>> compute_charts(Store& store, const RoundInfo& round,
                                                     const Checklist& checklist,
                                                     const std::string& today) {
  ReportRequest request;
  request.round = round.name;
  request.sheets = SheetMode::none;
  request.checklist = &checklist;
  request.today = today;
  request.compare = false;
  Result<std::unique_ptr<RoundReport>> report = read_round_report(store, request);
  if (!report) return report.failure();
  const Vocabulary names = vocabulary(checklist);
  auto charts = std::make_shared<Charts>();
  for (const Block& b : notification_content((*report)->input(names)))
    if (b.kind == Block::Kind::chart) charts->push_back(svg_bar_chart(b.chart));
  return std::shared_ptr<const Charts>(std::move(charts));
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
  Result<RoundRead> read = read_round(**store, id, checklist, today);
  if (!read) return read.failure();
  const RoundCache<CaseStates>::Key key{db.string(), id};
  RoundCaseList out;
  std::shared_ptr<const CaseStates> states = state_cache().get(key, read->stamp);
  out.from_cache = states != nullptr;
  if (!states) {
    Result<std::shared_ptr<const CaseStates>> computed =
        compute_states(**store, *read, checklist, today);
    if (!computed) return computed.failure();
    states = *computed;
    state_cache().put(key, read->stamp, states);
  }
  std::vector<CaseRow> scoped;
  if (street_scope(u)) {
    Result<std::vector<CaseRow>> rows = list_case_rows(**store, id, street_scope(u));
    if (!rows) return rows.failure();
    scoped = std::move(*rows);
  }
  const std::vector<CaseRow>& visible = street_scope(u) ? scoped : read->rows;
  std::vector<const RoundCase*> kept;
  std::set<std::string> streets, grades;
  for (const CaseRow& r : visible) {
    auto it = states->find(r.id);
    if (it == states->end()) continue;  // stored after the fingerprint was read
    ++out.visible;
    if (r.street) streets.insert(*r.street);
    if (it->second.item.grade) grades.insert(*it->second.item.grade);
    if (matches(it->second, q)) kept.push_back(&it->second);
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

Result<std::optional<std::vector<std::string>>> round_charts(const std::filesystem::path& db,
                                                             long long id, const User& u,
                                                             const Checklist& checklist) {
  using Found = std::optional<std::vector<std::string>>;
  Result<std::optional<RoundInfo>> round = visible_round(db, id, u);
  if (!round) return round.failure();
  if (!*round) return Found();
  if (!may_write(u)) return refused("整轮统计含其他街道的案卷，街道用户不能查看");
  Result<std::unique_ptr<Store>> store = ReviewSession::open_store(db, false);
  if (!store) return store.failure();
  const std::string today = Date::today().iso();
  Result<RoundRead> read = read_round(**store, id, checklist, today);
  if (!read) return read.failure();
  const RoundCache<Charts>::Key key{db.string(), id};
  std::shared_ptr<const Charts> charts = chart_cache().get(key, read->stamp);
  if (!charts) {
    Result<std::shared_ptr<const Charts>> computed =
        compute_charts(**store, **round, checklist, today);
    if (!computed) return computed.failure();
    charts = *computed;
    chart_cache().put(key, read->stamp, charts);
  }
  return Found(*charts);
}

Result<std::optional<RoundInfo>> plannable_round(const std::filesystem::path& db, long long id,
                                                 const User& u) {
  if (!may_write(u)) return std::optional<RoundInfo>();
  return visible_round(db, id, u);
}

}  // namespace auditor

#include "auditor/street_stats.h"

#include <algorithm>

#include "util/date.h"

namespace auditor {
namespace {

bool answer_file(const StatsCase& c) {
  return c.procedure == "reconsideration" || c.procedure == "litigation";
}

bool in_period(const std::optional<std::string>& date, const StatsPeriod& p) {
  if (!date) return false;
  if (p.from && *date < *p.from) return false;
  if (p.to && *date > *p.to) return false;
  return true;
}

// Calendar days from `from` to `to`; nullopt when either is no date or `to`
// comes first (a data error no median should take).
std::optional<int> days(const std::optional<std::string>& from,
                        const std::optional<std::string>& to) {
  if (!from || !to) return std::nullopt;
  std::optional<Date> a = Date::parse(*from), b = Date::parse(*to);
  if (!a || !b || *b < *a) return std::nullopt;
  return days_between(*a, *b);
}

// What one row collects before its medians.
struct Tally {
  StatsRow row;
  std::vector<int> to_decision, to_closing;
};

void add(const StatsCase& c, const StatsOptions& o, Tally& t) {
  StatsRow& r = t.row;
  if (answer_file(c)) {
    ++(c.procedure == "reconsideration" ? r.reconsideration : r.litigation);
    if (c.outcome) {
      ++r.outcomes[*c.outcome];
      ++r.with_outcome;
      if (corrects_decision(*c.outcome)) ++r.corrected;
    }
    return;
  }
  const StatsPeriod& p = o.period;
  const bool filed = p.open() ? c.filing_document || c.filed.has_value() : in_period(c.filed, p);
  const bool closed = p.open() ? c.closing_document : in_period(c.closed, p);
  r.filed += filed ? 1 : 0;
  r.closed += closed ? 1 : 0;
  if (p.open() || in_period(c.decided, p))
    if (std::optional<int> d = days(c.filed, c.decided)) t.to_decision.push_back(*d);
  if (p.open() || in_period(c.closed, p))
    if (std::optional<int> d = days(c.filed, c.closed)) t.to_closing.push_back(*d);
  if (filed && !c.has_decision && !c.closing_document) {
    const int limit = o.decision_limit + (c.extended ? o.extension_days : 0);
    if (std::optional<int> open = days(c.filed, o.reference); open && *open > limit) ++r.overdue;
  }
}

StatsRow finish(Tally& t) {
  StatsRow r = std::move(t.row);
  if (r.filed > 0) r.closure_rate = static_cast<double>(r.closed) / r.filed;
  r.days_to_decision = median(std::move(t.to_decision));
  r.days_to_closing = median(std::move(t.to_closing));
  if (r.with_outcome > 0) r.correction_rate = static_cast<double>(r.corrected) / r.with_outcome;
  return r;
}

}  // namespace

bool corrects_decision(const std::string& outcome) {
  return outcome == "撤销" || outcome == "确认违法" || outcome == "变更" || outcome == "责令履行";
}

std::optional<double> median(std::vector<int> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  if (n % 2 == 1) return values[n / 2];
  return (static_cast<double>(values[n / 2 - 1]) + values[n / 2]) / 2;
}

StreetStats street_stats(const std::vector<StatsCase>& cases, const FieldMap& fields,
                         const StatsOptions& options, const std::string& unknown_street) {
  std::map<std::string, Tally> by_street, by_field;
  Tally total;
  for (const StatsCase& c : cases) {
    add(c, options, by_street[c.street]);
    add(c, options, by_field[fields.field_of(c.provisions)]);
    add(c, options, total);
  }
  StreetStats out;
  out.options = options;
  out.field_map = fields.id + " " + fields.version;
  std::optional<StatsRow> unknown;
  for (auto& [name, t] : by_street) {
    t.row.name = name;
    if (name == unknown_street)
      unknown = finish(t);
    else
      out.streets.push_back(finish(t));
  }
  if (unknown) out.streets.push_back(std::move(*unknown));
  for (const std::string& name : fields.fields) {
    auto it = by_field.find(name);
    if (it == by_field.end()) continue;
    it->second.row.name = name;
    out.fields.push_back(finish(it->second));
  }
  total.row.name = "合计";
  out.total = finish(total);
  return out;
}

}  // namespace auditor

// Street statistics (各街道案件办理情况统计, docs/reports.md): per street and per
// enforcement field, the cases filed and closed in a period, the closure
// rate, the median days from filing to decision and to closing, the open
// cases past the decision deadline, and the reconsideration and litigation
// files with their outcomes (纠错率). One computation over plain values, used
// by the 通报 and the workbench's round page alike; the store reads the
// values (store/street_stats_reader.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auditor/fields.h"

namespace auditor {

// One stored case as the statistics see it. Dates are ISO yyyy-mm-dd.
struct StatsCase {
  std::string street;     // the report's street label (unknown: kUnknownStreet)
  std::string procedure;  // cases.procedure: general, simple, reconsideration, litigation, ""
  bool filing_document = false;      // a 立案审批表 (filing_approval) or a filing_date fact
  bool closing_document = false;     // a 结案审批表 (closing_approval)
  bool extended = false;             // a 延长办案期限审批表 (extension_approval)
  std::optional<std::string> filed;  // the 立案审批表's date, else the first filing_date fact
  std::optional<std::string> decided;  // the date of the (不予)行政处罚决定书
  std::optional<std::string> closed;   // the 结案审批表's date
  bool has_decision = false;           // a (不予)行政处罚决定书, dated or not
  std::vector<std::string>
      provisions;                      // `provision` facts of the decision (else of every document)
  std::optional<std::string> outcome;  // the first appeal_outcome fact
};

// The period counted, both ends inclusive; nullopt: open on that side. With
// neither end every case of the round counts (a case without dates too).
struct StatsPeriod {
  std::optional<std::string> from, to;
  bool open() const { return !from && !to; }
};

struct StatsOptions {
  StatsPeriod period;
  // An open case is past its deadline when it has no decision and more than
  // `decision_limit` calendar days (plus `extension_days` with an
  // extension_approval) lie between its filing and `reference`.
  int decision_limit = 90;
  int extension_days = 30;
  std::string reference;  // ISO date: the data's date (as_of) or the period's end, the earlier
};

// The outcomes that correct the decision (纠错): 撤销 确认违法 变更 责令履行.
bool corrects_decision(const std::string& outcome);

struct StatsRow {
  std::string name;                         // street or field
  int filed = 0, closed = 0;                // 立案 / 结案 in the period
  std::optional<double> closure_rate;       // closed / filed; nullopt when nothing was filed
  std::optional<double> days_to_decision;   // median, cases decided in the period
  std::optional<double> days_to_closing;    // median, cases closed in the period
  int overdue = 0;                          // open past the decision deadline
  int reconsideration = 0, litigation = 0;  // answer files (by procedure)
  std::map<std::string, int> outcomes;      // appeal_outcome value → files
  int with_outcome = 0, corrected = 0;      // 纠错率 = corrected / with_outcome
  std::optional<double> correction_rate;
};

struct StreetStats {
  StatsOptions options;
  std::string field_map;          // "id version" of the map used
  std::vector<StatsRow> streets;  // by name, kUnknownStreet last as given
  std::vector<StatsRow> fields;   // in the map's order, only fields with a case
  StatsRow total;                 // name 合计
};

// The median of `values` (sorted here): the middle one, or the mean of the
// two middle ones; nullopt for none.
std::optional<double> median(std::vector<int> values);

// Every row of the round's statistics. `cases` in any order; streets sort by
// name with `unknown_street` last.
StreetStats street_stats(const std::vector<StatsCase>& cases, const FieldMap& fields,
                         const StatsOptions& options, const std::string& unknown_street);

}  // namespace auditor

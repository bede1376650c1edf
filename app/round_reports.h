// Writing a stored round's reports: the round read from the store
// (store/round_reader.h), summarised and rendered (reports/report.h).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "auditor/street_stats.h"
#include "reports/report.h"
#include "reports/round_summary.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

struct ReportRequest {
  std::string round;  // empty: the most recently created round
  // The round to compare with; nullopt: the previous round of the same scope.
  std::optional<std::string> compare_with;
  std::filesystem::path dir;  // created when missing
  ReportFormats formats;
  Vocabulary names;  // document and stage names; ids are shown without them
  SheetMode sheets = SheetMode::automatic;
  // Scores the round's inspection record (review_round, auditor/round.h)
  // when the round has one; null: the record is not applied.
  const Checklist* checklist = nullptr;
  // The report's date (YYYY-MM-DD), which decides the overdue rectification
  // items; empty: today (local).
  std::string today;
  // With a draw: only the drawn cases (keep_drawn); false: every case.
  bool drawn_only = true;
  // false: no round is read to compare with (the comparison section stays
  // empty), for a caller that needs only the figures of this round.
  bool compare = true;
  // The street statistics (各街道案件办理情况统计, app/street_stats.h) over
  // `period` (both ends empty: the whole round); false: not computed.
  bool street_stats = true;
  StatsPeriod period;
};

// The round as its reports render it: read, narrowed to the drawn cases,
// scored with its record, summarised (against the round compared with).
// `summary` points into `data` and `previous`: the value stays where
// read_round_report made it.
struct RoundReport {
  RoundData data;
  std::optional<RoundData> previous;
  RoundSummary summary;
  std::string today;   // YYYY-MM-DD
  bool sheets = true;  // data holds what the case sheets need
  RoundReport() = default;
  RoundReport(const RoundReport&) = delete;
  RoundReport& operator=(const RoundReport&) = delete;
  // What the renderers take, with `names` (request.names).
  ReportInput input(const Vocabulary& names) const { return {data, summary, names, sheets, today}; }
};

// Reads the round of `request` (its round, compare_with, sheets, checklist,
// today, drawn_only, compare) as write_round_reports renders it. Fails with a
// Chinese reason when the round or the round to compare with does not exist.
Result<std::unique_ptr<RoundReport>> read_round_report(Store& store, const ReportRequest& request);

// What write_round_reports wrote.
struct ReportWritten {
  std::size_t cases = 0;
  bool case_sheets = true;  // false: the reports carry sheets_left_out_note
};

// Reads the round from `store` (read_round_report) and writes the requested
// files (write_report_files). Without sheets only what the notification and the case list need
// is read (load_round(..., false)). Fails with a Chinese reason when the
// round does not exist or a file cannot be written (the first failure in
// the order json, html, docx, xlsx); the other files are still written.
// A round with a draw (app/round_plan.h) is reported on the cases drawn
// (keep_drawn) unless request.drawn_only is false; its plan, draw and
// assignments go into the report.
// `written`, when given, is filled once the round is read and summarised.
Status write_round_reports(Store& store, const ReportRequest& request,
                           ReportWritten* written = nullptr);
// The same from the database file `db`, opened read-only: it may run beside
// an audit writing to the file (store/store.h, locking rule).
Status write_round_reports(const std::filesystem::path& db, const ReportRequest& request,
                           ReportWritten* written = nullptr);

}  // namespace auditor

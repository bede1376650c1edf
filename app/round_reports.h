// Writing a stored round's reports: the round read from the store
// (store/round_reader.h), summarised and rendered (reports/report.h).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "reports/report.h"
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
};

// What write_round_reports wrote.
struct ReportWritten {
  std::size_t cases = 0;
  bool case_sheets = true;  // false: the reports carry sheets_left_out_note
};

// Reads the round from `store` and writes the requested files
// (write_report_files). Without sheets only what the notification and the case list need
// is read (load_round(..., false)). Fails with a Chinese reason when the
// round does not exist or a file cannot be written (the first failure in
// the order json, html, docx, xlsx); the other files are still written.
// A round with a draw (app/round_plan.h) is reported on the cases drawn
// (keep_drawn) unless request.drawn_only is false; its plan, draw and
// assignments go into the report.
// `written`, when given, is filled once the round is read.
Status write_round_reports(Store& store, const ReportRequest& request,
                           ReportWritten* written = nullptr);
// The same from the database file `db`, opened read-only: it may run beside
// an audit writing to the file (store/store.h, locking rule).
Status write_round_reports(const std::filesystem::path& db, const ReportRequest& request,
                           ReportWritten* written = nullptr);

}  // namespace auditor

// The round reports (docs/reports.md): per-case sheets (评查表) and the round
// notification (通报) of one round read from the store, written as
// DIR/report.html, report.docx, report.xlsx and report.json. Every renderer
// depends only on the stored round, so re-rendering gives the same bytes.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auditor/result.h"
#include "auditor/store.h"
#include "reports/report_data.h"
#include "reports/report_text.h"
#include "reports/round_summary.h"

namespace auditor {

struct ReportFormats {
  bool html = false, docx = false, xlsx = false, json = false;
};

// "html,docx,xlsx,json", any subset in any order; fails (Chinese reason) on
// an unknown or empty list.
Result<ReportFormats> parse_formats(const std::string& list);

// The stored mode for a --mode value: "inspection", "self-check" (or
// "self_check") → "self_check"; fails (Chinese reason) otherwise.
Result<std::string> round_mode(const std::string& value);

struct ReportRequest {
  std::string round;  // empty: the most recently created round
  // The round to compare with; nullopt: the previous round of the same scope.
  std::optional<std::string> compare_with;
  std::filesystem::path dir;  // created when missing
  ReportFormats formats;
  Vocabulary names;  // document and stage names; ids are shown without them
};

// Reads the round and writes the requested files, each format on its own
// thread. Fails with a Chinese reason when the round does not exist or a
// file cannot be written (the first failure in the order json, html, docx,
// xlsx); the other files are still written.
Status write_round_reports(Store& store, const ReportRequest& request);

// The renderers, pure functions of the round.
struct ReportInput {
  const RoundData& data;
  const RoundSummary& summary;
  const Vocabulary& names;
};

std::string html_report(const ReportInput& in);
Result<std::string> docx_report(const ReportInput& in);
// libxlsxwriter writes files only: the workbook goes to `file`.
Status write_xlsx_report(const ReportInput& in, const std::filesystem::path& file);
// The JSON result contract (reports/json_report.h) of the round's cases,
// with the tool and checklist of its latest run, plus a "round" object.
nlohmann::json round_json(const RoundData& data);
// round_json(data).dump(2) and a newline, streamed to `file` without
// building the document (reports/json_text.h).
Status write_json_report(const RoundData& data, const std::filesystem::path& file);

}  // namespace auditor

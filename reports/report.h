// The round reports (docs/reports.md): per-case sheets (评查表) and the round
// notification (通报) of one round (auditor/round.h), written as
// DIR/report.html, report.docx, report.xlsx and report.json. Every renderer
// depends only on the round's values, so re-rendering gives the same bytes.
// Reading the round from the store: app/round_reports.h.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auditor/round.h"
#include "reports/report_text.h"
#include "reports/round_summary.h"
#include "util/status.h"

namespace auditor {

struct ReportFormats {
  bool html = false, docx = false, xlsx = false, json = false;
};

// "html,docx,xlsx,json", any subset in any order; fails (Chinese reason) on
// an unknown or empty list.
Result<ReportFormats> parse_formats(const std::string& list);

// Per-case sheets (逐案评查表, --sheets auto|all|none). A sheet per case is
// what an inspector hands to one street office; for a round of 100,000 cases
// it is gigabytes nobody reads, so by default only rounds of at most
// kMaxCasesWithSheets cases get them. Without sheets a report keeps the whole
// notification and lists the cases one row each (docs/reports.md).
enum class SheetMode { automatic, all, none };
constexpr std::size_t kMaxCasesWithSheets = 1000;

// "auto", "all" or "none"; fails (Chinese reason) otherwise.
Result<SheetMode> parse_sheet_mode(const std::string& value);
// Whether a round of `case_count` cases gets its per-case sheets under `mode`.
bool sheets_for(std::size_t case_count, SheetMode mode);
// What a report without sheets says under its title, and the console once:
// "本轮共 N 个案卷（超过 1000 个），报告未附逐案评查表；需要时请加 --sheets all
// 重新生成。" (the parenthesis only above the threshold).
std::string sheets_left_out_note(std::size_t case_count);

// The renderers, pure functions of the round.
struct ReportInput {
  const RoundData& data;
  const RoundSummary& summary;
  const Vocabulary& names;
  // false: the note and a case list instead of the sheets; `data` may then
  // come from load_round(..., false).
  bool case_sheets = true;
  // The report's date (YYYY-MM-DD): rectification items due before it and
  // not reported done are overdue.
  std::string today;
};

// Writes the requested formats into `dir` (created when missing), each on
// its own thread. Each file is written whole to a temporary file and renamed
// into place (util/atomic_file.h): a link planted at report.* is replaced,
// never written through. Fails with a Chinese reason when a file cannot be
// written (the first failure in the order json, html, docx, xlsx), leaving
// that file as it was; the other files are still written.
Status write_report_files(const ReportInput& in, const ReportFormats& formats,
                          const std::filesystem::path& dir);

std::string html_report(const ReportInput& in);
Result<std::string> docx_report(const ReportInput& in);
// Case i's sheet (评查表) alone as a whole document, under the title
// kCaseSheetTitle: what one case's page offers for download.
inline constexpr const char* kCaseSheetTitle = "行政处罚案卷评查表";
std::string html_case_sheet(const ReportInput& in, std::size_t i);
Result<std::string> docx_case_sheet(const ReportInput& in, std::size_t i);
// libxlsxwriter writes files only: the workbook goes to `file`, through an
// AtomicFile (util/atomic_file.h).
Status write_xlsx_report(const ReportInput& in, const std::filesystem::path& file);
// The JSON result contract (reports/json_report.h) of the round's cases,
// with the tool and checklist of its latest run, plus a "round" object.
// Without case sheets the cases carry no "documents" and "checks", their
// case number, street and party come from RoundData::facts, and the round
// object says "case_sheets": false.
nlohmann::json round_json(const RoundData& data, bool case_sheets = true);
// json_text_safe(round_json(data, case_sheets).dump(2)) and a newline,
// streamed to `file` without building the document (reports/json_text.h),
// through an AtomicFile (util/atomic_file.h).
Status write_json_report(const RoundData& data, const std::filesystem::path& file,
                         bool case_sheets = true);

}  // namespace auditor

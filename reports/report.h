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

struct ReportRequest {
  std::string round;  // empty: the most recently created round
  // The round to compare with; nullopt: the previous round of the same scope.
  std::optional<std::string> compare_with;
  std::filesystem::path dir;  // created when missing
  ReportFormats formats;
  Vocabulary names;  // document and stage names; ids are shown without them
  SheetMode sheets = SheetMode::automatic;
};

// What write_round_reports wrote.
struct ReportWritten {
  std::size_t cases = 0;
  bool case_sheets = true;  // false: the reports carry sheets_left_out_note
};

// Reads the round and writes the requested files, each format on its own
// thread. Without sheets only what the notification and the case list need
// is read (load_round(..., false)). Fails with a Chinese reason when the
// round does not exist or a file cannot be written (the first failure in
// the order json, html, docx, xlsx); the other files are still written.
// `written`, when given, is filled once the round is read.
Status write_round_reports(Store& store, const ReportRequest& request,
                           ReportWritten* written = nullptr);

// The renderers, pure functions of the round.
struct ReportInput {
  const RoundData& data;
  const RoundSummary& summary;
  const Vocabulary& names;
  // false: the note and a case list instead of the sheets; `data` may then
  // come from load_round(..., false).
  bool case_sheets = true;
};

std::string html_report(const ReportInput& in);
Result<std::string> docx_report(const ReportInput& in);
// libxlsxwriter writes files only: the workbook goes to `file`.
Status write_xlsx_report(const ReportInput& in, const std::filesystem::path& file);
// The JSON result contract (reports/json_report.h) of the round's cases,
// with the tool and checklist of its latest run, plus a "round" object.
// Without case sheets the cases carry no "documents" and "checks", their
// case number, street and party come from RoundData::facts, and the round
// object says "case_sheets": false.
nlohmann::json round_json(const RoundData& data, bool case_sheets = true);
// round_json(data, case_sheets).dump(2) and a newline, streamed to `file`
// without building the document (reports/json_text.h).
Status write_json_report(const RoundData& data, const std::filesystem::path& file,
                         bool case_sheets = true);

}  // namespace auditor

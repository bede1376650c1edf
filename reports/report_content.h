// The text of the round reports as format-neutral blocks: the HTML and DOCX
// renderers lay out the same headings, paragraphs and tables, so both say
// the same thing. Text in blocks is raw; renderers escape it.
#pragma once

#include <string>
#include <vector>

#include "reports/report.h"
#include "reports/svg_chart.h"

namespace auditor {

struct Block {
  enum class Kind { heading, paragraph, table, chart, page_break };
  Kind kind = Kind::paragraph;
  int level = 1;                               // heading: 1 title, 2 section, 3 subsection
  std::string text;                            // heading, paragraph ('\n' = line break)
  std::vector<std::vector<std::string>> rows;  // table
  std::vector<int> weights;                    // table column widths
  bool header = true;                          // table: the first row is a header
  BarChart chart;                              // chart (DOCX shows it as a table)
};

using Content = std::vector<Block>;

// The report is the notification (通报) of the round, then each case's
// blocks in case order; renderers take it piece by piece, so none holds the
// blocks of the whole round at once. Without case sheets the notification
// carries sheets_left_out_note under its title and the case list follows it.
Content notification_content(const ReportInput& in);
// Case i's blocks, appended to `out`: a new page, the attachment heading
// before the first case, then its sheet (评查表).
void append_case_content(const ReportInput& in, std::size_t i, Content& out);
// In place of the sheets: a new page and the case list (案卷一览), one row per
// case: case label, street, party, score, grade, problems, manual checks.
void append_case_list(const ReportInput& in, Content& out);

// One case's sheet, appended to `out` (the caller starts the new page).
void append_case_sheet(const ReportInput& in, std::size_t i, Content& out);

// The record beyond the decisions (reports/record_content.cc).
bool has_objections(const RoundData& data);
bool has_rectify_items(const RoundData& data);
// The draw's paragraph (seed, method, counts) and its table of drawn cases
// with the assigned inspector.
void append_draw(const ReportInput& in, Content& out);
// The round's objections with their rulings, and the rectification items
// by street with due date, status and re-check (as of in.today).
void append_objections(const ReportInput& in, Content& out);
void append_rectify_items(const ReportInput& in, Content& out);
// Case i's objections and rectification items, on its sheet.
void append_case_record(const ReportInput& in, std::size_t i, Content& out);

// The street statistics (summary.street_stats) as the 通报 and the
// workbench show them (reports/street_stats_content.cc): a paragraph stating
// the period and the definitions, the per-street table, the per-field table
// and the chart of filed and closed cases per street.
struct StreetStatsView {
  std::string note;
  std::vector<std::vector<std::string>> streets, fields;  // header row first
  BarChart chart;
};
StreetStatsView street_stats_view(const StreetStats& stats);
// The section's title: 各街道案件办理情况统计.
inline constexpr const char* kStreetStatsTitle = "各街道案件办理情况统计";

// Block builders.
Block heading(std::string text, int level);
Block paragraph(std::string text);
Block table(std::vector<std::vector<std::string>> rows, std::vector<int> weights = {},
            bool header = true);
Block chart(BarChart c);
Block page_break();

// Labels shared by the sheets and the workbook.
std::string procedure_label(const Text& procedure);  // 普通程序 / 简易程序 / 未知
std::string checklist_label(const RoundRun& run);    // "id version（SHA-256 …）"

}  // namespace auditor

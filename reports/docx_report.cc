// The DOCX report, written with the project's DocxWriter (A4, Chinese fonts
// declared); charts become tables of their values.
#include "reports/docx_writer.h"
#include "reports/report.h"
#include "reports/report_content.h"
#include "util/text_safety.h"

namespace auditor {
namespace {

// What the report shows of every value: well-formed, XML-safe, with
// bidirectional controls made visible (util/text_safety.h).
std::vector<std::vector<std::string>> clean(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::vector<std::string>> out;
  out.reserve(rows.size());
  for (const auto& row : rows) {
    std::vector<std::string>& r = out.emplace_back();
    for (const std::string& c : row) r.push_back(display_safe(c));
  }
  return out;
}

// A chart as a table: one row per category, one column per series.
void chart_table(DocxWriter& w, const BarChart& chart) {
  w.paragraph(display_safe(chart.title), {.bold = true});
  std::vector<std::vector<std::string>> rows = {{""}};
  for (const BarSeries& s : chart.series) rows[0].push_back(s.name);
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    std::vector<std::string>& row = rows.emplace_back(1, chart.categories[c]);
    for (const BarSeries& s : chart.series)
      row.push_back(format_score(c < s.values.size() ? s.values[c] : 0));
  }
  w.table(clean(rows), TableStyle{{}, true});
}

void render(DocxWriter& w, const Block& b) {
  switch (b.kind) {
    case Block::Kind::heading:
      w.heading(display_safe(b.text), b.level);
      break;
    case Block::Kind::paragraph:
      w.paragraph(display_safe(b.text), {.align = Align::justify});
      break;
    case Block::Kind::table:
      w.table(clean(b.rows), TableStyle{b.weights, b.header});
      break;
    case Block::Kind::chart:
      chart_table(w, b.chart);
      break;
    case Block::Kind::page_break:
      w.page_break();
      break;
  }
}

}  // namespace

Result<std::string> docx_case_sheet(const ReportInput& in, std::size_t i) {
  Content sheet{heading(kCaseSheetTitle, 1)};
  append_case_sheet(in, i, sheet);
  const RoundData& d = in.data;
  DocxWriter w(kCaseSheetTitle, "auditor", d.as_of.empty() ? d.round.created_at : d.as_of);
  for (const Block& b : sheet) render(w, b);
  return w.finish();
}

Result<std::string> docx_report(const ReportInput& in) {
  const Content notification = notification_content(in);
  const RoundData& d = in.data;
  DocxWriter w(display_safe(notification.front().text), "auditor",
               d.as_of.empty() ? d.round.created_at : d.as_of);
  for (const Block& b : notification) render(w, b);
  Content sheet;
  if (!in.case_sheets) {
    append_case_list(in, sheet);
    for (const Block& b : sheet) render(w, b);
    return w.finish();
  }
  const std::size_t head = w.body_size();
  for (std::size_t i = 0; i < d.cases.size(); ++i) {
    sheet.clear();
    append_case_content(in, i, sheet);
    for (const Block& b : sheet) render(w, b);
    // Room for every case at a quarter more than the first one took.
    if (i == 0) w.reserve(head + (w.body_size() - head) * d.cases.size() * 5 / 4);
  }
  return w.finish();
}

}  // namespace auditor

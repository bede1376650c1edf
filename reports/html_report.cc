// The HTML report: one self-contained file (inline CSS and SVG, no script, no
// network), printable on A4 with each case sheet on a new page.
#include "reports/docx_writer.h"
#include "reports/report.h"
#include "reports/report_content.h"
#include "util/text_safety.h"

namespace auditor {
namespace {

constexpr const char* kStyle = R"css(
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "FangSong", "仿宋_GB2312", "SimSun", "Noto Serif CJK SC", serif;
       font-size: 11pt; line-height: 1.5; margin: 0 auto; max-width: 180mm; color: #000; }
h1 { font-family: "SimSun", "宋体", serif; font-size: 18pt; text-align: center; }
h2 { font-family: "SimHei", "黑体", sans-serif; font-size: 14pt; margin-top: 1.2em; }
h3 { font-size: 12pt; margin: 0.8em 0 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; font-size: 9.5pt; }
th, td { border: 1px solid #444; padding: 2px 4px; vertical-align: top;
         word-break: break-all; white-space: pre-line; }
th { background: #eee; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
table.fields td:first-child { width: 20%; font-weight: bold; background: #f6f6f6; }
p { white-space: pre-line; margin: 0.3em 0; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 0.5em 0; }
.page-break { page-break-after: always; break-after: page; height: 0; }
@media screen { .page-break { border-top: 1px dashed #999; margin: 2em 0; } }
)css";

// Every value: well-formed, without the characters HTML5 and XML forbid,
// bidirectional controls made visible (util/text_safety.h), then escaped.
void esc(std::string& out, const std::string& s) { append_xml_escaped(out, display_safe(s)); }

void cells(std::string& out, const std::vector<std::string>& row, const char* tag) {
  out += "<tr>";
  for (const std::string& c : row) {
    out.append("<").append(tag).append(">");
    esc(out, c);
    out.append("</").append(tag).append(">");
  }
  out += "</tr>";
}

void html_table(std::string& out, const Block& b) {
  out += b.header ? "<table>" : "<table class=\"fields\">";
  std::size_t first = 0;
  if (b.header && !b.rows.empty()) {
    out += "<thead>";
    cells(out, b.rows[0], "th");
    out += "</thead>";
    first = 1;
  }
  out += "<tbody>";
  for (std::size_t i = first; i < b.rows.size(); ++i) cells(out, b.rows[i], "td");
  out += "</tbody></table>";
}

void render(std::string& out, const Block& b) {
  switch (b.kind) {
    case Block::Kind::heading: {
      const char level = static_cast<char>('0' + (b.level < 1 ? 1 : b.level > 3 ? 3 : b.level));
      out.append("<h").append(1, level).append(">");
      esc(out, b.text);
      out.append("</h").append(1, level).append(">\n");
      return;
    }
    case Block::Kind::paragraph:
      out += "<p>";
      esc(out, b.text);
      out += "</p>\n";
      return;
    case Block::Kind::table:
      html_table(out, b);
      out += "\n";
      return;
    case Block::Kind::chart:
      out += svg_bar_chart(b.chart);
      out += "\n";
      return;
    case Block::Kind::page_break:
      break;
  }
  out += "<div class=\"page-break\"></div>\n";
}

// The document's head with `title`, and the opened body.
std::string html_open(const std::string& title) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta "
      "charset=\"utf-8\">\n<title>";
  esc(out, title);
  out.append("</title>\n<style>").append(kStyle).append("</style>\n</head>\n<body>\n");
  return out;
}

}  // namespace

std::string html_case_sheet(const ReportInput& in, std::size_t i) {
  Content sheet{heading(kCaseSheetTitle, 1)};
  append_case_sheet(in, i, sheet);
  std::string out = html_open(kCaseSheetTitle);
  for (const Block& b : sheet) render(out, b);
  return out + "</body>\n</html>\n";
}

std::string html_report(const ReportInput& in) {
  const Content notification = notification_content(in);
  std::string out = html_open(notification.front().text);
  for (const Block& b : notification) render(out, b);
  Content sheet;
  if (!in.case_sheets) {
    append_case_list(in, sheet);
    for (const Block& b : sheet) render(out, b);
    return out + "</body>\n</html>\n";
  }
  const std::size_t head = out.size(), n = in.data.cases.size();
  for (std::size_t i = 0; i < n; ++i) {
    sheet.clear();
    append_case_content(in, i, sheet);
    for (const Block& b : sheet) render(out, b);
    // Room for every case at a quarter more than the first one took:
    // pages never touched cost nothing, copying a 400 MB string does.
    if (i == 0) out.reserve(head + (out.size() - head) * n * 5 / 4);
  }
  return out + "</body>\n</html>\n";
}

}  // namespace auditor

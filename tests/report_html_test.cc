// The HTML report rendered from the fixed database.
#include <catch2/catch.hpp>

#include "reports/svg_chart.h"
#include "tests/report_fixture.h"

namespace auditor {
namespace {

using test::occurrences;
using test::read_file;
using test::ReportFixture;

// The part of `html` between the first `from` and the next `to`.
std::string between(const std::string& html, const std::string& from, const std::string& to) {
  const std::size_t start = html.find(from);
  REQUIRE(start != std::string::npos);
  return html.substr(start, html.find(to, start) - start);
}

TEST_CASE("the HTML report shows every case with its number, score and grade", "[reports]") {
  ReportFixture fx;
  const std::string html = read_file(fx.render("第一轮", "out", "html") / "report.html");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK_THAT(html, Catch::Contains("第一轮 行政处罚案卷评查情况通报"));
  for (const char* text :
       {"评查表：穗海赤岗综执立〔2024〕12号", "评查表：穗海新港综执立〔2024〕3号",
        "评查表：坏包.zip", "<td>得分</td><td>85</td>", "<td>等级</td><td>合格</td>",
        "无法读取：不是有效的 ZIP 压缩包", "☐ 请核对《行政处罚决定书》的印章与落款机关一致",
        "DL-service", "证据：DL-service", "《中华人民共和国行政处罚法》第四十四条"})
    CHECK_THAT(html, Catch::Contains(text));
  // Street table: 赤岗 has 1 file, mean 85, 1 filed, 1 closed, 2 problems.
  CHECK_THAT(html, Catch::Contains("<td>赤岗</td><td>1</td><td>1</td><td>0</td><td>85</td>"
                                   "<td>0</td><td>1</td><td>1</td><td>1</td><td>2</td>"));
  CHECK_THAT(html, Catch::Contains("没有街道范围相同的上一轮审查"));
}

TEST_CASE("the HTML grade chart has one bar per street and grade", "[reports]") {
  ReportFixture fx;
  const std::string html = read_file(fx.render("第二轮", "out", "html") / "report.html");
  const std::string grades = between(html, "各街道案卷等级分布", "</svg>");
  CHECK(occurrences(grades, "class=\"bar\"") == 3);
  CHECK(occurrences(grades, "data-series=\"优秀\"") == 2);  // 赤岗 (H) and 新港 (B)
  CHECK(occurrences(grades, "data-series=\"不合格\"") == 1);
  CHECK_THAT(grades, Catch::Contains("data-series=\"不合格\" data-category=\"赤岗\" "
                                     "data-value=\"1\""));
  const std::string stages = between(html, "各阶段问题数", "</svg>");
  CHECK(occurrences(stages, "class=\"bar\"") == 3);  // stages 2, 5 and 6
  CHECK_THAT(stages, Catch::Contains("data-category=\"第5阶段 决定\" data-value=\"1\""));
}

TEST_CASE("a chart's category labels too wide for their group break into two lines", "[reports]") {
  BarChart c;
  c.title = "各阶段问题数";
  for (int i = 1; i <= 8; ++i) c.categories.push_back("第" + std::to_string(i) + "阶段 调查取证");
  c.categories.push_back("短");
  c.series.push_back({"问题数", std::vector<double>(9, 1)});
  const std::string svg = svg_bar_chart(c);
  // 640 px over 9 groups leaves ~62 px a label: "第1阶段 调查取证" (~110 px) breaks
  // at its space; "短" stays one line.
  CHECK_THAT(svg, Catch::Contains("\">第1阶段</tspan><tspan x=\""));
  CHECK_THAT(svg, Catch::Contains("dy=\"12\">调查取证</tspan>"));
  CHECK_THAT(svg, Catch::Contains("font-size=\"10\">短</text>"));
  CHECK(occurrences(svg, "<tspan") == 16);
}

TEST_CASE("the HTML report is self-contained and printable on A4", "[reports]") {
  ReportFixture fx;
  const std::string html = read_file(fx.render("第二轮", "out", "html") / "report.html");
  CHECK_THAT(html, Catch::Contains("@page { size: A4;"));
  CHECK(occurrences(html, "<div class=\"page-break\">") == 3);  // one before each sheet
  CHECK(occurrences(html, "http") == occurrences(html, "http://www.w3.org/2000/svg"));
  for (const char* external : {"<script", "<link", "src=", "url(", "@import"})
    CHECK(html.find(external) == std::string::npos);
}

TEST_CASE("hostile strings are escaped in the HTML report", "[reports]") {
  ReportFixture fx;
  const std::string html = read_file(fx.render("第二轮", "out", "html") / "report.html");
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<b>甲") == std::string::npos);
  CHECK(html.find('\x01') == std::string::npos);
  const std::string escaped =
      "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&amp;&quot;&apos;&lt;b&gt;甲&amp;乙&lt;/"
      "b&gt;";
  CHECK(occurrences(html, escaped) >= 5);  // archive, party, document, message, evidence
}

TEST_CASE("the reports state the tool, checklist, round, time and archive hashes", "[reports]") {
  ReportFixture fx;
  const std::string html = read_file(fx.render("第一轮", "out", "html") / "report.html");
  for (const std::string& text :
       {std::string("auditor 0.1.0"), std::string("general-penalty 2025.1（SHA-256 abc123）"),
        std::string("<td>审查轮次</td><td>第一轮</td>"),
        std::string("<td>检查人员</td><td>张三</td>"), std::string("2024-05-01T08:00:00Z"),
        std::string(64, 'a'), std::string(64, 'b')})
    CHECK_THAT(html, Catch::Contains(text));
}

TEST_CASE("a self-check report words findings to the office and gives a closing verdict",
          "[reports]") {
  ReportFixture fx;
  const std::string html = read_file(fx.render("赤岗自查", "out", "html") / "report.html");
  CHECK_THAT(html, Catch::Contains("赤岗自查 行政处罚案卷自查情况报告"));
  CHECK_THAT(html, Catch::Contains("<td>请补充《结案审批表》</td>"));
  CHECK_THAT(html, Catch::Contains("请核实并整改：文号年份与文书日期不符"));
  CHECK_THAT(html, Catch::Contains("六、结案意见"));
  CHECK_THAT(html, Catch::Contains("<td>穗海赤岗综执立〔2024〕50号</td><td>暂不宜结案</td>"
                                   "<td>【重大】第8阶段（结案）缺少《结案审批表》</td>"));
  CHECK_THAT(html, Catch::Contains("<td>穗海赤岗综执立〔2024〕51号</td><td>可以结案</td>"));
}

TEST_CASE("re-rendering a round gives byte-identical reports", "[reports]") {
  ReportFixture fx;
  const auto one = fx.render("第二轮", "one"), two = fx.render("第二轮", "two");
  for (const char* file : {"report.html", "report.json", "report.docx", "report.xlsx"}) {
    INFO(file);
    const std::string a = read_file(one / file);
    CHECK(!a.empty());
    CHECK(a == read_file(two / file));
  }
}

}  // namespace
}  // namespace auditor

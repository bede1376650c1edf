// The XLSX workbook, read back with ZipReader and pugixml.
#include <catch2/catch.hpp>
#include <set>

#include "tests/report_fixture.h"

namespace auditor {
namespace {

using test::read_file;
using test::ReportFixture;
using test::xlsx_cells;
using test::zip_member;

std::string xlsx(ReportFixture& fx, const std::string& round) {
  return read_file(fx.render(round, "out", "xlsx") / "report.xlsx");
}

TEST_CASE("the workbook has one sheet per table", "[reports]") {
  ReportFixture fx;
  const std::string book = zip_member(xlsx(fx, "第二轮"), "xl/workbook.xml");
  std::size_t at = 0;
  for (const char* name : {"案卷", "问题", "街道", "典型问题", "整改清单", "比较", "报告信息"}) {
    const std::size_t found = book.find(std::string("name=\"") + name + "\"", at);
    CHECK(found != std::string::npos);
    at = found == std::string::npos ? at : found;
  }
}

TEST_CASE("the cases sheet lists every case with scores and counts as numbers", "[reports]") {
  ReportFixture fx;
  auto cells = xlsx_cells(xlsx(fx, "第一轮"), 1);
  CHECK(cells["A1"] == "街道");
  CHECK(cells["H1"] == "得分");
  CHECK(cells["A2"] == "赤岗");
  CHECK(cells["B2"] == "穗海赤岗综执立〔2024〕12号");
  CHECK(cells["F2"] == std::string(64, 'a'));
  CHECK(cells["H2"] == "85");
  CHECK(cells["type:H2"].empty());  // a number, not a string
  CHECK(cells["I2"] == "合格");
  CHECK(cells["J2"] == "2");  // problems: the manual check does not count
  CHECK(cells["N2"] == "1");  // manual checks
  CHECK(cells["O2"] == "1");
  CHECK(cells["P2"] == "1");
  CHECK(cells["B3"] == "穗海新港综执立〔2024〕3号");
  CHECK(cells["H3"] == "95");
  CHECK(cells["P3"] == "0");
  CHECK(cells["E4"] == "坏包.zip");
  CHECK(cells.count("H4") == 0);  // a rejected case has no score
  CHECK(cells["G4"] == "无法读取：不是有效的 ZIP 压缩包");
  CHECK(cells.count("A5") == 0);
}

TEST_CASE("the findings and streets sheets carry numbers for sums", "[reports]") {
  ReportFixture fx;
  const std::string book = xlsx(fx, "第一轮");
  auto findings = xlsx_cells(book, 2);
  CHECK(findings["E2"] == "REQ-3-penalty_notice");
  CHECK(findings["H2"] == "3");
  CHECK(findings["M2"] == "10");
  CHECK(findings["type:M2"].empty());
  CHECK(findings["N2"] == "请补充《行政处罚事先告知书》");
  CHECK(findings["E5"] == "NUM-year");
  auto streets = xlsx_cells(book, 3);
  CHECK(streets["A2"] == "新港");
  CHECK(streets["E2"] == "95");
  CHECK(streets["A3"] == "赤岗");
  CHECK(streets["type:E3"].empty());
}

TEST_CASE("the comparison sheet lists rectified, persisting and new findings", "[reports]") {
  ReportFixture fx;
  auto cells = xlsx_cells(xlsx(fx, "第二轮"), 6);
  std::multiset<std::string> changes;
  for (int row = 2; cells.count("A" + std::to_string(row)); ++row) {
    changes.insert(cells["A" + std::to_string(row)] + ":" + cells["E" + std::to_string(row)]);
    CHECK(cells["B" + std::to_string(row)] == "第一轮");
  }
  CHECK(changes == std::multiset<std::string>{"新发现:SEAL-name", "新发现:CON-party",
                                              "仍存在:DL-service", "已整改:REQ-3-penalty_notice",
                                              "已整改:NUM-year"});
}

TEST_CASE("hostile strings are escaped in the XLSX XML", "[reports]") {
  ReportFixture fx;
  const std::string book = xlsx(fx, "第二轮");
  const std::string strings = zip_member(book, "xl/sharedStrings.xml");
  CHECK(strings.find("<script>") == std::string::npos);
  CHECK(strings.find('\x01') == std::string::npos);
  auto cells = xlsx_cells(book, 1);
  // Excel's own escape for a control character: _x0001_.
  std::string expected = test::kHostile;
  expected.erase(expected.find('\x01'), 1);
  CHECK(cells["C4"] == expected);
  CHECK(cells["E4"] == "赤岗/" + expected + ".zip");
}

}  // namespace
}  // namespace auditor

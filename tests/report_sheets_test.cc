// Per-case sheets (--sheets auto|all|none): a report without them keeps the
// whole notification, lists the cases one row each and says so.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reports/json_report.h"
#include "store/round_reader.h"
#include "tests/report_fixture.h"

namespace auditor {
namespace {

using nlohmann::json;
using test::docx_text;
using test::occurrences;
using test::read_file;
using test::ReportFixture;
using test::xlsx_cells;
using test::zip_member;

const std::string kNote3 =
    "本轮共 3 个案卷，报告未附逐案评查表；需要时请加 --sheets all 重新生成。";

RoundData load(ReportFixture& fx, const std::string& name, bool full) {
  auto round = find_round(*fx.store, name);
  REQUIRE((round.ok() && round->has_value()));
  Result<RoundData> data = load_round(*fx.store, **round, full);
  REQUIRE(data.ok());
  return std::move(*data);
}

TEST_CASE("auto keeps the sheets up to the threshold and leaves them out above it", "[reports]") {
  CHECK(kMaxCasesWithSheets == 1000);
  CHECK(sheets_for(0, SheetMode::automatic));
  CHECK(sheets_for(kMaxCasesWithSheets, SheetMode::automatic));
  CHECK_FALSE(sheets_for(kMaxCasesWithSheets + 1, SheetMode::automatic));
  CHECK_FALSE(sheets_for(100000, SheetMode::automatic));
  CHECK(sheets_for(100000, SheetMode::all));
  CHECK_FALSE(sheets_for(3, SheetMode::none));
}

TEST_CASE("the sheet mode is auto, all or none, and a bad value names the choices", "[reports]") {
  CHECK(*parse_sheet_mode("auto") == SheetMode::automatic);
  CHECK(*parse_sheet_mode("all") == SheetMode::all);
  CHECK(*parse_sheet_mode("none") == SheetMode::none);
  for (const char* bad : {"", "ALL", "some", "全部"}) {
    Result<SheetMode> mode = parse_sheet_mode(bad);
    REQUIRE_FALSE(mode.ok());
    CHECK_THAT(mode.error(), Catch::Contains("--sheets 只能是 auto") &&
                                 Catch::Contains(std::string("「") + bad + "」"));
  }
}

TEST_CASE("the note gives the number of cases and how to get the sheets", "[reports]") {
  CHECK(sheets_left_out_note(100000) ==
        "本轮共 100000 个案卷（超过 1000 个），报告未附逐案评查表；需要时请加 --sheets all "
        "重新生成。");
  CHECK(sheets_left_out_note(3) == kNote3);
}

TEST_CASE("without sheets the HTML report keeps the notification and lists the cases",
          "[reports]") {
  ReportFixture fx;
  const std::string html =
      read_file(fx.render("第一轮", "out", "html", SheetMode::none) / "report.html");
  CHECK_THAT(html, Catch::Contains("第一轮 行政处罚案卷评查情况通报</h1>\n<p>" + kNote3 + "</p>"));
  CHECK(html.find("评查表：") == std::string::npos);
  CHECK(html.find("卷内文书") == std::string::npos);
  CHECK(occurrences(html, "<div class=\"page-break\">") == 1);  // before the case list
  for (const char* text :
       {"一、评查范围和方式", "三、典型问题", "四、整改清单", "请补充《行政处罚事先告知书》",
        "没有街道范围相同的上一轮审查", "各街道案卷等级分布", "附件：案卷一览",
        // filed and closed come without reading the documents
        "<td>赤岗</td><td>1</td><td>1</td><td>0</td><td>85</td>"
        "<td>0</td><td>1</td><td>1</td><td>1</td><td>2</td>",
        "<td>1</td><td>穗海赤岗综执立〔2024〕12号</td><td>赤岗</td>"
        "<td>广州市某某餐饮有限公司</td><td>85</td><td>合格</td><td>2</td><td>1</td>",
        "<td>2</td><td>穗海新港综执立〔2024〕3号</td><td>新港</td><td>陈建华</td>"
        "<td>95</td><td>优秀</td><td>1</td><td>0</td>",
        "<td>3</td><td>坏包.zip</td><td>（街道未知）</td><td></td>"
        "<td>无法读取</td><td>—</td><td>0</td><td>0</td>"})
    CHECK_THAT(html, Catch::Contains(text));
}

TEST_CASE("without sheets the comparison with the previous round stays", "[reports]") {
  ReportFixture fx;
  const std::string html =
      read_file(fx.render("第二轮", "out", "html", SheetMode::none) / "report.html");
  CHECK_THAT(html, Catch::Contains("上一轮：第一轮"));
  CHECK_THAT(html, Catch::Contains("<td>已整改</td><td>穗海新港综执立〔2024〕3号</td>"));
  CHECK_THAT(html, Catch::Contains("<td>仍存在</td><td>穗海赤岗综执立〔2024〕12号</td>"));
}

TEST_CASE("without sheets the DOCX report keeps the notification and lists the cases",
          "[reports]") {
  ReportFixture fx;
  const std::string docx =
      read_file(fx.render("第一轮", "out", "docx", SheetMode::none) / "report.docx");
  const std::string text = docx_text(docx);
  CHECK_THAT(text, Catch::Contains("第一轮 行政处罚案卷评查情况通报\n" + kNote3 + "\n"));
  for (const char* expected :
       {"二、各街道评查情况", "四、整改清单", "请补充《行政处罚事先告知书》", "附件：案卷一览",
        "2\n穗海新港综执立〔2024〕3号\n新港\n陈建华\n95\n优秀\n1\n0\n"})
    CHECK_THAT(text, Catch::Contains(expected));
  CHECK(text.find("评查表：") == std::string::npos);
  CHECK(text.find("人工核对清单") == std::string::npos);
  CHECK(occurrences(zip_member(docx, "word/document.xml"), "<w:br w:type=\"page\"/>") == 1);
}

TEST_CASE("without sheets the workbook keeps its sheets and states the note", "[reports]") {
  ReportFixture fx;
  const std::string book =
      read_file(fx.render("第一轮", "out", "xlsx", SheetMode::none) / "report.xlsx");
  const std::string names = zip_member(book, "xl/workbook.xml");
  for (const char* name : {"案卷", "问题", "街道", "典型问题", "整改清单", "比较", "报告信息"})
    CHECK_THAT(names, Catch::Contains(std::string("name=\"") + name + "\""));
  auto cases = xlsx_cells(book, 1);
  CHECK(cases["B3"] == "穗海新港综执立〔2024〕3号");
  CHECK(cases["C3"] == "陈建华");
  CHECK(cases["J2"] == "2");
  CHECK((cases["O2"] == "1" && cases["P2"] == "1"));  // filed, closed
  CHECK(cases.count("A5") == 0);
  auto findings = xlsx_cells(book, 2);
  CHECK(findings["E2"] == "REQ-3-penalty_notice");
  CHECK(findings["E5"] == "NUM-year");  // every finding, the manual check included
  CHECK(findings.count("A6") == 0);
  auto rectify = xlsx_cells(book, 5);
  CHECK(rectify["D2"] == "NUM-year");  // 新港 sorts before 赤岗
  CHECK(rectify["D3"] == "REQ-3-penalty_notice");
  CHECK(rectify["D4"] == "DL-service");
  CHECK(rectify.count("A5") == 0);
  auto info = xlsx_cells(book, 7);
  CHECK(info["A6"] == "逐案评查表");
  CHECK(info["B6"] == kNote3);
}

TEST_CASE("a workbook without sheets is streamed with inline strings, escaped alike", "[reports]") {
  ReportFixture fx;
  const std::string book =
      read_file(fx.render("第二轮", "out", "xlsx", SheetMode::none) / "report.xlsx");
  const std::string sheet = zip_member(book, "xl/worksheets/sheet1.xml");
  CHECK(sheet.find("<script>") == std::string::npos);
  CHECK(sheet.find('\x01') == std::string::npos);
  auto cells = xlsx_cells(book, 1);
  CHECK(cells["type:C4"] == "inlineStr");
  std::string expected = test::kHostile;
  expected.erase(expected.find('\x01'), 1);
  CHECK(cells["C4"] == expected);
  CHECK(cells["E4"] == "赤岗/" + expected + ".zip");
  CHECK(cells["H4"] == "90");
  CHECK(cells["type:H4"].empty());  // numbers stay numbers
}

TEST_CASE("without sheets report.json drops documents and checks and says so", "[reports]") {
  ReportFixture fx;
  const std::string text =
      read_file(fx.render("第一轮", "out", "json", SheetMode::none) / "report.json");
  const json j = json::parse(text);
  CHECK(j.at("round").at("case_sheets") == false);
  Checklist checklist;
  checklist.id = "general-penalty";
  checklist.version = "2025.1";
  checklist.sha256 = "abc123";
  json expected = result_json("0.1.0", checklist, test::first_round_cases());
  for (json& c : expected.at("cases")) {
    c.erase("documents");
    c.erase("checks");
  }
  json without_round = j;
  without_round.erase("round");
  CHECK(without_round == expected);  // case numbers and parties from facts, every finding
  CHECK(j.at("cases")[1].at("case_number") == "穗海新港综执立〔2024〕3号");
  CHECK(j.at("summary").at("findings") == 4);
  CHECK_FALSE(json::parse(read_file(fx.render("第一轮", "all", "json") / "report.json"))
                  .at("round")
                  .contains("case_sheets"));
}

TEST_CASE("report.json without sheets is round_json().dump(2) and reproducible", "[reports]") {
  ReportFixture fx;
  for (const char* name : {"第一轮", "第二轮", "赤岗自查"}) {
    INFO(name);
    const std::string text =
        read_file(fx.render(name, "one", "json", SheetMode::none) / "report.json");
    CHECK(text == round_json(load(fx, name, false), false).dump(2) + "\n");
    CHECK(text == round_json(load(fx, name, true), false).dump(2) + "\n");
    CHECK(text == read_file(fx.render(name, "two", "json", SheetMode::none) / "report.json"));
  }
}

TEST_CASE("sheets all and auto render a small round alike, sheets included", "[reports]") {
  ReportFixture fx;
  for (const char* name : {"第一轮", "第二轮", "赤岗自查"}) {
    const auto automatic = fx.render(name, std::string("auto-") + name);
    const auto all =
        fx.render(name, std::string("all-") + name, "html,docx,xlsx,json", SheetMode::all);
    for (const char* file : {"report.html", "report.json", "report.docx", "report.xlsx"}) {
      INFO(name << " " << file);
      CHECK(read_file(automatic / file) == read_file(all / file));
    }
    CHECK_THAT(read_file(all / "report.html"), Catch::Contains("评查表："));
    CHECK(read_file(all / "report.html").find("报告未附逐案评查表") == std::string::npos);
  }
}

}  // namespace
}  // namespace auditor

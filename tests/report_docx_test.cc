// The DOCX report, read back with ZipReader and pugixml, and opened by
// LibreOffice.
#include <catch2/catch.hpp>

#include "tests/report_fixture.h"

namespace auditor {
namespace {

using test::docx_text;
using test::read_file;
using test::ReportFixture;
using test::zip_member;

TEST_CASE("the DOCX report holds the notification and a sheet per case", "[reports]") {
  ReportFixture fx;
  const std::string docx = read_file(fx.render("第一轮", "out", "docx") / "report.docx");
  const std::string text = docx_text(docx);
  for (const char* expected :
       {"第一轮 行政处罚案卷评查情况通报", "二、各街道评查情况",
        "评查表：穗海赤岗综执立〔2024〕12号", "评查表：穗海新港综执立〔2024〕3号", "得分\n85\n",
        "等级\n合格\n", "☐ 请核对《行政处罚决定书》的印章与落款机关一致",
        "请补充《行政处罚事先告知书》", "各街道案卷等级分布（宗）"})
    CHECK_THAT(text, Catch::Contains(expected));
  const std::string xml = zip_member(docx, "word/document.xml");
  CHECK(test::occurrences(xml, "<w:br w:type=\"page\"/>") == 3);
}

TEST_CASE("the DOCX report is A4 with Chinese fonts declared", "[reports]") {
  ReportFixture fx;
  const std::string docx = read_file(fx.render("第一轮", "out", "docx") / "report.docx");
  CHECK_THAT(zip_member(docx, "word/document.xml"),
             Catch::Contains("w:w=\"11906\"") && Catch::Contains("w:h=\"16838\""));
  CHECK_THAT(zip_member(docx, "word/styles.xml"), Catch::Contains("w:eastAsia=\""));
  CHECK_THAT(zip_member(docx, "docProps/core.xml"), Catch::Contains("第一轮"));
}

TEST_CASE("hostile strings are escaped in the DOCX XML", "[reports]") {
  ReportFixture fx;
  const std::string docx = read_file(fx.render("第二轮", "out", "docx") / "report.docx");
  const std::string xml = zip_member(docx, "word/document.xml");
  CHECK(xml.find("<script>") == std::string::npos);
  CHECK(xml.find('\x01') == std::string::npos);
  // The parsed text holds the string as written, less the control character.
  std::string expected = test::kHostile;
  expected.erase(expected.find('\x01'), 1);
  CHECK(test::occurrences(docx_text(docx), expected) >= 4);
}

TEST_CASE("LibreOffice converts the DOCX report to PDF", "[reports]") {
  ReportFixture fx;
  const auto out = fx.render("第二轮", "out", "docx");
  const std::string pdf = test::libreoffice_convert(out, "report.docx", "pdf");
  REQUIRE(pdf.size() > 1000);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
}

}  // namespace
}  // namespace auditor

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "importers/formats.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(AUDITOR_SOURCE_DIR) + "/testdata/fixtures/" + name,
                   std::ios::binary);
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("the program starts without poppler, whose module opens with the first PDF", "[pdf]") {
  test::TempDir dir;
  const std::filesystem::path listing = dir.path / "libraries";
  // What the dynamic linker loads at start-up, as ldd prints it.
  const std::string cmd = "LD_TRACE_LOADED_OBJECTS=1 " + test::sh_quote(AUDITOR_BINARY) + " >" +
                          test::sh_quote(listing.string());
  REQUIRE(std::system(cmd.c_str()) == 0);
  const std::string libraries = test::read_file(listing);
  CHECK(libraries.find("libsqlite3") != std::string::npos);
  CHECK(libraries.find("libpoppler") == std::string::npos);

  Document d;
  REQUIRE(parse_pdf(fixture("decision.pdf"), d).ok());
  CHECK(test::read_file("/proc/self/maps").find("libauditor_pdf.so") != std::string::npos);
}

TEST_CASE("LibreOffice PDF text is read page by page in reading order", "[docx]") {
  Document d;
  const Status s = parse_pdf(fixture("decision.pdf"), d);
  REQUIRE(s.ok());
  CHECK(d.has_text);
  CHECK(d.pages == 2);
  CHECK(d.text ==
        "赤岗街道综合行政执法\n"
        "广州市海珠区人民政府赤岗街道办事处\n"
        "行政处罚决定书\n"
        "穗海赤岗综执罚决〔2024〕31号\n"
        "当事人 广州市某某餐饮管理有限公司\n"
        "统一社会信用代码91440105MA5CXXXX0Q\n"
        "本机关于2024年1月15日对你单位涉嫌擅自占用城市道路一案立案调查。\n"
        "罚款金额： 人民币叁仟元整（￥3000元）。\n"
        "本决定书全文公示于海珠区人民政府网站。\n"
        "第1页\n"
        "赤岗街道综合行政执法\n"
        "如不服本决定，可在收到本决定书之日起六十日内申请行政复议。\n"
        "广州市海珠区人民政府赤岗街道办事处\n"
        "2024年3月18日\n"
        "第2页\n");
  CHECK(d.title == "赤岗街道综合行政执法\n广州市海珠区人民政府赤岗街道办事处\n行政处罚决定书");
}

TEST_CASE("LibreOffice PDF document info becomes metadata", "[docx]") {
  Document d;
  REQUIRE(parse_pdf(fixture("decision.pdf"), d).ok());
  CHECK(d.metadata.at("title") == "行政处罚决定书");
  CHECK(d.metadata.at("author") == "赤岗街道综合行政执法办公室");
  CHECK(d.metadata.at("creator") == "Writer");
  CHECK(d.metadata.at("producer").starts_with("LibreOffice"));
  CHECK(d.metadata.at("created").size() == 20);  // 2024-03-18T09:30:00Z shape, UTC
  CHECK(d.metadata.at("created").ends_with("Z"));
  CHECK_FALSE(d.metadata.contains("encrypted"));
}

TEST_CASE("a PDF holding only a scanned image has no text", "[docx]") {
  Document d;
  const Status s = parse_pdf(fixture("scan.pdf"), d);
  REQUIRE(s.ok());
  CHECK_FALSE(d.has_text);
  CHECK(d.pages == 1);
  CHECK(d.title.empty());
}

TEST_CASE("a password-protected PDF opens as encrypted with no text", "[docx]") {
  Document d;
  const Status s = parse_pdf(fixture("encrypted.pdf"), d);
  REQUIRE(s.ok());
  CHECK_FALSE(d.has_text);
  CHECK(d.metadata.at("encrypted") == "true");
  CHECK(d.text.empty());
  CHECK_FALSE(d.pages.has_value());
}

TEST_CASE("a PDF that cannot be loaded is a failed status", "[docx]") {
  Document d;
  CHECK(parse_pdf("%PDF-1.7\n% not a real document\n", d).reason == "PDF 无法打开：文件损坏");
  CHECK(parse_pdf("", d).reason == "PDF 无法打开：文件损坏");
  CHECK_FALSE(d.has_text);
}

TEST_CASE("a truncated PDF never throws and never claims text it lacks", "[docx]") {
  const std::string pdf = fixture("decision.pdf");
  for (std::size_t cut : {pdf.size() / 10, pdf.size() / 2, pdf.size() - 200}) {
    Document d;
    const Status s = parse_pdf(std::string_view(pdf).substr(0, cut), d);
    INFO("cut at " << cut << ": " << s.reason);
    if (!s.ok()) CHECK(s.reason.starts_with("PDF "));
    if (d.has_text) CHECK(d.text.find_first_not_of(" \n") != std::string::npos);
  }
}

}  // namespace
}  // namespace auditor

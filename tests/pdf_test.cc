#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/hostile_pdf.h"
#include "importers/facts.h"
#include "importers/formats.h"
#include "importers/import.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

using test::fixture;

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

TEST_CASE("LibreOffice PDF text is read page by page in reading order", "[pdf]") {
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
        "当事人\t广州市某某餐饮管理有限公司\n"
        "统一社会信用代码\t91440105MA5CXXXX0Q\n"
        "本机关于2024年1月15日对你单位涉嫌擅自占用城市道路一案立案调查。\n"
        "罚款金额： 人民币叁仟元整（￥3000元）。\n"
        "本决定书全文公示于海珠区人民政府网站。\n"
        "第1页\n"
        "\f赤岗街道综合行政执法\n"  // page 2 starts with a form feed
        "如不服本决定，可在收到本决定书之日起六十日内申请行政复议。\n"
        "广州市海珠区人民政府赤岗街道办事处\n"
        "2024年3月18日\n"
        "第2页\n");
  CHECK(d.title == "赤岗街道综合行政执法\n广州市海珠区人民政府赤岗街道办事处\n行政处罚决定书");
}

TEST_CASE("LibreOffice PDF document info becomes metadata", "[pdf]") {
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

TEST_CASE("a PDF stopped at the text limit keeps the title of the text it read", "[pdf]") {
  Document d;
  const Status s = parse_pdf(bench::pdf_shared_content(200, 50000), d);
  CHECK_FALSE(s.ok());
  CHECK(s.reason.find("8 MB") != std::string::npos);
  CHECK(d.title.rfind("ABCDE GHIJK", 0) == 0);
}

TEST_CASE("a PDF holding only a scanned image has no text", "[pdf]") {
  Document d;
  const Status s = parse_pdf(fixture("scan.pdf"), d);
  REQUIRE(s.ok());
  CHECK_FALSE(d.has_text);
  CHECK(d.pages == 1);
  CHECK(d.title.empty());
}

TEST_CASE("a password-protected PDF opens as encrypted with no text", "[pdf]") {
  Document d;
  const Status s = parse_pdf(fixture("encrypted.pdf"), d);
  REQUIRE(s.ok());
  CHECK_FALSE(d.has_text);
  CHECK(d.metadata.at("encrypted") == "true");
  CHECK(d.text.empty());
  CHECK_FALSE(d.pages.has_value());
}

TEST_CASE("a PDF that cannot be loaded is a failed status", "[pdf]") {
  Document d;
  CHECK(parse_pdf("%PDF-1.7\n% not a real document\n", d).reason == "PDF 无法打开：文件损坏");
  CHECK(parse_pdf("", d).reason == "PDF 无法打开：文件损坏");
  CHECK_FALSE(d.has_text);
}

TEST_CASE("a truncated PDF never throws and never claims text it lacks", "[pdf]") {
  const std::string pdf = fixture("decision.pdf");
  for (std::size_t cut : {pdf.size() / 10, pdf.size() / 2, pdf.size() - 200}) {
    Document d;
    const Status s = parse_pdf(std::string_view(pdf).substr(0, cut), d);
    INFO("cut at " << cut << ": " << s.reason);
    if (!s.ok()) CHECK(s.reason.starts_with("PDF "));
    if (d.has_text) CHECK(d.text.find_first_not_of(" \n") != std::string::npos);
  }
}

// Text of a PDF fixture as the importer reads it.
std::string pdf_text(const std::string& name) {
  Document d;
  REQUIRE(parse_pdf(fixture(name), d).ok());
  REQUIRE(d.has_text);
  return d.text;
}

std::vector<std::string> values(const std::string& text, const std::string& kind) {
  std::vector<std::string> out;
  for (const Fact& f : extract_facts(text))
    if (f.kind == kind) out.push_back(f.value);
  return out;
}

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

using Values = std::vector<std::string>;

TEST_CASE("a two-column PDF receipt gives one row per field, wrapped cells joined", "[pdf]") {
  // Label and value cells both wrap (送达文书文/号, 穗海…〔2024〕43/号), a label
  // is written downwards one character a line, a value is on two lines.
  const std::string text = pdf_text("receipt-form.pdf");
  CHECK(text ==
        "广州市海珠区人民政府南华西街道办事处\n"
        "行政处罚文书送达回证\n"
        "送达文书文号\t穗海南华综执罚告〔2024〕43号\n"
        "受送达人\t广州市海珠区鸿盛餐饮管理有限公司\n"
        "送达地点\t广州市海珠区同福西路112号首层\n"
        "收件人签名或盖章\t李志强2024年3月12日\n"
        "送达人签名\t黄志明、林晓东2024年3月12日\n"
        "广州市海珠区人民政府南华西街道办事处（盖章）\n"
        "2024年3月12日\n");
  CHECK(values(text, "served_number") == Values{"穗海南华综执罚告〔2024〕43号"});
  CHECK(values(text, "party") == Values{"广州市海珠区鸿盛餐饮管理有限公司"});
  CHECK(values(text, "service_date") == Values{"2024-03-12"});
}

TEST_CASE("a four-column PDF receipt row keeps its four cells, rows without padding stay apart",
          "[pdf]") {
  const std::string text = pdf_text("receipt.pdf");
  CHECK(has_line(text, "送达文书名称及文号\t行政处罚决定书（穗海赤岗综执罚决〔2024〕31号）"));
  CHECK(has_line(text, "受送达人\t广州市某某餐饮有限公司\t送达方式\t直接送达"));
  CHECK(has_line(text, "送达时间\t2024年4月8日10时30分\t送达地点\t赤岗路12号"));
  CHECK(has_line(text,
                 "收件人签字（或盖章）及收件日期\t张三 （与受送达人的关系：员工） "
                 "二〇二四年四月八日"));
  CHECK(has_line(text, "送达人签名\t李四、王五2024.4.8"));
}

TEST_CASE("the same receipt as DOCX and as PDF gives the same facts", "[pdf]") {
  std::vector<ImportIssue> issues;
  const Document docx =
      read_document("receipt.docx", fixture("receipt.docx"), ImportOptions{}, issues);
  const std::string pdf = pdf_text("receipt.pdf");
  for (const char* kind :
       {"served_number", "served_document", "party", "service_manner", "service_date"}) {
    INFO(kind);
    CHECK_FALSE(values(docx.text, kind).empty());
    CHECK(values(pdf, kind) == values(docx.text, kind));
  }
}

TEST_CASE("a PDF publication record with wrapped 4-column rows is read cell by cell", "[pdf]") {
  const std::string text = pdf_text("publication-form.pdf");
  CHECK(text ==
        "行政处罚信息公示\n"
        "行政处罚决定书文号\t穗海南华综执罚决〔2024〕43号\t行政相对人名称\t"
        "广州市海珠区鸿盛餐饮管理有限公司\n"
        "处罚内容\t罚款人民币3000元（大写：叁仟元整）\n"
        "公示网站\t广东省行政执法信息公示平台\t公示日期\t2024年3月26日\n");
  CHECK(values(text, "cited_number") == Values{"穗海南华综执罚决〔2024〕43号"});
  CHECK(values(text, "party") == Values{"广州市海珠区鸿盛餐饮管理有限公司"});
  CHECK(values(text, "publication_date") == Values{"2024-03-26"});
}

TEST_CASE("a PDF approval form: a merged label stays on its first row, cell paragraphs joined",
          "[pdf]") {
  const std::string text = pdf_text("approval.pdf");
  CHECK(text ==
        "行政处罚决定审批表\n"
        "立案号\t穗海南华综执立〔2024〕43号\n"
        "当事人\t名称/姓名\t广州市海珠区鸿盛餐饮管理有限公司\n"
        "\t证件号码\t91440105MA9W3K7LX6\n"
        "\t地址\t广州市海珠区同福西路112号首层\n"
        "违法事实\t2024年3月4日，执法人员在琶洲大道东侧绿化带巡查时发现建筑垃圾约2立方米，"
        "经查，系当事人于2022年1月12日将装修产生的建筑垃圾倾倒在绿化带内。\n"
        "承办机构负责人意见\t同意。签字：王建国2024年3月20日\n"
        "本表一式一份，存入案卷。\n");
  CHECK(values(text, "party") == Values{"广州市海珠区鸿盛餐饮管理有限公司"});
  CHECK(values(text, "violation_date") == Values{"2022-01-12"});
  CHECK(values(text, "doc_date") == Values{"2024-03-20"});
}

TEST_CASE("a PDF catalogue keeps its columns, empty cells included", "[pdf]") {
  const std::string text = pdf_text("catalogue.pdf");
  CHECK(has_line(text, "1\t\t广州市海珠区人民政府南华西街道办事处\t立案审批表\t20240304\t1"));
  CHECK(has_line(text,
                 "2\t穗海南华综执罚告〔2024〕43号\t广州市海珠区人民政府南华西街道办事处\t"
                 "行政处罚事先告知书\t20240312\t2-4"));
  CHECK(has_line(text, "3\t\t\t罚没款缴款凭证\t20240327\t5"));
  CHECK(has_line(text,
                 "4\t穗海南华综执罚决〔2024〕43号\t广州市海珠区人民政府南华西街道办事处\t"
                 "行政处罚决定书\t20240321\t6-8"));
}

TEST_CASE("running text of a PDF letter gets no tabs and keeps its lines", "[pdf]") {
  const std::string text = pdf_text("decision.pdf");
  std::size_t tabs = 0;
  for (char c : text) tabs += c == '\t';
  CHECK(tabs == 2);  // only the two label|value rows of its table
  CHECK(has_line(text, "本机关于2024年1月15日对你单位涉嫌擅自占用城市道路一案立案调查。"));
  CHECK(has_line(text, "如不服本决定，可在收到本决定书之日起六十日内申请行政复议。"));
  // Values set at one tab stop under each other are label|value rows, each
  // on its own line; the description beside them stays running text.
  const std::string evidence = pdf_text("evidence.pdf");
  CHECK(has_line(evidence, "拍摄时间：\t2024年3月4日10时15分"));
  CHECK(has_line(evidence, "拍摄地点：\t广州市海珠区某路1号门前人行道"));
  CHECK(
      has_line(evidence, "照片说明：人行道上摆放餐桌四张、椅子十二把，占用通行空间约十五平方米。"));
}

}  // namespace
}  // namespace auditor

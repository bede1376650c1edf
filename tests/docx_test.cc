#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include "tests/cli_support.h"

#include "importers/formats.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

using testing::make_zip;

using test::fixture;

constexpr const char* kNamespaces =
    R"( xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")"
    R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")"
    R"( xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006")"
    R"( xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape")"
    R"( xmlns:v="urn:schemas-microsoft-com:vml")";

// word/document.xml around `body` (the children of w:body).
std::string document_xml(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document") + kNamespaces +
         "><w:body>" + body + "</w:body></w:document>";
}

std::string para(const std::string& text) {
  return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

// A minimal package: just word/document.xml plus `extra` members.
std::string docx(const std::string& body, std::vector<testing::Member> extra = {}) {
  extra.insert(extra.begin(), {"word/document.xml", document_xml(body)});
  return make_zip(extra);
}

Document parsed(const std::string& bytes) {
  Document d;
  const Status s = parse_docx(bytes, ZipLimits{}, d);
  INFO(s.reason);
  REQUIRE(s.ok());
  return d;
}

TEST_CASE("LibreOffice DOCX text keeps body, table rows, header and footer in order", "[docx]") {
  const Document d = parsed(fixture("decision.docx"));
  CHECK(d.has_text);
  CHECK(d.text ==
        "广州市海珠区人民政府赤岗街道办事处\n"
        "行政处罚决定书\n"
        "穗海赤岗综执罚决〔2024〕31号\n"
        "当事人\t广州市某某餐饮管理有限公司\n"
        "统一社会信用代码\t91440105MA5CXXXX0Q\n"
        "本机关于2024年1月15日对你单位涉嫌擅自占用城市道路一案立案调查。\n"
        "罚款金额：\t人民币叁仟元整（￥3000元）。\n"
        "本决定书全文公示于海珠区人民政府网站。\n"  // ends in a page break
        "\n"
        "\f如不服本决定，可在收到本决定书之日起六十日内申请行政复议。\n"  // a page starts
        "广州市海珠区人民政府赤岗街道办事处\n"
        "2024年3月18日\n"
        "赤岗街道综合行政执法\n"  // header
        "第2页\n");               // footer: PAGE field result, instruction skipped
  CHECK(d.title ==
        "广州市海珠区人民政府赤岗街道办事处\n行政处罚决定书\n穗海赤岗综执罚决〔2024〕31号");
}

TEST_CASE("LibreOffice DOCX core and app properties become metadata and pages", "[docx]") {
  const Document d = parsed(fixture("decision.docx"));
  CHECK(d.metadata.at("title") == "行政处罚决定书");
  CHECK(d.metadata.at("creator") == "赤岗街道综合行政执法办公室");
  CHECK(d.metadata.at("created") == "2024-03-18T09:30:00Z");
  CHECK(d.metadata.at("modified") == "2024-03-19T10:00:00Z");
  CHECK(d.pages == 2);
}

TEST_CASE("a text box stored as Choice and VML Fallback is read once, after its paragraph",
          "[docx]") {
  const std::string box =
      "<w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent>";
  const Document d =
      parsed(docx("<w:p><w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent>"
                  "<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>" +
                  box +
                  "</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
                  "<mc:Fallback><w:pict><v:shape><v:textbox>" +
                  box +
                  "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
                  "<w:r><w:t>后半句</w:t></w:r></w:p>" +
                  para("下一段")));
  CHECK(d.text == "锚定段落后半句\n文本框内容\n下一段\n");
}

TEST_CASE("a lone VML text box without AlternateContent is still read", "[docx]") {
  const Document d =
      parsed(docx("<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + para("旧式文本框") +
                  "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>"));
  CHECK(d.text == "\n旧式文本框\n");
}

TEST_CASE("tracked deletions are skipped and insertions kept", "[docx]") {
  const Document d =
      parsed(docx("<w:p><w:r><w:t>罚款</w:t></w:r>"
                  "<w:del w:id=\"1\" w:author=\"a\"><w:r><w:delText>伍仟</w:delText></w:r></w:del>"
                  "<w:ins w:id=\"2\" w:author=\"a\"><w:r><w:t>叁仟</w:t></w:r></w:ins>"
                  "<w:r><w:t>元</w:t></w:r></w:p>"
                  "<w:p><w:moveFrom w:id=\"3\"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>"
                  "<w:moveTo w:id=\"4\"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>"));
  CHECK(d.text == "罚款叁仟元\n新位置\n");
}

TEST_CASE("field results are kept and field instructions skipped", "[docx]") {
  const Document d = parsed(docx(
      "<w:p><w:r><w:t>日期：</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText xml:space=\"preserve\"> DATE \\@ \"yyyy年M月d日\" </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
      "<w:r><w:t>2024年3月18日</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
      "<w:p><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>"));
  CHECK(d.text == "日期：2024年3月18日\n3\n");
}

TEST_CASE("a nested field shows only the outer result", "[docx]") {
  const Document d =
      parsed(docx("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                  "<w:r><w:instrText>IF </w:instrText></w:r>"
                  "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                  "<w:r><w:instrText>PAGE</w:instrText></w:r>"
                  "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>内层结果</w:t></w:r>"
                  "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                  "<w:r><w:instrText> = 1 \"是\" \"否\"</w:instrText></w:r>"
                  "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>是</w:t></w:r>"
                  "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"));
  CHECK(d.text == "是\n");
}

TEST_CASE("hyperlink and content control text is read, its settings are not", "[docx]") {
  const Document d = parsed(
      docx("<w:p><w:r><w:t>详见</w:t></w:r><w:hyperlink r:id=\"rId9\"><w:r><w:t>海珠区政府网</w:t>"
           "</w:r></w:hyperlink></w:p>"
           "<w:sdt><w:sdtPr><w:alias w:val=\"当事人\"/><w:placeholder><w:docPart w:val=\"x\"/>"
           "</w:placeholder></w:sdtPr><w:sdtContent>" +
           para("广州市某某公司") + "</w:sdtContent></w:sdt>"));
  CHECK(d.text == "详见海珠区政府网\n广州市某某公司\n");
}

TEST_CASE("tabs, breaks and whitespace-only runs are kept", "[docx]") {
  const Document d =
      parsed(docx("<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/>"
                  "<w:t xml:space=\"preserve\"> </w:t><w:t>丁</w:t></w:r></w:p>"));
  CHECK(d.text == "甲\t乙\n丙\n 丁\n");
}

TEST_CASE("table cells are joined by tabs, a cell's paragraphs by spaces", "[docx]") {
  const Document d = parsed(docx("<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>" + para("承办人意见") +
                                 "</w:tc><w:tc>" + para("建议立案。") + para("2024年1月15日") +
                                 "</w:tc></w:tr><w:tr><w:tc>" + para("") + "</w:tc><w:tc>" +
                                 para("备注") + "</w:tc></w:tr></w:tbl>" + para("表后")));
  CHECK(d.text == "承办人意见\t建议立案。 2024年1月15日\n\t备注\n表后\n");
}

TEST_CASE("a document without text has has_text false", "[docx]") {
  const Document d =
      parsed(docx("<w:p/><w:p><w:r><w:t xml:space=\"preserve\">  </w:t></w:r></w:p>"));
  CHECK_FALSE(d.has_text);
  CHECK(d.title.empty());
}

TEST_CASE("external entities in a DOCX are never expanded", "[docx]") {
  const std::string xml =
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">"
      "<!ENTITY big \"AAAAAAAAAA\">]><w:document" +
      std::string(kNamespaces) +
      "><w:body><w:p><w:r><w:t>前&xxe;&big;后</w:t></w:r></w:p></w:body></w:document>";
  Document d;
  const Status s = parse_docx(make_zip({{"word/document.xml", xml}}), ZipLimits{}, d);
  // Either rejected or read without expansion; never the file's content.
  CHECK(d.text.find("root:") == std::string::npos);
  CHECK(d.text.find("AAAAAAAAAA") == std::string::npos);
  if (s.ok()) CHECK(d.text.starts_with("前"));
}

TEST_CASE("a zip without word/document.xml is a broken DOCX", "[docx]") {
  Document d;
  const Status s = parse_docx(make_zip({{"word/styles.xml", "<w:styles/>"}}), ZipLimits{}, d);
  CHECK(s.reason == "DOCX 文件损坏：缺少 word/document.xml");
  CHECK_FALSE(d.has_text);
}

TEST_CASE("malformed document.xml is a broken DOCX", "[docx]") {
  Document d;
  const Status s =
      parse_docx(make_zip({{"word/document.xml", "<w:document><w:body><w:p>"}}), ZipLimits{}, d);
  CHECK_FALSE(s.ok());
  CHECK(s.reason.starts_with("DOCX 文件损坏：word/document.xml 不是有效的 XML"));
}

TEST_CASE("bytes that are not a zip are a broken DOCX", "[docx]") {
  Document d;
  const Status s = parse_docx("PK\x03\x04 truncated", ZipLimits{}, d);
  CHECK(s.reason.starts_with("DOCX 文件损坏："));
}

TEST_CASE(
    "a damaged footer is reported, the body and a header shared by two sections are kept once",
    "[docx]") {
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/header\" Target=\"/word/header2.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/footer\" Target=\"footer1.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/header\" Target=\"./header2.xml\"/></Relationships>";
  Document d;
  const Status s =
      parse_docx(docx(para("正文"), {{"word/_rels/document.xml.rels", rels},
                                     {"word/header2.xml", std::string("<w:hdr") + kNamespaces +
                                                              ">" + para("页眉") + "</w:hdr>"},
                                     {"word/footer1.xml", "<w:ftr><w:p>"}}),
                 ZipLimits{}, d);
  CHECK(s.reason == "DOCX 部分内容无法读取（word/footer1.xml：损坏或嵌套过深），其余文字已提取");
  CHECK(d.text == "正文\n页眉\n");
  CHECK(d.has_text);
}

TEST_CASE("markup nested beyond the depth limit is reported, not followed", "[docx]") {
  std::string deep;
  for (int i = 0; i < 400; ++i) deep += "<w:sdt><w:sdtContent>";
  deep += para("深处");
  for (int i = 0; i < 400; ++i) deep += "</w:sdtContent></w:sdt>";
  Document d;
  const Status s = parse_docx(docx(para("浅处") + deep), ZipLimits{}, d);
  CHECK(s.reason.starts_with("DOCX 部分内容无法读取（word/document.xml"));
  CHECK(d.text == "浅处\n");
}

TEST_CASE("damaged relationships are reported but the body text is kept", "[docx]") {
  Document d;
  const Status s = parse_docx(
      docx(para("正文"), {{"word/_rels/document.xml.rels", "<Relationships>"}}), ZipLimits{}, d);
  CHECK(s.reason ==
        "DOCX 部分内容无法读取（word/_rels/document.xml.rels：损坏或嵌套过深），其余文字已提取");
  CHECK(d.text == "正文\n");
}

}  // namespace
}  // namespace auditor

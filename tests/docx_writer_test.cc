#include "reports/docx_writer.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <map>

#include "importers/zip_reader.h"

namespace auditor {
namespace {

// Every member of the archive by name.
std::map<std::string, std::string> unzip(const std::string& zip) {
  auto reader = ZipReader::open(zip, {});
  INFO((reader.ok() ? std::string() : reader.error()));
  REQUIRE(reader.ok());
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < (*reader)->entries().size(); ++i)
    out[(*reader)->entries()[i].name] = *(*reader)->read(i);
  return out;
}

std::map<std::string, std::string> finish_ok(const DocxWriter& w) {
  Result<std::string> bytes = w.finish();
  REQUIRE(bytes.ok());
  return unzip(*bytes);
}

pugi::xml_document parse(const std::string& xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result r = doc.load_buffer(xml.data(), xml.size());
  INFO(r.description());
  REQUIRE(r);
  return doc;
}

// Concatenated w:t text of the document, one line per paragraph.
std::string document_text(const std::string& xml) {
  pugi::xml_document doc = parse(xml);
  std::string out;
  for (const pugi::xpath_node& p : doc.select_nodes("//w:p")) {
    for (const pugi::xpath_node& t : p.node().select_nodes(".//w:t")) out += t.node().text().get();
    out += '\n';
  }
  return out;
}

TEST_CASE("a written DOCX has the parts Word needs and an A4 section", "[testdata]") {
  DocxWriter w("行政处罚决定书", "赤岗街道", "2024-03-21T09:00:00Z");
  w.heading("行政处罚决定书");
  w.paragraph("正文");
  auto parts = finish_ok(w);
  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "docProps/core.xml"}) {
    INFO(name);
    REQUIRE(parts.count(name) == 1);
    parse(parts[name]);
  }
  pugi::xml_document doc = parse(parts["word/document.xml"]);
  const pugi::xml_node size = doc.select_node("//w:sectPr/w:pgSz").node();
  CHECK(std::string(size.attribute("w:w").value()) == "11906");
  CHECK(std::string(size.attribute("w:h").value()) == "16838");

  pugi::xml_document styles = parse(parts["word/styles.xml"]);
  const pugi::xml_node fonts = styles.select_node("//w:docDefaults//w:rFonts").node();
  CHECK(std::string(fonts.attribute("w:eastAsia").value()) == "仿宋_GB2312");
  CHECK(std::string(fonts.attribute("w:ascii").value()) == "Times New Roman");
  CHECK(styles.select_node("//w:style[@w:styleId='Heading1']//w:rFonts[@w:eastAsia='宋体']"));

  pugi::xml_document core = parse(parts["docProps/core.xml"]);
  CHECK(std::string(core.select_node("//dc:title").node().text().get()) == "行政处罚决定书");
  CHECK(std::string(core.select_node("//dc:creator").node().text().get()) == "赤岗街道");
}

TEST_CASE("text with XML special characters is escaped and Chinese kept", "[testdata]") {
  const std::string tricky = "当事人：<王五> & \"某某\" '餐饮' 罚款人民币5000元";
  DocxWriter w("A&B <题名>");
  w.heading("标题 & <一>", 2);
  w.paragraph(tricky, {.bold = true, .align = Align::center});
  w.paragraph(std::string("控制\x01字符"));
  auto parts = finish_ok(w);
  const std::string& xml = parts["word/document.xml"];
  CHECK(xml.find("&lt;王五&gt; &amp; &quot;某某&quot; &apos;餐饮&apos;") != std::string::npos);
  CHECK(xml.find("<王五>") == std::string::npos);
  CHECK(document_text(xml) == "标题 & <一>\n" + tricky + "\n控制字符\n");
  CHECK(parse(parts["docProps/core.xml"]).select_node("//dc:title").node().text().get() ==
        std::string("A&B <题名>"));
  pugi::xml_document doc = parse(xml);
  CHECK(doc.select_node("//w:p[w:pPr/w:jc/@w:val='center']/w:r/w:rPr/w:b"));
  CHECK(doc.select_node("//w:pStyle[@w:val='Heading2']"));
}

TEST_CASE("a table becomes w:tbl with one w:tc per cell and spans short rows", "[testdata]") {
  DocxWriter w;
  w.table({{"序号", "文号", "题名", "页号"},
           {"1", "穗海赤岗综执罚决〔2024〕31号", "行政处罚决定书", "1-2"},
           {"备注", "第一行\n第二行"}},
          {.weights = {1, 4, 4, 1}, .header = true});
  auto parts = finish_ok(w);
  pugi::xml_document doc = parse(parts["word/document.xml"]);
  REQUIRE(doc.select_nodes("//w:tbl").size() == 1);
  CHECK(doc.select_nodes("//w:tbl/w:tblGrid/w:gridCol").size() == 4);
  const pugi::xpath_node_set rows = doc.select_nodes("//w:tbl/w:tr");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].node().select_nodes("w:tc").size() == 4);
  const pugi::xml_node spanned = rows[2].node().select_node("w:tc[2]").node();
  CHECK(std::string(spanned.select_node("w:tcPr/w:gridSpan").node().attribute("w:val").value()) ==
        "3");
  CHECK(spanned.select_nodes("w:p").size() == 2);
  CHECK(rows[0].node().select_node("w:trPr/w:tblHeader"));
  CHECK(document_text(parts["word/document.xml"]).find("穗海赤岗综执罚决〔2024〕31号") !=
        std::string::npos);
}

TEST_CASE("line breaks and tabs in a paragraph become w:br and w:tab", "[testdata]") {
  DocxWriter w;
  w.paragraph("甲\t乙\n丙");
  w.page_break();
  auto parts = finish_ok(w);
  pugi::xml_document doc = parse(parts["word/document.xml"]);
  CHECK(doc.select_nodes("//w:body/w:p[1]/w:r/w:tab").size() == 1);
  CHECK(doc.select_nodes("//w:body/w:p[1]/w:r/w:br").size() == 1);
  CHECK(doc.select_nodes("//w:br[@w:type='page']").size() == 1);
}

TEST_CASE("the same content gives identical DOCX bytes", "[testdata]") {
  const auto make = [] {
    DocxWriter w("卷内目录");
    w.heading("卷内目录");
    w.table({{"1", "立案审批表"}});
    return *w.finish();
  };
  CHECK(make() == make());
}

}  // namespace
}  // namespace auditor

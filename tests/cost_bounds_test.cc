// Inputs made to cost a lot (issue 15): a DOCX of tiny elements, 400,000
// header relationships, 150,000 case-number lines, an OFD whose 160,000
// pages share one content part, PDFs whose pages share one content stream.
// Each is built here by a small generator; each reader stops at its cap
// before doing the work, and a normal document of the same kind is read
// fully. The "[.measure]" case writes full-size inputs to /tmp for
// /usr/bin/time (numbers in docs/hostile-input.md).
#include <libdeflate.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "auditor/held_numbers.h"
#include "importers/doc_limits.h"
#include "importers/facts.h"
#include "importers/formats.h"
#include "importers/ofd_text.h"
#include "tests/cli_support.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using testing::make_zip;
using testing::Member;

Member stored(std::string name, std::string data) {
  Member m(std::move(name), std::move(data));
  m.method = Member::Method::stored;
  return m;
}

// ---- DOCX -------------------------------------------------------------------

const char kWordNs[] = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string word_body(const std::string& inner) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kWordNs +
         "><w:body>" + inner + "</w:body></w:document>";
}

std::string paragraph(const std::string& text) {
  return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string docx_of(const std::string& body, std::vector<Member> more = {}) {
  std::vector<Member> members = {Member("[Content_Types].xml", "<Types/>"),
                                 stored("word/document.xml", body)};
  for (Member& m : more) members.push_back(std::move(m));
  return make_zip(members);
}

// A body of `bytes` bytes of empty elements (<a/>), the densest markup.
std::string tiny_elements_body(std::size_t bytes) {
  std::string inner;
  inner.reserve(bytes);
  inner += paragraph("开头");
  while (inner.size() + 4 < bytes) inner += "<a/>";
  return word_body(inner);
}

// `n` header relationships, each to a part of its own name (none exists).
std::string header_rels(int n) {
  std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (int i = 0; i < n; ++i)
    rels += "<Relationship Id=\"rId" + std::to_string(i) +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "header\" Target=\"header" +
            std::to_string(i) + ".xml\"/>";
  return rels + "</Relationships>";
}

// `n` lines of a case number each, then n / 2 served-document labels with
// no number on their line (each looks for one on the next line).
std::string case_number_lines(int n) {
  std::string inner = paragraph("行政处罚决定书");
  for (int i = 0; i < n; ++i)
    inner += paragraph("穗海赤岗综执立〔2024〕" + std::to_string(i + 1) + "号");
  for (int i = 0; i < n / 2; ++i) inner += paragraph("送达文书：");
  return word_body(inner);
}

// ---- OFD --------------------------------------------------------------------

const std::string kXmlHead = R"(<?xml version="1.0" encoding="UTF-8"?>)";
const std::string kOfdNs = R"(xmlns:ofd="http://www.ofdspec.org/2016")";

// A page of `lines` text objects of `chars` characters each.
std::string ofd_page(int lines, int chars) {
  std::string out = kXmlHead + "<ofd:Page " + kOfdNs + "><ofd:Content><ofd:Layer ID=\"2\">";
  for (int l = 0; l < lines; ++l) {
    std::string text;
    for (int c = 0; c < chars; ++c) text += "字";
    out += "<ofd:TextObject ID=\"" + std::to_string(l + 10) + "\" Boundary=\"10 " +
           std::to_string(10 + 6 * l) + " 180 6\" Font=\"3\" Size=\"5\"><ofd:TextCode X=\"0\" " +
           "Y=\"5\">" + text + "</ofd:TextCode></ofd:TextObject>";
  }
  return out + "</ofd:Layer></ofd:Content></ofd:Page>";
}

// `docs` documents of `pages` pages each, every page the one content part
// /Pages/Shared.xml.
std::string ofd_shared_content(int docs, int pages, const std::string& page_xml) {
  std::string entry = kXmlHead + "<ofd:OFD " + kOfdNs + " Version=\"1.0\" DocType=\"OFD\">";
  std::vector<Member> members;
  for (int d = 0; d < docs; ++d) {
    const std::string folder = "Doc_" + std::to_string(d);
    entry += "<ofd:DocBody><ofd:DocInfo><ofd:DocID>x" + std::to_string(d) +
             "</ofd:DocID></ofd:DocInfo><ofd:DocRoot>" + folder +
             "/Document.xml</ofd:DocRoot></ofd:DocBody>";
    std::string doc = kXmlHead + "<ofd:Document " + kOfdNs +
                      "><ofd:CommonData><ofd:MaxUnitID>9</ofd:MaxUnitID></ofd:CommonData>"
                      "<ofd:Pages>";
    for (int p = 0; p < pages; ++p)
      doc += "<ofd:Page ID=\"" + std::to_string(p + 1) + "\" BaseLoc=\"/Pages/Shared.xml\"/>";
    members.emplace_back(folder + "/Document.xml", doc + "</ofd:Pages></ofd:Document>");
  }
  members.insert(members.begin(), Member("OFD.xml", entry + "</ofd:OFD>"));
  members.push_back(stored("Pages/Shared.xml", page_xml));
  return make_zip(members);
}

// ---- PDF --------------------------------------------------------------------

std::string zlib(const std::string& data) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(9);
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  out.resize(libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size()));
  libdeflate_free_compressor(c);
  return out;
}

// A PDF from its objects (numbered from 1; object 1 the catalog), with a
// correct cross-reference table.
std::string pdf_of(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t o : offsets) {
    std::string n = std::to_string(o);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  return out + "trailer\n<</Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R>>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

std::string stream(const std::string& dict, const std::string& data) {
  const std::string packed = zlib(data);
  return "<<" + dict + " /Filter /FlateDecode /Length " + std::to_string(packed.size()) +
         ">>\nstream\n" + packed + "\nendstream";
}

// Text of `glyphs` glyphs in Helvetica: lines of 100 characters, words of
// nine letters and a space, filling an A4 page from the top.
std::string glyph_content(int glyphs) {
  const int lines = (glyphs + 99) / 100;
  const double size = std::min(10.0, 780.0 / lines);
  std::string out = "BT /F1 " + std::to_string(size) + " Tf " + std::to_string(size) + " TL 20 " +
                    std::to_string(800 - size) + " Td\n";
  for (int l = 0, left = glyphs; l < lines; ++l, left -= 100) {
    std::string line;
    for (int c = 0; c < std::min(100, left); ++c) line += c % 10 == 9 ? ' ' : char('a' + c % 10);
    out += "(" + line + ") '\n";
  }
  return out + "ET\n";
}

const std::string kFont = "<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>";

// `pages` pages that all draw one content stream of `glyphs` glyphs.
std::string pdf_shared_stream(int pages, int glyphs) {
  std::string kids;
  for (int p = 0; p < pages; ++p) kids += std::to_string(5 + p) + " 0 R ";
  std::vector<std::string> objects = {
      "<</Type /Catalog /Pages 2 0 R>>",
      "<</Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) +
          " /MediaBox [0 0 595 842] /Resources <</Font <</F1 4 0 R>>>>>>",
      stream("", glyph_content(glyphs)), kFont};
  for (int p = 0; p < pages; ++p)
    objects.push_back("<</Type /Page /Parent 2 0 R /Contents 3 0 R>>");
  return pdf_of(objects);
}

// One page drawing form X1; each form Xk draws X(k+1) `fan` times, the
// last one glyph: fan^levels glyphs drawn.
std::string pdf_fan_out(int fan, int levels) {
  std::vector<std::string> objects = {
      "<</Type /Catalog /Pages 2 0 R>>", "<</Type /Pages /Kids [3 0 R] /Count 1>>",
      "<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources "
      "<</XObject <</X 6 0 R>>>>>>",
      stream("", "/X Do\n"), kFont};
  std::string draws;
  for (int i = 0; i < fan; ++i) draws += "/X Do\n";
  for (int k = 0; k < levels; ++k) {
    const std::string dict = "/Type /XObject /Subtype /Form /BBox [0 0 595 842]";
    if (k + 1 < levels)
      objects.push_back(stream(
          dict + " /Resources <</XObject <</X " + std::to_string(7 + k) + " 0 R>>>>", draws));
    else
      objects.push_back(stream(dict + " /Resources <</Font <</F1 5 0 R>>>>",
                               "BT /F1 12 Tf 100 700 Td (A) Tj ET\n"));
  }
  return pdf_of(objects);
}

// ---- helpers ---------------------------------------------------------------

struct Parsed {
  Status status;
  Document doc;
};

Parsed parse(Status (*parser)(std::string_view, const ZipLimits&, Document&),
             const std::string& bytes) {
  Parsed p;
  p.status = parser(bytes, ZipLimits{}, p.doc);
  return p;
}

Parsed parse_pdf_bytes(const std::string& bytes) {
  Parsed p;
  p.status = parse_pdf(bytes, p.doc);
  return p;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// A sanity guard only (speed is measured in bench/): far above the
// linear paths' cost, far below the quadratic ones'.
class Stopwatch {
 public:
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// ---- XML tree budget ----------------------------------------------------------

std::size_t g_allocated = 0;
void* counting_allocate(std::size_t size) {
  g_allocated += size;
  return std::malloc(size);
}

// Bytes pugixml allocates parsing `xml` as the readers do.
std::size_t pugixml_bytes(const std::string& xml) {
  pugi::set_memory_management_functions(counting_allocate, std::free);
  g_allocated = 0;
  {
    pugi::xml_document doc;
    doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  }
  pugi::set_memory_management_functions(std::malloc, std::free);
  return g_allocated;
}

TEST_CASE("the tree estimate bounds what pugixml allocates, for dense, attribute and text markup",
          "[cost][docx][ofd]") {
  std::string attributes = "<r>";
  for (int i = 0; i < 20000; ++i) attributes += "<e a=\"1\" b='2' c=\"x>y\"/>";
  attributes += "</r>";
  std::string text = "<r>";
  for (int i = 0; i < 20000; ++i) text += "<w:t>正文</w:t>\n";
  text += "</r>";
  for (const std::string& xml : std::vector<std::string>{
           tiny_elements_body(1u << 20), attributes, text, case_number_lines(2000),
           ofd_page(200, 30), "<r><!-- <a/><a/><a/> \" --><b>x</b><![CDATA[<c>]]></r>"}) {
    const std::size_t used = pugixml_bytes(xml);
    const std::uint64_t bound = xml_tree_bytes(xml);
    CHECK(used <= bound);
    CHECK(bound <= 3 * used + 4096);  // a bound, not a guess from the size
  }
}

// ---- DOCX ---------------------------------------------------------------------

TEST_CASE("a normal DOCX is read fully with no limit reported", "[cost][docx]") {
  const Parsed p = parse(parse_docx, docx_of(word_body(paragraph("行政处罚决定书") +
                                                       paragraph("穗海赤岗综执罚决〔2024〕3号"))));
  CHECK(p.status.ok());
  CHECK(p.doc.text == "行政处罚决定书\n穗海赤岗综执罚决〔2024〕3号\n");
}

TEST_CASE("a DOCX body whose tree would pass 128 MB is refused before parsing, naming the limit",
          "[cost][docx]") {
  const std::string body = tiny_elements_body(16u << 20);  // 17 bytes of tree per byte
  REQUIRE(xml_tree_bytes(body) > kMaxXmlTreeBytes);
  const Stopwatch clock;
  const Parsed p = parse(parse_docx, docx_of(body));
  CHECK(p.status.reason ==
        "DOCX 文件过大：word/document.xml 解析所需内存超过单个部件 128 MB 的上限（约需 " +
            std::to_string(mb_of(xml_tree_bytes(body))) + " MB），未读取");
  CHECK_FALSE(p.doc.has_text);
  CHECK(clock.seconds() < 5);
}

TEST_CASE("a DOCX part declaring more bytes than the tree budget is not inflated", "[cost][docx]") {
  testing::RawMember body("word/document.xml", word_body(paragraph("正文")));
  body.declared_size = 300u << 20;
  const Parsed p = parse(parse_docx, testing::make_raw_zip({body}));
  CHECK(p.status.reason ==
        "DOCX 文件过大：word/document.xml 解析所需内存超过单个部件 128 MB 的上限（约需 300 MB "
        "以上），未读取");
}

TEST_CASE("a header part whose tree would pass the budget is left out, the body kept",
          "[cost][docx]") {
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/header\" Target=\"header1.xml\"/></Relationships>";
  const Parsed p =
      parse(parse_docx, docx_of(word_body(paragraph("正文")),
                                {stored("word/_rels/document.xml.rels", rels),
                                 stored("word/header1.xml", tiny_elements_body(16u << 20))}));
  CHECK(p.doc.text == "正文\n");
  CHECK(contains(p.status.reason, "DOCX word/header1.xml 解析所需内存超过单个部件 128 MB 的上限"));
  CHECK(p.status.reason.ends_with("，其余文字已提取"));
}

TEST_CASE("100,000 header relationships are read in one pass, each named part once",
          "[cost][docx]") {
  std::string rels = header_rels(100000);
  // The first and the last relationship name the one header that exists.
  rels.replace(rels.find("header0.xml"), 11, "header1.xml");
  rels.replace(rels.rfind("header99999.xml"), 15, "./header1.xml");
  const Stopwatch clock;
  const Parsed p =
      parse(parse_docx, docx_of(word_body(paragraph("正文")),
                                {stored("word/_rels/document.xml.rels", rels),
                                 stored("word/header1.xml", std::string("<w:hdr ") + kWordNs + ">" +
                                                                paragraph("页眉") + "</w:hdr>")}));
  CHECK(p.status.ok());
  CHECK(p.doc.text == "正文\n页眉\n");
  CHECK(clock.seconds() < 10);  // 24 s with a search of the list per relationship
}

TEST_CASE("DOCX text past 8 MB is cut after a whole line and the limit is reported",
          "[cost][docx]") {
  const std::string line(1000, 'x');
  std::string inner;
  for (int i = 0; i < 9000; ++i) inner += paragraph(line);  // 9 MB of text
  const Parsed p = parse(parse_docx, docx_of(word_body(inner)));
  CHECK(p.doc.text.size() <= kMaxTextBytes);
  CHECK(p.doc.text.size() > kMaxTextBytes - 1001);
  CHECK(p.doc.text.back() == '\n');
  CHECK(p.status.reason == "DOCX 文字超过 8 MB 的上限，其后的内容未读取，其余文字已提取");
}

// ---- fact extraction and held numbers -------------------------------------------

TEST_CASE("150,000 case-number lines yield every number once, in one pass", "[cost][facts]") {
  const Parsed p = parse(parse_docx, docx_of(case_number_lines(150000)));
  REQUIRE(p.status.ok());
  const Stopwatch clock;
  Case c;
  Document& d = c.documents.emplace_back(p.doc);
  d.facts = extract_facts(d.text);
  const std::vector<Written> written = written_case_numbers(c);
  CHECK(clock.seconds() < 30);  // 500 s with a search per number and a rescan per label
  REQUIRE(written.size() == 150000);
  CHECK(written.front().number == "穗海赤岗综执立〔2024〕1号");
  CHECK(written.back().number == "穗海赤岗综执立〔2024〕150000号");
  CHECK(written.back().documents.size() == 1);
}

TEST_CASE("20,000 numbers on one line are each found once, in one pass", "[cost][facts]") {
  std::string line = "当事人\n";
  for (int i = 1; i <= 20000; ++i)
    line += "\t罚决〔2024〕" + std::to_string(i) + "号 送达文书：罚决〔2023〕" + std::to_string(i) +
            "号";
  const Stopwatch clock;
  const std::vector<Fact> facts = extract_facts(line);
  CHECK(clock.seconds() < 10);
  std::size_t numbers = 0;
  for (const Fact& f : facts) numbers += f.kind.ends_with("_number");
  CHECK(numbers == 40000);
}

TEST_CASE("20,000 service-manner labels on one line are read in one pass", "[cost][facts]") {
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "送达方式：直接送达 ";
  const Stopwatch clock;
  const std::vector<Fact> facts = extract_facts(line);
  CHECK(clock.seconds() < 5);  // 38 s when each label scanned to the line's end
  CHECK(std::any_of(facts.begin(), facts.end(), [](const Fact& f) {
    return f.kind == "service_manner" && f.value == "直接送达";
  }));
  // Quiet: a form line still gives its ticked manner.
  const std::vector<Fact> form = extract_facts("送达方式：□直接送达 ☑邮寄送达 □留置送达");
  REQUIRE(std::count_if(form.begin(), form.end(),
                        [](const Fact& f) { return f.kind == "service_manner"; }) == 1);
}

TEST_CASE("20,000 hearing requests in one text are read in one pass", "[cost][facts]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "是否要求听证：是，当事人要求听证。";
  const Stopwatch clock;
  const std::vector<Fact> facts = extract_facts(text);
  CHECK(clock.seconds() < 5);  // 3.3 s when both phrase lists were searched from every match
  CHECK(std::any_of(facts.begin(), facts.end(), [](const Fact& f) {
    return f.kind == "hearing_requested" && f.value == "true";
  }));
}

TEST_CASE("a case number stated by several documents is one written number", "[cost][facts]") {
  Case c;
  c.info.case_number = "穗海赤岗综执立〔2024〕7号";
  for (int i = 0; i < 3; ++i) {
    Document& d = c.documents.emplace_back();
    d.facts.push_back({"case_number", "穗海赤岗综执立〔2024〕7号", ""});
    d.facts.push_back({"case_number", "穗海赤岗综执立〔2024〕8号", ""});
  }
  const std::vector<Written> written = written_case_numbers(c);
  REQUIRE(written.size() == 2);
  CHECK(written[0].number == "穗海赤岗综执立〔2024〕7号");
  CHECK(written[0].documents.size() == 3);
  CHECK(written[1].documents.size() == 3);
}

// ---- OFD ----------------------------------------------------------------------

TEST_CASE("an OFD whose pages share one content part is read fully below the limits",
          "[cost][ofd]") {
  const Parsed p = parse(parse_ofd, ofd_shared_content(2, 3, ofd_page(2, 4)));
  CHECK(p.status.ok());
  CHECK(p.doc.pages == 6);
  CHECK(count(p.doc.text, "\f") == 5);
  CHECK(count(p.doc.text, "字字字字\n") == 12);
}

TEST_CASE("an OFD whose 8 documents x 20,000 pages share one content part stops at 2,000 pages",
          "[cost][ofd]") {
  const Stopwatch clock;
  const Parsed p = parse(parse_ofd, ofd_shared_content(8, 20000, ofd_page(40, 30)));
  CHECK(clock.seconds() < 30);   // 613 s with a copy per page and the cap after the layout
  CHECK(p.doc.pages == 160000);  // as declared
  CHECK(count(p.doc.text, "\f") == kMaxPages - 1);
  CHECK(contains(p.status.reason, "页数超过 2000 页的上限，自第 2001 页起未读取"));
}

TEST_CASE("OFD pages stop before the one whose text would pass 8 MB", "[cost][ofd]") {
  const Parsed p = parse(parse_ofd, ofd_shared_content(1, 200, ofd_page(100, 1000)));  // 300 KB
  CHECK(count(p.doc.text, "\f") == 26);  // 27 pages of 300,000 bytes
  CHECK(contains(p.status.reason, "文字超过 8 MB 的上限，自第 28 页起未读取"));
}

TEST_CASE("OFD pages stop before the one whose text runs would pass the word budget",
          "[cost][ofd]") {
  std::string page = kXmlHead + "<ofd:Page " + kOfdNs + "><ofd:Content><ofd:Layer ID=\"2\">";
  for (int i = 0; i < 10000; ++i)
    page += "<ofd:TextObject ID=\"" + std::to_string(i + 10) +
            "\" Boundary=\"10 10 180 6\" Size=\"5\"><ofd:TextCode X=\"" + std::to_string(i % 30) +
            "\" Y=\"" + std::to_string(i / 30) + "\">a</ofd:TextCode></ofd:TextObject>";
  page += "</ofd:Layer></ofd:Content></ofd:Page>";
  const Parsed p = parse(parse_ofd, ofd_shared_content(1, 150, page));
  CHECK(count(p.doc.text, "\f") == 99);  // 100 pages of 10,000 runs
  CHECK(contains(p.status.reason, "文字块超过 1000000 个的上限，自第 101 页起未读取"));
}

TEST_CASE("an OFD content part whose tree would pass the budget is not parsed", "[cost][ofd]") {
  const std::string dense = tiny_elements_body(16u << 20);
  const Parsed p = parse(parse_ofd, ofd_shared_content(1, 2, dense));
  INFO(p.status.reason);
  CHECK(contains(p.status.reason, "Pages/Shared.xml 解析所需内存超过单个部件 128 MB 的上限"));
  CHECK(p.doc.pages == 2);
}

TEST_CASE("a DeltaX of a hundred million advances expands no further than its characters",
          "[cost][ofd]") {
  pugi::xml_document xml;
  REQUIRE(xml.load_string(
      "<Page><Content><TextObject Boundary=\"0 0 100 10\" Size=\"5\"><TextCode X=\"0\" "
      "Y=\"5\" DeltaX=\"g 100000000 5 1 2 3\">甲乙</TextCode></TextObject></Content></Page>"));
  const std::vector<ofd::TextRun> runs = ofd::page_runs(xml.document_element());
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].advances == std::vector<double>{5, 5});
}

// ---- PDF ----------------------------------------------------------------------

TEST_CASE("a PDF whose pages share one content stream is read fully below the limits",
          "[cost][pdf]") {
  const Parsed p = parse_pdf_bytes(pdf_shared_stream(20, 50));
  INFO(p.doc.text);
  CHECK(p.status.ok());
  CHECK(p.doc.pages == 20);
  CHECK(count(p.doc.text, "\f") == 19);
  CHECK(count(p.doc.text, "abcdefghi") == 100);
}

TEST_CASE("a PDF of 2,100 pages has the text of its first 2,000 and says so", "[cost][pdf]") {
  const Parsed p = parse_pdf_bytes(pdf_shared_stream(2100, 10));
  CHECK(p.doc.pages == 2100);
  CHECK(count(p.doc.text, "\f") == kMaxPages - 1);
  CHECK(p.status.reason == "PDF 共 2100 页，超过 2000 页的上限，自第 2001 页起未读取");
}

// ---- measuring ----------------------------------------------------------------

// A case archive holding `member` (stored: the inputs are already packed
// or meant to be large).
std::string archive_of(const std::string& name, const std::string& bytes) {
  return make_zip({stored(name, bytes)});
}

TEST_CASE("the full-size hostile inputs are written to /tmp/cost-bounds for measuring",
          "[.measure]") {
  const fs::path dir = "/tmp/cost-bounds";
  fs::create_directories(dir);
  auto put = [&](const std::string& name, const std::string& bytes) {
    test::write_file(dir / name, bytes);
    const std::string ext = fs::path(name).extension().string();
    test::write_file(dir / (fs::path(name).stem().string() + ".zip"),
                     archive_of("01-文书" + ext, bytes));
  };
  put("tiny-elements.docx", docx_of(tiny_elements_body(200u << 20)));
  // The largest parts the budget lets through: ordinary markup, and one
  // run of text.
  std::string rows;
  while (rows.size() < (18u << 20))
    rows +=
        "<w:p><w:pPr><w:jc w:val=\"both\"/><w:spacing w:line=\"360\"/></w:pPr><w:r>"
        "<w:rPr><w:rFonts w:ascii=\"仿宋\" w:eastAsia=\"仿宋\"/><w:sz w:val=\"32\"/>"
        "</w:rPr><w:t>本机关于2024年1月15日对你单位涉嫌擅自占用城市道路一案立案调查。</w:t>"
        "</w:r></w:p>";
  put("largest-ordinary.docx", docx_of(word_body(rows)));
  put("largest-text.docx", docx_of(word_body(paragraph(std::string(120u << 20, 'x')))));
  put("header-rels.docx", docx_of(word_body(paragraph("正文")),
                                  {stored("word/_rels/document.xml.rels", header_rels(400000))}));
  put("case-numbers.docx", docx_of(case_number_lines(150000)));
  put("ofd-shared.ofd", ofd_shared_content(8, 20000, ofd_page(40, 30)));
  put("pdf-shared.pdf", pdf_shared_stream(2500, 50000));
  for (int levels : {4, 5, 6, 9})
    put("pdf-fan-" + std::to_string(levels) + ".pdf", pdf_fan_out(10, levels));
}

}  // namespace
}  // namespace auditor

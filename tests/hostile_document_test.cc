// Hostile documents inside a case archive: malformed, enormous and deeply
// nested XML, GBK declarations, entity expansion tricks, encrypted and broken
// PDFs. Each gives an import finding for that document (or reads correctly),
// never a crash, a stack overflow or a blow-up, and the case is still audited.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "importers/facts.h"
#include "importers/formats.h"
#include "importers/import.h"
#include "importers/manifest.h"
#include "tests/cli_support.h"
#include "tests/zip_fixtures.h"
#include "util/text_match.h"
#include "util/utf8.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::TempDir;
using test::write_file;
using testing::make_zip;
using testing::Member;

const fs::path kSource = AUDITOR_SOURCE_DIR;
constexpr int kDeep = 100000;  // nested elements

const char kWordNs[] = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

Member stored(std::string name, std::string data) {
  Member m(std::move(name), std::move(data));
  m.method = Member::Method::stored;
  return m;
}

// A DOCX whose word/document.xml is `xml`, stored so that size limits on
// compression ratio do not interfere.
std::string docx_with(const std::string& xml) {
  return make_zip({Member("[Content_Types].xml", "<Types/>"), stored("word/document.xml", xml)});
}

std::string word_body(const std::string& inner) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + kWordNs +
         "><w:body>" + inner + "</w:body></w:document>";
}

std::string paragraph(const std::string& text) {
  return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

// A one-page OFD whose page content is `content_xml`.
std::string ofd_with(const std::string& content_xml) {
  const std::string ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
  return make_zip(
      {Member("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD " + ns +
                             " Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo>"
                             "<ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/"
                             "Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
       Member("Doc_0/Document.xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document " + ns +
                  "><ofd:CommonData><ofd:MaxUnitID>9</ofd:MaxUnitID></ofd:CommonData><ofd:Pages>"
                  "<ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>"
                  "</ofd:Document>"),
       stored("Doc_0/Pages/Page_0/Content.xml", content_xml)});
}

std::string ofd_page(const std::string& layer_inner, const char* encoding = "UTF-8") {
  return std::string("<?xml version=\"1.0\" encoding=\"") + encoding +
         "\"?><ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer "
         "ID=\"2\">" +
         layer_inner + "</ofd:Layer></ofd:Content></ofd:Page>";
}

std::string text_object(const std::string& text) {
  return "<ofd:TextObject ID=\"4\" Boundary=\"0 0 100 5\" Font=\"3\" Size=\"3\"><ofd:TextCode "
         "X=\"0\" Y=\"3\">" +
         text + "</ofd:TextCode></ofd:TextObject>";
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The classic billion laughs DTD: ten levels of ten references.
std::string billion_laughs_dtd(const char* root) {
  std::string dtd = std::string("<!DOCTYPE ") + root + " [<!ENTITY lol0 \"lol\">";
  for (int i = 1; i <= 9; ++i)
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"" +
           repeat("&lol" + std::to_string(i - 1) + ";", 10) + "\">";
  return dtd + "]>";
}

struct Imported {
  Case c;
  Audit audit;
  const Document* doc(const std::string& path) const {
    for (const Document& d : c.documents)
      if (d.path == path) return &d;
    return nullptr;
  }
  // The messages of the import findings about `member`.
  std::string import_findings(const std::string& member) const {
    std::string out;
    for (const Finding& f : audit.findings)
      if (f.kind == "import" && f.document == member) out += f.message + "\n";
    return out;
  }
};

const Checklist& checklist() {
  static const Checklist cl = [] {
    Result<Checklist> r = load_checklist(kSource / "checklists" / "general");
    REQUIRE(r.ok());
    return std::move(*r);
  }();
  return cl;
}

// Imports an archive holding `member` and a good decision, and audits it.
Imported audit_with(const std::string& member, const std::string& bytes) {
  const std::string good = read_file(kSource / "testdata" / "fixtures" / "decision.docx");
  REQUIRE_FALSE(good.empty());
  Imported r;
  r.c = import_archive_bytes(
      "case.zip", make_zip({stored(member, bytes), Member("决定书.docx", good)}), ImportOptions{});
  for (const ImportIssue& i : r.c.issues) UNSCOPED_INFO(i.member << ": " << i.reason);
  REQUIRE_FALSE(r.c.rejected);
  classify(r.c, checklist());
  r.audit = check_case(r.c, checklist());
  // The rest of the case is read and audited as usual.
  const Document* decision = r.doc("决定书.docx");
  REQUIRE(decision != nullptr);
  CHECK(decision->has_text);
  CHECK_FALSE(r.audit.checks.empty());
  CHECK_FALSE(r.audit.grade.empty());
  return r;
}

TEST_CASE("malformed DOCX XML gives an import finding and the case is audited", "[hostile]") {
  const Imported r = audit_with("broken.docx", docx_with(word_body("<w:p><w:r><w:t>unclosed")));
  CHECK(r.import_findings("broken.docx").find("不是有效的 XML") != std::string::npos);
}

TEST_CASE("DOCX nested 100,000 elements deep is read without overflowing the stack", "[hostile]") {
  const std::string deep = repeat("<w:sdt><w:sdtContent>", kDeep) + paragraph("深处") +
                           repeat("</w:sdtContent></w:sdt>", kDeep);
  const Imported r =
      audit_with("deep.docx", docx_with(word_body(paragraph("行政处罚决定书") + deep)));
  const Document* d = r.doc("deep.docx");
  REQUIRE(d != nullptr);
  CHECK(d->text.find("行政处罚决定书") != std::string::npos);
  CHECK(r.import_findings("deep.docx").find("嵌套过深") != std::string::npos);
}

TEST_CASE("an enormous DOCX body is read in bounded time", "[hostile]") {
  const auto start = std::chrono::steady_clock::now();
  const std::string body =
      repeat(paragraph("当事人违反了有关规定，依法予以处罚。"), 100000);  // ~8 MB
  const Imported r = audit_with("huge.docx", docx_with(word_body(body)));
  const Document* d = r.doc("huge.docx");
  REQUIRE(d != nullptr);
  CHECK(d->has_text);
  CHECK(d->text.size() > 5'000'000);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
}

// Seconds taken by `f`.
template <typename F>
double seconds(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST_CASE("thousands of open DOCX fields keep text extraction linear", "[hostile]") {
  const std::string field =
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>"
      "PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/>"
      "</w:r>";
  const std::string bytes = docx_with(word_body(
      "<w:p>" + repeat(field, 100000) + repeat("<w:r><w:t>字</w:t></w:r>", 100000) + "</w:p>"));
  Document d;
  const double took = seconds([&] { CHECK(parse_docx(bytes, ZipLimits{}, d).ok()); });
  CHECK(took < 10.0);                  // quadratic took minutes
  CHECK(d.text.size() == 300000 + 1);  // every 字 (3 bytes) is field result, not code
}

TEST_CASE("facts from 200,000 lines or unclosed law notes are extracted in linear time",
          "[hostile]") {
  // Regressions: the officer table scan searched the whole text for a tab on
  // every line, and a law note "《…》（" searched the whole text for its "）".
  const std::string lines = repeat("当事人陈述如下\n", 200000);
  CHECK(seconds([&] { extract_facts(lines); }) < 10.0);  // quadratic: minutes
  const std::string notes = repeat("《行政处罚法》（", 100000);
  CHECK(seconds([&] { extract_facts(notes); }) < 10.0);
}

TEST_CASE("a DOCX declaring GBK never yields invalid UTF-8 text", "[hostile]") {
  const std::string xml = testing::to_gb18030(
      std::string("<?xml version=\"1.0\" encoding=\"GBK\"?><w:document ") + kWordNs + "><w:body>" +
      paragraph("行政处罚决定书") + "</w:body></w:document>");
  const Imported r = audit_with("gbk.docx", docx_with(xml));
  const Document* d = r.doc("gbk.docx");
  REQUIRE(d != nullptr);
  CHECK(is_valid_utf8(d->text));
  // Either decoded, or reported: never garbage passed off as text.
  const bool decoded = d->text.find("行政处罚决定书") != std::string::npos;
  CHECK((decoded || !r.import_findings("gbk.docx").empty()));
}

TEST_CASE("billion laughs in a DOCX is not expanded", "[hostile]") {
  const std::string xml = std::string("<?xml version=\"1.0\"?>") +
                          billion_laughs_dtd("w:document") + "<w:document " + kWordNs +
                          "><w:body>" + paragraph("&lol9;") + "</w:body></w:document>";
  const Imported r = audit_with("laughs.docx", docx_with(xml));
  const Document* d = r.doc("laughs.docx");
  REQUIRE(d != nullptr);
  CHECK(d->text.size() < 1000);
}

TEST_CASE("an OFD page nested 100,000 elements deep is read without overflowing the stack",
          "[hostile]") {
  const std::string deep = repeat("<ofd:PageBlock ID=\"5\">", kDeep) + text_object("深处文字") +
                           repeat("</ofd:PageBlock>", kDeep);
  const Imported r =
      audit_with("deep.ofd", ofd_with(ofd_page(text_object("行政处罚决定书") + deep)));
  const Document* d = r.doc("deep.ofd");
  REQUIRE(d != nullptr);
  CHECK(d->text.find("行政处罚决定书") != std::string::npos);
}

TEST_CASE("malformed OFD page XML gives an import finding and the case is audited", "[hostile]") {
  const Imported r = audit_with("broken.ofd", ofd_with("<ofd:Page><ofd:Content>"));
  CHECK(r.import_findings("broken.ofd").find("OFD") != std::string::npos);
}

TEST_CASE("an OFD page declaring GBK is decoded to the right Chinese text", "[hostile]") {
  const std::string page = testing::to_gb18030(ofd_page(text_object("行政处罚决定书"), "GBK"));
  const Imported r = audit_with("gbk.ofd", ofd_with(page));
  const Document* d = r.doc("gbk.ofd");
  REQUIRE(d != nullptr);
  CHECK(d->text.find("行政处罚决定书") != std::string::npos);
  CHECK(r.import_findings("gbk.ofd").empty());
}

TEST_CASE("billion laughs in an OFD page is not expanded", "[hostile]") {
  const std::string page = "<?xml version=\"1.0\"?>" + billion_laughs_dtd("ofd:Page") +
                           "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content>"
                           "<ofd:Layer ID=\"2\">" +
                           text_object("&lol9;") + "</ofd:Layer></ofd:Content></ofd:Page>";
  const Imported r = audit_with("laughs.ofd", ofd_with(page));
  const Document* d = r.doc("laughs.ofd");
  REQUIRE(d != nullptr);
  CHECK(d->text.size() < 1000);
}

TEST_CASE("an encrypted PDF gets an import finding and the case is audited", "[hostile]") {
  const Imported r =
      audit_with("加密.pdf", read_file(kSource / "testdata" / "fixtures" / "encrypted.pdf"));
  const std::string findings = r.import_findings("加密.pdf");
  CHECK(findings.find("PDF 文件已加密，需要密码才能打开") != std::string::npos);
  CHECK(findings.find("扫描件") == std::string::npos);  // not also "maybe a scan"
}

TEST_CASE("a truncated or garbled PDF gets an import finding and the case is audited",
          "[hostile]") {
  const std::string pdf = read_file(kSource / "testdata" / "fixtures" / "decision.pdf");
  REQUIRE(pdf.size() > 1000);
  Imported r = audit_with("cut.pdf", pdf.substr(0, pdf.size() / 3));
  CHECK_FALSE(r.import_findings("cut.pdf").empty());
  std::string garbled = pdf;
  for (std::size_t i = 200; i < garbled.size(); i += 97)
    garbled[i] = static_cast<char>(garbled[i] ^ 0x5A);
  r = audit_with("garbled.pdf", garbled);
  const Document* d = r.doc("garbled.pdf");
  REQUIRE(d != nullptr);
  CHECK((!d->has_text || is_valid_utf8(d->text)));
}

TEST_CASE("a manifest nested 100,000 deep or with billion laughs is refused, not expanded",
          "[hostile]") {
  const std::string deep =
      "<case-file version=\"1\">" + repeat("<x>", kDeep) + repeat("</x>", kDeep) + "</case-file>";
  Result<Manifest> m = parse_manifest(deep);
  CHECK((!m.ok() || m->documents.empty()));
  const std::string laughs = "<?xml version=\"1.0\"?>" + billion_laughs_dtd("case-file") +
                             "<case-file version=\"1\"><case party=\"&lol9;\"/></case-file>";
  m = parse_manifest(laughs);
  if (m.ok()) CHECK((!m->info.party || m->info.party->size() < 1000));
}

TEST_CASE("a checklist file nested 100,000 deep is refused with its file and line", "[hostile]") {
  TempDir dir;
  write_file(dir.path / "checklist.xml", "<checklist id=\"x\" version=\"1\">\n" +
                                             repeat("<stage>", kDeep) + repeat("</stage>", kDeep) +
                                             "</checklist>\n");
  Result<Checklist> cl = load_checklist(dir.path);
  REQUIRE_FALSE(cl.ok());
  CHECK(cl.error().find("checklist.xml:") != std::string::npos);
}

}  // namespace
}  // namespace auditor

// OCR of scans (importers/ocr.h, docs/formats/ocr.md): images and PDF
// pages without text read in the parse process, marked as OCR text with
// their confidence, cached in the store, off with --ocr off. The scans are
// made here from the born-digital fixtures (tests/scan_fixtures.h).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "importers/import.h"
#include "importers/ocr.h"
#include "importers/parse_protocol.h"
#include "tests/cli_support.h"
#include "tests/scan_fixtures.h"

namespace auditor {
namespace {

using test::fixture;

// The receipt fixture (送达回证 served 2024-04-08) as a 150-dpi scan.
const test::Gray& receipt_page() {
  static const test::Gray page = test::render_page(fixture("receipt.pdf"), 0, 150);
  return page;
}

const Fact* fact_of(const Document& d, const std::string& kind) {
  for (const Fact& f : d.facts)
    if (f.kind == kind) return &f;
  return nullptr;
}

Document read(const std::string& name, const std::string& bytes, OcrMode mode = OcrMode::on) {
  ImportOptions opt;
  opt.ocr = mode;
  std::vector<ImportIssue> issues;
  Document d = read_document(name, bytes, opt, issues);
  for (const ImportIssue& i : issues) UNSCOPED_INFO(i.member << "：" << i.reason);
  CHECK(issues.empty());
  return d;
}

TEST_CASE("a scanned receipt is read by OCR in the parse process, its facts marked as OCR text",
          "[ocr]") {
  const Document d = read("IMG_0001.png", test::png_of(test::tilted(receipt_page(), 1.5)));
  CHECK(d.has_text);
  CHECK(d.title.find("送达回证") != std::string::npos);
  REQUIRE(d.ocr_pages.size() == 1);
  const OcrPage& p = d.ocr_pages.front();
  CHECK(p.page == 1);
  CHECK(p.confidence >= 65);  // taken as upright (read_ocr.cc, kUprightConfidence)
  CHECK(p.begin == 0);
  CHECK(p.end == d.text.size());
  CHECK(p.fresh);
  CHECK(p.image_sha256.size() == 64);
  const Fact* served = fact_of(d, "service_date");
  REQUIRE(served != nullptr);
  CHECK(served->value == "2024-04-08");
  CHECK(served->ocr_page == 1);
  CHECK(served->ocr_confidence > 0);
  CHECK(fact_of(d, "served_document") != nullptr);
}

TEST_CASE("a page upside down is turned upright before it is read", "[ocr]") {
  const Document d = read("scan0002.png", test::png_of(test::turned(receipt_page(), 2)));
  REQUIRE(d.ocr_pages.size() == 1);
  CHECK(d.ocr_pages.front().rotation == 180);
  CHECK(d.title.find("送达回证") != std::string::npos);
}

TEST_CASE("every page of a multi-page TIFF is read, pages separated by a form feed", "[ocr]") {
  const std::string pdf = fixture("decision.pdf");
  const Document d =
      read("SCAN_0003.tif",
           test::tiff_of({test::render_page(pdf, 0, 150), test::render_page(pdf, 1, 150)}));
  CHECK(d.pages == 2);
  REQUIRE(d.ocr_pages.size() == 2);
  CHECK(d.ocr_pages[1].page == 2);
  CHECK(d.text.find('\f') != std::string::npos);
  CHECK(d.title.find("行政处罚决定书") != std::string::npos);
  const Fact* date = fact_of(d, "doc_date");
  REQUIRE(date != nullptr);
  CHECK(date->value == "2024-03-18");
  CHECK(date->ocr_page == 2);
}

TEST_CASE("the pages of a PDF without a text layer are rendered and read", "[ocr]") {
  const Document d = read("scan0004.pdf", test::image_pdf_of({receipt_page()}));
  CHECK(d.format == "pdf");
  REQUIRE(d.ocr_pages.size() == 1);
  CHECK(d.title.find("送达回证") != std::string::npos);
  REQUIRE(fact_of(d, "service_date") != nullptr);
}

TEST_CASE("a PDF with a text layer is not read by OCR", "[ocr]") {
  const Document d = read("decision.pdf", fixture("decision.pdf"));
  CHECK(d.ocr_pages.empty());
  CHECK(pages_to_ocr(d).empty());
}

TEST_CASE("with OCR off a scan is read as before: no text", "[ocr]") {
  const Document d = read("IMG_0005.png", test::png_of(receipt_page()), OcrMode::off);
  CHECK_FALSE(d.has_text);
  CHECK(d.text.empty());
  CHECK(d.ocr_pages.empty());
  CHECK(d.facts.empty());
}

TEST_CASE("an image too small to hold a page of text is not read", "[ocr]") {
  test::Gray icon{120, 80, 96, std::vector<unsigned char>(120 * 80, 200)};
  const Document d = read("photo.png", test::png_of(icon));
  CHECK(d.ocr_pages.empty());
  CHECK_FALSE(d.has_text);
}

TEST_CASE("a blank page gives no text and no issue", "[ocr]") {
  test::Gray blank{1240, 1754, 150, std::vector<unsigned char>(1240 * 1754, 255)};
  const Document d = read("IMG_0006.png", test::png_of(blank));
  REQUIRE(d.ocr_pages.size() == 1);
  CHECK(d.ocr_pages.front().begin == d.ocr_pages.front().end);
  CHECK_FALSE(d.has_text);
}

TEST_CASE("the parse protocol carries OCR pages and refuses one outside the text", "[ocr]") {
  ParseResponse r;
  r.doc.text = "送达回证\n送达时间 2024年4月8日\n";
  OcrPage p;
  p.page = 3;
  p.confidence = 88;
  p.rotation = 90;
  p.skew = -1.25;
  p.end = r.doc.text.size();
  p.lines = {{13, 91}, {static_cast<std::uint32_t>(p.end), 84}};
  r.doc.ocr_pages = {p};
  Result<ParseResponse> back = decode_response(encode_response(r));
  REQUIRE(back);
  REQUIRE(back->doc.ocr_pages.size() == 1);
  const OcrPage& q = back->doc.ocr_pages.front();
  CHECK(q.page == 3);
  CHECK(q.confidence == 88);
  CHECK(q.rotation == 90);
  CHECK(q.skew == Approx(-1.25));
  CHECK(q.end == p.end);
  REQUIRE(q.lines.size() == 2);
  CHECK(q.lines[0].end == 13);
  CHECK(q.lines[1].confidence == 84);

  r.doc.ocr_pages.front().end = r.doc.text.size() + 1;
  CHECK_FALSE(decode_response(encode_response(r)));
}

}  // namespace
}  // namespace auditor

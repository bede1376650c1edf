// Formats by their signature at offset 0 (importers/detect.cc): a zip-based
// document is a zip even when a member stored first is a PDF, and a file
// that is two formats at once is read as its first one with an import
// finding naming both.
#include <catch2/catch.hpp>

#include <filesystem>

#include "bench/hostile_pdf.h"
#include "importers/formats.h"
#include "importers/import.h"
#include "importers/parse_document.h"
#include "importers/zip_reader.h"
#include "tests/cli_support.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using testing::make_zip;
using testing::Member;

const fs::path kTestdata = fs::path(AUDITOR_SOURCE_DIR) / "testdata";

Member stored(std::string name, std::string data) {
  Member m(std::move(name), std::move(data));
  m.method = Member::Method::stored;
  return m;
}

// A one-page PDF showing `text` (ASCII).
std::string pdf_showing(const std::string& text) {
  return bench::pdf_of(
      {"<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
       "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</Font<</F1 4 0 R>>>>"
       "/Contents 5 0 R>>",
       "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
       bench::pdf_stream("", "BT /F1 12 Tf 72 700 Td (" + text + ") Tj ET")});
}

std::string word_document(const std::string& text) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
         "openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>" +
         text + "</w:t></w:r></w:p></w:body></w:document>";
}

// A DOCX whose first member is a stored PDF showing other words.
std::string docx_hiding_pdf() {
  return make_zip({stored("hidden.pdf", pdf_showing("PDF WORDING")),
                   Member("[Content_Types].xml", "<Types/>"),
                   Member("word/document.xml", word_document("DOCX 正文"))});
}

std::string issues_of(const std::vector<ImportIssue>& issues) {
  std::string out;
  for (const ImportIssue& i : issues) out += i.reason + "\n";
  return out;
}

TEST_CASE("a DOCX whose first member is a stored PDF is read as the DOCX, with a finding",
          "[polyglot]") {
  const std::string bytes = docx_hiding_pdf();
  REQUIRE(bytes.substr(0, 1024).find("%PDF-") != std::string::npos);
  CHECK(detect_format(bytes, "决定书.docx") == "docx");
  CHECK(polyglot_format(bytes, "docx") == "pdf");
  std::vector<ImportIssue> issues;
  const Document d = read_document("决定书.docx", bytes, ImportOptions{}, issues);
  CHECK(d.format == "docx");
  CHECK(d.text.find("DOCX 正文") != std::string::npos);
  CHECK(d.text.find("PDF WORDING") == std::string::npos);
  CHECK(issues_of(issues).find("文件同时是 DOCX 和 PDF 两种格式（多格式文件），只按文件开头的 "
                               "DOCX 格式读取") != std::string::npos);
}

std::uint32_t le32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

void put_le32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

// `prefix` then `zip`, with the zip's offsets moved by the prefix's length so
// that the whole file reads as a zip from its start (as `zip -A` does).
std::string prefixed_zip(const std::string& prefix, std::string zip) {
  const std::size_t eocd = zip.rfind("PK\x05\x06");
  const std::uint32_t shift = static_cast<std::uint32_t>(prefix.size());
  std::size_t at = le32(zip, eocd + 16);
  put_le32(zip, eocd + 16, le32(zip, eocd + 16) + shift);
  while (zip.compare(at, 4, "PK\x01\x02") == 0) {
    put_le32(zip, at + 42, le32(zip, at + 42) + shift);
    at += 46 + (le32(zip, at + 28) & 0xFFFF) + (le32(zip, at + 30) & 0xFFFF) +
          (le32(zip, at + 32) & 0xFFFF);
  }
  return prefix + zip;
}

TEST_CASE("a PDF with an OOXML package appended is read as the PDF, with a finding naming both",
          "[polyglot]") {
  const std::string package = make_zip({Member("[Content_Types].xml", "<Types/>"),
                                        Member("word/document.xml", word_document("DOCX 正文"))});
  const std::string pdf = pdf_showing("PDF WORDING");
  // Appended as is (unzip reads it, counting the extra bytes), and with
  // its offsets moved (every zip reader reads it).
  for (const std::string& bytes : {pdf + package, prefixed_zip(pdf, package)}) {
    CHECK(detect_format(bytes, "决定书.pdf") == "pdf");
    CHECK(polyglot_format(bytes, "pdf") == "docx");
    std::vector<ImportIssue> issues;
    const Document d = read_document("决定书.pdf", bytes, ImportOptions{}, issues);
    CHECK(d.format == "pdf");
    CHECK(d.text.find("PDF WORDING") != std::string::npos);
    CHECK(issues_of(issues).find("文件同时是 PDF 和 DOCX 两种格式") != std::string::npos);
  }
  CHECK(ZipReader::open(prefixed_zip(pdf, package), ZipLimits{}).ok());
}

TEST_CASE("an image carrying a PDF header or a zip directory is an image and a polyglot",
          "[polyglot]") {
  const std::string jpeg_head = "\xFF\xD8\xFF\xE0";
  CHECK(detect_format(jpeg_head + "%PDF-1.4", "x.jpg") == "image");
  CHECK(polyglot_format(jpeg_head + "%PDF-1.4", "image") == "pdf");
  const std::string with_zip = jpeg_head + make_zip({Member("a.txt", "x")});
  CHECK(detect_format(with_zip, "x.jpg") == "image");
  CHECK(polyglot_format(with_zip, "image") == "zip");
}

TEST_CASE("a plain zip, a lone PDF or DOCX and a PDF after junk are no polyglots", "[polyglot]") {
  // A case folder zipped with its PDF stored first is that PDF's archive.
  const std::string zip = make_zip({stored("01-立案审批表.pdf", pdf_showing("A"))});
  CHECK(detect_format(zip, "a.zip") == "zip");
  CHECK(polyglot_format(zip, "zip").empty());
  const std::string pdf = pdf_showing("A");
  CHECK(polyglot_format(pdf, "pdf").empty());
  const std::string docx = make_zip({Member("[Content_Types].xml", "<Types/>"),
                                     Member("word/document.xml", word_document("正文"))});
  CHECK(detect_format(docx, "a.docx") == "docx");
  CHECK(polyglot_format(docx, "docx").empty());
  CHECK(detect_format(std::string(500, ' ') + pdf, "a.pdf") == "pdf");
  CHECK(polyglot_format(std::string(500, ' ') + pdf, "pdf").empty());
}

TEST_CASE("every member of the test archives is detected as before and none is a polyglot",
          "[polyglot]") {
  std::size_t members = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kTestdata)) {
    if (entry.path().extension() != ".zip") continue;
    const std::string bytes = test::read_file(entry.path());
    Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(bytes, ZipLimits{});
    if (!zip) continue;  // 06-not-a-zip.zip
    for (std::size_t i = 0; i < (*zip)->entries().size(); ++i) {
      Result<std::string> member = (*zip)->read(i);
      if (!member) continue;
      const std::string format = detect_format(*member, (*zip)->entries()[i].name);
      INFO(entry.path().string() << ": " << (*zip)->entries()[i].name);
      CHECK(polyglot_format(*member, format).empty());
      ++members;
    }
  }
  CHECK(members > 1000);
  for (const auto& entry : fs::directory_iterator(kTestdata / "fixtures")) {
    if (!entry.is_regular_file()) continue;
    const std::string bytes = test::read_file(entry.path());
    INFO(entry.path().string());
    CHECK(polyglot_format(bytes, detect_format(bytes, entry.path().string())).empty());
  }
}

TEST_CASE("a polyglot member of an archive is a finding of that archive", "[polyglot]") {
  const std::string good = test::read_file(kTestdata / "fixtures" / "decision.docx");
  const Case c = import_archive_bytes(
      "case.zip", make_zip({Member("决定书.docx", docx_hiding_pdf()), Member("其他.docx", good)}),
      ImportOptions{});
  REQUIRE_FALSE(c.rejected);
  REQUIRE(c.documents.size() == 2);
  CHECK(c.documents[0].format == "docx");
  REQUIRE(c.issues.size() == 1);
  CHECK(c.issues[0].member == "决定书.docx");
  CHECK(c.issues[0].reason.find("DOCX 和 PDF") != std::string::npos);
}

}  // namespace
}  // namespace auditor

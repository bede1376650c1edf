// OCR through the whole program (docs/formats/ocr.md): a scanned receipt in
// a real archive is classified and its late service reported as resting on
// OCR; readings are stored and cached; --ocr off and a missing OCR data file
// behave as documented; nothing of Tesseract loads at start.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "app/audit.h"
#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "importers/sandbox.h"
#include "importers/zip_reader.h"
#include "store/case_reader.h"
#include "store/ocr_cache.h"
#include "store/store.h"
#include "tests/cli_support.h"
#include "tests/scan_fixtures.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
const fs::path kVariants = fs::path(AUDITOR_SOURCE_DIR) / "testdata" / "variants";

const Checklist& bundled() {
  static const Checklist cl = *load_audit_checklist(default_checklist_dir());
  return cl;
}

// The members of a testdata archive, in order.
std::vector<testing::Member> members_of(const fs::path& archive) {
  const std::string bytes = test::read_file(archive);
  Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(bytes, ZipLimits{});
  REQUIRE(zip);
  std::vector<testing::Member> out;
  for (std::size_t i = 0; i < (*zip)->entries().size(); ++i)
    if (!(*zip)->entries()[i].is_dir) out.emplace_back((*zip)->entries()[i].name, *(*zip)->read(i));
  return out;
}

// d02 (the decision served on the 8th working day) with the decision's
// receipt replaced by a 200-dpi scan of it named IMG_0010.png, written to
// `dir`; made once (LibreOffice renders the DOCX).
fs::path scanned_d02(const fs::path& dir) {
  static const std::string zip = [] {
    std::vector<testing::Member> members = members_of(kVariants / "d02-decision-served-late.zip");
    test::TempDir work;
    for (testing::Member& m : members) {
      if (m.name != "10-行政处罚决定书送达回证.docx") continue;
      test::write_file(work.path / "receipt.docx", m.data);
      const std::string pdf = test::libreoffice_convert(work.path, "receipt.docx", "pdf");
      REQUIRE_FALSE(pdf.empty());
      m = testing::Member("IMG_0010.png", test::png_of(test::render_page(pdf, 0, 200)));
    }
    return testing::make_zip(members);
  }();
  const fs::path out = dir / "d02-scanned.zip";
  test::write_file(out, zip);
  return out;
}

const nlohmann::json* rule_finding(const nlohmann::json& c, const std::string& rule) {
  for (const nlohmann::json& f : c["findings"])
    if (f["rule"] == rule) return &f;
  return nullptr;
}

nlohmann::json audit_json(const fs::path& dir, const fs::path& archive, const std::string& more) {
  const test::CliRun r =
      test::run_cli("audit --full --db " + test::sh_quote((dir / "a.db").string()) + " --json - " +
                    more + " " + test::sh_quote(archive.string()));
  INFO(r.err);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out)["cases"][0];
}

TEST_CASE("a late service on a scanned receipt is reported as resting on OCR, --ocr off as before",
          "[ocr-e2e]") {
  test::TempDir dir;
  const fs::path archive = scanned_d02(dir.path);
  const nlohmann::json c = audit_json(dir.path, archive, "");
  const nlohmann::json* receipt = nullptr;
  for (const nlohmann::json& d : c["documents"])
    if (d["path"] == "IMG_0010.png") receipt = &d;
  REQUIRE(receipt != nullptr);
  CHECK((*receipt)["type"] == "service_receipt");
  CHECK((*receipt)["date"] == "2024-04-02");
  REQUIRE((*receipt)["ocr"].size() == 1);
  const nlohmann::json* late = rule_finding(c, "DL-decision-served-7wd");
  REQUIRE(late != nullptr);
  CHECK(late->value("kind", "") == "deadline");
  CHECK(late->value("message", "").find("依据识别文字") != std::string::npos);

  // The born-digital archive reports it without the mark.
  const nlohmann::json born = audit_json(dir.path, kVariants / "d02-decision-served-late.zip", "");
  const nlohmann::json* plain = rule_finding(born, "DL-decision-served-7wd");
  REQUIRE(plain != nullptr);
  CHECK(plain->value("message", "").find("依据识别文字") == std::string::npos);

  // Without OCR the scan is unread, as before: no receipt, so no deadline
  // finding (at most a manual check for the service date not found).
  const nlohmann::json off = audit_json(dir.path, archive, "--ocr off");
  for (const nlohmann::json& d : off["documents"])
    if (d["path"] == "IMG_0010.png") CHECK(d["type"].is_null());
  const nlohmann::json* unread = rule_finding(off, "DL-decision-served-7wd");
  if (unread) CHECK(unread->value("kind", "") == "manual_check");
}

TEST_CASE("a re-audit takes every scan from the store's cache and reads none again", "[ocr-e2e]") {
  test::TempDir dir;
  const fs::path archive = scanned_d02(dir.path);
  AuditRequest request;
  request.inputs = {archive.string()};
  request.db = dir.path / "a.db";
  request.round = "第一轮";
  request.tool_version = "test";
  request.full = true;
  request.keep_results = true;
  int found = 0, read = 0;
  request.import.ocr_progress = [&](int f, int r) { found += f, read += r; };
  Result<AuditOutcome> first = audit_round(request, bundled(), AuditObserver{});
  REQUIRE(first);
  CHECK(found == 1);
  CHECK(read == 1);
  found = read = 0;
  Result<AuditOutcome> again = audit_round(request, bundled(), AuditObserver{});
  REQUIRE(again);
  CHECK(found == 0);
  CHECK(read == 0);
  REQUIRE(again->results.size() == 1);
  const std::vector<Finding>& a = first->results[0].audit.findings;
  const std::vector<Finding>& b = again->results[0].audit.findings;
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].message == b[i].message);

  // The stored scan: its OCR page and its facts' provenance.
  Result<std::unique_ptr<Store>> store = Store::open_read_only(request.db);
  REQUIRE(store);
  CaseLoader loader(**store);
  Result<std::map<std::string, StoredAudit>> index = load_stored_index(**store);
  REQUIRE(index);
  REQUIRE(index->size() == 1);
  Result<CaseResult> loaded = loader.load(index->begin()->second.case_id);
  REQUIRE(loaded);
  bool seen = false;
  for (const Document& d : loaded->c.documents) {
    if (d.path != "IMG_0010.png") continue;
    seen = true;
    REQUIRE(d.ocr_pages.size() == 1);
    CHECK(d.ocr_pages[0].end == d.text.size());
    CHECK_FALSE(d.ocr_pages[0].lines.empty());
    bool marked = false;
    for (const Fact& f : d.facts) marked = marked || (f.ocr_page == 1 && f.ocr_confidence > 0);
    CHECK(marked);
  }
  CHECK(seen);
}

TEST_CASE("without the Chinese OCR data each scan is an import finding and the audit goes on",
          "[ocr-e2e]") {
  test::TempDir dir;
  const fs::path archive = scanned_d02(dir.path);
  ::setenv("TESSDATA_PREFIX", (dir.path / "no-tessdata").c_str(), 1);
  const nlohmann::json c = audit_json(dir.path, archive, "");
  ::unsetenv("TESSDATA_PREFIX");
  bool reported = false;
  for (const nlohmann::json& f : c["findings"])
    if (f["document"] == "IMG_0010.png" && f["kind"] == "import")
      reported = f.value("message", "").find("chi_sim") != std::string::npos;
  CHECK(reported);
  CHECK(c["status"] == "audited");
}

TEST_CASE("neither the program nor the parse process loads Tesseract at start", "[ocr]") {
  for (const std::string& program : {std::string(AUDITOR_BINARY), parse_server_path()}) {
    test::TempDir dir;
    const fs::path listing = dir.path / "libraries";
    const std::string cmd = "LD_TRACE_LOADED_OBJECTS=1 " + test::sh_quote(program) + " >" +
                            test::sh_quote(listing.string());
    REQUIRE(std::system(cmd.c_str()) == 0);
    const std::string libraries = test::read_file(listing);
    CHECK(libraries.find("libtesseract") == std::string::npos);
    CHECK(libraries.find("liblept") == std::string::npos);
    CHECK(libraries.find("libgomp") == std::string::npos);
  }
}

TEST_CASE("the parse process links the readers, not the checker the program runs", "[ocr]") {
  // Its code is mapped into every parse process and counts against
  // --max-doc-mb with the document: the checker and the checklist loader,
  // pulled in once through a helper of importers/split_documents.cc, cost a
  // 1,000-page PDF its last megabytes (tests/doc_budget_test.cc).
  const std::string program = test::read_file(parse_server_path());
  if (program.find("_ZN7auditor14parse_document") == std::string::npos) return;  // stripped
  CHECK(program.find("_ZN7auditor14read_page_into") != std::string::npos);
  CHECK(program.find("_ZN7auditor15split_documents") == std::string::npos);
  CHECK(program.find("_ZN7auditor14load_checklist") == std::string::npos);
  CHECK(program.find("_ZN7auditor20check_text_extracted") == std::string::npos);
}

}  // namespace
}  // namespace auditor

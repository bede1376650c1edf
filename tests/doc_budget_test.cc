// Every document is parsed in a parse process with a budget (importers/
// sandbox.h): a hostile file in a batch with a good archive gets the limit as
// an import finding naming the option, the good archive is audited and the
// run ends quickly. The hostile inputs come from small generators
// (bench/hostile_pdf.h).
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "app/audit.h"
#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "bench/hostile_pdf.h"
#include "importers/import.h"
#include "tests/cli_support.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using bench::pdf_nested_forms;
using bench::pdf_shared_content;
using test::TempDir;
using test::write_file;
using testing::make_zip;
using testing::Member;

const fs::path kTestdata = fs::path(AUDITOR_SOURCE_DIR) / "testdata";
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
const char kGood[] = "01-complete-structured.zip";

const Checklist& bundled() {
  static const Checklist cl = *load_audit_checklist(default_checklist_dir());
  return cl;
}

Member stored(std::string name, std::string data) {
  Member m(std::move(name), std::move(data));
  m.method = Member::Method::stored;
  return m;
}

// A DOCX whose document.xml holds `paragraphs` empty paragraphs: about 18
// bytes of parsed XML tree per byte of part.
std::string docx_of_paragraphs(int paragraphs) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
      "openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  for (int i = 0; i < paragraphs; ++i) xml += "<w:p/>";
  xml += "<w:p><w:r><w:t>行政处罚决定书</w:t></w:r></w:p></w:body></w:document>";
  return make_zip({Member("[Content_Types].xml", "<Types/>"), stored("word/document.xml", xml)});
}

struct Batch {
  double seconds = 0;
  const CaseResult* good = nullptr;
  const CaseResult* hostile = nullptr;
  AuditOutcome outcome;
  // The import issues of the hostile case, one per line.
  std::string issues() const {
    std::string out;
    for (const ImportIssue& i : hostile->c.issues) out += i.member + "：" + i.reason + "\n";
    return out;
  }
};

// Audits `hostile` (an archive of `members`) and the good testdata archive
// in one batch with --jobs 2 and `opt`.
Batch audit_batch(const std::vector<Member>& members, const ImportOptions& opt) {
  static TempDir dir;  // one folder; each batch has its own subfolder
  static int n = 0;
  const fs::path in = dir.path / std::to_string(++n);
  fs::create_directories(in);
  write_file(in / "hostile.zip", make_zip(members));
  fs::copy_file(kTestdata / kGood, in / kGood);
  AuditRequest request;
  request.inputs = {in.string()};
  request.db = in / "a.db";
  request.import = opt;
  request.jobs = 2;
  request.round = "预算";
  request.tool_version = "test";
  request.full = true;
  request.keep_results = true;
  const auto start = std::chrono::steady_clock::now();
  Result<AuditOutcome> out = audit_round(request, bundled(), AuditObserver{});
  Batch b;
  b.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(out.ok());
  b.outcome = std::move(*out);
  REQUIRE(b.outcome.results.size() == 2);
  for (const CaseResult& r : b.outcome.results)
    (r.c.archive.ends_with(kGood) ? b.good : b.hostile) = &r;
  REQUIRE(b.good != nullptr);
  REQUIRE(b.hostile != nullptr);
  // The good archive is audited as usual, untouched by its neighbour.
  CHECK_FALSE(b.good->c.rejected);
  CHECK(b.good->c.issues.empty());
  CHECK(b.good->c.documents.size() > 10);
  CHECK_FALSE(b.good->audit.grade.empty());
  CHECK_FALSE(b.hostile->c.rejected);
  UNSCOPED_INFO(b.issues());
  return b;
}

ImportOptions tight(int seconds, int mb = 768) {
  ImportOptions opt;
  opt.max_doc_seconds = seconds;
  opt.max_doc_mb = mb;
  return opt;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE(
    "a PDF of form XObjects fanning out 10 per level for 9 levels is stopped at the time "
    "limit and the batch goes on",
    "[budget]") {
  const std::string pdf = pdf_nested_forms(10, 9);
  CHECK(pdf.size() < 3000);
  const Batch b = audit_batch({Member("附件/嵌套表单.pdf", pdf)}, tight(1));
  CHECK(has(b.issues(), "附件/嵌套表单.pdf：解析超过时间上限"));
  CHECK(has(b.issues(), "--max-doc-seconds"));
  CHECK(b.seconds < 20);  // in process: hours
}

TEST_CASE("a PDF of 2,500 pages sharing one 50,000-glyph content stream is stopped at a limit",
          "[budget]") {
  const Batch b =
      audit_batch({Member("附件/共享内容.pdf", pdf_shared_content(2500, 50000))}, tight(1, 256));
  CHECK(has(b.issues(), "附件/共享内容.pdf：解析超过"));
  CHECK(b.seconds < 20);  // in process: 95 s and 3.3 GB
}

TEST_CASE("a DOCX whose XML tree outgrows --max-doc-mb is stopped at the memory limit",
          "[budget]") {
  if (kSanitized) return;  // no address-space limit there (importers/parse_server/main.cc)
  // A million paragraphs: a 6 MB part, some 70 MB as a tree (within the
  // DOCX reader's own estimate, importers/doc_limits.h).
  const Batch b =
      audit_batch({stored("决定书.docx", docx_of_paragraphs(1'000'000))}, tight(15, 64));
  CHECK(has(b.issues(), "决定书.docx：解析超过内存上限（64 MB，--max-doc-mb），未读取"));
  CHECK(b.seconds < 30);
}

TEST_CASE("a parse process that grew past half its limit is replaced for the next documents",
          "[budget]") {
  // 1,000 pages of 1,500 glyphs: some 70 MB resident, over half of 128 MB.
  const std::string pages = pdf_shared_content(1000, 1500);
  const std::string decision = test::read_file(kTestdata / "fixtures" / "decision.pdf");
  ImportOptions opt;
  opt.max_doc_mb = 128;
  const Case c = import_archive_bytes(
      "case.zip",
      make_zip({Member("a.pdf", pages), Member("b.pdf", decision), Member("c.pdf", pages)}), opt);
  for (const ImportIssue& i : c.issues) UNSCOPED_INFO(i.member << "：" << i.reason);
  CHECK(c.issues.empty());
  REQUIRE(c.documents.size() == 3);
  for (const Document& d : c.documents) CHECK(d.has_text);
  CHECK(c.documents[0].pages == 1000);
  CHECK(c.documents[2].text == c.documents[0].text);
}

TEST_CASE("a PDF that outgrows --max-doc-mb in poppler is stopped at the memory limit",
          "[budget]") {
  if (kSanitized) return;  // no address-space limit there (importers/parse_server/main.cc)
  const Batch b =
      audit_batch({Member("附件/长文.pdf", pdf_shared_content(1000, 1500))}, tight(15, 64));
  CHECK(has(b.issues(), "附件/长文.pdf：解析超过内存上限（64 MB，--max-doc-mb），未读取"));
}

TEST_CASE("a document whose parsed text outgrows the output limit is not read", "[budget]") {
  ImportOptions opt;
  opt.max_doc_output_bytes = 1 << 20;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas."
      "openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  for (int i = 0; i < 40000; ++i) xml += "<w:p><w:r><w:t>当事人违反了有关规定。</w:t></w:r></w:p>";
  xml += "</w:body></w:document>";
  const std::string docx =
      make_zip({Member("[Content_Types].xml", "<Types/>"), stored("word/document.xml", xml)});
  const Batch b = audit_batch({stored("长文.docx", docx)}, opt);
  CHECK(has(b.issues(), "长文.docx：解析结果超过大小上限（1 MB），未读取"));
}

TEST_CASE("the documents of one archive share twice one document's wall-clock limit", "[budget]") {
  // Each fan-out PDF costs its full CPU budget; after two wall-clock limits
  // (2 x (1 + 5) s) the rest of the archive is not parsed.
  std::vector<Member> members;
  for (int i = 0; i < 8; ++i)
    members.emplace_back("附件/嵌套" + std::to_string(i) + ".pdf", pdf_nested_forms(10, 9));
  const Batch b = audit_batch(members, tight(1));
  CHECK(has(b.issues(), "解析超过时间上限"));
  CHECK(has(b.issues(), "附件/嵌套7.pdf：本压缩包的文书解析累计超过时间上限（12 秒"));
  CHECK(b.seconds < 20);
}

TEST_CASE("a document within its budget is read in the parse process as it is in process",
          "[budget]") {
  const fs::path fixtures = kTestdata / "fixtures";
  for (const char* name :
       {"decision.docx", "decision.pdf", "encrypted.pdf", "scan.pdf", "whole-case.pdf"}) {
    const std::string bytes = test::read_file(fixtures / name);
    ImportOptions in_process;
    in_process.isolate = false;
    std::vector<ImportIssue> a, b;
    const Document d1 = read_document(name, bytes, in_process, a);
    const Document d2 = read_document(name, bytes, ImportOptions{}, b);
    INFO(name);
    CHECK(d1.format == d2.format);
    CHECK(d1.text == d2.text);
    CHECK(d1.title == d2.title);
    CHECK(d1.has_text == d2.has_text);
    CHECK(d1.pages == d2.pages);
    CHECK(d1.metadata == d2.metadata);
    CHECK(d1.facts.size() == d2.facts.size());
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].reason == b[i].reason);
  }
}

TEST_CASE("audit --max-doc-seconds names the limit in the finding of a hostile PDF", "[budget]") {
  TempDir dir;
  fs::create_directories(dir.path / "in");
  write_file(dir.path / "in" / "hostile.zip",
             make_zip({Member("嵌套表单.pdf", pdf_nested_forms(10, 9))}));
  fs::copy_file(kTestdata / kGood, dir.path / "in" / kGood);
  const auto start = std::chrono::steady_clock::now();
  const test::CliRun run = test::run_cli(
      "audit in --db a.db --jobs 2 --max-doc-seconds 1 --json "
      "r.json",
      dir.path);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
  CHECK(run.status == 0);
  const std::string json = test::read_file(dir.path / "r.json");
  // The CPU limit, or on a busy machine the wall-clock limit, whichever comes first.
  CHECK(has(json, "嵌套表单.pdf"));
  CHECK((has(json, "解析超过时间上限（1 秒 CPU 时间，--max-doc-seconds），未读取") ||
         has(json, "解析超过时间上限（等待 6 秒仍未完成，--max-doc-seconds），未读取")));
  CHECK(test::run_cli("audit in --db b.db --max-doc-seconds 0", dir.path).status == 2);
  CHECK(test::run_cli("audit in --db b.db --max-doc-mb 10", dir.path).status == 2);
}

}  // namespace
}  // namespace auditor

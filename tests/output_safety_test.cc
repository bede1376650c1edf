// Outputs stay readable and honest whatever the case files hold: a
// noncharacter or control in a party name leaves every report well-formed, a
// bidirectional override in a case number is shown instead of obeyed, and a
// link planted where a report or the --json file goes is replaced, never
// written through.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "app/round_reports.h"
#include "importers/zip_reader.h"
#include "reports/console.h"
#include "store/store.h"
#include "tests/report_fixture.h"
#include "util/utf8.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::run_cli;
using test::sh_quote;
using test::TempDir;

std::string cp(char32_t c) {
  std::string s;
  append_utf8(s, c);
  return s;
}

const std::string kNumber = "穗海赤岗综执立〔2024〕" + cp(0x202E) + "号21";
const std::string kShownNumber = "穗海赤岗综执立〔2024〕⟨U+202E⟩号21";
const std::string kParty = "甲" + cp(0xFFFE) + "乙" + cp(0xFFFF) + "公司" + cp(0x2067) + "_x202E_" +
                           cp(0x1FFFE) + cp(0x85) + "\x01\x1b";
const std::string kShownParty = "甲乙公司⟨U+2067⟩_x202E_";

Case hostile_case() {
  Case c;
  c.archive = "赤岗/" + cp(0x202E) + "fdp.zip";
  c.sha256 = std::string(64, 'e');
  c.info.case_number = kNumber;
  c.info.street = "赤岗";
  c.info.party = kParty;
  c.info.procedure = "general";
  Document d;
  d.path = "01-立案审批表" + cp(0xFFFF) + ".docx";
  d.format = "docx";
  d.type = "filing_approval";
  d.stage = 1;
  d.number = kNumber;
  d.has_text = true;
  c.documents = {d};
  return c;
}

Audit hostile_audit() {
  Audit a;
  a.score = 90;
  a.grade = "优秀";
  Finding f;
  f.rule = "CON-party";
  f.kind = "consistency";
  f.severity = "minor";
  f.stage = 1;
  f.message = "当事人名称不一致：" + kParty;
  f.evidence = {kNumber, kParty};
  f.deduction = 10;
  a.findings = {f};
  a.checks = {{"CON-party", Outcome::failed}};
  return a;
}

// A database holding round "轮次" with the hostile case and an ordinary one.
fs::path hostile_round(const fs::path& dir) {
  const fs::path db = dir / "audit.db";
  Result<std::unique_ptr<Store>> store = Store::open(db);
  REQUIRE(store.ok());
  Result<long long> run = (*store)->begin_run(
      {"0.1.0", "g", "1", "ff", "2024-09-01T08:00:00Z", "轮次" + cp(0x202B), "inspection", ""});
  REQUIRE(run.ok());
  REQUIRE((*store)->save_case(*run, hostile_case(), hostile_audit()).ok());
  Case plain = hostile_case();
  plain.archive = "赤岗/2024-022.zip";
  plain.info.case_number = "穗海赤岗综执立〔2024〕22号";
  plain.info.party = "广州市某某餐饮有限公司";
  REQUIRE((*store)->save_case(*run, plain, Audit{}).ok());
  REQUIRE((*store)->end_run(*run).ok());
  return db;
}

fs::path render(const fs::path& db, const fs::path& out, SheetMode sheets) {
  ReportRequest request;
  request.dir = out;
  request.formats = {true, true, true, true};
  request.sheets = sheets;
  Status written = write_round_reports(db, request);
  INFO(written.reason);
  REQUIRE(written.ok());
  return out;
}

// Every code point is an XML 1.0 Char (checked here on its own terms, not
// with the code under test).
bool xml_chars_only(std::string_view text) {
  if (!is_valid_utf8(text)) return false;
  for (char32_t c : decode_utf8(text))
    if (!(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
          (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)))
      return false;
  return true;
}

bool has_raw_bidi(std::string_view text) {
  for (char32_t c : decode_utf8(text))
    if (c == 0x61C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
        (c >= 0x2066 && c <= 0x2069))
      return true;
  return false;
}

// Every XML part of a DOCX or XLSX: only XML characters, parsed by pugixml,
// no raw bidirectional control.
void check_package(const std::string& bytes) {
  Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(bytes, ZipLimits{});
  REQUIRE(zip.ok());
  int parts = 0;
  for (const ZipEntry& e : (*zip)->entries()) {
    if (e.name.size() < 4 ||
        (e.name.substr(e.name.size() - 4) != ".xml" && e.name.substr(e.name.size() - 5) != ".rels"))
      continue;
    Result<std::string> xml = (*zip)->read(e.index);
    REQUIRE(xml.ok());
    INFO(e.name);
    CHECK(xml_chars_only(*xml));
    CHECK_FALSE(has_raw_bidi(*xml));
    pugi::xml_document doc;
    CHECK(doc.load_buffer(xml->data(), xml->size()));
    ++parts;
  }
  CHECK(parts >= 5);
}

TEST_CASE("noncharacters and bidirectional controls leave every report well-formed and honest",
          "[output_safety]") {
  TempDir dir;
  const fs::path db = hostile_round(dir.path);
  const SheetMode sheets = GENERATE(SheetMode::all, SheetMode::none);
  const fs::path out = render(db, dir.path / "out", sheets);

  const std::string docx = read_file(out / "report.docx");
  check_package(docx);
  const std::string text = test::docx_text(docx);
  CHECK_THAT(text, Catch::Contains(kShownNumber) && Catch::Contains(kShownParty));

  const std::string xlsx = read_file(out / "report.xlsx");
  check_package(xlsx);
  auto cells = test::xlsx_cells(xlsx, 1);
  CHECK(cells["B2"] == kShownNumber);
  // Excel would read "_x202E_" as the escape of U+202E: its underscore is
  // escaped, so the cell shows the text as written.
  CHECK(cells["C2"] == "甲乙公司⟨U+2067⟩_x005F_x202E_");

  const std::string html = read_file(out / "report.html");
  CHECK(xml_chars_only(html));
  CHECK_FALSE(has_raw_bidi(html));
  CHECK_THAT(html, Catch::Contains(kShownNumber) && Catch::Contains("轮次⟨U+202B⟩"));

  // JSON keeps the values as read, escaped so no viewer reorders them.
  const std::string json = read_file(out / "report.json");
  CHECK_FALSE(has_raw_bidi(json));
  CHECK(json.find(cp(0xFFFE)) == std::string::npos);
  CHECK_THAT(json, Catch::Contains("〔2024〕\\u202e号21") && Catch::Contains("甲\\ufffe乙"));
  const nlohmann::json parsed = nlohmann::json::parse(json);
  CHECK(parsed.at("cases")[0].at("case_number") == kNumber);
  CHECK(parsed.at("cases")[0].at("party") == valid_utf8(kParty));
  CHECK(parsed.at("round").at("name") == "轮次" + cp(0x202B));
}

TEST_CASE("the console line shows a bidirectional control instead of obeying it",
          "[output_safety]") {
  CaseResult r{hostile_case(), hostile_audit()};
  const std::string line = console_line(r);
  CHECK_FALSE(has_raw_bidi(line));
  CHECK(xml_chars_only(line));
  CHECK(line.find('\n') == std::string::npos);
  CHECK_THAT(line, Catch::Contains(kShownNumber) && Catch::Contains("赤岗/⟨U+202E⟩fdp.zip"));
  r.c.rejected = true;
  r.c.error = "成员 " + cp(0x202E) + "gpj.exe\n\x1b[2J 无法读取";
  CHECK(console_line(r) == "✗ 赤岗/⟨U+202E⟩fdp.zip  已拒绝：成员 ⟨U+202E⟩gpj.exe [2J 无法读取");
}

TEST_CASE("an ordinary console line is unchanged", "[output_safety]") {
  CaseResult r{hostile_case(), hostile_audit()};
  r.c.archive = "赤岗/2024-021.zip";
  r.c.info.case_number = "穗海赤岗综执立〔2024〕21号";
  CHECK(console_line(r) ==
        "✓ 赤岗/2024-021.zip  穗海赤岗综执立〔2024〕21号  普通程序  优秀 90分  问题 1 项（否决 "
        "0，重大 0，一般 1；待人工核对/提示 0）");
}

// Links named `names` in `dir`, each to its own file in `targets` holding
// "precious <name>".
void plant_links(const fs::path& dir, const fs::path& targets,
                 const std::vector<std::string>& names) {
  fs::create_directories(dir);
  for (const std::string& name : names) {
    test::write_file(targets / name, "precious " + name);
    fs::create_symlink(targets / name, dir / name);
  }
}

void check_untouched(const fs::path& dir, const fs::path& targets,
                     const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    INFO(name);
    CHECK(read_file(targets / name) == "precious " + name);
    CHECK_FALSE(fs::is_symlink(dir / name));
    CHECK(fs::is_regular_file(dir / name));
    CHECK(fs::file_size(dir / name) > 100);
  }
}

const std::vector<std::string> kReports = {"report.html", "report.json", "report.docx",
                                           "report.xlsx"};

TEST_CASE("links planted at report.* are replaced and their targets left unchanged",
          "[output_safety]") {
  TempDir dir, targets;
  const fs::path db = hostile_round(dir.path);
  plant_links(dir.path / "out", targets.path, kReports);
  render(db, dir.path / "out", SheetMode::automatic);
  check_untouched(dir.path / "out", targets.path, kReports);
  std::vector<std::string> left;
  for (const fs::directory_entry& e : fs::directory_iterator(dir.path / "out"))
    left.push_back(e.path().filename().string());
  CHECK(left.size() == 4);  // no temporary file left behind
}

TEST_CASE("audit --json and --out replace planted links, never write through them",
          "[output_safety]") {
  TempDir dir, targets;
  const std::string archive =
      std::string(AUDITOR_SOURCE_DIR) + "/testdata/01-complete-structured.zip";
  plant_links(dir.path / "out", targets.path, kReports);
  plant_links(dir.path, targets.path, {"result.json"});
  auto run =
      run_cli("audit " + sh_quote(archive) + " --db " + sh_quote((dir.path / "a.db").string()) +
              " --json " + sh_quote((dir.path / "result.json").string()) + " --out " +
              sh_quote((dir.path / "out").string()));
  INFO(run.err);
  REQUIRE(run.status == 0);
  check_untouched(dir.path / "out", targets.path, kReports);
  check_untouched(dir.path, targets.path, {"result.json"});
  CHECK(nlohmann::json::parse(read_file(dir.path / "result.json")).at("summary").at("archives") ==
        1);
}

// LibreOffice converts `file` in `dir` to a PDF of some substance.
bool converts_to_pdf(const fs::path& dir, const std::string& file) {
  return test::libreoffice_convert(dir, file, "pdf").size() > 1000;
}

TEST_CASE("LibreOffice opens the DOCX and XLSX reports of a hostile round", "[output_safety]") {
  TempDir dir;
  const fs::path out = render(hostile_round(dir.path), dir.path / "out", SheetMode::automatic);
  CHECK(converts_to_pdf(out, "report.docx"));
  // Calc is a package of its own (libreoffice-calc-nogui), not always there.
  if (fs::exists("/usr/lib/libreoffice/program/libsclo.so"))
    CHECK(converts_to_pdf(out, "report.xlsx"));
  else
    WARN("LibreOffice Calc is not installed: the XLSX report was not opened");
}

}  // namespace
}  // namespace auditor

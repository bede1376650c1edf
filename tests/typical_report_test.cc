// `auditor report --typical` on a really audited round: the compilation is
// a DOCX in the published shape, and neither the text of its XML nor what
// LibreOffice reads from it holds a party's name, ID number or phone number
// from the source documents, while the headings and the notes are there.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "app/typical.h"
#include "reports/typical.h"
#include "tests/report_fixture.h"
#include "tests/review_support.h"

namespace auditor {
namespace {

using test::kTestdata;

// Every row `sql` yields (first column), NULLs left out.
std::vector<std::string> column(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.string().c_str(), &h) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::vector<std::string> out;
  while (sqlite3_step(stmt) == SQLITE_ROW)
    if (sqlite3_column_type(stmt, 0) != SQLITE_NULL)
      out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  sqlite3_finalize(stmt);
  sqlite3_close(h);
  return out;
}

// The testdata archives (testdata/*.zip) audited into round "第一轮" of dir/a.db.
struct AuditedRound {
  test::TempDir dir;
  std::filesystem::path db = dir.path / "a.db";
  ReviewScope scope{db, "第一轮"};
  AuditedRound() {
    AuditRequest r;
    for (const auto& e : std::filesystem::directory_iterator(kTestdata))
      if (e.path().extension() == ".zip") r.inputs.push_back(e.path().string());
    std::sort(r.inputs.begin(), r.inputs.end());
    r.db = db;
    r.round = "第一轮";
    r.tool_version = "test";
    r.full = true;
    REQUIRE(audit_round(r, test::bundled(), AuditObserver{}));
  }
};

const std::string kNoteA =
    "当事人陈建华（电话13925063478）的占道经营案：陈述申辩后复核记录完整，可作示范。";
const std::string kNoteB = "告知书缺失导致程序违法，应予警示。";

TEST_CASE("the typical-case compilation holds no party's name, ID or phone number", "[typical]") {
  AuditedRound round;
  const std::vector<std::string> numbers =
      column(round.db, "SELECT case_number FROM cases WHERE status = 'audited' ORDER BY id");
  REQUIRE(numbers.size() >= 4);
  // Every audited case marked; one by a finding, with a decision on it.
  for (const std::string& n : numbers)
    REQUIRE(mark_typical(
        round.scope, {n, "", n == "穗海新港综执立〔2024〕7号" ? kNoteA : kNoteB, "张三", false}));
  Decision d;
  d.key = test::kNotice;
  d.verdict = FindingVerdict::confirmed;
  d.inspector = "李四";
  REQUIRE(decide_finding(round.scope, test::kNanshi, d));
  REQUIRE(mark_typical(round.scope, {test::kNanshi, test::kNotice, kNoteB, "张三", false}));

  const std::filesystem::path out = round.dir.path / "out";
  Result<TypicalWritten> w = write_typical_report(round.db, {"第一轮", out, &test::bundled()});
  REQUIRE(w);
  CHECK(w->cases == numbers.size());
  CHECK(w->file == out / kTypicalFileName);
  const std::string bytes = test::read_file(w->file);
  REQUIRE(bytes.rfind("PK", 0) == 0);
  const std::string xml_text = test::docx_text(bytes);

  std::filesystem::copy_file(w->file, out / "typical.docx");
  const std::string office = test::libreoffice_convert(out, "typical.docx", "txt:Text");
  REQUIRE_FALSE(office.empty());

  // What must not be there: parties, their IDs, the other persons the
  // documents name under a label, every phone number of the source texts.
  std::set<std::string> secret;
  for (const char* sql :
       {"SELECT party FROM cases", "SELECT party_id FROM cases",
        "SELECT value FROM facts WHERE kind IN ('party', 'party_id', 'party_id_invalid')"})
    for (const std::string& v : column(round.db, sql)) secret.insert(v);
  const std::regex phone("1[3-9][0-9]{9}");
  for (const std::string& text : column(round.db, "SELECT text FROM documents")) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), phone);
         it != std::sregex_iterator(); ++it)
      secret.insert(it->str());
    for (const std::string& n : names_after_labels(text)) secret.insert(n);
  }
  REQUIRE(secret.count("陈建华"));
  REQUIRE(secret.count("13925063478"));
  REQUIRE(secret.count("广州市海珠区南石头鸿运五金店"));
  for (const std::string& s : secret) {
    INFO(s);
    CHECK(xml_text.find(s) == std::string::npos);
    CHECK(office.find(s) == std::string::npos);
  }
  CHECK(office.find("广州市海珠区新港西路135号") == std::string::npos);  // an address

  for (const std::string& text : {xml_text, office}) {
    for (const char* heading : {"典型案例汇编", "案例一", "【关键词】", "【基本案情】",
                                "【问题与依据】", "【处理】", "【典型意义】"})
      CHECK(text.find(heading) != std::string::npos);
    CHECK(text.find(kNoteB) != std::string::npos);
    // The note as masked: the name and the phone are gone, the rest stays.
    CHECK(text.find("当事人陈某某（电话＊＊＊）的占道经营案") != std::string::npos);
    CHECK(text.find("陈某某") != std::string::npos);
    CHECK(text.find("广州市海珠区某某五金店") != std::string::npos);
    CHECK(text.find("穗海新港综执立〔2024〕7号") != std::string::npos);  // numbers stay
    CHECK(text.find("李四") != std::string::npos);                       // the decision on record
  }
}

TEST_CASE("a round without marks gets a compilation that says so, a taken-back mark is out",
          "[typical]") {
  test::ReviewRound r;
  REQUIRE(mark_typical(r.scope, {test::kNanshi, "", "意义", "张三", false}));
  REQUIRE(mark_typical(r.scope, {test::kNanshi, "", "", "张三", true}));
  const std::filesystem::path out = r.dir.path / "out";
  Result<TypicalWritten> w = write_typical_report(r.db, {"", out, &test::bundled()});
  REQUIRE(w);
  CHECK(w->cases == 0);
  CHECK(test::docx_text(test::read_file(w->file)).find("本轮没有标记为典型案例的案卷") !=
        std::string::npos);
}

TEST_CASE("review typical and report --typical work from the command line", "[typical]") {
  test::ReviewSite site;
  CHECK(site.run("review typical --db a.db --case 穗海南石综执立〔2024〕21号 --as 张三").status ==
        2);
  test::CliRun marked = site.run(
      "review typical --db a.db --case 穗海南石综执立〔2024〕21号 --finding "
      "REQ-3-penalty_notice --note 典型 --as 张三");
  CHECK(marked.status == 0);
  CHECK(marked.out.find("已标记为典型案例") != std::string::npos);
  test::CliRun refused =
      site.run("review typical --db a.db --case 穗海南石综执立〔2024〕21号 --remove --as 张三");
  CHECK(refused.status == 1);
  test::CliRun report = site.run("report --typical --db a.db --out out");
  CHECK(report.status == 0);
  CHECK(report.out.find("1 个案例") != std::string::npos);
  CHECK(std::filesystem::exists(site.dir.path / "out" / kTypicalFileName));
  CHECK_FALSE(std::filesystem::exists(site.dir.path / "out" / "report.html"));
}

}  // namespace
}  // namespace auditor

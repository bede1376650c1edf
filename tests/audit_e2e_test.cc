// End-to-end: build/auditor on the bundled testdata, checked against the
// findings testdata/README.md promises for each archive.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include "tests/cli_support.h"

using auditor::test::read_file;
using auditor::test::run_cli;
using auditor::test::sh_quote;
using auditor::test::TempDir;
using nlohmann::json;

namespace {

const std::string kTestdata = std::string(AUDITOR_SOURCE_DIR) + "/testdata";

// One audit of testdata, shared by the tests below.
struct TestdataRun {
  TempDir dir;
  int status = -1;
  json result;
  std::map<std::string, json> by_archive;  // file name → case
  TestdataRun() {
    // The six bundled archives (testdata/variants/ has its own test).
    auto run = run_cli("audit " + sh_quote(kTestdata) + "/*.zip --db a.db --json r.json", dir.path);
    status = run.status;
    result = json::parse(read_file(dir.path / "r.json"));
    for (const json& c : result["cases"]) {
      std::string archive = c["archive"];
      by_archive[archive.substr(archive.rfind('/') + 1)] = c;
    }
  }
};

const TestdataRun& testdata_run() {
  static TestdataRun run;
  return run;
}

std::set<std::string> missing_documents(const json& c) {
  std::set<std::string> out;
  for (const json& f : c["findings"])
    if (f["kind"] == "missing_document") out.insert(f["document"].get<std::string>());
  return out;
}

std::set<std::string> import_members(const json& c) {
  std::set<std::string> out;
  for (const json& f : c["findings"])
    if (f["kind"] == "import" && f["document"].is_string())
      out.insert(f["document"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("a batch with one rejected archive exits 1 and audits the others", "[e2e]") {
  const auto& run = testdata_run();
  CHECK(run.status == 1);
  REQUIRE(run.by_archive.size() == 6);
  CHECK(run.by_archive.at("06-not-a-zip.zip")["status"] == "rejected");
  CHECK(run.by_archive.at("06-not-a-zip.zip")["error"].get<std::string>().find("ZIP") !=
        std::string::npos);
  for (const char* name :
       {"01-complete-structured.zip", "02-complete-bare-gbk.zip", "03-missing-notice-bare.zip",
        "04-structured-hearing-missing-review.zip", "05-unsupported-and-scan.zip"})
    CHECK(run.by_archive.at(name)["status"] == "audited");
}

TEST_CASE("complete case files get no missing-document finding", "[e2e]") {
  const auto& run = testdata_run();
  for (const char* name : {"01-complete-structured.zip", "02-complete-bare-gbk.zip"}) {
    INFO(name);
    const json& c = run.by_archive.at(name);
    CHECK(missing_documents(c).empty());
    for (const json& f : c["findings"]) CHECK(f["severity"] == "info");
    CHECK(c["grade"] == "优秀");
  }
}

TEST_CASE("GBK member names of a bare archive are decoded and classified", "[e2e]") {
  const json& c = testdata_run().by_archive.at("02-complete-bare-gbk.zip");
  REQUIRE(c["documents"].size() == 18);  // the 18 listed in testdata/README.md
  bool saw_notice = false;
  for (const json& d : c["documents"]) {
    INFO(d["path"]);
    CHECK(d["type"].is_string());
    saw_notice |=
        d["path"].get<std::string>().find("03告知/06-行政处罚事先告知书.docx") != std::string::npos;
  }
  CHECK(saw_notice);
  CHECK(c["case_number"] == "穗海新港综执立〔2024〕7号");
}

TEST_CASE("a case decided without notice misses the notice and its service receipt", "[e2e]") {
  const json& c = testdata_run().by_archive.at("03-missing-notice-bare.zip");
  CHECK(missing_documents(c) == std::set<std::string>{"penalty_notice", "service_receipt"});
  bool veto = false;
  for (const json& f : c["findings"])
    if (f["document"] == "penalty_notice") {
      veto = f["severity"] == "veto";
      CHECK(f["stage"] == 3);
      CHECK(f["basis"].get<std::string>().find("行政处罚法") != std::string::npos);
      CHECK(f["message"].get<std::string>().find("行政处罚事先告知书") != std::string::npos);
    }
  CHECK(veto);
  CHECK(c["grade"] == "不合格");
  CHECK(c["score"] == 0);
}

TEST_CASE("a requested hearing without record and a major decision without review are vetoes",
          "[e2e]") {
  const json& c = testdata_run().by_archive.at("04-structured-hearing-missing-review.zip");
  CHECK(missing_documents(c) == std::set<std::string>{"hearing_record", "legal_review"});
  for (const json& f : c["findings"])
    if (f["kind"] == "missing_document") CHECK(f["severity"] == "veto");
}

TEST_CASE("legacy formats become import findings and missing closing documents are reported",
          "[e2e]") {
  const json& c = testdata_run().by_archive.at("05-unsupported-and-scan.zip");
  CHECK(missing_documents(c) == std::set<std::string>{"closing_approval", "file_notes"});
  auto members = import_members(c);
  CHECK(members.count("03-询问笔录.wps") == 1);
  CHECK(members.count("05-案件调查终结报告.doc") == 1);
}

TEST_CASE("the result carries the tool and checklist identity", "[e2e]") {
  const json& r = testdata_run().result;
  CHECK(r["tool"]["name"] == "auditor");
  CHECK(r["tool"]["version"] == AUDITOR_VERSION);
  CHECK(r["checklist"]["id"] == "general-penalty");
  CHECK(r["checklist"]["sha256"].get<std::string>().size() == 64);
  for (const json& c : r["cases"]) CHECK(c["sha256"].get<std::string>().size() == 64);
}

TEST_CASE("the database holds every audited case once, also after a re-audit", "[e2e]") {
  TempDir dir;
  for (int i = 0; i < 2; ++i)
    REQUIRE(run_cli("audit " + sh_quote(kTestdata) + "/*.zip --db a.db", dir.path).status == 1);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir.path / "a.db").c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT COUNT(*), COUNT(DISTINCT archive) FROM cases", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(sqlite3_column_int(st, 0) == 6);
  CHECK(sqlite3_column_int(st, 1) == 6);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

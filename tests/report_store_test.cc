// Rounds in the store (schema version 2).
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "auditor/round.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

using test::query;
using test::TempDir;

std::unique_ptr<Store> open(const std::filesystem::path& path) {
  Result<std::unique_ptr<Store>> store = Store::open(path);
  INFO((store ? std::string() : store.error()));
  REQUIRE(store.ok());
  return std::move(*store);
}

RunInfo run_info(const std::string& round, const std::string& mode = "inspection",
                 const std::string& started = "2024-05-01T08:00:00Z") {
  return {"0.1.0", "general-penalty", "2025.1", "abc", started, round, mode, ""};
}

Case sample(const std::string& archive) {
  Case c;
  c.archive = archive;
  c.sha256 = std::string(64, archive.size() % 2 ? 'a' : 'b');
  Document d;
  d.path = "01-立案审批表.docx";
  d.format = "docx";
  d.facts = {{"case_number", "穗海赤岗综执立〔2024〕12号", "案号"}};
  c.documents = {d};
  return c;
}

Audit scored(double score, int findings) {
  Audit a;
  a.score = score;
  a.grade = "合格";
  for (int i = 0; i < findings; ++i) {
    Finding f;
    f.rule = "R" + std::to_string(i);
    f.kind = "deadline";
    f.severity = "minor";
    f.message = "问题";
    a.findings.push_back(f);
  }
  return a;
}

TEST_CASE("an archive audited in two rounds is kept once per round", "[reports]") {
  TempDir tmp;
  auto store = open(tmp.path / "a.db");
  auto first = store->begin_run(run_info("第一轮"));
  auto second = store->begin_run(run_info("第二轮"));
  REQUIRE((first.ok() && second.ok()));
  REQUIRE(store->save_case(*first, sample("a.zip"), scored(80, 2)).ok());
  REQUIRE(store->save_case(*second, sample("a.zip"), scored(100, 0)).ok());
  sqlite3* db = StoreAccess::db(*store);
  CHECK(query(db, "SELECT count(*) FROM cases WHERE archive = 'a.zip'") == "2");
  CHECK(query(db,
              "SELECT group_concat(x, ';') FROM (SELECT r.name || '=' || c.score AS x"
              " FROM cases c JOIN rounds r ON r.id = c.round_id ORDER BY c.id)") ==
        "第一轮=80.0;第二轮=100.0");
  CHECK(query(db, "SELECT count(*) FROM findings") == "2");
  CHECK(query(db, "SELECT count(*) FROM documents") == "2");
}

TEST_CASE("re-auditing an archive in the same round replaces only that round's results",
          "[reports]") {
  TempDir tmp;
  auto store = open(tmp.path / "a.db");
  auto first = store->begin_run(run_info("第一轮"));
  auto second = store->begin_run(run_info("第二轮"));
  auto again = store->begin_run(run_info("第一轮"));
  REQUIRE((first.ok() && second.ok() && again.ok()));
  REQUIRE(store->save_case(*first, sample("a.zip"), scored(80, 2)).ok());
  REQUIRE(store->save_case(*second, sample("a.zip"), scored(90, 1)).ok());
  REQUIRE(store->save_case(*again, sample("a.zip"), scored(95, 0)).ok());
  sqlite3* db = StoreAccess::db(*store);
  CHECK(query(db, "SELECT count(*) FROM rounds") == "2");
  CHECK(query(db,
              "SELECT group_concat(score, ';') FROM (SELECT score FROM cases ORDER BY"
              " round_id)") == "95.0;90.0");
  CHECK(query(db, "SELECT count(*) FROM findings") == "1");
  CHECK(query(db, "SELECT run_id FROM cases WHERE round_id = 1") == std::to_string(*again));
}

TEST_CASE("a round keeps its mode and joining it in the other mode is refused", "[reports]") {
  TempDir tmp;
  auto store = open(tmp.path / "a.db");
  REQUIRE(store->begin_run(run_info("赤岗自查", "self_check")).ok());
  auto wrong = store->begin_run(run_info("赤岗自查", "inspection"));
  REQUIRE_FALSE(wrong.ok());
  CHECK_THAT(wrong.error(), Catch::Contains("已按街道自查建立") && Catch::Contains("部门检查"));
  auto unknown = store->begin_run(run_info("x", "audit"));
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.error(), Catch::Contains("审查方式只能是"));
  CHECK(query(StoreAccess::db(*store), "SELECT count(*) FROM audit_runs") == "1");
  CHECK(query(StoreAccess::db(*store), "SELECT mode FROM rounds") == "self_check");
}

TEST_CASE("a run without a round name joins the round named after its date", "[reports]") {
  TempDir tmp;
  auto store = open(tmp.path / "a.db");
  RunInfo info = run_info("");
  info.inspector = "张三";
  auto run = store->begin_run(info);
  REQUIRE(run.ok());
  sqlite3* db = StoreAccess::db(*store);
  CHECK(query(db, "SELECT name || '|' || mode || '|' || created_at FROM rounds") ==
        "2024-05-01 审查|inspection|2024-05-01T08:00:00Z");
  CHECK(query(db, "SELECT inspector FROM audit_runs") == "张三");
  CHECK(default_round_name("2026-11-25") == "2026-11-25 审查");
}

TEST_CASE("the stored sha256 of an archive is that of its latest audit in any round", "[reports]") {
  TempDir tmp;
  auto store = open(tmp.path / "a.db");
  auto first = store->begin_run(run_info("第一轮"));
  auto second = store->begin_run(run_info("第二轮"));
  REQUIRE((first.ok() && second.ok()));
  Case changed = sample("a.zip");
  REQUIRE(store->save_case(*second, changed, scored(80, 0)).ok());
  changed.sha256 = std::string(64, 'c');
  REQUIRE(store->save_case(*first, changed, scored(80, 0)).ok());
  auto sha = store->archive_sha256("a.zip");
  REQUIRE(sha.ok());
  CHECK(*sha == std::string(64, 'c'));
}

TEST_CASE("a version-1 database is upgraded with its runs and cases in one round", "[reports]") {
  TempDir tmp;
  const auto path = tmp.path / "v1.db";
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(migrate(db, 1).ok());
    REQUIRE(sqlite3_exec(db, R"sql(
      INSERT INTO audit_runs VALUES (1, '2024-03-01T08:00:00Z', NULL, '0.1.0', 'g', '1', 'ff');
      INSERT INTO audit_runs VALUES (2, '2024-04-01T08:00:00Z', NULL, '0.1.0', 'g', '1', 'ff');
      INSERT INTO cases (id, archive, run_id, status, score, grade, audited_at)
        VALUES (7, 'a.zip', 1, 'audited', 80, '合格', '2024-03-01T08:00:01Z'),
               (9, 'b.zip', 2, 'audited', 95, '优秀', '2024-04-01T08:00:01Z');
      INSERT INTO documents (id, case_id, ord, path, format, has_text)
        VALUES (1, 7, 1, 'x.docx', 'docx', 1);
      INSERT INTO findings (case_id, ord, rule, kind, severity, message, evidence, deduction)
        VALUES (9, 1, 'R', 'deadline', 'minor', '问题', '[]', 5);
    )sql",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    REQUIRE(query(db, "PRAGMA user_version") == "1");
    sqlite3_close(db);
  }
  auto store = open(path);
  sqlite3* db = StoreAccess::db(*store);
  CHECK(store->schema_version() == latest_schema_version());
  CHECK(query(db, "SELECT group_concat(id || ':' || name || ':' || created_at) FROM rounds") ==
        "1:升级前的审查:2024-03-01T08:00:00Z");
  CHECK(query(db, "SELECT group_concat(id || ':' || round_id || ':' || run_id) FROM cases") ==
        "7:1:1,9:1:2");
  CHECK(query(db, "SELECT group_concat(round_id) FROM audit_runs") == "1,1");
  // The rebuild did not cascade into the child tables.
  CHECK(query(db, "SELECT count(*) FROM documents") == "1");
  CHECK(query(db, "SELECT count(*) FROM findings") == "1");
  CHECK(query(db, "PRAGMA foreign_keys") == "1");
  // The upgraded file takes new rounds; a.zip can be audited again in one.
  auto run = store->begin_run(run_info("新一轮"));
  REQUIRE(run.ok());
  REQUIRE(store->save_case(*run, sample("a.zip"), scored(90, 0)).ok());
  CHECK(query(db, "SELECT count(*) FROM cases WHERE archive = 'a.zip'") == "2");
  // Deleting a case still cascades.
  REQUIRE(sqlite3_exec(db, "DELETE FROM cases WHERE id = 9", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  CHECK(query(db, "SELECT count(*) FROM findings") == "0");
}

TEST_CASE("an empty version-1 database is upgraded without a round", "[reports]") {
  TempDir tmp;
  const auto path = tmp.path / "empty.db";
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(migrate(db, 1).ok());
    sqlite3_close(db);
  }
  auto store = open(path);
  CHECK(query(StoreAccess::db(*store), "SELECT count(*) FROM rounds") == "0");
  CHECK(store->schema_version() == latest_schema_version());
}

}  // namespace
}  // namespace auditor

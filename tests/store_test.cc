#include "store/store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "store/case_reader.h"
#include "store/schema.h"
#include "store/store_internal.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::query;

// A database file in the temp folder, removed with its WAL files.
struct TempDb {
  fs::path path;
  TempDb() {
    std::random_device rd;
    path = fs::temp_directory_path() /
           ("auditor-store-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()) + ".db");
  }
  ~TempDb() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      fs::remove(path.string() + suffix, ec);
  }
};

// A database file migrated only up to `version`, then given `sql`.
void database_at_version(const fs::path& path, int version, const char* sql = "") {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  REQUIRE(migrate(db, version).ok());
  REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

std::unique_ptr<Store> open_store(const fs::path& path) {
  Result<std::unique_ptr<Store>> store = Store::open(path);
  INFO((store.ok() ? std::string() : store.error()));
  REQUIRE(store.ok());
  return std::move(*store);
}

long long count(sqlite3* db, const std::string& table) {
  return std::stoll(query(db, "SELECT count(*) FROM " + table));
}

Document document(const std::string& path, const std::string& format) {
  Document d;
  d.path = path;
  d.format = format;
  return d;
}

Case sample_case(const std::string& archive = "赤岗/2024-012.zip") {
  Case c;
  c.archive = archive;
  c.sha256 = std::string(64, 'a');
  c.info.case_number = "穗海赤岗综执立〔2024〕12号";
  c.info.party = "广州市某某餐饮有限公司";
  c.info.procedure = "general";
  c.info.fine = 3000;
  Document filing = document("01-立案审批表.docx", "docx");
  filing.type = "filing_approval";
  filing.stage = 1;
  filing.date = "2024-03-01";
  filing.has_text = true;
  filing.title = "立案审批表";
  filing.facts = {{"case_number", "穗海赤岗综执立〔2024〕12号", "案号：穗海赤岗综执立〔2024〕12号"},
                  {"party", "广州市某某餐饮有限公司", ""}};
  Document decision = document("05-行政处罚决定书.ofd", "ofd");
  decision.type = "penalty_decision";
  decision.stage = 5;
  decision.number = "穗海赤岗综执罚决〔2024〕31号";
  decision.date = "2024-04-02";
  decision.pages = 2;
  decision.has_text = true;
  decision.title = "行政处罚决定书";
  Signature seal;
  seal.id = "s1";
  seal.type = "Seal";
  seal.page = 1;
  seal.time = "2024-04-02 10:00:00";
  seal.seal_name = "广州市海珠区人民政府赤岗街道办事处";
  seal.references = 3;
  seal.digests_ok = 3;
  decision.signatures = {seal};
  c.documents = {filing, decision, document("扫描件.jpg", "image")};
  return c;
}

Audit sample_audit() {
  Audit a;
  Finding late;
  late.rule = "deadline.service";
  late.kind = "deadline";
  late.severity = "major";
  late.stage = 6;
  late.document = "penalty_decision";
  late.message = "决定书送达超过 7 个工作日";
  late.basis = "《行政处罚法》第六十一条";
  late.evidence = {"决定日期 2024-04-02", "送达日期 2024-04-20"};
  late.deduction = 5;
  Finding manual;
  manual.rule = "seal.manual";
  manual.kind = "seal";
  manual.severity = "info";
  manual.message = "请人工核对印章";
  a.findings = {late, manual};
  a.checks = {{"deadline.service", Outcome::failed}, {"seal.manual", Outcome::not_checkable}};
  a.score = 95;
  a.grade = "优秀";
  return a;
}

TEST_CASE("opening a new database creates the schema at the current version", "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  CHECK(store->schema_version() == latest_schema_version());
  CHECK(latest_schema_version() >= 1);
  sqlite3* db = StoreAccess::db(*store);
  for (const char* table :
       {"audit_runs", "cases", "documents", "facts", "signatures", "findings", "checks"})
    CHECK(query(db, std::string("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                "name = '") +
                        table + "'") == "1");
  for (const char* index : {"cases_by_sha256", "findings_by_rule"})
    CHECK(query(db, std::string("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                                "name = '") +
                        index + "'") == "1");
  CHECK(query(db, "PRAGMA journal_mode") == "wal");
  CHECK(query(db, "PRAGMA foreign_keys") == "1");
}

TEST_CASE("reopening a current database keeps its schema and data", "[store]") {
  TempDb tmp;
  std::string schema;
  {
    auto store = open_store(tmp.path);
    auto run = store->begin_run({"0.1.0", "haizhu", "1", "ff", "2024-05-01T08:00:00Z"});
    REQUIRE(run.ok());
    REQUIRE(store->save_case(*run, sample_case(), sample_audit()).ok());
    schema = query(StoreAccess::db(*store), "SELECT group_concat(sql, ';') FROM sqlite_master");
  }
  auto store = open_store(tmp.path);
  CHECK(store->schema_version() == latest_schema_version());
  CHECK(query(StoreAccess::db(*store), "SELECT group_concat(sql, ';') FROM sqlite_master") ==
        schema);
  CHECK(count(StoreAccess::db(*store), "cases") == 1);
  CHECK(count(StoreAccess::db(*store), "documents") == 3);
}

TEST_CASE("a version-3 database keeps its facts and checks without the unused indexes", "[store]") {
  TempDb tmp;
  database_at_version(tmp.path, 3, R"sql(
    INSERT INTO rounds VALUES (1, 'r', 'inspection', '2024-03-01T08:00:00Z');
    INSERT INTO audit_runs (id, round_id, started_at, tool_version, checklist_id,
                            checklist_version, checklist_sha256)
      VALUES (1, 1, '2024-03-01T08:00:00Z', '0.1.0', 'g', '1', 'ff');
    INSERT INTO cases (id, round_id, archive, run_id, status, audited_at)
      VALUES (7, 1, 'a.zip', 1, 'audited', '2024-03-01T08:00:01Z');
    INSERT INTO documents (id, case_id, ord, path, format, has_text)
      VALUES (1, 7, 1, 'x.docx', 'docx', 1);
    INSERT INTO facts VALUES (1, 'party', '张三', NULL);
    INSERT INTO checks VALUES (7, 'R1', 'passed'), (7, 'R2', 'failed');
  )sql");
  auto store = open_store(tmp.path);
  sqlite3* db = StoreAccess::db(*store);
  CHECK(store->schema_version() == latest_schema_version());
  CHECK(query(db,
              "SELECT count(*) FROM sqlite_master WHERE name IN"
              " ('facts_by_kind', 'checks_by_rule')") == "0");
  CHECK(query(db, "SELECT value FROM facts WHERE kind = 'party'") == "张三");
  CHECK(query(db, "SELECT case_id FROM checks WHERE rule = 'R2'") == "7");
  REQUIRE(sqlite3_exec(db, "DELETE FROM cases WHERE id = 7", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  CHECK(query(db, "SELECT count(*) FROM facts") == "0");
  CHECK(query(db, "SELECT count(*) FROM checks") == "0");
}

TEST_CASE("a version-4 database gains an index that answers the brief findings query alone",
          "[store]") {
  TempDb tmp;
  database_at_version(tmp.path, 4);
  auto store = open_store(tmp.path);
  CHECK(store->schema_version() == latest_schema_version());
  // The plan of the query CaseLoader runs for an unchanged case (Load::findings).
  sqlite3_stmt* plan = nullptr;
  REQUIRE(sqlite3_prepare_v2(StoreAccess::db(*store),
                             "EXPLAIN QUERY PLAN SELECT rule, kind, severity FROM findings"
                             " WHERE case_id = 1 ORDER BY ord",
                             -1, &plan, nullptr) == SQLITE_OK);
  std::string steps;
  while (sqlite3_step(plan) == SQLITE_ROW)
    steps += reinterpret_cast<const char*>(sqlite3_column_text(plan, 3)) + std::string("\n");
  sqlite3_finalize(plan);
  CHECK(steps == "SEARCH findings USING COVERING INDEX findings_by_case (case_id=?)\n");
}

TEST_CASE("a database written by a newer tool is refused with a Chinese reason", "[store]") {
  TempDb tmp;
  const int newer = latest_schema_version() + 1;
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(tmp.path.c_str(), &db) == SQLITE_OK);
    // The tool's own id (0x41554454, docs/formats/database.md): a foreign file is refused earlier.
    std::string sql =
        "PRAGMA application_id = 1096107092; CREATE TABLE future (x); "
        "PRAGMA user_version = " +
        std::to_string(newer);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = Store::open(tmp.path);
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error(), Catch::Contains("高于本工具支持的版本") &&
                                Catch::Contains(std::to_string(newer)) &&
                                Catch::Contains("请升级 auditor"));
  // The refused file is left as it was: same version, no tables added, no WAL.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(tmp.path.c_str(), &db) == SQLITE_OK);
  CHECK(query(db, "PRAGMA user_version") == std::to_string(newer));
  CHECK(query(db, "SELECT count(*) FROM sqlite_master") == "1");
  CHECK(query(db, "PRAGMA journal_mode") == "delete");
  sqlite3_close(db);
}

TEST_CASE("a migration that fails is rolled back and the open is refused", "[store]") {
  TempDb tmp;
  {
    // A version-0 file with a table in the way of migration 1.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(tmp.path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA application_id = 1096107092; CREATE TABLE cases (x)", nullptr,
                         nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = Store::open(tmp.path);
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error(),
             Catch::StartsWith("数据库升级到第 1 版失败") && Catch::Contains("already exists"));
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(tmp.path.c_str(), &db) == SQLITE_OK);
  CHECK(query(db, "PRAGMA user_version") == "0");
  CHECK(query(db, "SELECT group_concat(name) FROM sqlite_master") == "cases");
  sqlite3_close(db);
}

TEST_CASE("a file that is not a database is refused with a Chinese reason", "[store]") {
  TempDb tmp;
  std::ofstream(tmp.path, std::ios::binary) << std::string(4096, 'x');
  auto store = Store::open(tmp.path);
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error(), Catch::Contains("不是 SQLite 数据库"));
}

TEST_CASE("a database in a missing folder cannot be opened", "[store]") {
  TempDb tmp;
  auto store = Store::open(tmp.path / "missing" / "x.db");
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error(), Catch::StartsWith("无法打开数据库文件"));
}

TEST_CASE("a saved case reads back with NULL for unknown values", "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  auto run = store->begin_run({"0.1.0", "haizhu", "1", "ff", "2024-05-01T08:00:00Z"});
  REQUIRE(run.ok());
  REQUIRE(store->save_case(*run, sample_case(), sample_audit()).ok());
  sqlite3* db = StoreAccess::db(*store);

  auto cases = [&](const std::string& cols) { return query(db, "SELECT " + cols + " FROM cases"); };
  CHECK(cases("status") == "audited");
  CHECK(cases("run_id") == std::to_string(*run));
  CHECK(cases("sha256") == std::string(64, 'a'));
  CHECK(cases("case_number") == "穗海赤岗综执立〔2024〕12号");
  CHECK(cases("party") == "广州市某某餐饮有限公司");
  CHECK(cases("fine") == "3000.0");
  CHECK(cases("score") == "95.0");
  CHECK(cases("grade") == "优秀");
  for (const char* unknown : {"error", "street", "party_id"}) CHECK(cases(unknown) == "NULL");
  CHECK(cases("audited_at").size() == 20);

  auto doc = [&](const std::string& col, int ord) {
    return query(db, "SELECT " + col + " FROM documents WHERE ord = " + std::to_string(ord));
  };
  CHECK(doc("path", 2) == "05-行政处罚决定书.ofd");
  CHECK(doc("type", 2) == "penalty_decision");
  CHECK(doc("stage", 2) == "5");
  CHECK(doc("number", 2) == "穗海赤岗综执罚决〔2024〕31号");
  CHECK(doc("pages", 2) == "2");
  CHECK(doc("has_text", 2) == "1");
  for (const char* unknown : {"type", "stage", "number", "date", "pages", "seal", "title"})
    CHECK(doc(unknown, 3) == "NULL");
  CHECK(doc("has_text", 3) == "0");
  CHECK(doc("format", 3) == "image");

  CHECK(query(db, "SELECT group_concat(kind || '=' || value, ';') FROM facts") ==
        "case_number=穗海赤岗综执立〔2024〕12号;party=广州市某某餐饮有限公司");
  CHECK(query(db, "SELECT snippet FROM facts WHERE kind = 'party'") == "NULL");
  CHECK(query(db,
              "SELECT seal_name || '|' || refs || '|' || digests_ok || '|' || page "
              "FROM signatures") == "广州市海珠区人民政府赤岗街道办事处|3|3|1");
  CHECK(query(db, "SELECT provider FROM signatures") == "NULL");

  CHECK(query(db, "SELECT evidence FROM findings WHERE ord = 1") ==
        R"(["决定日期 2024-04-02","送达日期 2024-04-20"])");
  CHECK(query(db, "SELECT deduction FROM findings WHERE ord = 1") == "5.0");
  CHECK(query(db, "SELECT evidence FROM findings WHERE ord = 2") == "[]");
  for (const char* unknown : {"stage", "document", "basis"})
    CHECK(query(db, std::string("SELECT ") + unknown + " FROM findings WHERE ord = 2") == "NULL");
  CHECK(query(db, "SELECT group_concat(rule || '=' || outcome, ';') FROM checks") ==
        "deadline.service=failed;seal.manual=not_checkable");
}

TEST_CASE("a rejected case is stored with its error and without score or grade", "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  auto run = store->begin_run({"0.1.0", "haizhu", "1", "ff", ""});
  REQUIRE(run.ok());
  Case c;
  c.archive = "坏包.zip";
  c.rejected = true;
  c.error = "不是有效的 zip 压缩包";
  Audit a;
  a.score = 0;
  a.grade = "不合格";
  REQUIRE(store->save_case(*run, c, a).ok());
  sqlite3* db = StoreAccess::db(*store);
  CHECK(query(db, "SELECT status FROM cases") == "rejected");
  CHECK(query(db, "SELECT error FROM cases") == "不是有效的 zip 压缩包");
  for (const char* unknown : {"sha256", "score", "grade", "case_number", "fine"})
    CHECK(query(db, std::string("SELECT ") + unknown + " FROM cases") == "NULL");
  // An empty started_at is filled with the time of the insert.
  CHECK(query(db, "SELECT started_at FROM audit_runs").size() == 20);
}

TEST_CASE("a stored case read back and saved into its round is updated in place", "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  sqlite3* db = StoreAccess::db(*store);
  auto first = store->begin_run({"0.1.0", "haizhu", "1", "ff", ""});
  REQUIRE(first.ok());
  Case original = sample_case();
  original.documents[1].text = "行政处罚决定书全文";
  REQUIRE(store->save_case(*first, original, sample_audit()).ok());
  const std::string case_id = query(db, "SELECT id FROM cases");
  const std::string document_ids = query(db, "SELECT group_concat(id) FROM documents");

  // A re-check: same documents, one type found again, new findings and checks.
  Result<CaseResult> r = CaseLoader(*store).load(std::stoll(case_id));
  REQUIRE(r.ok());
  CHECK(r->c.stored_id == std::stoll(case_id));
  r->c.documents[2].type = "evidence";
  r->c.documents[2].stage = 2;
  r->audit.findings.resize(1);
  r->audit.findings[0].message = "送达超期（重新检查）";
  r->audit.checks = {{"deadline.service", Outcome::failed}};
  r->audit.score = 80;
  auto second = store->begin_run({"0.1.0", "haizhu", "2", "ee", ""});
  REQUIRE(second.ok());
  REQUIRE(store->save_case(*second, r->c, r->audit).ok());

  CHECK(query(db, "SELECT id FROM cases") == case_id);
  CHECK(query(db, "SELECT run_id FROM cases") == std::to_string(*second));
  CHECK(query(db, "SELECT score FROM cases") == "80.0");
  CHECK(query(db, "SELECT group_concat(id) FROM documents") == document_ids);
  CHECK(query(db, "SELECT text FROM documents WHERE ord = 2") == "行政处罚决定书全文");
  CHECK(query(db, "SELECT type || ' ' || stage FROM documents WHERE ord = 3") == "evidence 2");
  CHECK(count(db, "facts") == 2);
  CHECK(count(db, "signatures") == 1);
  CHECK(query(db, "SELECT group_concat(message) FROM findings") == "送达超期（重新检查）");
  CHECK(query(db, "SELECT group_concat(rule || ' ' || outcome) FROM checks") ==
        "deadline.service failed");
  // Read back, it is the case that was saved.
  Result<CaseResult> again = CaseLoader(*store).load(std::stoll(case_id));
  REQUIRE(again.ok());
  CHECK(again->c.documents[2].type == "evidence");
  CHECK(again->c.documents[1].facts.size() == r->c.documents[1].facts.size());
  CHECK(again->audit.findings.size() == 1);
}

TEST_CASE("a stored case saved into another round, or with other documents, is a new case",
          "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  sqlite3* db = StoreAccess::db(*store);
  auto first = store->begin_run({"0.1.0", "haizhu", "1", "ff", "", "第一轮"});
  REQUIRE(first.ok());
  REQUIRE(store->save_case(*first, sample_case(), sample_audit()).ok());
  Result<CaseResult> r = CaseLoader(*store).load(std::stoll(query(db, "SELECT id FROM cases")));
  REQUIRE(r.ok());

  // Carried into another round: the first round keeps its case.
  auto other = store->begin_run({"0.1.0", "haizhu", "1", "ff", "", "第二轮"});
  REQUIRE(other.ok());
  REQUIRE(store->save_case(*other, r->c, r->audit).ok());
  CHECK(count(db, "cases") == 2);
  CHECK(count(db, "documents") == 6);

  // Saved into its own round with a document fewer: replaced, not updated.
  r->c.documents.pop_back();
  auto again = store->begin_run({"0.1.0", "haizhu", "1", "ff", "", "第一轮"});
  REQUIRE(again.ok());
  REQUIRE(store->save_case(*again, r->c, r->audit).ok());
  CHECK(count(db, "cases") == 2);
  CHECK(count(db, "documents") == 5);
  CHECK(query(db, "SELECT count(*) FROM cases WHERE id = " + std::to_string(r->c.stored_id)) ==
        "0");
}

TEST_CASE("re-auditing an archive replaces its earlier results", "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  auto first = store->begin_run({"0.1.0", "haizhu", "1", "ff", ""});
  REQUIRE(first.ok());
  REQUIRE(store->save_case(*first, sample_case(), sample_audit()).ok());
  REQUIRE(store->save_case(*first, sample_case("other.zip"), sample_audit()).ok());
  auto second = store->begin_run({"0.1.0", "haizhu", "2", "ee", ""});
  REQUIRE(second.ok());
  Audit better = sample_audit();
  better.findings.pop_back();
  better.score = 100;
  REQUIRE(store->save_case(*second, sample_case(), better).ok());

  sqlite3* db = StoreAccess::db(*store);
  CHECK(count(db, "cases") == 2);
  CHECK(count(db, "documents") == 6);
  CHECK(count(db, "facts") == 4);
  CHECK(count(db, "signatures") == 2);
  CHECK(count(db, "findings") == 3);
  CHECK(count(db, "checks") == 4);
  const std::string mine = " WHERE archive = '赤岗/2024-012.zip'";
  CHECK(query(db, "SELECT run_id FROM cases" + mine) == std::to_string(*second));
  CHECK(query(db, "SELECT score FROM cases" + mine) == "100.0");
  CHECK(query(db, "SELECT count(*) FROM findings JOIN cases ON cases.id = case_id" + mine) == "1");
  CHECK(query(db, "SELECT run_id FROM cases WHERE archive = 'other.zip'") ==
        std::to_string(*first));
}

// The state a failed save must leave untouched.
std::string snapshot(sqlite3* db) {
  return query(db,
               "SELECT (SELECT group_concat(id || run_id || score, ',') FROM cases) || '/' ||"
               " (SELECT count(*) FROM documents) || '/' || (SELECT count(*) FROM facts) ||"
               " '/' || (SELECT count(*) FROM signatures) || '/' ||"
               " (SELECT count(*) FROM findings) || '/' || (SELECT count(*) FROM checks)");
}

TEST_CASE("a save that fails midway keeps the earlier results", "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  auto run = store->begin_run({"0.1.0", "haizhu", "1", "ff", ""});
  REQUIRE(run.ok());
  REQUIRE(store->save_case(*run, sample_case(), sample_audit()).ok());
  const std::string before = snapshot(StoreAccess::db(*store));

  // The third document breaks the stage constraint after two were inserted.
  Case broken = sample_case();
  broken.documents[2].stage = 9;
  Status saved = store->save_case(*run, broken, sample_audit());
  REQUIRE_FALSE(saved.ok());
  CHECK_THAT(saved.reason,
             Catch::StartsWith("保存审查结果失败") && Catch::Contains("CHECK constraint failed"));
  CHECK(snapshot(StoreAccess::db(*store)) == before);

  // The store stays usable after the rollback.
  Audit better = sample_audit();
  better.score = 99;
  CHECK(store->save_case(*run, sample_case(), better).ok());
  CHECK(query(StoreAccess::db(*store), "SELECT score FROM cases") == "99.0");
}

TEST_CASE("a save for an unknown run fails and keeps the earlier results", "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  auto run = store->begin_run({"0.1.0", "haizhu", "1", "ff", ""});
  REQUIRE(run.ok());
  REQUIRE(store->save_case(*run, sample_case(), sample_audit()).ok());
  const std::string before = snapshot(StoreAccess::db(*store));
  Status saved = store->save_case(*run + 100, sample_case(), sample_audit());
  REQUIRE_FALSE(saved.ok());
  CHECK_THAT(saved.reason, Catch::Contains("FOREIGN KEY constraint failed"));
  CHECK(snapshot(StoreAccess::db(*store)) == before);
}

TEST_CASE("deleting a case removes its documents, facts, signatures, findings and checks",
          "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  auto run = store->begin_run({"0.1.0", "haizhu", "1", "ff", ""});
  REQUIRE(run.ok());
  REQUIRE(store->save_case(*run, sample_case(), sample_audit()).ok());
  REQUIRE(store->save_case(*run, sample_case("keep.zip"), sample_audit()).ok());
  sqlite3* db = StoreAccess::db(*store);
  REQUIRE(sqlite3_exec(db, "DELETE FROM cases WHERE archive = '赤岗/2024-012.zip'", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  CHECK(count(db, "documents") == 3);
  CHECK(count(db, "facts") == 2);
  CHECK(count(db, "signatures") == 1);
  CHECK(count(db, "findings") == 2);
  CHECK(count(db, "checks") == 2);
  CHECK(query(db, "SELECT count(*) FROM documents WHERE case_id NOT IN (SELECT id FROM cases)") ==
        "0");
}

TEST_CASE("the stored sha256 of an archive is looked up by its path", "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  auto run = store->begin_run({"0.1.0", "haizhu", "1", "ff", ""});
  REQUIRE(run.ok());
  Case unhashed = sample_case("unhashed.zip");
  unhashed.sha256.clear();
  REQUIRE(store->save_case(*run, sample_case(), sample_audit()).ok());
  REQUIRE(store->save_case(*run, unhashed, sample_audit()).ok());

  auto stored = store->archive_sha256("赤岗/2024-012.zip");
  REQUIRE(stored.ok());
  CHECK(*stored == std::string(64, 'a'));
  auto never = store->archive_sha256("never.zip");
  REQUIRE(never.ok());
  CHECK_FALSE(never->has_value());
  auto unknown = store->archive_sha256("unhashed.zip");
  REQUIRE(unknown.ok());
  CHECK_FALSE(unknown->has_value());
}

TEST_CASE("a run records its checklist and the time it finished", "[store]") {
  TempDb tmp;
  auto store = open_store(tmp.path);
  auto run = store->begin_run({"0.1.0", "haizhu-general", "2024.1", "abc", "2024-05-01T08:00:00Z"});
  REQUIRE(run.ok());
  sqlite3* db = StoreAccess::db(*store);
  CHECK(query(db,
              "SELECT tool_version || '|' || checklist_id || '|' || checklist_version || '|' ||"
              " checklist_sha256 || '|' || started_at FROM audit_runs") ==
        "0.1.0|haizhu-general|2024.1|abc|2024-05-01T08:00:00Z");
  CHECK(query(db, "SELECT finished_at FROM audit_runs") == "NULL");
  REQUIRE(store->end_run(*run).ok());
  CHECK(query(db, "SELECT finished_at FROM audit_runs").size() == 20);
  Status unknown = store->end_run(*run + 1);
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.reason, Catch::Contains("找不到审查批次"));
}

}  // namespace
}  // namespace auditor

// The inspection record in the store (store/record.h): rows written with
// their trail row, read back in trail order, append-only, and a trail whose
// SHA-256 chain names the first row changed behind the tool's back.
#include "store/record.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "store/schema.h"
#include "store/store_internal.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

using test::query;
using test::TempDir;

struct Db {
  TempDir dir;
  std::unique_ptr<Store> store;
  long long round = 0;
  Db() {
    Result<std::unique_ptr<Store>> s = Store::open(dir.path / "r.db");
    REQUIRE(s);
    store = std::move(*s);
    RunInfo run{"test", "general-penalty", "2025.1", "abc", "2024-05-01T08:00:00Z", "第一轮"};
    REQUIRE(store->begin_run(run));
    round = std::stoll(query(db(), "SELECT id FROM rounds WHERE name = '第一轮'"));
  }
  sqlite3* db() { return StoreAccess::db(*store); }
  void exec(const std::string& sql) {
    REQUIRE(sqlite3_exec(db(), sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  }
};

const CaseRef kCase{"穗海南石综执立〔2024〕21号", "南石/21.zip"};

Decision decision(const std::string& key, FindingVerdict v, const std::string& reason = "") {
  Decision d;
  d.key = key;
  d.verdict = v;
  d.reason = reason;
  d.inspector = "张三";
  return d;
}

// A decision, an added finding, a sign-off and a reopen, each committed.
void fill(Db& db) {
  {
    RecordTransaction tx(*db.store);
    REQUIRE(record_decision(*db.store, db.round, kCase,
                            decision("REQ-notice@case#1", FindingVerdict::dismissed, "在卷"),
                            std::nullopt));
    REQUIRE(tx.commit().ok());
  }
  RecordTransaction tx(*db.store);
  RecordedAdded a;
  a.added.finding.rule = "其他";
  a.added.finding.severity = "minor";
  a.added.finding.deduction = 2;
  a.added.finding.message = "询问笔录未记录时间";
  a.added.inspector = "李四";
  a.page = 7;
  REQUIRE(record_added(*db.store, db.round, kCase, a));
  REQUIRE(record_signoff(*db.store, db.round, {kCase, kSignerRole, "张三", {}, 0}));
  REQUIRE(record_reopen(*db.store, db.round, {kCase, "补充材料", "王五", {}, 0}));
  REQUIRE(tx.commit().ok());
}

TEST_CASE("record rows come back in trail order with their times and ids", "[record]") {
  Db db;
  fill(db);
  Result<Record> r = load_record(*db.store, db.round);
  REQUIRE(r);
  REQUIRE(r->decisions.size() == 1);
  CHECK(r->decisions[0].decision.verdict == FindingVerdict::dismissed);
  CHECK(r->decisions[0].decision.reason == "在卷");
  CHECK(r->decisions[0].decision.decided_at.size() == 24);  // 2024-05-01T08:00:00.123Z
  CHECK(r->decisions[0].at.key == kCase.key);
  CHECK(r->decisions[0].seq == 1);
  REQUIRE(r->added.size() == 1);
  CHECK(r->added[0].added.key == "added-1");
  CHECK(r->added[0].added.finding.evidence == std::vector<std::string>{"第 7 页"});
  CHECK(r->added[0].added.inspector == "李四");
  REQUIRE(r->signoffs.size() == 1);
  REQUIRE(r->reopens.size() == 1);
  CHECK(r->signoffs[0].seq < r->reopens[0].seq);
  CHECK(query(db.db(), "SELECT count(*) FROM trail") == "4");
}

TEST_CASE("a write rolled back leaves neither the row nor its trail row", "[record]") {
  Db db;
  {
    RecordTransaction tx(*db.store);
    REQUIRE(record_decision(*db.store, db.round, kCase,
                            decision("REQ-notice@case#1", FindingVerdict::confirmed),
                            std::nullopt));
  }
  CHECK(query(db.db(), "SELECT count(*) FROM trail") == "0");
  CHECK(query(db.db(), "SELECT count(*) FROM review_decisions") == "0");
}

TEST_CASE("a row the store refuses fails with its trail row rolled back", "[record]") {
  Db db;
  Decision bad = decision("k", FindingVerdict::changed, "x");
  bad.severity = "huge";  // CHECK constraint
  {
    RecordTransaction tx(*db.store);
    Result<RecordedDecision> r = record_decision(*db.store, db.round, kCase, bad, std::nullopt);
    CHECK_FALSE(r);
  }
  CHECK(query(db.db(), "SELECT count(*) FROM trail") == "0");
}

TEST_CASE("the trail and the record rows refuse updates and deletes", "[record]") {
  Db db;
  fill(db);
  CHECK(sqlite3_exec(db.db(), "UPDATE trail SET action = 'x' WHERE seq = 1", nullptr, nullptr,
                     nullptr) != SQLITE_OK);
  CHECK(sqlite3_exec(db.db(), "DELETE FROM review_decisions", nullptr, nullptr, nullptr) !=
        SQLITE_OK);
  CHECK(sqlite3_exec(db.db(), "UPDATE review_signoffs SET name = 'x'", nullptr, nullptr, nullptr) !=
        SQLITE_OK);
}

TEST_CASE("an untouched trail verifies and its chain starts from 64 zeros", "[record]") {
  Db db;
  fill(db);
  Result<TrailCheck> c = verify_trail(*db.store);
  REQUIRE(c);
  CHECK(c->rows == 4);
  CHECK_FALSE(c->broken_seq);
  CHECK(query(db.db(), "SELECT prev_sha256 FROM trail WHERE seq = 1") == std::string(64, '0'));
  CHECK(query(db.db(), "SELECT prev_sha256 FROM trail WHERE seq = 2") ==
        query(db.db(), "SELECT sha256 FROM trail WHERE seq = 1"));
  const std::string at = query(db.db(), "SELECT at FROM trail WHERE seq = 1");
  const std::string payload = query(db.db(), "SELECT payload FROM trail WHERE seq = 1");
  CHECK(trail_row_sha256(std::string(64, '0'), 1, db.round, "decision", at, payload) ==
        query(db.db(), "SELECT sha256 FROM trail WHERE seq = 1"));
}

TEST_CASE("verify names a trail row edited behind the tool's back", "[record]") {
  Db db;
  fill(db);
  db.exec("DROP TRIGGER trail_no_update");
  db.exec("UPDATE trail SET payload = replace(payload, '李四', '赵六') WHERE seq = 2");
  Result<TrailCheck> c = verify_trail(*db.store);
  REQUIRE(c);
  REQUIRE(c->broken_seq);
  CHECK(*c->broken_seq == 2);
  CHECK(c->why.find("第 2 条") != std::string::npos);
}

TEST_CASE("verify names a trail row whose hash was recomputed by the row after it", "[record]") {
  Db db;
  fill(db);
  db.exec("DROP TRIGGER trail_no_update");
  db.exec("UPDATE trail SET sha256 = '" + std::string(64, 'a') + "' WHERE seq = 2");
  Result<TrailCheck> c = verify_trail(*db.store);
  REQUIRE(c);
  REQUIRE(c->broken_seq);
  CHECK(*c->broken_seq == 2);
}

TEST_CASE("verify names a record row changed or deleted without its trail row", "[record]") {
  Db db;
  fill(db);
  SECTION("changed") {
    db.exec("DROP TRIGGER review_decisions_no_update");
    db.exec("UPDATE review_decisions SET verdict = 'confirmed'");
    Result<TrailCheck> c = verify_trail(*db.store);
    REQUIRE(c);
    REQUIRE(c->broken_seq);
    CHECK(*c->broken_seq == 1);
    CHECK(c->why.find("review_decisions") != std::string::npos);
  }
  SECTION("deleted") {
    db.exec("DROP TRIGGER review_signoffs_no_delete");
    db.exec("DELETE FROM review_signoffs");
    Result<TrailCheck> c = verify_trail(*db.store);
    REQUIRE(c);
    REQUIRE(c->broken_seq);
    CHECK(*c->broken_seq == 3);
  }
  SECTION("a trail row deleted") {
    db.exec("DROP TRIGGER trail_no_delete");
    db.exec("PRAGMA foreign_keys = OFF");
    db.exec("DELETE FROM trail WHERE seq = 4");
    Result<TrailCheck> c = verify_trail(*db.store);
    REQUIRE(c);
    REQUIRE(c->broken_seq);
    CHECK(*c->broken_seq == 4);
  }
}

TEST_CASE("a round setting is read back, replaced and trailed", "[record]") {
  Db db;
  CHECK_FALSE(*round_setting(*db.store, db.round, "second_review"));
  for (const char* value : {"yes", "no"}) {
    RecordTransaction tx(*db.store);
    REQUIRE(set_round_setting(*db.store, db.round, "second_review", value).ok());
    REQUIRE(tx.commit().ok());
  }
  CHECK(**round_setting(*db.store, db.round, "second_review") == "no");
  CHECK(query(db.db(), "SELECT count(*) FROM trail WHERE action = 'setting'") == "2");
  CHECK_FALSE(verify_trail(*db.store)->broken_seq);
}

TEST_CASE("trail entries of chosen actions come back parsed in trail order", "[record]") {
  Db db;
  fill(db);
  RecordTransaction tx(*db.store);
  REQUIRE(append_trail(*db.store, db.round, "objection", {{"reason", "已送达"}}));
  REQUIRE(append_trail(*db.store, db.round, "ruling", {{"outcome", "采纳"}}));
  REQUIRE(tx.commit().ok());
  Result<std::vector<TrailEntry>> got =
      load_trail_entries(*db.store, db.round, {"ruling", "objection"});
  REQUIRE(got);
  REQUIRE(got->size() == 2);
  CHECK((*got)[0].action == "objection");
  CHECK((*got)[0].payload.at("reason") == "已送达");
  CHECK((*got)[1].action == "ruling");
  CHECK((*got)[0].seq < (*got)[1].seq);
  CHECK(!(*got)[1].at.empty());
  Result<std::vector<TrailEntry>> other = load_trail_entries(*db.store, db.round + 1, {"ruling"});
  REQUIRE(other);
  CHECK(other->empty());
}

TEST_CASE("migration 7 keeps a version-6 database's data and adds an empty record", "[record]") {
  TempDir dir;
  const std::string file = (dir.path / "old.db").string();
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
    REQUIRE(migrate(raw, 6).ok());
    REQUIRE(
        sqlite3_exec(raw,
                     "INSERT INTO rounds VALUES (1, '旧轮', 'inspection', '2024-01-01T00:00:00Z');"
                     "INSERT INTO audit_runs (id, round_id, started_at, tool_version,"
                     " checklist_id, checklist_version, checklist_sha256)"
                     " VALUES (1, 1, '2024-01-01T00:00:00Z', 't', 'c', 'v', 's');"
                     "INSERT INTO cases (round_id, archive, run_id, status, audited_at)"
                     " VALUES (1, 'a.zip', 1, 'audited', '2024-01-01T00:00:00Z');",
                     nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
  }
  Result<std::unique_ptr<Store>> store = Store::open(file);
  REQUIRE(store);
  sqlite3* db = StoreAccess::db(**store);
  CHECK((*store)->schema_version() == latest_schema_version());
  CHECK(query(db, "SELECT archive FROM cases") == "a.zip");
  CHECK(query(db, "SELECT count(*) FROM trail") == "0");
  CHECK(query(db, "SELECT count(*) FROM review_decisions") == "0");
  Result<TrailCheck> c = verify_trail(**store);
  REQUIRE(c);
  CHECK(c->rows == 0);
  CHECK_FALSE(c->broken_seq);
}

}  // namespace
}  // namespace auditor

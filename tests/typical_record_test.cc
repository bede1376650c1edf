// Typical-case marks (app/typical.h, store/typical.h) through a real SQLite
// file: marked, taken back, each with its trail row, refused when they
// cannot be, and an edit behind the tool's back found.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "app/review.h"
#include "app/typical.h"
#include "store/case_access.h"
#include "store/round_reader.h"
#include "store/schema.h"
#include "store/typical.h"
#include "tests/review_support.h"

namespace auditor {
namespace {

using test::kNanshi;
using test::kNotice;
using test::ReviewRound;

TypicalChange change(const std::string& note, const std::string& finding = "",
                     bool remove = false) {
  return {kNanshi, finding, note, "张三", remove};
}

std::vector<TypicalMark> marks(const ReviewRound& r) {
  auto store = Store::open_read_only(r.db);
  REQUIRE(store);
  auto round = find_round(**store, "第一轮");
  REQUIRE(round);
  REQUIRE(*round);
  auto all = load_typical_marks(**store, (*round)->id);
  REQUIRE(all);
  return *all;
}

std::string stamp(const ReviewRound& r) {
  auto store = Store::open_read_only(r.db);
  REQUIRE(store);
  auto s = round_stamp(**store, 1);
  REQUIRE(s);
  return *s;
}

TEST_CASE("a case is marked typical and the mark taken back, each with a trail row", "[typical]") {
  ReviewRound r;
  const std::string before = stamp(r);
  Result<TypicalMark> m = mark_typical(r.scope, change("告知程序缺失的典型"));
  REQUIRE(m);
  CHECK(m->marked);
  CHECK(m->finding.empty());
  CHECK(m->at.key == kNanshi);
  CHECK_FALSE(m->replaces);
  CHECK(stamp(r) != before);  // the round's stamp changes: the server shows it

  Result<TypicalMark> off = mark_typical(r.scope, change("", "", true));
  REQUIRE(off);
  CHECK_FALSE(off->marked);
  CHECK(off->replaces == m->id);

  const std::vector<TypicalMark> all = marks(r);
  REQUIRE(all.size() == 2);
  CHECK(all[0].note == "告知程序缺失的典型");
  CHECK(all[0].inspector == "张三");
  CHECK(all[0].marked_at.size() == 24);
  CHECK_FALSE(all[1].marked);

  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(r.db.string().c_str(), &db) == SQLITE_OK);
  CHECK(test::query(db, "SELECT count(*) FROM trail WHERE action = 'typical'") == "2");
  CHECK(test::query(db, "SELECT payload ->> '$.note' FROM trail WHERE seq = " +
                            std::to_string(all[0].seq)) == "告知程序缺失的典型");
  CHECK(test::query(db, "SELECT payload ->> '$.marked' FROM trail WHERE seq = " +
                            std::to_string(all[1].seq)) == "0");
  sqlite3_close(db);

  Result<TrailCheck> check = verify_record(r.db);
  REQUIRE(check);
  CHECK_FALSE(check->broken_seq);
  auto store = Store::open_read_only(r.db);
  REQUIRE(store);
  auto typical = check_typical_marks(**store);
  REQUIRE(typical);
  CHECK_FALSE(*typical);
}

TEST_CASE("a finding is marked by its key or by its rule id", "[typical]") {
  ReviewRound r;
  Result<TypicalMark> by_key = mark_typical(r.scope, change("缺少告知书", kNotice));
  REQUIRE(by_key);
  CHECK(by_key->finding == kNotice);
  CHECK(by_key->rule == "REQ-3-penalty_notice");
  Result<TypicalMark> by_rule = mark_typical(r.scope, change("改写意义", "REQ-3-penalty_notice"));
  REQUIRE(by_rule);
  CHECK(by_rule->finding == kNotice);
  CHECK(by_rule->replaces == by_key->id);  // the same finding: the new note replaces the old
}

TEST_CASE("a mark is refused without note, inspector or a finding the case has", "[typical]") {
  ReviewRound r;
  Result<TypicalMark> no_note = mark_typical(r.scope, change(""));
  REQUIRE_FALSE(no_note);
  CHECK(no_note.code() == Code::invalid);
  CHECK(no_note.error().find("--note") != std::string::npos);
  TypicalChange nobody = change("意义");
  nobody.inspector.clear();
  CHECK_FALSE(mark_typical(r.scope, nobody));
  Result<TypicalMark> unknown = mark_typical(r.scope, change("意义", "NO-such-rule"));
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().find("NO-such-rule") != std::string::npos);
  Result<TypicalMark> not_marked = mark_typical(r.scope, change("", "", true));
  REQUIRE_FALSE(not_marked);
  CHECK(not_marked.error().find("没有标记为典型案例") != std::string::npos);
  TypicalChange elsewhere = change("意义");
  elsewhere.case_id = "穗海某某综执立〔2024〕1号";
  CHECK(mark_typical(r.scope, elsewhere).code() == Code::not_found);
  CHECK(marks(r).empty());
}

TEST_CASE(
    "a mark edited behind the tool's back no longer matches its trail row, and round verify says "
    "so",
    "[typical]") {
  ReviewRound r;
  REQUIRE(mark_typical(r.scope, change("原来的意义")));
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(r.db.string().c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db,
                       "DROP TRIGGER typical_marks_no_update;"
                       " UPDATE typical_marks SET note = '改过的意义'",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  // Without the trigger the table is writable, with it not.
  CHECK(sqlite3_exec(db, "DELETE FROM typical_marks", nullptr, nullptr, nullptr) != SQLITE_OK);
  sqlite3_close(db);
  auto store = Store::open_read_only(r.db);
  REQUIRE(store);
  auto typical = check_typical_marks(**store);
  REQUIRE(typical);
  REQUIRE(*typical);
  CHECK((*typical)->second.find("记录被改动") != std::string::npos);
  // auditor round verify reports it.
  Result<TrailCheck> verified = verify_record(r.db);
  REQUIRE(verified);
  CHECK(verified->broken_seq == (*typical)->first);
  CHECK(verified->why == (*typical)->second);
}

TEST_CASE("a version-10 database with a round and its record upgrades to typical_marks",
          "[typical]") {
  test::TempDir dir;
  const std::filesystem::path file = dir.path / "v10.db";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
  REQUIRE(migrate(db, 10).ok());
  REQUIRE(sqlite3_exec(db,
                       "INSERT INTO rounds (id, name, mode, created_at)"
                       " VALUES (1, '第一轮', 'inspection', '2024-05-01T08:00:00Z');"
                       "INSERT INTO trail (seq, round_id, action, payload, at, prev_sha256, sha256)"
                       " VALUES (1, 1, 'setting', '{\"name\":\"second_review\",\"value\":\"no\"}',"
                       " '2024-05-01T08:00:00.000Z', 'x', 'y');",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(test::query(db, "PRAGMA user_version") == "10");
  sqlite3_close(db);
  {
    auto store = Store::open(file);
    REQUIRE(store);
  }
  REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
  CHECK(test::query(db, "PRAGMA user_version") == std::to_string(latest_schema_version()));
  CHECK(test::query(db, "SELECT name FROM rounds WHERE id = 1") == "第一轮");
  CHECK(test::query(db, "SELECT action FROM trail WHERE seq = 1") == "setting");
  CHECK(test::query(db, "SELECT count(*) FROM typical_marks") == "0");
  sqlite3_close(db);
}

}  // namespace
}  // namespace auditor

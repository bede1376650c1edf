// The users of `auditor serve`: the table of schema 8 and its SQL
// (store/users.h) and the front door (app/users.h) — adding, refusing,
// disabling, changing a password, signing in with one refusal for an unknown
// name and a wrong password, and a trail row of no round for each change
// that keeps the trail's chain intact and pins the table.
#include "app/users.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>

#include "store/record.h"
#include "store/run_lock.h"
#include "store/schema.h"
#include "store/store_internal.h"
#include "store/users.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

using test::query;
using test::TempDir;

struct Users {
  TempDir dir;
  std::filesystem::path db = dir.path / "u.db";
  Result<User> add(const std::string& name, UserRole role, const std::string& street = "",
                   const std::string& password = "密码是八个汉字吧") {
    return add_user(db, {name, role, street, password}, "测试");
  }
  // A connection of its own, to look at the rows as stored.
  std::string sql(const std::string& q) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    std::string out = query(raw, q);
    sqlite3_close(raw);
    return out;
  }
  bool exec(const std::string& q) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &raw) == SQLITE_OK);
    const bool ok = sqlite3_exec(raw, q.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(raw);
    return ok;
  }
};

TEST_CASE("an added user is listed with its role and street, and the database is created",
          "[users]") {
  Users u;
  Result<User> a = u.add("张三", UserRole::inspector);
  REQUIRE(a);
  CHECK(a->id > 0);
  CHECK_FALSE(a->street);
  CHECK_FALSE(a->disabled);
  CHECK(a->created_at.size() == 24);
  REQUIRE(u.add("昌岗街道", UserRole::street, "昌岗"));
  REQUIRE(u.add("admin", UserRole::admin));
  Result<std::vector<User>> all = list_users(u.db);
  REQUIRE(all);
  REQUIRE(all->size() == 3);
  CHECK((*all)[0].name == "admin");
  CHECK((*all)[0].role == UserRole::admin);
  CHECK((*all)[1].name == "张三");
  CHECK((*all)[2].role == UserRole::street);
  CHECK((*all)[2].street == std::optional<std::string>("昌岗"));
}

TEST_CASE("a name taken, in any ASCII case, is refused and nothing is written", "[users]") {
  Users u;
  REQUIRE(u.add("Admin", UserRole::admin));
  for (const char* name : {"Admin", "admin", "ADMIN"}) {
    Result<User> again = u.add(name, UserRole::inspector);
    REQUIRE_FALSE(again);
    CHECK(again.code() == Code::invalid);
    CHECK(again.error() == "用户名「Admin」已被使用");
  }
  CHECK(u.sql("SELECT count(*) FROM users") == "1");
  CHECK(u.sql("SELECT count(*) FROM trail") == "1");
}

TEST_CASE("a street user needs a street and the other roles may not have one", "[users]") {
  Users u;
  Result<User> none = u.add("李四", UserRole::street);
  REQUIRE_FALSE(none);
  CHECK(none.error().find("必须指定所属街道") != std::string::npos);
  Result<User> extra = u.add("王五", UserRole::inspector, "昌岗");
  REQUIRE_FALSE(extra);
  CHECK(extra.error().find("不能指定街道") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(u.db));  // refused before the database is opened
  // The table refuses the same behind the front door.
  REQUIRE(u.add("admin", UserRole::admin));
  const std::string hash = u.sql("SELECT password_hash FROM users");
  CHECK_FALSE(
      u.exec("INSERT INTO users (name, role, street, password_hash, created_at, updated_at)"
             " VALUES ('x', 'street', NULL, '" +
             hash + "', 'now', 'now')"));
  CHECK_FALSE(
      u.exec("INSERT INTO users (name, role, street, password_hash, created_at, updated_at)"
             " VALUES ('y', 'inspector', '昌岗', '" +
             hash + "', 'now', 'now')"));
  CHECK_FALSE(
      u.exec("INSERT INTO users (name, role, street, password_hash, created_at, updated_at)"
             " VALUES ('z', 'root', NULL, '" +
             hash + "', 'now', 'now')"));
  CHECK_FALSE(
      u.exec("INSERT INTO users (name, role, street, password_hash, created_at, updated_at)"
             " VALUES ('w', 'admin', NULL, 'plain text', 'now', 'now')"));
  CHECK(
      u.exec("INSERT INTO users (name, role, street, password_hash, created_at, updated_at)"
             " VALUES ('v', 'street', '海龙', '" +
             hash + "', 'now', 'now')"));
}

TEST_CASE("a malformed name or a short password is refused", "[users]") {
  Users u;
  CHECK(u.add("", UserRole::admin).error() == "用户名不能为空");
  CHECK(u.add(" 张三", UserRole::admin).error().find("首尾") != std::string::npos);
  CHECK(u.add("张\n三", UserRole::admin).error().find("控制字符") != std::string::npos);
  CHECK(u.add(std::string(65, 'a'), UserRole::admin).error().find("过长") != std::string::npos);
  CHECK(u.add(std::string(64, 'a'), UserRole::admin));
  Result<User> short_pw = u.add("张三", UserRole::admin, "", "1234567");
  REQUIRE_FALSE(short_pw);
  CHECK(short_pw.error().find("至少需要 8 个字符") != std::string::npos);
}

TEST_CASE("sign-in returns the user with role and street for the right password", "[users]") {
  Users u;
  REQUIRE(u.add("昌岗街道", UserRole::street, "昌岗", "correct horse"));
  Result<User> in = authenticate(u.db, "昌岗街道", "correct horse");
  REQUIRE(in);
  CHECK(in->role == UserRole::street);
  CHECK(in->street == std::optional<std::string>("昌岗"));
}

TEST_CASE("an unknown name and a wrong password get the same refusal after the same work",
          "[users]") {
  Users u;
  REQUIRE(u.add("张三", UserRole::inspector, "", "correct horse"));
  Result<User> wrong = authenticate(u.db, "张三", "wrong horse");
  Result<User> unknown = authenticate(u.db, "李四", "correct horse");
  REQUIRE_FALSE(wrong);
  REQUIRE_FALSE(unknown);
  CHECK(wrong.error() == kSignInRefused);
  CHECK(unknown.error() == wrong.error());
  CHECK(unknown.code() == wrong.code());
  using Clock = std::chrono::steady_clock;
  const auto best = [&](const std::string& name) {
    double ms = 1e9;
    for (int i = 0; i < 3; ++i) {
      const auto t0 = Clock::now();
      (void)authenticate(u.db, name, "wrong horse");
      ms = std::min(ms, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return ms;
  };
  const double known = best("张三"), missing = best("李四");
  INFO("wrong password " << known << " ms, unknown name " << missing << " ms");
  CHECK(missing > known * 0.5);
}

TEST_CASE("a disabled user cannot sign in until enabled again", "[users]") {
  Users u;
  REQUIRE(u.add("张三", UserRole::inspector, "", "correct horse"));
  Result<User> off = set_user_disabled(u.db, "张三", true, "测试");
  REQUIRE(off);
  CHECK(off->disabled);
  Result<User> in = authenticate(u.db, "张三", "correct horse");
  REQUIRE_FALSE(in);
  CHECK(in.error().find("已停用") != std::string::npos);
  // A wrong password for a disabled user says no more than for anyone.
  CHECK(authenticate(u.db, "张三", "wrong horse").error() == kSignInRefused);
  // Disabling again changes nothing and writes nothing.
  REQUIRE(set_user_disabled(u.db, "张三", true, "测试"));
  CHECK(u.sql("SELECT count(*) FROM trail") == "2");
  REQUIRE(set_user_disabled(u.db, "张三", false, "测试"));
  CHECK(authenticate(u.db, "张三", "correct horse"));
  CHECK(set_user_disabled(u.db, "李四", true, "测试").code() == Code::not_found);
}

TEST_CASE("a new password replaces the old one", "[users]") {
  Users u;
  REQUIRE(u.add("张三", UserRole::inspector, "", "old password"));
  const std::string before = u.sql("SELECT password_hash FROM users");
  Result<User> changed = set_password(u.db, "张三", "new password", "测试");
  REQUIRE(changed);
  CHECK(changed->updated_at >= changed->created_at);
  CHECK(u.sql("SELECT password_hash FROM users") != before);
  CHECK(authenticate(u.db, "张三", "new password"));
  CHECK(authenticate(u.db, "张三", "old password").error() == kSignInRefused);
  CHECK_FALSE(set_password(u.db, "张三", "short", "测试"));
  CHECK(authenticate(u.db, "张三", "new password"));
  CHECK(set_password(u.db, "李四", "new password", "测试").code() == Code::not_found);
}

TEST_CASE("each change is a trail row of no round holding the user but no password", "[users]") {
  Users u;
  REQUIRE(u.add("张三", UserRole::inspector, "", "correct horse"));
  REQUIRE(set_password(u.db, "张三", "battery staple", "测试"));
  REQUIRE(set_user_disabled(u.db, "张三", true, "测试"));
  REQUIRE(set_user_disabled(u.db, "张三", false, "管理员甲"));
  CHECK(u.sql("SELECT group_concat(action, ' ') FROM (SELECT action FROM trail ORDER BY seq)") ==
        "user_add user_password user_disable user_enable");
  CHECK(u.sql("SELECT count(*) FROM trail WHERE round_id IS NULL") == "4");
  CHECK(u.sql("SELECT payload ->> '$.by' FROM trail WHERE seq = 4") == "管理员甲");
  CHECK(u.sql("SELECT payload ->> '$.role' FROM trail WHERE seq = 1") == "inspector");
  const std::string payloads = u.sql("SELECT group_concat(payload) FROM trail");
  const std::string hash = u.sql("SELECT password_hash FROM users");
  CHECK(payloads.find("horse") == std::string::npos);
  CHECK(payloads.find("staple") == std::string::npos);
  CHECK(payloads.find(hash) == std::string::npos);
  CHECK(payloads.find("argon2") == std::string::npos);
  Result<std::unique_ptr<Store>> store = Store::open_read_only(u.db);
  REQUIRE(store);
  Result<TrailCheck> c = verify_trail(**store);
  REQUIRE(c);
  CHECK(c->rows == 4);
  CHECK_FALSE(c->broken_seq);
  CHECK(*verify_users(u.db) == "");
}

TEST_CASE("user rows and round rows share one intact trail", "[users]") {
  Users u;
  {
    Result<std::unique_ptr<Store>> s = Store::open(u.db);
    REQUIRE(s);
    RunInfo run{"test", "general-penalty", "2025.1", "abc", "2024-05-01T08:00:00Z", "第一轮"};
    REQUIRE((*s)->begin_run(run));
    RecordTransaction tx(**s);
    REQUIRE(set_round_setting(**s, 1, "second_review", "yes").ok());
    REQUIRE(tx.commit().ok());
  }
  REQUIRE(u.add("张三", UserRole::inspector));
  Result<std::unique_ptr<Store>> s = Store::open(u.db);
  REQUIRE(s);
  {
    RecordTransaction tx(**s);
    REQUIRE(set_round_setting(**s, 1, "second_review", "no").ok());
    REQUIRE(tx.commit().ok());
  }
  CHECK(query(StoreAccess::db(**s),
              "SELECT group_concat(coalesce(round_id, '-'), ' ') FROM "
              "(SELECT round_id FROM trail ORDER BY seq)") == "1 - 1");
  Result<TrailCheck> c = verify_trail(**s);
  REQUIRE(c);
  CHECK(c->rows == 3);
  CHECK_FALSE(c->broken_seq);
  Result<std::vector<TrailEntry>> round_rows = load_trail_entries(**s, 1, {"setting", "user_add"});
  REQUIRE(round_rows);
  CHECK(round_rows->size() == 2);
}

TEST_CASE("a user row changed behind the tool's back is named", "[users]") {
  Users u;
  REQUIRE(u.add("张三", UserRole::inspector, "", "correct horse"));
  REQUIRE(u.add("李四", UserRole::inspector, "", "correct horse"));
  CHECK(*verify_users(u.db) == "");
  SECTION("a role raised") {
    REQUIRE(u.exec("UPDATE users SET role = 'admin' WHERE name = '张三'"));
    CHECK(verify_users(u.db)->find("用户「张三」与其最近的审计记录第 1 条不符") !=
          std::string::npos);
  }
  SECTION("a hash swapped for another user's") {
    REQUIRE(
        u.exec("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE"
               " name = '李四') WHERE name = '张三'"));
    CHECK(verify_users(u.db)->find("用户「张三」") != std::string::npos);
  }
  SECTION("a user inserted without a trail row") {
    REQUIRE(
        u.exec("INSERT INTO users (name, role, password_hash, created_at, updated_at)"
               " SELECT '王五', 'admin', password_hash, 'now', 'now' FROM users LIMIT 1"));
    CHECK(verify_users(u.db)->find("用户「王五」没有对应的审计记录") != std::string::npos);
  }
  SECTION("a user deleted") {
    REQUIRE(u.exec("DELETE FROM users WHERE name = '李四'"));
    CHECK(verify_users(u.db)->find("所记的用户「李四」已被删除") != std::string::npos);
  }
}

TEST_CASE("a user change waits for no audit: it is refused while another writer runs", "[users]") {
  Users u;
  REQUIRE(u.add("张三", UserRole::inspector));
  Result<RunLock> held = RunLock::acquire(u.db);
  REQUIRE(held);
  Result<User> busy = u.add("李四", UserRole::inspector);
  REQUIRE_FALSE(busy);
  CHECK(busy.code() == Code::busy);
  CHECK(set_password(u.db, "张三", "new password", "测试").code() == Code::busy);
  // Reading goes on beside the writer.
  CHECK(authenticate(u.db, "张三", "密码是八个汉字吧"));
  CHECK(list_users(u.db)->size() == 1);
}

TEST_CASE("listing or signing in on a missing database says so", "[users]") {
  TempDir dir;
  CHECK(list_users(dir.path / "none.db").code() == Code::not_found);
  CHECK(authenticate(dir.path / "none.db", "张三", "whatever1").code() == Code::not_found);
  CHECK_FALSE(std::filesystem::exists(dir.path / "none.db"));
}

TEST_CASE("migration 8 keeps a version-7 database's data and trail and adds the users", "[users]") {
  TempDir dir;
  const std::string file = (dir.path / "old.db").string();
  {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
    REQUIRE(migrate(raw, 7).ok());
    const std::string at = "2024-01-01T00:00:00.000Z", payload = R"({"name":"x","value":"y"})";
    const std::string sha = trail_row_sha256(std::string(64, '0'), 1, 1, "setting", at, payload);
    const std::string sql =
        "INSERT INTO rounds VALUES (1, '旧轮', 'inspection', '2024-01-01T00:00:00Z');"
        "INSERT INTO trail VALUES (1, 1, 'setting', '" +
        payload + "', '" + at + "', '" + std::string(64, '0') + "', '" + sha +
        "');"
        "INSERT INTO round_settings VALUES (1, 'x', 'y', 1);";
    REQUIRE(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
  }
  Result<std::unique_ptr<Store>> store = Store::open(file);
  REQUIRE(store);
  sqlite3* db = StoreAccess::db(**store);
  CHECK((*store)->schema_version() == latest_schema_version());
  CHECK(query(db, "SELECT count(*) FROM users") == "0");
  CHECK(query(db, "SELECT sha256 FROM trail WHERE seq = 1").size() == 64);
  CHECK(query(db, "SELECT value FROM round_settings WHERE name = 'x'") == "y");
  CHECK(query(db,
              "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
              "'trail'") == "2");
  CHECK(sqlite3_exec(db, "DELETE FROM trail", nullptr, nullptr, nullptr) != SQLITE_OK);
  CHECK(sqlite3_exec(db, "UPDATE trail SET action = 'x'", nullptr, nullptr, nullptr) != SQLITE_OK);
  Result<TrailCheck> c = verify_trail(**store);
  REQUIRE(c);
  CHECK(c->rows == 1);
  CHECK_FALSE(c->broken_seq);
  store->reset();
  REQUIRE(add_user(file, {"张三", UserRole::admin, "", "correct horse"}, ""));
  Result<std::unique_ptr<Store>> again = Store::open_read_only(file);
  REQUIRE(again);
  Result<TrailCheck> after = verify_trail(**again);
  REQUIRE(after);
  CHECK(after->rows == 2);
  CHECK_FALSE(after->broken_seq);
  CHECK(query(StoreAccess::db(**again), "SELECT count(*) FROM pragma_foreign_key_check") == "0");
}

}  // namespace
}  // namespace auditor

// A database that is not this tool's (another program's SQLite file, or not
// SQLite at all) is refused and left byte for byte as it was; an empty file,
// a new one and one of this tool from before the application_id open.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "store/schema.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::query;
using test::read_file;
using test::run_cli;
using test::sh_quote;
using test::TempDir;

const std::string kArchive =
    std::string(AUDITOR_SOURCE_DIR) + "/testdata/01-complete-structured.zip";

void exec(const fs::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
}

// Another program's database: a table of its own, in `journal` mode.
fs::path foreign_database(const fs::path& dir, const std::string& journal = "delete") {
  const fs::path file = dir / "other.db";
  exec(file, "PRAGMA journal_mode = " + journal +
                 "; CREATE TABLE contacts (name TEXT, phone TEXT);"
                 " INSERT INTO contacts VALUES ('张三', '020-12345678');");
  return file;
}

// The files in `dir` besides `file` itself, e.g. other.db-wal.
std::vector<std::string> companions(const fs::path& file) {
  std::vector<std::string> out;
  for (const fs::directory_entry& e : fs::directory_iterator(file.parent_path()))
    if (e.path() != file) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

long long application_id(Store& store) {
  return std::stoll(query(StoreAccess::db(store), "PRAGMA application_id"));
}

void require_refused(const Result<std::unique_ptr<Store>>& store) {
  REQUIRE_FALSE(store.ok());
  CHECK(store.code() == Code::invalid);
  CHECK_THAT(store.error(), Catch::Contains("本工具不打开它") && Catch::Contains("文件保持原样"));
}

TEST_CASE("another program's database is refused and left byte for byte", "[foreign_db]") {
  TempDir dir;
  const std::string journal = GENERATE(std::string("delete"), std::string("wal"));
  const fs::path file = foreign_database(dir.path, journal);
  const std::string before = read_file(file);
  REQUIRE(companions(file).empty());
  require_refused(Store::open(file));
  CHECK_THAT(Store::open(file).error(), Catch::Contains("不是本工具的数据库"));
  require_refused(Store::open_read_only(file));
  CHECK(Store::check_file(file).code == Code::invalid);
  CHECK(read_file(file) == before);
  CHECK(companions(file).empty());  // no -wal, -shm or -journal
}

TEST_CASE("a database carrying another application_id is refused", "[foreign_db]") {
  TempDir dir;
  const fs::path file = dir.path / "geo.gpkg";
  exec(file, "PRAGMA application_id = 1196444487");  // 'GPKG', no table yet
  const std::string before = read_file(file);
  auto store = Store::open(file);
  require_refused(store);
  CHECK_THAT(store.error(), Catch::Contains("0x47504B47") && Catch::Contains("0x41554454"));
  CHECK(read_file(file) == before);
  CHECK(companions(file).empty());
}

TEST_CASE("a file that is not SQLite is refused unchanged", "[foreign_db]") {
  TempDir dir;
  const fs::path file = dir.path / "notes.db";
  test::write_file(file, "这是一份笔记，不是数据库。\n");
  auto store = Store::open(file);
  require_refused(store);
  CHECK_THAT(store.error(), Catch::Contains("不是 SQLite 数据库"));
  CHECK(read_file(file) == "这是一份笔记，不是数据库。\n");
  CHECK(companions(file).empty());
}

TEST_CASE("a new, an empty and a zero-byte database get the tool's application_id",
          "[foreign_db]") {
  TempDir dir;
  const fs::path file =
      dir.path / GENERATE(std::string("new.db"), std::string("empty.db"), std::string("zero.db"));
  if (file.filename() == "empty.db") exec(file, "VACUUM");  // a header, no table
  if (file.filename() == "zero.db") test::write_file(file, "");
  CHECK(Store::check_file(file).ok());
  auto store = Store::open(file);
  INFO((store.ok() ? "" : store.error()));
  REQUIRE(store.ok());
  CHECK(application_id(**store) == kApplicationId);
  CHECK((*store)->schema_version() == latest_schema_version());
}

TEST_CASE("a database of this tool from before the application_id still opens", "[foreign_db]") {
  TempDir dir;
  const fs::path file = dir.path / "old.db";
  {
    // What the tool wrote before: its schema and user_version, no id.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(migrate(db).ok());
    REQUIRE(sqlite3_exec(db,
                         "PRAGMA journal_mode = WAL;"
                         " INSERT INTO rounds (name, mode, created_at)"
                         " VALUES ('旧轮次', 'inspection', '2024-01-01T00:00:00Z')",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    CHECK(query(db, "PRAGMA application_id") == "0");
    sqlite3_close(db);
  }
  {
    auto reader = Store::open_read_only(file);
    INFO((reader.ok() ? "" : reader.error()));
    CHECK(reader.ok());
  }
  auto store = Store::open(file);
  INFO((store.ok() ? "" : store.error()));
  REQUIRE(store.ok());
  CHECK(application_id(**store) == kApplicationId);
  CHECK(query(StoreAccess::db(**store), "SELECT name FROM rounds") == "旧轮次");
  store = Store::open(file);  // and again, now by its id
  REQUIRE(store.ok());
}

TEST_CASE("a database of a newer version of this tool is refused unchanged", "[foreign_db]") {
  TempDir dir;
  const fs::path file = dir.path / "newer.db";
  const int newer = latest_schema_version() + 1;
  exec(file, "PRAGMA application_id = " + std::to_string(kApplicationId) +
                 "; CREATE TABLE future (x); PRAGMA user_version = " + std::to_string(newer));
  const std::string before = read_file(file);
  auto store = Store::open(file);
  REQUIRE_FALSE(store.ok());
  CHECK_THAT(store.error(),
             Catch::Contains("高于本工具支持的版本") && Catch::Contains("请升级 auditor"));
  CHECK(read_file(file) == before);
  CHECK(companions(file).empty());
}

TEST_CASE("audit and report refuse a foreign --db with exit 2 and leave it unchanged",
          "[foreign_db]") {
  TempDir dir;
  const fs::path file = foreign_database(dir.path);
  const std::string before = read_file(file);
  auto audit = run_cli("audit " + sh_quote(kArchive) + " --db " + sh_quote(file.string()) +
                       " --out " + sh_quote((dir.path / "out").string()));
  CHECK(audit.status == 2);
  CHECK_THAT(audit.err, Catch::Contains("不是本工具的数据库"));
  CHECK(audit.out.find("✓") == std::string::npos);
  auto report = run_cli("report --db " + sh_quote(file.string()) + " --out " +
                        sh_quote((dir.path / "out").string()));
  CHECK(report.status == 2);
  CHECK_THAT(report.err, Catch::Contains("不是本工具的数据库"));
  CHECK(read_file(file) == before);
  for (const std::string& name : companions(file)) {
    INFO(name);
    // The run lock (app/audit.cc) is a file of its own; nothing of SQLite's.
    CHECK((name == "other.db.lock" || name == "out"));
  }
  CHECK_FALSE(fs::exists(dir.path / "out" / "report.html"));
}

}  // namespace
}  // namespace auditor

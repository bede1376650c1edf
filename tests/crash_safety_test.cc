// Crash safety of the store under the real binary: kill -9 at random moments
// of a batch import leaves a valid database, the next run completes the
// batch without duplicated cases, and runs on one database never corrupt it.
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "store/run_lock.h"
#include "tests/cli_support.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::TempDir;
using test::write_file;

const fs::path kSource = AUDITOR_SOURCE_DIR;
constexpr int kArchives = 20;

// Starts `auditor audit batch --db x.db` in `dir`, output to `log`.
pid_t start_audit(const fs::path& dir, const std::string& log) {
  std::fflush(nullptr);  // the child must not repeat buffered test output
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || chdir(dir.c_str()) != 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0) _exit(127);
    execl(AUDITOR_BINARY, AUDITOR_BINARY, "audit", "batch", "--db", "x.db", "--jobs", "2",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  REQUIRE(pid > 0);
  return pid;
}

// Exit status of `pid`, -1 when it died by a signal.
int wait_for(pid_t pid) {
  int raw = 0;
  REQUIRE(waitpid(pid, &raw, 0) == pid);
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

// A batch of kArchives real case archives (testdata/, else built here).
void make_batch(const fs::path& batch) {
  fs::create_directories(batch);
  std::vector<std::string> sources;
  for (const char* name :
       {"01-complete-structured.zip", "02-complete-bare-gbk.zip", "03-missing-notice-bare.zip",
        "04-structured-hearing-missing-review.zip"})
    if (fs::exists(kSource / "testdata" / name))
      sources.push_back(read_file(kSource / "testdata" / name));
  if (sources.empty()) {
    const std::string docx = read_file(kSource / "testdata" / "fixtures" / "decision.docx");
    REQUIRE_FALSE(docx.empty());
    sources.push_back(testing::make_zip({testing::Member("决定书.docx", docx)}));
  }
  for (int i = 0; i < kArchives; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "case-%02d.zip", i);
    write_file(batch / name, sources[i % sources.size()]);
  }
}

// One open database connection for the assertions.
class Db {
 public:
  explicit Db(const fs::path& file) {
    REQUIRE(sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Db() { sqlite3_close_v2(db_); }
  // The first column of every row of `sql`, as text.
  std::vector<std::string> column(const char* sql) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) == SQLITE_OK);
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW) {
      const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
      out.push_back(t ? t : "");
    }
    sqlite3_finalize(st);
    return out;
  }
  bool has_column(const char* table, const char* name) {
    for (const std::string& c :
         column(("SELECT name FROM pragma_table_info('" + std::string(table) + "')").c_str()))
      if (c == name) return true;
    return false;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::vector<std::string> integrity(const fs::path& db) {
  Db d(db);
  return d.column("PRAGMA integrity_check");
}

// Archives stored more than once where the schema allows only one: per round
// when the store has rounds, else per database.
std::vector<std::string> duplicated_cases(Db& d) {
  // Killed before the schema was committed: nothing stored, nothing doubled.
  if (d.column("SELECT name FROM sqlite_master WHERE name = 'cases'").empty()) return {};
  return d.column(d.has_column("cases", "round_id")
                      ? "SELECT archive FROM cases GROUP BY round_id, archive HAVING COUNT(*) > 1"
                      : "SELECT archive FROM cases GROUP BY archive HAVING COUNT(*) > 1");
}

// How many archives are stored in the latest run's round (or at all).
std::vector<std::string> stored_archives(Db& d) {
  return d.column(d.has_column("cases", "round_id")
                      ? "SELECT COUNT(DISTINCT archive) FROM cases WHERE round_id ="
                        " (SELECT round_id FROM audit_runs ORDER BY id DESC LIMIT 1)"
                      : "SELECT COUNT(DISTINCT archive) FROM cases");
}

TEST_CASE(
    "kill -9 at random moments of a batch leaves a valid database and the next run "
    "completes the batch once",
    "[hostile]") {
  TempDir dir;
  make_batch(dir.path / "batch");
  const fs::path db = dir.path / "x.db";
  // Fixed seed: the same kill moments every run. A whole run of the batch
  // takes about 150-300 ms here, so most kills land while it imports or writes.
  std::mt19937 rng(20261125);
  std::uniform_int_distribution<int> delay_ms(0, 250);
  for (int attempt = 0; attempt < 10; ++attempt) {
    const int delay = delay_ms(rng);
    INFO("kill after " << delay << " ms");
    const pid_t pid = start_audit(dir.path, (dir.path / "log.txt").string());
    std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    kill(pid, SIGKILL);
    wait_for(pid);
    if (!fs::exists(db)) continue;  // killed before the database was created
    CHECK(integrity(db) == std::vector<std::string>{"ok"});
    Db d(db);
    CHECK(duplicated_cases(d).empty());
  }

  const pid_t pid = start_audit(dir.path, (dir.path / "log.txt").string());
  const int status = wait_for(pid);
  INFO(read_file(dir.path / "log.txt"));
  CHECK((status == 0 || status == 1));
  CHECK(integrity(db) == std::vector<std::string>{"ok"});
  Db d(db);
  CHECK(duplicated_cases(d).empty());
  // Every archive of the batch is stored, once, and the last run finished.
  CHECK(stored_archives(d) == std::vector<std::string>{std::to_string(kArchives)});
  CHECK(d.column("SELECT finished_at IS NOT NULL FROM audit_runs ORDER BY id DESC LIMIT 1") ==
        std::vector<std::string>{"1"});
}

TEST_CASE("two concurrent runs on one database are serialised or refused, never corrupting it",
          "[hostile]") {
  TempDir dir;
  make_batch(dir.path / "batch");
  const pid_t a = start_audit(dir.path, (dir.path / "a.txt").string());
  const pid_t b = start_audit(dir.path, (dir.path / "b.txt").string());
  const int sa = wait_for(a), sb = wait_for(b);
  const std::string la = read_file(dir.path / "a.txt"), lb = read_file(dir.path / "b.txt");
  INFO(la << "\n----\n" << lb);
  // Each either completed the batch or was refused because the other held
  // the database.
  for (const auto& [status, log] : {std::pair{sa, la}, std::pair{sb, lb}}) {
    const bool refused = log.find("正被另一个审查进程使用") != std::string::npos;
    CHECK((status == 0 || status == 1 || (status == 2 && refused)));
  }
  CHECK(integrity(dir.path / "x.db") == std::vector<std::string>{"ok"});
  Db d(dir.path / "x.db");
  CHECK(duplicated_cases(d).empty());
  CHECK(stored_archives(d) == std::vector<std::string>{std::to_string(kArchives)});
}

TEST_CASE("a second run lock on the same database is refused in Chinese naming the holder",
          "[hostile]") {
  TempDir dir;
  const fs::path db = dir.path / "审查.db";
  Result<RunLock> first = RunLock::acquire(db);
  REQUIRE(first.ok());
  CHECK(fs::exists(dir.path / "审查.db.lock"));
  Result<RunLock> second = RunLock::acquire(db);
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().find("正被另一个审查进程使用") != std::string::npos);
  CHECK(second.error().find("进程号 " + std::to_string(getpid())) != std::string::npos);
  CHECK(second.error().find(db.string()) != std::string::npos);
  // Another database is independent.
  CHECK(RunLock::acquire(dir.path / "other.db").ok());
  // Released with the first lock.
  { RunLock release = std::move(*first); }
  CHECK(RunLock::acquire(db).ok());
}

TEST_CASE("a run lock held by a process killed with -9 is free again", "[hostile]") {
  TempDir dir;
  const fs::path db = dir.path / "x.db";
  int ready[2];
  REQUIRE(pipe(ready) == 0);
  std::fflush(nullptr);
  const pid_t child = fork();
  if (child == 0) {
    Result<RunLock> held = RunLock::acquire(db);
    const char ok = held.ok() ? 'y' : 'n';
    if (write(ready[1], &ok, 1) != 1) _exit(1);
    pause();  // holds the lock until killed
    _exit(0);
  }
  REQUIRE(child > 0);
  char got = 0;
  REQUIRE(read(ready[0], &got, 1) == 1);
  close(ready[0]);
  close(ready[1]);
  REQUIRE(got == 'y');
  Result<RunLock> refused = RunLock::acquire(db);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().find("进程号 " + std::to_string(child)) != std::string::npos);
  kill(child, SIGKILL);
  wait_for(child);
  CHECK(RunLock::acquire(db).ok());
}

TEST_CASE("a lock file planted as a symlink is refused and its target left intact", "[hostile]") {
  TempDir dir;
  write_file(dir.path / "precious.txt", "keep me");
  fs::create_symlink(dir.path / "precious.txt", dir.path / "x.db.lock");
  Result<RunLock> lock = RunLock::acquire(dir.path / "x.db");
  REQUIRE_FALSE(lock.ok());
  CHECK(lock.error().find("锁文件是符号链接") != std::string::npos);
  CHECK(read_file(dir.path / "precious.txt") == "keep me");
}

TEST_CASE("a lock file that cannot be created is reported in Chinese", "[hostile]") {
  Result<RunLock> lock = RunLock::acquire("/nonexistent-dir-for-test/x.db");
  REQUIRE_FALSE(lock.ok());
  CHECK(lock.error().find("无法创建数据库锁文件") != std::string::npos);
  CHECK(lock.error().find("所在目录不存在") != std::string::npos);
}

}  // namespace
}  // namespace auditor

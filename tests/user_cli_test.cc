// `auditor user` through the real binary and /bin/sh: passwords piped to
// --password-stdin, refusals with exit 2 and a Chinese reason, the list as
// text and JSON, and no password in the output or the database file.
#include <sqlite3.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "app/users.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

using test::CliRun;
using test::read_file;
using test::run_cli;
using test::sh_quote;
using test::TempDir;

// `printf '%s\n' <password> | auditor <args>` in `dir`.
CliRun piped(const TempDir& dir, const std::string& password, const std::string& args) {
  const auto out = dir.path / "stdout", err = dir.path / "stderr";
  const std::string cmd = "cd " + sh_quote(dir.path.string()) + " && printf '%s\\n' " +
                          sh_quote(password) + " | " + sh_quote(AUDITOR_BINARY) + " " + args +
                          " >" + sh_quote(out.string()) + " 2>" + sh_quote(err.string());
  const int raw = std::system(cmd.c_str());
  CliRun run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_file(out);
  run.err = read_file(err);
  return run;
}

TEST_CASE("users added through a pipe are listed, and no password is shown or stored",
          "[user_cli]") {
  TempDir dir;
  CliRun a =
      piped(dir, "inspector pw 1", "user add 张三 --role inspector --password-stdin --db u.db");
  INFO(a.err);
  REQUIRE(a.status == 0);
  CHECK(a.out == "已添加用户 张三（评查人员）\n");
  CliRun b = piped(dir, "street pw 22",
                   "user add 昌岗街道 --role street --street 昌岗 --password-stdin --db u.db");
  REQUIRE(b.status == 0);
  CHECK(b.out == "已添加用户 昌岗街道（街道：昌岗）\n");
  CliRun list = run_cli("user list --db u.db", dir.path);
  REQUIRE(list.status == 0);
  CHECK(list.err.empty());
  CHECK(list.out.find("张三\t评查人员\t-\t可用") != std::string::npos);
  CHECK(list.out.find("昌岗街道\t街道\t昌岗\t可用") != std::string::npos);
  CHECK(list.out.find("共 2 个用户") != std::string::npos);
  CliRun json = run_cli("user list --json --db u.db", dir.path);
  REQUIRE(json.status == 0);
  const nlohmann::json users = nlohmann::json::parse(json.out);
  REQUIRE(users.size() == 2);
  CHECK(users[0].at("name") == "张三");
  CHECK(users[0].at("role") == "inspector");
  CHECK(users[0].at("street").is_null());
  CHECK(users[1].at("street") == "昌岗");
  CHECK(users[1].at("disabled") == false);
  for (const CliRun& r : {a, b, list, json}) {
    CHECK(r.out.find("pw") == std::string::npos);
    CHECK(r.out.find("argon2") == std::string::npos);
  }
  for (const char* f : {"u.db", "u.db-wal"}) {
    const std::string bytes = read_file(dir.path / f);
    CHECK(bytes.find("inspector pw 1") == std::string::npos);
    CHECK(bytes.find("street pw 22") == std::string::npos);
  }
  // The password read is the first line, without its line end.
  CHECK(authenticate(dir.path / "u.db", "张三", "inspector pw 1"));
  CHECK(run_cli("round verify --db u.db", dir.path).status == 0);
}

TEST_CASE("round verify names a user whose role was raised in the database behind the tool",
          "[user_cli]") {
  TempDir dir;
  REQUIRE(piped(dir, "inspector pw 1", "user add 张三 --role inspector --password-stdin --db u.db")
              .status == 0);
  REQUIRE(run_cli("round verify --db u.db", dir.path).status == 0);
  const std::string raise = "sqlite3 u.db " + test::sh_quote("UPDATE users SET role = 'admin';");
  REQUIRE(std::system(("cd " + test::sh_quote(dir.path.string()) + " && " + raise).c_str()) == 0);
  const CliRun verify = run_cli("round verify --db u.db", dir.path);
  CHECK(verify.status == 1);
  CHECK(verify.out.find("张三") != std::string::npos);
}

TEST_CASE("user add refuses a password on no stdin, short, or for a wrong role", "[user_cli]") {
  TempDir dir;
  CliRun no_flag = piped(dir, "long enough", "user add 张三 --role admin --db u.db");
  CHECK(no_flag.status == 2);
  CHECK(no_flag.err.find("--password-stdin") != std::string::npos);
  CliRun empty = run_cli("user add 张三 --role admin --password-stdin --db u.db", dir.path);
  CHECK(empty.status == 2);
  CHECK(empty.err.find("标准输入中没有密码") != std::string::npos);
  CliRun short_pw = piped(dir, "1234567", "user add 张三 --role admin --password-stdin --db u.db");
  CHECK(short_pw.status == 2);
  CHECK(short_pw.err.find("密码太短") != std::string::npos);
  CHECK(short_pw.err.find("1234567") == std::string::npos);
  CliRun role = piped(dir, "long enough", "user add 张三 --role root --password-stdin --db u.db");
  CHECK(role.status == 2);
  CHECK(role.err.find("--role admin、inspector 或 street") != std::string::npos);
  CliRun street =
      piped(dir, "long enough", "user add 张三 --role street --password-stdin --db u.db");
  CHECK(street.status == 2);
  CHECK(street.err.find("必须指定所属街道") != std::string::npos);
  CliRun noname = piped(dir, "long enough", "user add --role admin --password-stdin --db u.db");
  CHECK(noname.status == 2);
  CHECK(noname.err.find("请指定用户名") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path / "u.db"));
  REQUIRE(
      piped(dir, "long enough", "user add 张三 --role admin --password-stdin --db u.db").status ==
      0);
  CliRun twice = piped(dir, "long enough", "user add 张三 --role admin --password-stdin --db u.db");
  CHECK(twice.status == 2);
  CHECK(twice.err == "用户名「张三」已被使用\n");
}

TEST_CASE("disable, enable and passwd change the user and name an unknown one", "[user_cli]") {
  TempDir dir;
  REQUIRE(piped(dir, "first password", "user add 张三 --role inspector --password-stdin --db u.db")
              .status == 0);
  CliRun off = run_cli("user disable 张三 --db u.db", dir.path);
  REQUIRE(off.status == 0);
  CHECK(off.out == "已停用用户 张三（评查人员）\n");
  CHECK(run_cli("user list --db u.db", dir.path).out.find("张三\t评查人员\t-\t已停用") !=
        std::string::npos);
  CHECK_FALSE(authenticate(dir.path / "u.db", "张三", "first password"));
  CliRun on = run_cli("user enable 张三 --db u.db", dir.path);
  REQUIRE(on.status == 0);
  CHECK(on.out == "已启用用户 张三（评查人员）\n");
  CliRun pw = piped(dir, "second password", "user passwd 张三 --password-stdin --db u.db");
  REQUIRE(pw.status == 0);
  CHECK(pw.out == "已修改用户 张三（评查人员） 的密码\n");
  CHECK(authenticate(dir.path / "u.db", "张三", "second password"));
  CHECK_FALSE(authenticate(dir.path / "u.db", "张三", "first password"));
  CliRun short_pw = piped(dir, "short", "user passwd 张三 --password-stdin --db u.db");
  CHECK(short_pw.status == 2);
  CHECK(authenticate(dir.path / "u.db", "张三", "second password"));
  for (const char* sub : {"disable", "enable"}) {
    CliRun unknown = run_cli(std::string("user ") + sub + " 李四 --db u.db", dir.path);
    CHECK(unknown.status == 2);
    CHECK(unknown.err == "没有名为「李四」的用户\n");
  }
  CHECK(piped(dir, "long enough", "user passwd 李四 --password-stdin --db u.db").status == 2);
  CliRun verify = run_cli("round verify --db u.db", dir.path);
  CHECK(verify.status == 0);
  CHECK(verify.out.find("共 4 条") != std::string::npos);
}

TEST_CASE("user list on a missing database and an unknown subcommand exit 2", "[user_cli]") {
  TempDir dir;
  CliRun list = run_cli("user list --db none.db", dir.path);
  CHECK(list.status == 2);
  CHECK(list.err.find("数据库文件不存在") != std::string::npos);
  CHECK(run_cli("user frobnicate", dir.path).status == 2);
  CliRun help = run_cli("user --help", dir.path);
  CHECK(help.status == 0);
  CHECK(help.out.find("passwd") != std::string::npos);
  CHECK(run_cli("--help", dir.path).out.find("user") != std::string::npos);
}

TEST_CASE("user list warns when the users table disagrees with the trail", "[user_cli]") {
  TempDir dir;
  REQUIRE(piped(dir, "first password", "user add 张三 --role inspector --password-stdin --db u.db")
              .status == 0);
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open((dir.path / "u.db").c_str(), &raw) == SQLITE_OK);
  CHECK(sqlite3_exec(raw, "UPDATE users SET role = 'admin'", nullptr, nullptr, nullptr) ==
        SQLITE_OK);
  sqlite3_close(raw);
  CliRun list = run_cli("user list --db u.db", dir.path);
  CHECK(list.status == 0);
  CHECK(list.err.find("警告：用户表与审计记录不符") != std::string::npos);
}

}  // namespace
}  // namespace auditor

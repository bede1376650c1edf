// `auditor round plan|draw|assign` end to end with the real binary: a
// self-check round of three streets planned, drawn twice with one seed, the
// random picks recomputed with sha256sum, assigned by hand and by round
// robin with each refusal's exit status, and a drawn row tampered with
// sqlite3 named by `round verify`.
#include <sqlite3.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>

#include "tests/cli_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::run_cli;
using test::sh_quote;
using test::TempDir;

const fs::path kVariants = fs::path(AUDITOR_SOURCE_DIR) / "testdata" / "variants";
const std::string kJiangnan26 = "穗海江南综执立〔2024〕26号";
const std::string kJiangnan27 = "穗海江南综执立〔2024〕27号";
const std::string kPazhou86 = "穗海琶洲综执立〔2024〕86号";  // a fine of 150,000 yuan

// Self-check submissions of 南华西, 江南中 and 琶洲 audited into round "自查".
struct Site {
  TempDir dir;
  Site() {
    const char* names[] = {"d01-decision-in-defence-period.zip",
                           "d02-decision-served-late.zip",
                           "g2-general-statements-a.zip",
                           "g2-general-statements-b.zip",
                           "g3-hearing-a.zip",
                           "n11-company-hearing-150000.zip"};
    std::string args = "audit --db a.db --round 自查 --mode self-check";
    for (const char* n : names) {
      fs::copy_file(kVariants / n, dir.path / n);
      args += std::string(" ") + n;
    }
    REQUIRE(run(args).status == 0);
  }
  test::CliRun run(const std::string& args) { return run_cli(args, dir.path); }
  test::CliRun plan() {
    return run(
        "round plan --db a.db --streets 南华西,江南中、琶洲 --inspector 张三@区司法局 "
        "--inspector 李四@南华西街道 --inspector 王五@琶洲街道 --closed-from 2024-01-01 "
        "--closed-to 2024-12-31 --as 赵六");
  }
  void sql(const std::string& statement) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path / "a.db").c_str(), &db) == SQLITE_OK);
    const int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
  }
};

// The lines of `text` that name a case under a street (two leading spaces).
std::string drawn_lines(const std::string& text) {
  std::string out, line;
  for (char ch : text + "\n") {
    if (ch != '\n') {
      line += ch;
      continue;
    }
    if (line.rfind("  穗海", 0) == 0) out += line + "\n";
    line.clear();
  }
  return out;
}

// `printf '%s\n%s' SEED KEY | sha256sum`, the hex digest.
std::string sha256sum(const std::string& seed, const std::string& key) {
  const std::string cmd =
      "printf '%s\\n%s' " + sh_quote(seed) + " " + sh_quote(key) + " | sha256sum";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::array<char, 65> hex{};
  REQUIRE(std::fread(hex.data(), 1, 64, p) == 64);
  pclose(p);
  return hex.data();
}

TEST_CASE("round plan records the scope and prints it back, and without options shows it",
          "[round-plan-cli]") {
  Site site;
  const test::CliRun none = site.run("round plan --db a.db");
  CHECK(none.status == 0);
  CHECK(none.out.find("还没有评查计划") != std::string::npos);
  const test::CliRun made = site.plan();
  REQUIRE(made.status == 0);
  CHECK(made.out.find("已登记评查计划") != std::string::npos);
  const test::CliRun shown = site.run("round plan --db a.db");
  CHECK(shown.status == 0);
  CHECK(shown.out.find("南华西、江南中、琶洲") != std::string::npos);
  CHECK(shown.out.find("李四（南华西街道）") != std::string::npos);
  CHECK(shown.out.find("2024-01-01 至 2024-12-31") != std::string::npos);
  CHECK(shown.out.find("街道自查") != std::string::npos);
  const test::CliRun bad =
      site.run("round plan --db a.db --streets 琶洲 --inspector 张三 --as 赵六");
  CHECK(bad.status == 1);
  CHECK(bad.err.find("姓名@单位") != std::string::npos);
  CHECK(site.run("round plan --db a.db --streets 琶洲 --inspector 张三@局").status == 2);
}

TEST_CASE("round draw twice with one seed prints one list that sha256sum recomputes",
          "[round-plan-cli]") {
  Site site;
  REQUIRE(site.plan().status == 0);
  const test::CliRun first =
      site.run("round draw --db a.db --per-street 1 --seed 2026-12 --as 赵六");
  REQUIRE(first.status == 0);
  CHECK(first.out.find("种子 2026-12") != std::string::npos);
  CHECK(first.out.find(kPazhou86 + "  MC-fine-large") != std::string::npos);
  CHECK(first.out.find("sha256sum") != std::string::npos);
  const test::CliRun refused =
      site.run("round draw --db a.db --per-street 1 --seed 2026-12 --as 赵六");
  CHECK(refused.status == 1);
  CHECK(refused.err.find("--reason") != std::string::npos);
  const test::CliRun second =
      site.run("round draw --db a.db --per-street 1 --seed 2026-12 --as 赵六 --reason 复核抽取");
  REQUIRE(second.status == 0);
  CHECK_FALSE(drawn_lines(first.out).empty());
  CHECK(drawn_lines(second.out) == drawn_lines(first.out));
  // 江南中 holds two cases and gives one at random: the lower sha256sum.
  const std::string a = sha256sum("2026-12", kJiangnan26), b = sha256sum("2026-12", kJiangnan27);
  const std::string picked = a < b ? kJiangnan26 : kJiangnan27;
  const std::string other = a < b ? kJiangnan27 : kJiangnan26;
  CHECK(first.out.find(picked + "  随机") != std::string::npos);
  CHECK(first.out.find(other) == std::string::npos);
  CHECK(site.run("round draw --db a.db --per-street 1 --as 赵六").status == 2);  // no seed
}

TEST_CASE("round assign refuses 回避 and an inspector outside the plan, --auto assigns the rest",
          "[round-plan-cli]") {
  Site site;
  REQUIRE(site.plan().status == 0);
  REQUIRE(site.run("round draw --db a.db --per-street 1 --seed 2026-12 --as 赵六").status == 0);
  const test::CliRun own = site.run("round assign --db a.db --case " + sh_quote(kPazhou86) +
                                    " --inspector 王五 --as 赵六");
  CHECK(own.status == 1);
  CHECK(own.err.find("回避") != std::string::npos);
  const test::CliRun stranger = site.run("round assign --db a.db --case " + sh_quote(kPazhou86) +
                                         " --inspector 钱七 --as 赵六");
  CHECK(stranger.status == 1);
  CHECK(stranger.err.find("不在") != std::string::npos);
  CHECK(site.run("round assign --db a.db --case " + sh_quote(kPazhou86) + " --as 赵六").status ==
        2);
  CHECK(site.run("round assign --db a.db --auto --case " + sh_quote(kPazhou86) +
                 " --inspector 张三 --as 赵六")
            .status == 2);
  const test::CliRun one = site.run("round assign --db a.db --case " + sh_quote(kPazhou86) +
                                    " --inspector 李四 --as 赵六");
  REQUIRE(one.status == 0);
  CHECK(one.out.find(kPazhou86 + " → 李四（南华西街道）") != std::string::npos);
  const test::CliRun rest = site.run("round assign --db a.db --auto --as 赵六");
  REQUIRE(rest.status == 0);
  CHECK(rest.out.find("另有 1 件此前已分配") != std::string::npos);
  CHECK(rest.out.find("→ 张三") != std::string::npos);
  const test::CliRun shown = site.run("round plan --db a.db");
  CHECK(shown.out.find("已分配") != std::string::npos);
}

TEST_CASE("round verify names a draw row tampered with sqlite3", "[round-plan-cli]") {
  Site site;
  REQUIRE(site.plan().status == 0);
  REQUIRE(site.run("round draw --db a.db --per-street 1 --seed 2026-12 --as 赵六").status == 0);
  CHECK(site.run("round verify --db a.db").status == 0);
  site.sql(
      "DROP TRIGGER trail_no_update;"
      "UPDATE trail SET payload = replace(payload, '2026-12', '2026-13') WHERE action = 'draw'");
  const test::CliRun broken = site.run("round verify --db a.db");
  CHECK(broken.status == 1);
  CHECK(broken.out.find("第 2 条") != std::string::npos);
}

}  // namespace
}  // namespace auditor

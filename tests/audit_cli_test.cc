// End-to-end tests of what `auditor audit` adds around the checker:
// incremental reuse, --profile, the run lock and the cross-case numbering
// post-pass, on the bundled testdata archives and the real binary.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "importers/zip_reader.h"
#include "store/run_lock.h"
#include "tests/cli_support.h"
#include "tests/zip_fixtures.h"

namespace fs = std::filesystem;
using auditor::test::read_file;
using auditor::test::run_cli;
using auditor::test::sh_quote;
using auditor::test::TempDir;
using auditor::test::write_file;

namespace {

const std::string kComplete = AUDITOR_SOURCE_DIR "/testdata/01-complete-structured.zip";

// The members of `archive` rewritten with one extra note: other bytes, same case.
std::string with_note(const std::string& archive) {
  const std::string bytes = read_file(archive);
  auto reader = auditor::ZipReader::open(bytes, auditor::ZipLimits{});
  REQUIRE(reader.ok());
  std::vector<auditor::testing::Member> members;
  for (std::size_t i = 0; i < (*reader)->entries().size(); ++i) {
    auto data = (*reader)->read(i);
    REQUIRE(data.ok());
    members.emplace_back((*reader)->entries()[i].name, *data);
  }
  members.emplace_back("备注.txt", "复印件");
  return auditor::testing::make_zip(members);
}

const nlohmann::json& case_of(const nlohmann::json& result, const std::string& name) {
  for (const nlohmann::json& c : result["cases"])
    if (fs::path(c["archive"].get<std::string>()).filename() == name) return c;
  FAIL("no case " << name);
  throw;
}

}  // namespace

TEST_CASE("a second audit of unchanged archives reuses the stored results unless --full", "[cli]") {
  TempDir dir;
  const std::string args = "audit " + sh_quote(kComplete) + " --db a.db";
  auto first = run_cli(args, dir.path);
  REQUIRE(first.status == 0);
  CHECK(first.out.find("沿用已存结果") == std::string::npos);
  auto second = run_cli(args, dir.path);
  REQUIRE(second.status == 0);
  CHECK(second.out.find("优秀 100分") != std::string::npos);
  CHECK(second.out.find("（压缩包与清单未变，沿用已存结果）") != std::string::npos);
  auto full = run_cli(args + " --full", dir.path);
  REQUIRE(full.status == 0);
  CHECK(full.out.find("沿用已存结果") == std::string::npos);
}

TEST_CASE("audit --profile scores with the chosen profile and refuses an unknown one", "[cli]") {
  TempDir dir;
  const std::string missing = AUDITOR_SOURCE_DIR "/testdata/03-missing-notice-bare.zip";
  auto by_default = run_cli("audit " + sh_quote(missing) + " --db a.db", dir.path);
  CHECK(by_default.out.find("不合格 0分") != std::string::npos);
  // Under mee-2024 (as published) a veto item (重大问题) makes the whole case 0 too.
  auto mee = run_cli("audit " + sh_quote(missing) + " --db a.db --profile mee-2024", dir.path);
  REQUIRE(mee.status == 0);
  CHECK(mee.out.find("不合格 0分") != std::string::npos);
  CHECK(mee.out.find("沿用已存结果") == std::string::npos);
  // A case without a veto is scored by the chosen profile's formula.
  const std::string scan = AUDITOR_SOURCE_DIR "/testdata/05-unsupported-and-scan.zip";
  auto scan_default = run_cli("audit " + sh_quote(scan) + " --db b.db", dir.path);
  auto scan_mee = run_cli("audit " + sh_quote(scan) + " --db b.db --profile mee-2024", dir.path);
  REQUIRE(scan_mee.status == 0);
  CHECK(scan_mee.out.find("沿用已存结果") == std::string::npos);
  CHECK(scan_mee.out != scan_default.out);
  auto unknown = run_cli("audit " + sh_quote(missing) + " --db a.db --profile nosuch", dir.path);
  CHECK(unknown.status == 2);
  CHECK(unknown.err.find("计分方案有误") != std::string::npos);
}

TEST_CASE("an audit on a database another run holds is refused and writes nothing", "[cli]") {
  TempDir dir;
  auto held = auditor::RunLock::acquire(dir.path / "a.db");
  REQUIRE(held.ok());
  auto refused = run_cli("audit " + sh_quote(kComplete) + " --db a.db", dir.path);
  CHECK(refused.status == 2);
  CHECK_FALSE(refused.err.empty());
  CHECK_FALSE(fs::exists(dir.path / "a.db"));
}

TEST_CASE("two archives of one case number both get the duplicate-number finding", "[cli]") {
  TempDir dir;
  fs::copy_file(kComplete, dir.path / "a.zip");
  write_file(dir.path / "b.zip", with_note(kComplete));
  auto run = run_cli("audit a.zip b.zip --db a.db --json r.json", dir.path);
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(run.out.find("编号重复 ✓ a.zip") != std::string::npos);
  CHECK(run.out.find("编号重复 ✓ b.zip") != std::string::npos);
  const nlohmann::json result = nlohmann::json::parse(read_file(dir.path / "r.json"));
  for (const char* name : {"a.zip", "b.zip"}) {
    const nlohmann::json& c = case_of(result, name);
    int duplicates = 0;
    for (const nlohmann::json& f : c["findings"])
      if (f["rule"] == "NUM-serial-unique") ++duplicates;
    CHECK(duplicates >= 1);
    CHECK(c["score"].get<double>() < 100);
  }
  // Same bytes under another name are the same file, not a duplicate.
  TempDir copies;
  fs::copy_file(kComplete, copies.path / "a.zip");
  fs::copy_file(kComplete, copies.path / "copy.zip");
  auto same = run_cli("audit a.zip copy.zip --db a.db", copies.path);
  CHECK(same.out.find("编号重复") == std::string::npos);
}

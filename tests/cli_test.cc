// End-to-end tests of the command line: usage, exit statuses, errors.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli_support.h"
#include "util/text_match.h"
#include "util/utf8.h"

using auditor::test::run_cli;
using auditor::test::sh_quote;
using auditor::test::TempDir;
using auditor::test::write_file;

TEST_CASE("the version option prints the tool version", "[cli]") {
  auto run = run_cli("--version");
  CHECK(run.status == 0);
  CHECK(run.out == std::string("auditor ") + AUDITOR_VERSION + "\n");
}

TEST_CASE("the help option lists every subcommand in Chinese", "[cli]") {
  auto run = run_cli("--help");
  CHECK(run.status == 0);
  for (const char* word : {"audit", "extract", "rules", "用法"})
    CHECK(run.out.find(word) != std::string::npos);
}

TEST_CASE("each subcommand's help keeps its Chinese characters whole", "[cli]") {
  for (const char* command : {"audit", "extract", "report", "rules", "checklist"}) {
    INFO(command);
    auto run = run_cli(std::string(command) + " --help");
    CHECK(run.status == 0);
    CHECK(auditor::is_valid_utf8(run.out));
  }
  // A long description stays on its option's line, not cut at a byte count.
  CHECK(run_cli("report --help").out.find("none（不附，改附案卷一览）") != std::string::npos);
}

TEST_CASE("an unknown subcommand is a usage error", "[cli]") {
  auto run = run_cli("frobnicate");
  CHECK(run.status == 2);
  CHECK(run.err.find("未知命令") != std::string::npos);
}

TEST_CASE("audit without a path is a usage error", "[cli]") {
  TempDir dir;
  auto run = run_cli("audit", dir.path);
  CHECK(run.status == 2);
  CHECK(run.err.find("请指定") != std::string::npos);
}

TEST_CASE("audit of a path that does not exist is a usage error", "[cli]") {
  TempDir dir;
  auto run = run_cli("audit no-such-folder", dir.path);
  CHECK(run.status == 2);
  CHECK(run.err.find("no-such-folder") != std::string::npos);
}

TEST_CASE("an invalid checklist is a configuration error naming file and line", "[cli]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path / "bad");
  write_file(dir.path / "bad" / "checklist.xml", "<checklist id=\"x\">\n  <stage>\n</checklist>\n");
  write_file(dir.path / "a.zip", "not a zip");
  auto run = run_cli("audit --checklist bad a.zip", dir.path);
  CHECK(run.status == 2);
  CHECK(run.err.find("checklist.xml:") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir.path / "auditor.db"));
}

TEST_CASE("rules lists every rule with its basis", "[cli]") {
  auto run = run_cli("rules");
  CHECK(run.status == 0);
  CHECK(run.out.find("依据：") != std::string::npos);
  CHECK(run.out.find("REQ-") != std::string::npos);
}

TEST_CASE("extract --json shows an OFD's text and its seal check", "[cli]") {
  auto run = run_cli("extract --json " + sh_quote(std::string(AUDITOR_REALDATA) +
                                                  "/ofd/ofdrw-reader__SESV4SignDoc.ofd"));
  REQUIRE(run.status == 0);
  auto j = nlohmann::json::parse(run.out);
  REQUIRE(j["documents"].size() == 1);
  const auto& d = j["documents"][0];
  CHECK(d["format"] == "ofd");
  CHECK(d["has_text"] == true);
  REQUIRE(d["signatures"].size() == 1);
  CHECK(d["signatures"][0]["type"] == "Seal");
  CHECK(d["signatures"][0]["intact"] == true);
}

TEST_CASE("extract of a vector-only OFD says there is no extractable text", "[cli]") {
  auto run =
      run_cli("extract " + sh_quote(std::string(AUDITOR_REALDATA) + "/ofd/ofdrw-converter__h.ofd"));
  REQUIRE(run.status == 0);
  CHECK(run.out.find("无可提取文本") != std::string::npos);
  CHECK(run.out.find("格式：ofd") != std::string::npos);
}

TEST_CASE("extract of a case archive lists every member with its type", "[cli]") {
  auto run = run_cli("extract --json " + sh_quote(std::string(AUDITOR_SOURCE_DIR) +
                                                  "/testdata/01-complete-structured.zip"));
  REQUIRE(run.status == 0);
  auto j = nlohmann::json::parse(run.out);
  CHECK(j["documents"].size() == 18);
  for (const auto& d : j["documents"]) {
    INFO(d["path"]);
    CHECK(d["type"].is_string());
    CHECK(d.contains("facts"));
    CHECK(d.contains("text"));
  }
}

// `auditor checklist check DIR` and `auditor rules` through the real binary:
// summaries of valid data, file:line for broken data, scoring per profile.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/checklist_load.h"
#include "auditor/checklist.h"
#include "tests/cli_support.h"

using namespace auditor;
using namespace auditor::test;
namespace fs = std::filesystem;

namespace {

const fs::path kChecklists = fs::path(AUDITOR_SOURCE_DIR) / "checklists";

// A copy of the bundled general/, profiles/, calendar/ and scope/ folders
// under `dir` (checklist.xml refers to the other three by relative path).
void copy_bundled(const fs::path& dir) {
  for (const char* sub : {"general", "profiles", "calendar", "scope"})
    fs::copy(kChecklists / sub, dir / sub, fs::copy_options::recursive);
}

const char* kUnknownKindOnLine7 = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- a rule file with a typo in a kind -->
<rules>
  <!-- the third rule of the district: -->
  <!-- the kind below does not exist -->

  <rule id="X-typo" kind="required_documnet" severity="minor" deduction="2">
    <basis>b</basis><message>m</message><description>d</description>
  </rule>
</rules>
)";

}  // namespace

TEST_CASE("checklist check on the bundled data passes and prints the counts", "[scoring]") {
  Result<Checklist> cl = load_audit_checklist(kChecklists / "general");
  REQUIRE(cl.ok());
  auto run = run_cli("checklist check " + sh_quote(kChecklists.string()));
  INFO(run.err);
  CHECK(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("检查清单 " + (kChecklists / "general").string() + "：通过"));
  CHECK_THAT(run.out, Catch::Contains("编号：" + cl->id));
  CHECK_THAT(run.out, Catch::Contains(cl->sha256));
  CHECK_THAT(run.out, Catch::Contains("阶段 " + std::to_string(cl->stages.size()) +
                                      " 个，文书类型 " + std::to_string(cl->doc_types.size()) +
                                      " 种，规则 " + std::to_string(cl->rules.size()) + " 条"));
  const auto required = std::count_if(cl->rules.begin(), cl->rules.end(),
                                      [](const Rule& r) { return r.kind == "required_document"; });
  CHECK_THAT(run.out, Catch::Contains("required_document " + std::to_string(required) + " 条"));
  CHECK_THAT(run.out,
             Catch::Contains("计分方案 " + (kChecklists / "profiles" / "mee-2024.xml").string()));
  CHECK_THAT(run.out, Catch::Contains("节假日日历"));
  CHECK_THAT(
      run.out,
      Catch::Contains("必查规则 " + (kChecklists / "draw" / "must-check.xml").string() + "：通过"));
  CHECK_THAT(run.out, Catch::Contains("有误 0 项"));
}

TEST_CASE("checklist check reports a rule with an unknown kind as file:line and exits 2",
          "[scoring]") {
  TempDir dir;
  copy_bundled(dir.path);
  write_file(dir.path / "general" / "rules-x.xml", kUnknownKindOnLine7);
  auto run = run_cli("checklist check " + sh_quote((dir.path / "general").string()));
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains((dir.path / "general" / "rules-x.xml").string() + ":7: "));
  CHECK_THAT(run.err, Catch::Contains("未知的规则类型 required_documnet"));
  CHECK_THAT(run.out, Catch::Contains("有误 1 项"));
}

TEST_CASE("checklist check reports a broken profile and still checks the rest", "[scoring]") {
  TempDir dir;
  copy_bundled(dir.path);
  write_file(dir.path / "profiles" / "bad.xml",
             "<profile id=\"bad\" formula=\"ratio\">\n  <legality points=\"50\"/>\n"
             "  <items points=\"50\"/>\n  <basic>\n    <finding kind=\"numbers\"/>\n  </basic>\n"
             "  <band min=\"0\" grade=\"合格\"/>\n</profile>\n");
  write_file(dir.path / "stray-rules.xml", "<rules>\n</rules>\n");
  auto run = run_cli("checklist check " + sh_quote(dir.path.string()));
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains("bad.xml:5: 未知的问题类型 numbers"));
  CHECK_THAT(run.err, Catch::Contains("stray-rules.xml:1: 根元素 <rules> 不属于任何检查清单"));
  CHECK_THAT(run.out, Catch::Contains((dir.path / "general").string() + "：通过"));
  CHECK_THAT(run.out, Catch::Contains("有误 2 项"));
}

TEST_CASE("checklist check without a valid action or folder is a usage error", "[scoring]") {
  CHECK(run_cli("checklist").status == 2);
  CHECK(run_cli("checklist verify").status == 2);
  TempDir empty;
  auto run = run_cli("checklist check " + sh_quote(empty.path.string()));
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains("没有 .xml 数据文件"));
}

TEST_CASE("rules shows each kind's help and the cost under the active profile", "[scoring]") {
  auto run = run_cli("rules");
  REQUIRE(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("计分方案：haizhu-default"));
  CHECK_THAT(run.out, Catch::Contains("类型：required_document（某阶段必备的文书须在卷内"));
  CHECK_THAT(run.out, Catch::Contains("计分：扣 10 分"));
  CHECK_THAT(run.out, Catch::Contains("计分：否决项：得 0 分，等次为不合格"));

  run = run_cli("rules --profile mee-2024");
  REQUIRE(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("计分方案：mee-2024"));
  CHECK_THAT(run.out, Catch::Contains("计分：评查项目 2 分"));
  CHECK_THAT(run.out, Catch::Contains("否决项（重大问题）：全案 0 分，等次为不合格"));

  run = run_cli("rules --profile no-such-profile");
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Catch::Contains("计分方案文件不存在"));
}

TEST_CASE("rules lists the substance tables the SUB rules read, with their entries",
          "[substance]") {
  auto run = run_cli("rules");
  REQUIRE(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("救济途径表：海珠区街道行政处罚决定书救济途径告知"));
  CHECK_THAT(run.out, Catch::Contains("《中华人民共和国固体废物污染环境防治法》"));
}

// The 会审 / 法制审核 scope tables as data (docs/formats/scope.md): the
// shipped sample loads, every malformed file fails with file:line and a
// Chinese reason, a street's table replaces, adds and removes entries, and
// `auditor checklist check` / `auditor rules` validate and list them.
#include <catch2/catch.hpp>

#include <filesystem>

#include "auditor/checklist.h"
#include "auditor/scope.h"
#include "tests/cli_support.h"

using namespace auditor;
using namespace auditor::test;
namespace fs = std::filesystem;

namespace {

const fs::path kChecklists = fs::path(AUDITOR_SOURCE_DIR) / "checklists";

constexpr const char* kDistrict = R"(<?xml version="1.0" encoding="UTF-8"?>
<scope id="d" version="1" name="区级范围">
  <entry id="fine-citizen" test="fine" party="citizen" min="5000" needs="discussion" name="公民罚款"/>
  <entry id="heavy" test="penalty" kinds="吊销许可证件,责令停产停业" needs="discussion,legal_review" name="重罚"/>
  <entry id="mitigated" test="mitigated" needs="discussion" name="减轻"/>
</scope>
)";

// The district file with `entry` as its third line (line numbers in errors).
std::string district_with(const std::string& entry) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<scope id=\"d\" version=\"1\" "
             "name=\"区级范围\">\n") +
         entry + "\n</scope>\n";
}

// A copy of the bundled checklist folders checklist.xml refers to, under `dir`.
void copy_bundled(const TempDir& dir) {
  for (const char* sub : {"general", "profiles", "calendar", "scope"})
    fs::copy(kChecklists / sub, dir.path / sub, fs::copy_options::recursive);
}

Result<ScopeTable> table_of(const TempDir& dir, const std::string& text) {
  write_file(dir.path / "district.xml", text);
  return load_scope_file(dir.path / "district.xml");
}

}  // namespace

TEST_CASE("the shipped sample scope loads, a district table and a street's", "[scope]") {
  Result<Scope> s = load_scope(kChecklists / "scope");
  REQUIRE(s.ok());
  CHECK(s->district.id == "haizhu-district");
  CHECK_FALSE(s->district.version.empty());
  CHECK(s->sha256.size() == 64);
  REQUIRE(s->street_table("赤岗"));
  // 赤岗 lowers the citizen threshold and drops confiscation-large.
  const std::vector<ScopeEntry> chigang = s->entries_for("赤岗");
  const auto find = [](const std::vector<ScopeEntry>& v, const std::string& id) {
    for (const ScopeEntry& e : v)
      if (e.id == id) return &e;
    return static_cast<const ScopeEntry*>(nullptr);
  };
  REQUIRE(find(chigang, "fine-citizen"));
  REQUIRE(find(s->entries_for("新港"), "fine-citizen"));
  CHECK(find(chigang, "fine-citizen")->min < find(s->entries_for("新港"), "fine-citizen")->min);
  CHECK_FALSE(find(chigang, "confiscation-large"));
  CHECK(find(s->entries_for(""), "confiscation-large"));
  CHECK(find(chigang, "no-penalty"));
  CHECK_FALSE(find(s->entries_for("新港"), "no-penalty"));
}

TEST_CASE("the bundled checklist carries the scope and its hash covers it", "[scope]") {
  Result<Checklist> cl = load_checklist(kChecklists / "general");
  REQUIRE(cl.ok());
  REQUIRE(cl->scope);
  CHECK(cl->scope->district.id == "haizhu-district");
  // An edited scope changes the checklist's hash (stored audits are re-checked).
  TempDir dir;
  copy_bundled(dir);
  Result<Checklist> same = load_checklist(dir.path / "general");
  REQUIRE(same.ok());
  CHECK(same->sha256 == cl->sha256);
  std::string text = read_file(dir.path / "scope" / "district.xml");
  text.replace(text.find("min=\"5000\""), 10, "min=\"6000\"");
  write_file(dir.path / "scope" / "district.xml", text);
  Result<Checklist> edited = load_checklist(dir.path / "general");
  REQUIRE(edited.ok());
  CHECK(edited->sha256 != cl->sha256);
}

TEST_CASE("a malformed entry fails with its file, line and a Chinese reason", "[scope]") {
  TempDir dir;
  const std::string file = (dir.path / "district.xml").string();
  const auto error = [&](const std::string& entry) {
    Result<ScopeTable> t = table_of(dir, district_with(entry));
    REQUIRE_FALSE(t.ok());
    CHECK_THAT(t.error(), Catch::StartsWith(file + ":3: "));
    return t.error();
  };
  CHECK_THAT(error(R"(<entry id="x" test="size" needs="discussion" name="n"/>)"),
             Catch::Contains("test=\"size\" 无效"));
  CHECK_THAT(
      error(R"(<entry id="x" test="penalty" kinds="吊销执照" needs="discussion" name="n"/>)"),
      Catch::Contains("处罚种类“吊销执照”无效"));
  CHECK_THAT(
      error(R"(<entry id="x" test="fine" party="company" min="1" needs="discussion" name="n"/>)"),
      Catch::Contains("party=\"company\" 无效"));
  CHECK_THAT(error(R"(<entry id="x" test="fine" needs="discussion" name="n"/>)"),
             Catch::Contains("min"));
  CHECK_THAT(error(R"(<entry id="x" test="fine" min="-5" needs="discussion" name="n"/>)"),
             Catch::Contains("min 不能为负数"));
  CHECK_THAT(error(R"(<entry id="x" test="hearing" min="5" needs="discussion" name="n"/>)"),
             Catch::Contains("不接受属性 min"));
  CHECK_THAT(error(R"(<entry id="x" test="hearing" needs="meeting" name="n"/>)"),
             Catch::Contains("needs 中的“meeting”无效"));
  CHECK_THAT(error(R"(<entry id="x" test="hearing" needs="" name="n"/>)"),
             Catch::Contains("needs"));
  CHECK_THAT(
      error(R"(<entry id="x" test="complex" undecided="maybe" needs="discussion" name="n"/>)"),
      Catch::Contains("undecided=\"maybe\" 无效"));
  CHECK_THAT(error(R"(<entry id="x" test="hearing" needs="discussion"/>)"),
             Catch::Contains("name"));
  CHECK_THAT(error(R"(<rule id="x" test="hearing" needs="discussion" name="n"/>)"),
             Catch::Contains("rule"));
}

TEST_CASE("duplicate ids, a wrong root and an empty district table are refused", "[scope]") {
  TempDir dir;
  Result<ScopeTable> dup =
      table_of(dir, district_with("<entry id=\"a\" test=\"hearing\" needs=\"discussion\" "
                                  "name=\"n\"/>\n<entry id=\"a\" test=\"withdrawn\" "
                                  "needs=\"discussion\" name=\"n\"/>"));
  REQUIRE_FALSE(dup.ok());
  CHECK_THAT(dup.error(), Catch::Contains(":4: 条目编号 a 重复"));
  Result<ScopeTable> root = table_of(dir, "<rules/>");
  REQUIRE_FALSE(root.ok());
  CHECK_THAT(root.error(), Catch::Contains("根元素应为 <scope>"));
  Result<ScopeTable> empty = table_of(dir, "<scope id=\"d\" version=\"1\" name=\"n\"/>");
  REQUIRE_FALSE(empty.ok());
  CHECK_THAT(empty.error(), Catch::Contains("没有任何 <entry>"));
}

TEST_CASE("a street table replaces, adds and removes the district's entries", "[scope]") {
  TempDir dir;
  write_file(dir.path / "district.xml", kDistrict);
  fs::create_directories(dir.path / "streets");
  write_file(dir.path / "streets" / "xingang.xml", R"(<scope street="新港" extends="d" version="2">
  <entry id="fine-citizen" test="fine" party="citizen" min="2000" needs="discussion" name="公民罚款"/>
  <entry id="withdrawn" test="withdrawn" needs="discussion" name="撤销立案"/>
  <remove id="mitigated"/>
</scope>)");
  Result<Scope> s = load_scope(dir.path);
  REQUIRE(s.ok());
  const std::vector<ScopeEntry> xingang = s->entries_for("新港");
  REQUIRE(xingang.size() == 3);
  CHECK(xingang[0].id == "fine-citizen");
  CHECK(xingang[0].min == 2000);
  CHECK(xingang[1].id == "heavy");
  CHECK(xingang[2].id == "withdrawn");
  const std::vector<ScopeEntry> other = s->entries_for("赤岗");  // no table: the district's
  REQUIRE(other.size() == 3);
  CHECK(other[0].min == 5000);
  CHECK(other[2].id == "mitigated");
}

TEST_CASE("a street table that does not fit the district table is refused", "[scope]") {
  TempDir dir;
  write_file(dir.path / "district.xml", kDistrict);
  fs::create_directories(dir.path / "streets");
  SECTION("extends names another table") {
    write_file(dir.path / "streets" / "a.xml", R"(<scope street="新港" extends="x" version="2"/>)");
    Result<Scope> s = load_scope(dir.path);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.error(), Catch::Contains("extends=\"x\" 与区级范围表编号 d 不一致"));
  }
  SECTION("remove names no district entry") {
    write_file(dir.path / "streets" / "a.xml",
               R"(<scope street="新港" extends="d" version="2"><remove id="nope"/></scope>)");
    Result<Scope> s = load_scope(dir.path);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.error(), Catch::Contains("所删除的条目不在区级范围表"));
  }
  SECTION("two tables for one street") {
    write_file(dir.path / "streets" / "a.xml", R"(<scope street="新港" extends="d" version="2"/>)");
    write_file(dir.path / "streets" / "b.xml", R"(<scope street="新港" extends="d" version="3"/>)");
    Result<Scope> s = load_scope(dir.path);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.error(), Catch::Contains("街道 新港 的范围表重复"));
  }
  SECTION("no district table") {
    fs::remove(dir.path / "district.xml");
    write_file(dir.path / "streets" / "a.xml", R"(<scope street="新港" extends="d" version="2"/>)");
    Result<Scope> s = load_scope(dir.path);
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.error(), Catch::Contains("没有区级范围表"));
  }
}

TEST_CASE("a checklist naming a scope folder that does not load fails at its <scope> line",
          "[scope]") {
  TempDir dir;
  copy_bundled(dir);
  write_file(
      dir.path / "scope" / "district.xml",
      district_with(R"(<entry id="x" test="fine" min="many" needs="discussion" name="n"/>)"));
  Result<Checklist> cl = load_checklist(dir.path / "general");
  REQUIRE_FALSE(cl.ok());
  CHECK_THAT(cl.error(), Catch::Contains("checklist.xml:"));
  CHECK_THAT(cl.error(), Catch::Contains("无法读取会审和法制审核范围表 ../scope"));
  CHECK_THAT(cl.error(), Catch::Contains("district.xml:3: "));
}

TEST_CASE("checklist check validates scope files with file:line and auditor rules lists them",
          "[scope]") {
  const CliRun ok = run_cli("checklist check " + sh_quote(kChecklists.string()));
  INFO(ok.err);
  CHECK(ok.status == 0);
  CHECK_THAT(ok.out, Catch::Contains("范围表 " + (kChecklists / "scope" / "district.xml").string() +
                                     "：通过（区级 haizhu-district"));
  CHECK_THAT(ok.out, Catch::Contains("赤岗街道，继承 haizhu-district"));
  CHECK_THAT(ok.out, Catch::Contains("会审和法制审核范围表：haizhu-district"));

  TempDir dir;
  fs::create_directories(dir.path / "scope");
  write_file(
      dir.path / "scope" / "district.xml",
      district_with(R"(<entry id="x" test="penalty" kinds="罚金" needs="discussion" name="n"/>)"));
  const CliRun bad = run_cli("checklist check " + sh_quote(dir.path.string()));
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains((dir.path / "scope" / "district.xml").string() + ":3: "));
  CHECK_THAT(bad.err, Catch::Contains("处罚种类“罚金”无效"));

  const CliRun rules = run_cli("rules");
  CHECK(rules.status == 0);
  CHECK_THAT(rules.out, Catch::Contains("会审和法制审核范围表："));
  CHECK_THAT(rules.out, Catch::Contains("fine-citizen："));
  CHECK_THAT(rules.out, Catch::Contains("赤岗街道范围表"));
  CHECK_THAT(rules.out, Catch::Contains("删除 confiscation-large"));
  CHECK_THAT(rules.out, Catch::Contains("MTG-participants"));
  CHECK_THAT(rules.out, Catch::Contains("LR-new-evidence"));
}

TEST_CASE("an entry describes its threshold in yuan as written, without trailing zeros",
          "[scope]") {
  TempDir dir;
  Result<ScopeTable> t =
      table_of(dir, district_with("  <entry id=\"c\" test=\"confiscation\" party=\"organisation\" "
                                  "min=\"1500.5\" needs=\"legal_review\" name=\"没收\"/>"));
  REQUIRE(t.ok());
  REQUIRE(t->entries.size() == 1);
  CHECK(describe_entry(t->entries[0]) == "对法人或其他组织没收违法所得或非法财物 1500.5 元以上");
  CHECK(needs_label(t->entries[0]) == "法制审核");
  Result<ScopeTable> d = table_of(dir, kDistrict);
  REQUIRE(d.ok());
  CHECK(describe_entry(d->entries[0]) == "对公民罚款 5000 元以上");
  CHECK(needs_label(d->entries[1]) == "会审（集体讨论）、法制审核");
}

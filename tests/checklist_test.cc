// Loading checklist data: the bundled checklist, its hash, and loader errors
// that name file:line.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "auditor/checklist.h"
#include "auditor/rule_kinds.h"

namespace fs = std::filesystem;
using namespace auditor;

namespace {

const fs::path kBundled = fs::path(AUDITOR_SOURCE_DIR) / "checklists" / "general";

// A temporary folder removed when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "checklist-test-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

const char* kHeader = R"(<checklist id="t" version="1" name="测试清单">
  <stages><stage number="1" name="立案"/><stage number="3" name="告知权利"/></stages>
  <scoring id="s" formula="deduction" base="100">
    <band min="70" grade="合格"/><band min="0" grade="不合格"/><band min="90" grade="优秀"/>
  </scoring>
</checklist>
)";

const char* kDocTypes = R"(<doctypes>
  <doctype id="filing_approval" name="立案审批表" stage="1"/>
  <doctype id="penalty_notice" name="行政处罚事先告知书" stage="3"><title>行政处罚告知书</title></doctype>
</doctypes>
)";

const char* kImportRule = R"(<rules>
  <rule id="IMP-document" kind="import_issue" severity="minor" deduction="2">
    <basis>立卷规范</basis><message>{member}：{reason}</message><description>导入问题</description>
  </rule>
</rules>
)";

// A rules.xml whose 3rd line is `rule_line`.
std::string rules_with(const std::string& rule_line) {
  return "<rules>\n  <!-- the rule under test -->\n" + rule_line + "\n</rules>\n";
}

const char* kGoodRule =
    R"(<rule id="REQ-3-penalty_notice" kind="required_document" severity="veto" stage="3" when="!no_penalty"><param name="document" value="penalty_notice"/><basis>第四十四条</basis><message>缺少{document}</message><description>须有告知书</description></rule>)";

// A valid small checklist folder, with `rules` as rules.xml.
void write_small_checklist(const TempDir& dir, const std::string& rules) {
  dir.write("checklist.xml", kHeader);
  dir.write("doctypes.xml", kDocTypes);
  dir.write("import.xml", kImportRule);
  dir.write("rules.xml", rules);
}

std::string load_error(const TempDir& dir) {
  Result<Checklist> cl = load_checklist(dir.path);
  REQUIRE_FALSE(cl.ok());
  return cl.error();
}

}  // namespace

TEST_CASE("bundled checklist loads with 8 stages, every agreed document type and cited rules",
          "[checker]") {
  Result<Checklist> cl = load_checklist(kBundled);
  REQUIRE(cl.ok());
  CHECK(cl->id == "general-penalty");
  CHECK(cl->version == "2025.1");
  REQUIRE(cl->stages.size() == 8);
  CHECK(cl->stage(3)->name == "告知权利");
  CHECK(cl->stage(4)->name == "法制审核与集体讨论");
  // doctypes.xml 48 + doctypes-deadlines.xml 3 + doctypes-appeals.xml 8
  CHECK(cl->doc_types.size() == 59);
  for (const char* id : {"filing_approval",
                         "case_source",
                         "filing_withdrawal",
                         "inspection_record",
                         "inquiry_record",
                         "evidence",
                         "investigation_report",
                         "correction_order",
                         "preservation_notice",
                         "preservation_decision",
                         "seizure_decision",
                         "seizure_list",
                         "expert_report",
                         "recusal_decision",
                         "penalty_notice",
                         "hearing_rights_notice",
                         "statement_record",
                         "hearing_request",
                         "hearing_notification",
                         "hearing_record",
                         "hearing_report",
                         "review_record",
                         "penalty_approval",
                         "legal_review",
                         "collective_discussion",
                         "penalty_decision",
                         "no_penalty_decision",
                         "transfer_letter",
                         "service_receipt",
                         "address_confirmation",
                         "e_service_confirmation",
                         "publication_record",
                         "payment_proof",
                         "correction_proof",
                         "payment_deferral_approval",
                         "reminder",
                         "surcharge_notice",
                         "enforcement_application",
                         "closing_approval",
                         "catalogue",
                         "file_notes",
                         "termination_record",
                         "approval_form",
                         "no_penalty_notice",
                         "on_spot_decision",
                         "on_spot_filing",
                         "waiver_statement"}) {
    INFO(id);
    CHECK(cl->doc_type(id) != nullptr);
  }
  CHECK(cl->doc_type("penalty_decision")->abbreviation == "罚决");
  CHECK(cl->doc_type("penalty_decision")->titles.front() == "行政处罚决定书");
  CHECK(cl->rules.size() == 134);  // every <rule> of rules-*.xml
  std::set<std::string> ids;
  for (const Rule& r : cl->rules) {
    INFO(r.id);
    ids.insert(r.id);
    CHECK(find_rule_kind(r.kind) != nullptr);
    CHECK_FALSE(r.basis.empty());
    CHECK_FALSE(r.message.empty());
    CHECK_FALSE(r.description.empty());
    CHECK(r.source.find(".xml:") != std::string::npos);
  }
  CHECK(ids.size() == cl->rules.size());
  CHECK(ids.count("IMP-document"));
  CHECK(ids.count("REQ-3-penalty_notice"));
  CHECK(cl->settings.at("hearing_fine_citizen") == "5000");
  REQUIRE(cl->scoring.bands.size() == 3);
  CHECK(cl->scoring.bands.front().grade == "优秀");
  CHECK(cl->sha256.size() == 64);
}

TEST_CASE("checklist hash covers paths and bytes of every data file", "[checker]") {
  TempDir dir;
  write_small_checklist(dir, rules_with(kGoodRule));
  Result<Checklist> first = load_checklist(dir.path);
  REQUIRE(first.ok());
  Result<Checklist> again = load_checklist(dir.path);
  CHECK(again->sha256 == first->sha256);
  dir.write("rules.xml", rules_with(kGoodRule) + " ");
  CHECK(load_checklist(dir.path)->sha256 != first->sha256);
  fs::rename(dir.path / "rules.xml", dir.path / "rules-b.xml");
  Result<Checklist> renamed = load_checklist(dir.path);
  REQUIRE(renamed.ok());
  CHECK(renamed->sha256 != first->sha256);
}

TEST_CASE("small checklist loads, bands are sorted and rule source names file:line", "[checker]") {
  TempDir dir;
  write_small_checklist(dir, rules_with(kGoodRule));
  Result<Checklist> cl = load_checklist(dir.path);
  REQUIRE(cl.ok());
  REQUIRE(cl->rules.size() == 2);
  const Rule& r = cl->rules[1];
  CHECK(r.source == "rules.xml:3");
  CHECK(r.when == std::vector<std::string>{"!no_penalty"});
  CHECK(r.params.at("document") == "penalty_notice");
  CHECK(r.stage == 3);
  REQUIRE(cl->scoring.bands.size() == 3);
  CHECK(cl->scoring.bands[0].min_score == 90);
  CHECK(cl->scoring.bands[2].grade == "不合格");
  CHECK(cl->doc_type("penalty_notice")->titles ==
        std::vector<std::string>{"行政处罚事先告知书", "行政处罚告知书"});
}

TEST_CASE("checklist loader errors name file and line", "[checker]") {
  TempDir dir;
  struct Broken {
    const char* what;
    std::string rule;
    const char* reason;
  };
  const std::vector<Broken> cases = {
      {"malformed XML", R"(<rule id="x" kind=required_document severity="veto"/>)", "XML 格式错误"},
      {"missing attribute",
       R"(<rule kind="required_document" severity="veto"><basis>b</basis><message>m</message><description>d</description><param name="document" value="penalty_notice"/></rule>)",
       "缺少属性 id"},
      {"unknown rule kind",
       R"(<rule id="X-1" kind="magic" severity="veto"><basis>b</basis><message>m</message><description>d</description></rule>)",
       "未知的规则类型 magic"},
      {"unknown document type",
       R"(<rule id="X-1" kind="required_document" severity="veto"><basis>b</basis><message>m</message><description>d</description><param name="document" value="penalty_decree"/></rule>)",
       "未知的文书类型 penalty_decree"},
      {"unknown condition",
       R"(<rule id="X-1" kind="required_document" severity="veto" when="!hearing_wanted"><basis>b</basis><message>m</message><description>d</description><param name="document" value="penalty_notice"/></rule>)",
       "未知的条件名 hearing_wanted"},
      {"duplicate id",
       R"(<rule id="IMP-document" kind="required_document" severity="veto"><basis>b</basis><message>m</message><description>d</description><param name="document" value="penalty_notice"/></rule>)",
       "重复的规则编号 IMP-document"},
      {"bad severity",
       R"(<rule id="X-1" kind="required_document" severity="fatal"><basis>b</basis><message>m</message><description>d</description><param name="document" value="penalty_notice"/></rule>)",
       "严重程度 fatal 无效"},
      {"stage out of range",
       R"(<rule id="X-1" kind="required_document" severity="veto" stage="9"><basis>b</basis><message>m</message><description>d</description><param name="document" value="penalty_notice"/></rule>)",
       "阶段 9 超出范围"},
      {"missing basis",
       R"(<rule id="X-1" kind="required_document" severity="veto"><message>m</message><description>d</description><param name="document" value="penalty_notice"/></rule>)",
       "缺少 <basis>"},
      {"unknown param",
       R"(<rule id="X-1" kind="required_document" severity="veto"><basis>b</basis><message>m</message><description>d</description><param name="documnet" value="penalty_notice"/></rule>)",
       "不接受参数 documnet"},
      {"document with any_of",
       R"(<rule id="X-1" kind="required_document" severity="veto"><basis>b</basis><message>m</message><description>d</description><param name="document" value="penalty_notice"/><param name="any_of" value="filing_approval,penalty_notice"/></rule>)",
       "document 与 any_of 参数只能用其一"},
      {"misspelt attribute",
       R"(<rule id="X-1" kind="required_document" severity="veto" wehn="no_penalty"><basis>b</basis><message>m</message><description>d</description><param name="document" value="penalty_notice"/></rule>)",
       "未知的属性 wehn"},
  };
  for (const Broken& c : cases) {
    INFO(c.what);
    write_small_checklist(dir, rules_with(c.rule));
    const std::string error = load_error(dir);
    CHECK_THAT(error, Catch::Contains((dir.path / "rules.xml").string() + ":3: "));
    CHECK_THAT(error, Catch::Contains(c.reason));
  }
}

TEST_CASE("duplicate document type and bad settings are reported with their line", "[checker]") {
  TempDir dir;
  write_small_checklist(dir, rules_with(kGoodRule));
  dir.write("more-doctypes.xml",
            "<doctypes>\n  <doctype id=\"filing_approval\" name=\"立案审批表\" "
            "stage=\"1\"/>\n</doctypes>\n");
  std::string error = load_error(dir);
  CHECK_THAT(error, Catch::Contains("more-doctypes.xml:2: 重复的文书类型 filing_approval"));
  CHECK_THAT(error, Catch::Contains("doctypes.xml:2"));  // where it was first defined
  fs::remove(dir.path / "more-doctypes.xml");

  std::string header = kHeader;
  header.insert(
      header.find("  <scoring"),
      "  <settings>\n    <setting name=\"hearing_fine_citizen\" value=\"五千\"/>\n  </settings>\n");
  dir.write("checklist.xml", header);
  error = load_error(dir);
  CHECK_THAT(error, Catch::Contains("checklist.xml:4: 设置 hearing_fine_citizen 应为非负数"));
}

TEST_CASE("missing or empty checklist folder is a clear error", "[checker]") {
  Result<Checklist> missing = load_checklist("/nonexistent/checklist-folder");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error(), Catch::Contains("检查清单目录不存在"));
  TempDir empty;
  CHECK_THAT(load_error(empty), Catch::Contains("没有 .xml 数据文件"));
  TempDir headless;
  headless.write("doctypes.xml", kDocTypes);
  CHECK_THAT(load_error(headless), Catch::Contains("没有 <checklist> 清单头"));
}

// Scoring profiles as data: the district default (veto → 0, 100 minus
// deductions, bands) and the MEE 2024 ratio formula, loaded from the real
// files in checklists/profiles/. Expected numbers are computed by hand.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/scoring.h"
#include "tests/cli_support.h"
#include "util/hash.h"

#include <nlohmann/json.hpp>

using namespace auditor;
namespace fs = std::filesystem;

namespace {

const fs::path kProfiles = fs::path(AUDITOR_SOURCE_DIR) / "checklists" / "profiles";

ScoringProfile profile(const std::string& id) {
  Result<ScoringProfile> p = load_profile(kProfiles / (id + ".xml"));
  if (!p) FAIL(p.error());
  return *p;
}

Finding finding(const std::string& rule, const std::string& severity, double deduction,
                const std::string& kind = "missing_document") {
  Finding f;
  f.rule = rule;
  f.kind = kind;
  f.severity = severity;
  f.deduction = deduction;
  return f;
}

Rule rule(const std::string& id, const std::string& severity,
          const std::string& kind = "required_document") {
  Rule r;
  r.id = id;
  r.kind = kind;
  r.severity = severity;
  return r;
}

// Eight rules of every severity and outcome, scored under mee-2024 (veto 0,
// major 2, minor 1, info 0 points, import_issue 0; basic finding kinds import
// numbering order).
struct RatioCase {
  std::vector<Rule> rules = {rule("R1", "major"),
                             rule("R2", "major"),
                             rule("R3", "minor"),
                             rule("R4", "minor"),
                             rule("R5", "minor"),
                             rule("R6", "veto"),
                             rule("R7", "minor", "import_issue"),
                             rule("R8", "info")};
  std::vector<Check> checks = {{"R1", Outcome::passed},         {"R2", Outcome::failed},
                               {"R3", Outcome::not_applicable}, {"R4", Outcome::not_checkable},
                               {"R5", Outcome::passed},         {"R6", Outcome::passed},
                               {"R7", Outcome::failed},         {"R8", Outcome::failed}};
  std::vector<Finding> findings = {finding("R2", "major", 10), finding("R7", "minor", 2, "import"),
                                   finding("R8", "info", 0, "manual_check")};
  Score score(const ScoringProfile& p) const { return score_case(findings, checks, rules, p); }
};

}  // namespace

TEST_CASE("district default: a veto finding gives 0 and 不合格", "[scoring]") {
  const ScoringProfile p = profile("haizhu-default");
  REQUIRE(p.formula == "deduction");
  const Score s = score_findings({finding("A", "minor", 2), finding("B", "veto", 0)}, p);
  CHECK(s.value == 0);
  CHECK(s.grade == "不合格");
}

TEST_CASE("district default: 100 minus each finding's deduction", "[scoring]") {
  const ScoringProfile p = profile("haizhu-default");
  const Score s = score_findings(
      {finding("A", "major", 10), finding("B", "minor", 3), finding("C", "info", 0)}, p);
  CHECK(s.value == 87);
  CHECK(s.grade == "合格");
  CHECK(s.explanation == "100 − 13 = 87");
  CHECK(score_findings({}, p).value == 100);
  std::vector<Finding> many;
  for (int i = 0; i < 11; ++i) many.push_back(finding("A" + std::to_string(i), "major", 10));
  CHECK(score_findings(many, p).value == 0);  // floored, never negative
}

TEST_CASE("district default: one rule's repeated findings deduct once", "[scoring]") {
  const ScoringProfile p = profile("haizhu-default");
  // A catalogue missing 13 entries is one defect class: 1 point, not 13.
  std::vector<Finding> thirteen(13, finding("CAT-present-listed", "minor", 1, "catalogue"));
  const Score s = score_findings(thirteen, p);
  CHECK(s.value == 99);
  CHECK(s.grade == "优秀");
  CHECK_THAT(s.explanation, Catch::StartsWith("100 − 1 = 99"));
  CHECK_THAT(s.explanation, Catch::Contains("少扣 12 分"));
  // Two different rules still deduct each.
  thirteen.push_back(finding("CAT-listed-present", "minor", 2, "catalogue"));
  CHECK(score_findings(thirteen, p).value == 97);
}

TEST_CASE("a cap entry deducts per occurrence up to the item's points", "[scoring]") {
  ScoringProfile p = profile("haizhu-default");
  p.caps = {{"N1", "", "", 5, ""}, {"", "numbering", "", 3, ""}, {"", "", "minor", 4, ""}};
  std::vector<Finding> f(4, finding("N1", "minor", 2, "numbering"));
  cap_deductions(f, {}, p);  // rule id entry: 2 + 2 + 1 + 0
  CHECK(f[0].deduction == 2);
  CHECK(f[1].deduction == 2);
  CHECK(f[2].deduction == 1);
  CHECK(f[3].deduction == 0);
  std::vector<Finding> again = f;
  cap_deductions(again, {}, p);  // idempotent
  for (std::size_t i = 0; i < f.size(); ++i) CHECK(again[i].deduction == f[i].deduction);
  // Kind entries need the rule; it wins over the severity entry.
  const std::vector<Rule> rules = {rule("N2", "minor", "numbering"), rule("M1", "minor")};
  std::vector<Finding> g(3, finding("N2", "minor", 2, "numbering"));
  g.push_back(finding("M1", "minor", 2));
  g.push_back(finding("M1", "minor", 2));
  g.push_back(finding("M1", "minor", 2));
  CHECK(score_case(g, {}, rules, p).value == Approx(100 - 3 - 4));
  // Without an entry a rule deducts its own deduction once.
  p.caps.clear();
  CHECK(score_case(g, {}, rules, p).value == Approx(100 - 2 - 2));
}

TEST_CASE("district default: band edges at exactly 90 and 70", "[scoring]") {
  const ScoringProfile p = profile("haizhu-default");
  CHECK(score_findings({finding("A", "major", 10)}, p).grade == "优秀");      // 90
  CHECK(score_findings({finding("A", "major", 10.5)}, p).grade == "合格");    // 89.5
  CHECK(score_findings({finding("A", "major", 30)}, p).grade == "合格");      // 70
  CHECK(score_findings({finding("A", "major", 30.5)}, p).grade == "不合格");  // 69.5
}

TEST_CASE("bundled checklist scores with the district default profile file", "[scoring]") {
  Result<Checklist> cl = load_checklist(fs::path(AUDITOR_SOURCE_DIR) / "checklists" / "general");
  REQUIRE(cl.ok());
  CHECK(cl->scoring.id == "haizhu-default");
  CHECK(fs::path(cl->scoring.file).filename() == "haizhu-default.xml");
  CHECK(cl->scoring.sha256 == sha256_hex(test::read_file(kProfiles / "haizhu-default.xml")));
}

TEST_CASE("mee-2024: 50 + 50 x earned/applicable - basic deductions", "[scoring]") {
  const ScoringProfile p = profile("mee-2024");
  REQUIRE(p.formula == "ratio");
  // Items: R1 2 (passed), R2 2 (lost), R5 1 (passed). R3 not_applicable and
  // R4 not_checkable leave the denominator; R6 (veto), R7 (import_issue) and
  // R8 (info) carry 0 item points; R7's import finding is a basic element
  // deducting 2. 50 + 50 x 3/5 - 2 = 78.
  RatioCase c;
  Score s = c.score(p);
  CHECK(s.value == Approx(78));
  CHECK(s.grade == "合格");
  CHECK(s.explanation == "合法性 50 + 50 × 3/5 − 基本要素扣分 2 = 78");
}

TEST_CASE("mee-2024: a not-applicable item leaves the denominator", "[scoring]") {
  const ScoringProfile p = profile("mee-2024");
  RatioCase c;
  c.checks[2].outcome = Outcome::passed;  // R3 applies and passes: 50 + 50 x 4/6 - 2
  CHECK(c.score(p).value == Approx(81.33));
  c.checks[2].outcome = Outcome::failed;  // R3 applies and fails: 50 + 50 x 3/6 - 2
  c.findings.push_back(finding("R3", "minor", 3));
  CHECK(c.score(p).value == Approx(73));
  CHECK(c.score(p).grade == "不合格");
  c.checks[3].outcome = Outcome::passed;  // R4 becomes checkable and passes: 50 + 50 x 4/7 - 2
  CHECK(c.score(p).value == Approx(76.57));
}

TEST_CASE("mee-2024: a veto finding (重大问题) makes the whole case 0 and 不合格", "[scoring]") {
  const ScoringProfile p = profile("mee-2024");
  REQUIRE(p.veto == "case");
  RatioCase c;
  c.checks[5].outcome = Outcome::failed;
  c.findings.push_back(finding("R6", "veto", 0));
  const Score s = c.score(p);
  CHECK(s.value == 0);
  CHECK(s.grade == "不合格");
  CHECK_THAT(s.explanation, Catch::Contains("全案 0 分"));
}

TEST_CASE("ratio with veto=\"legality\": a veto zeroes the legality points and the grade",
          "[scoring]") {
  ScoringProfile p = profile("mee-2024");
  p.veto = "legality";
  RatioCase c;
  c.checks[5].outcome = Outcome::failed;
  c.findings.push_back(finding("R6", "veto", 0));
  const Score s = c.score(p);  // 0 + 50 x 3/5 - 2
  CHECK(s.value == Approx(28));
  CHECK(s.grade == "不合格");
  // Even where the bands would grade the number higher, a veto is the lowest grade.
  ScoringProfile lenient = p;
  lenient.legality_points = 10;
  lenient.items_points = 90;
  lenient.bands = {{50, "合格"}, {0, "不合格"}};
  const Score l = c.score(lenient);  // 0 + 90 x 3/5 - 2 = 52
  CHECK(l.value == Approx(52));
  CHECK(l.grade == "不合格");
}

TEST_CASE("mee-2024: with no applicable item there is no grade", "[scoring]") {
  const ScoringProfile p = profile("mee-2024");
  RatioCase c;
  for (Check& ch : c.checks) ch.outcome = Outcome::not_checkable;
  c.findings.clear();
  const Score s = c.score(p);
  CHECK(s.grade.empty());
  CHECK(s.value == 50);
}

TEST_CASE("ratio: a failed item whose findings are all basic keeps its points", "[scoring]") {
  ScoringProfile p;
  p.formula = "ratio";
  p.legality_points = 50;
  p.items_points = 50;
  p.basic_kinds = {"numbering"};
  p.bands = {{90, "优秀"}, {0, "不合格"}};
  const std::vector<Rule> rules = {rule("N1", "minor", "numbering"), rule("M1", "major")};
  const std::vector<Check> checks = {{"N1", Outcome::failed}, {"M1", Outcome::passed}};
  std::vector<Finding> findings = {finding("N1", "minor", 3, "numbering")};
  Score s = score_case(findings, checks, rules, p);  // 50 + 50 x 2/2 - 3
  CHECK(s.value == 97);
  CHECK(s.grade == "优秀");
  findings.push_back(finding("N1", "minor", 4, "consistency"));
  s = score_case(findings, checks, rules, p);  // 50 + 50 x 1/2 - 3
  CHECK(s.value == 72);
  CHECK(s.grade == "不合格");
}

TEST_CASE("item points: rule id, then kind, then severity, then the default", "[scoring]") {
  ScoringProfile p;
  p.formula = "ratio";
  p.default_item_points = 1;
  p.item_points = {
      {"", "", "major", 2, ""}, {"", "import_issue", "", 0.5, ""}, {"R-special", "", "", 7, ""}};
  CHECK(item_points(rule("R-special", "major", "import_issue"), p) == 7);
  CHECK(item_points(rule("R-x", "major", "import_issue"), p) == 0.5);
  CHECK(item_points(rule("R-x", "major"), p) == 2);
  CHECK(item_points(rule("R-x", "minor"), p) == 1);
}

TEST_CASE("check_case scores with the checklist's ratio profile", "[scoring]") {
  test::TempDir dir;
  test::write_file(dir.path / "checklist.xml", R"(<checklist id="t" version="1" name="测试">
  <stages><stage number="1" name="立案"/><stage number="3" name="告知权利"/></stages>
  <scoring id="r" formula="ratio">
    <legality points="50"/>
    <items points="50"><item severity="major" points="2"/></items>
    <band min="75" grade="合格"/><band min="0" grade="不合格"/>
  </scoring>
</checklist>
)");
  test::write_file(dir.path / "doctypes.xml", R"(<doctypes>
  <doctype id="filing_approval" name="立案审批表" stage="1"/>
  <doctype id="penalty_notice" name="行政处罚事先告知书" stage="3"/>
  <doctype id="filing_withdrawal" name="撤销立案审批表" stage="1"/>
</doctypes>
)");
  const char* rule_xml =
      R"(<rule id="%s" kind="required_document" severity="%s" deduction="5" stage="1"%s>
    <param name="document" value="%s"/><basis>b</basis><message>m</message><description>d</description></rule>
)";
  auto one = [&](const char* id, const char* sev, const char* when, const char* doc) {
    char buf[1024];
    std::snprintf(buf, sizeof buf, rule_xml, id, sev, when, doc);
    return std::string(buf);
  };
  test::write_file(dir.path / "rules.xml",
                   "<rules>\n" + one("A", "major", "", "filing_approval") +
                       one("B", "minor", "", "penalty_notice") +
                       one("C", "minor", " when=\"withdrawn\"", "filing_withdrawal") +
                       "</rules>\n");
  Result<Checklist> cl = load_checklist(dir.path);
  REQUIRE(cl.ok());
  Case c;
  c.info.flags = {{"withdrawn", "false"}};
  Document d;
  d.path = "立案审批表.pdf";
  d.format = "pdf";
  d.has_text = true;
  d.type = "filing_approval";
  d.type_source = Source::manifest;
  d.stage = 1;
  c.documents.push_back(d);
  // A passed (2 points), B failed (1), C not applicable: 50 + 50 x 2/3.
  const Audit a = check_case(c, *cl);
  CHECK(a.score == Approx(83.33));
  CHECK(a.grade == "合格");
}

TEST_CASE("profile errors name the file and line", "[scoring]") {
  test::TempDir dir;
  struct Broken {
    const char* what;
    std::string body;  // line 3 of the file
    const char* reason;
  };
  const std::vector<Broken> cases = {
      {"unknown formula",
       R"(<profile id="x" formula="average"><band min="0" grade="合格"/></profile>)",
       "不支持的计分公式 average"},
      {"item with two keys",
       R"(<profile id="x" formula="ratio"><legality points="50"/><items points="50"><item rule="A" kind="no_text" points="1"/></items><band min="0" grade="合格"/></profile>)",
       "须且只须有 rule、kind、severity 之一"},
      {"unknown finding kind",
       R"(<profile id="x" formula="ratio"><legality points="50"/><items points="50"/><basic><finding kind="numbers"/></basic><band min="0" grade="合格"/></profile>)",
       "未知的问题类型 numbers"},
      {"unknown rule kind",
       R"(<profile id="x" formula="ratio"><legality points="50"/><items points="50"><item kind="magic" points="1"/></items><band min="0" grade="合格"/></profile>)",
       "未知的规则类型 magic"},
      {"negative points",
       R"(<profile id="x" formula="ratio"><legality points="-5"/><items points="50"/><band min="0" grade="合格"/></profile>)",
       "不能为负数"},
      {"base under ratio",
       R"(<profile id="x" formula="ratio" base="100"><band min="0" grade="合格"/></profile>)",
       "未知的属性 base"},
      {"no band", R"(<profile id="x" formula="deduction" base="100"></profile>)",
       "至少须有一个 <band>"},
      {"bad veto",
       R"(<profile id="x" formula="ratio" veto="half"><legality points="50"/><items points="50"/><band min="0" grade="合格"/></profile>)",
       "属性 veto 应为 case"},
      {"cap with two keys",
       R"(<profile id="x" formula="deduction" base="100"><cap rule="A" severity="minor" points="3"/><band min="0" grade="合格"/></profile>)",
       "<cap> 须且只须有 rule、kind、severity 之一"},
      {"duplicate cap",
       R"(<profile id="x" formula="deduction" base="100"><cap kind="catalogue" points="3"/><cap kind="catalogue" points="4"/><band min="0" grade="合格"/></profile>)",
       "重复的 <cap>"},
      {"wrong root", R"(<scoring id="x" formula="deduction" base="100"/>)",
       "未知的根元素 <scoring>"},
  };
  for (const Broken& b : cases) {
    INFO(b.what);
    const fs::path file = dir.path / "p.xml";
    test::write_file(file,
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- test -->\n" + b.body + "\n");
    Result<ScoringProfile> p = load_profile(file);
    REQUIRE_FALSE(p.ok());
    CHECK_THAT(p.error(), Catch::Contains(file.string() + ":3: "));
    CHECK_THAT(p.error(), Catch::Contains(b.reason));
  }
  Result<ScoringProfile> missing = load_profile(dir.path / "none.xml");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error(), Catch::Contains("计分方案文件不存在"));
  CHECK_FALSE(load_profile("/dev/zero").ok());
}

TEST_CASE("a checklist's profile must name existing rules", "[scoring]") {
  test::TempDir dir;
  fs::create_directories(dir.path / "cl");
  fs::create_directories(dir.path / "profiles");
  test::write_file(dir.path / "cl" / "checklist.xml", R"(<checklist id="t" version="1" name="测试">
  <stages><stage number="1" name="立案"/></stages>
  <scoring profile="../profiles/p.xml"/>
</checklist>
)");
  test::write_file(dir.path / "profiles" / "p.xml", R"(<profile id="p" formula="ratio">
  <legality points="50"/>
  <items points="50">
    <item rule="REQ-typo" points="3"/>
  </items>
  <band min="0" grade="合格"/>
</profile>
)");
  Result<Checklist> cl = load_checklist(dir.path / "cl");
  REQUIRE_FALSE(cl.ok());
  CHECK_THAT(cl.error(), Catch::Contains("p.xml:4: "));
  CHECK_THAT(cl.error(), Catch::Contains("REQ-typo"));

  fs::remove(dir.path / "profiles" / "p.xml");
  cl = load_checklist(dir.path / "cl");
  REQUIRE_FALSE(cl.ok());
  CHECK_THAT(cl.error(), Catch::Contains("计分方案文件不存在"));
  CHECK_THAT(cl.error(), Catch::Contains("checklist.xml:3"));
}

TEST_CASE("a profile file's caps are read and must name existing rules", "[scoring]") {
  test::TempDir dir;
  const fs::path file = dir.path / "p.xml";
  test::write_file(file, R"(<profile id="p" formula="deduction" base="100">
  <cap rule="CAT-present-listed" points="5"/>
  <cap kind="numbering" points="4"/>
  <band min="0" grade="合格"/>
</profile>
)");
  Result<ScoringProfile> p = load_profile(file);
  REQUIRE(p.ok());
  REQUIRE(p->caps.size() == 2);
  CHECK(p->caps[0].rule == "CAT-present-listed");
  CHECK(p->caps[0].points == 5);
  Result<Checklist> cl = load_checklist(fs::path(AUDITOR_SOURCE_DIR) / "checklists" / "general");
  REQUIRE(cl.ok());
  CHECK(check_profile(*p, *cl).ok());
  // Each listing says what a rule's repeated findings cost.
  const Rule* cat = nullptr;
  for (const Rule& r : cl->rules)
    if (r.id == "CAT-present-listed") cat = &r;
  REQUIRE(cat != nullptr);
  CHECK(rule_scoring_text(*cat, *p) == "扣 1 分（每处扣 1 分，扣完 5 分为止）");
  CHECK(rule_scoring_text(*cat, cl->scoring) == "扣 1 分（多处按一项计）");
  p->caps[0].rule = "CAT-typo";
  const Status bad = check_profile(*p, *cl);
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.reason, Catch::Contains("CAT-typo"));
}

TEST_CASE("a rule's repeated findings are one line of the case sheet listing each occurrence",
          "[scoring][reports]") {
  // Two unreadable documents (.wps, .doc): two IMP-document findings, one
  // line of the 评查表 with both, each deducted (the bundled profile caps the
  // rule at 20, 每处扣2分); the JSON keeps both.
  test::TempDir dir;
  const std::string scan = AUDITOR_SOURCE_DIR "/testdata/05-unsupported-and-scan.zip";
  const test::CliRun run =
      test::run_cli("audit " + test::sh_quote(scan) +
                        " --db s.db --round R1 --out out --format html --json r.json",
                    dir.path);
  INFO(run.err);
  REQUIRE(run.status == 0);
  const std::string html = test::read_file(dir.path / "out" / "report.html");
  const std::size_t sheet = html.find("评查发现");
  REQUIRE(sheet != std::string::npos);
  const std::string findings = html.substr(sheet, html.find("人工核对清单", sheet) - sheet);
  CHECK(findings.find("IMP-document") == findings.rfind("IMP-document"));  // one line
  CHECK_THAT(findings, Catch::Contains("共 2 处："));
  CHECK_THAT(findings, Catch::Contains("1. 文件“03-询问笔录.wps”无法正常读取"));
  CHECK_THAT(findings, Catch::Contains("2. 文件“05-案件调查终结报告.doc”无法正常读取"));
  // The rectification list (整改清单) of the notification groups them alike.
  const std::size_t list = html.find("四、整改清单");
  REQUIRE(list != std::string::npos);
  const std::string rectify = html.substr(list, html.find("五、", list) - list);
  CHECK_THAT(rectify, Catch::Contains("共 2 处："));
  CHECK_THAT(rectify, Catch::Contains("1. 请核实并整改：文件“03-询问笔录.wps”无法正常读取"));
  const nlohmann::json result = nlohmann::json::parse(test::read_file(dir.path / "r.json"));
  int n = 0;
  double deducted = 0;
  for (const auto& f : result["cases"][0]["findings"])
    if (f["rule"] == "IMP-document") {
      ++n;
      deducted += f["deduction"].get<double>();
    }
  CHECK(n == 2);         // every occurrence stays in the JSON finding list
  CHECK(deducted == 4);  // IMP-document deducts 2 per document, up to 20
}

TEST_CASE("in a self-check the grouped line lists each occurrence's rectification",
          "[scoring][reports]") {
  test::TempDir dir;
  const std::string scan = AUDITOR_SOURCE_DIR "/testdata/05-unsupported-and-scan.zip";
  const test::CliRun run = test::run_cli(
      "audit " + test::sh_quote(scan) + " --db s.db --mode self-check --out out --format html",
      dir.path);
  INFO(run.err);
  REQUIRE(run.status == 0);
  const std::string html = test::read_file(dir.path / "out" / "report.html");
  const std::size_t sheet = html.find("评查发现");
  REQUIRE(sheet != std::string::npos);
  const std::string findings = html.substr(sheet, html.find("人工核对清单", sheet) - sheet);
  CHECK_THAT(findings, Catch::Contains("整改意见"));
  CHECK_THAT(findings, Catch::Contains("共 2 处："));
  CHECK_THAT(findings,
             Catch::Contains("2. 请核实并整改：文件“05-案件调查终结报告.doc”无法正常读取"));
}

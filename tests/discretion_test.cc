// The discretion standard (裁量基准): a fine outside the statutory range of
// the provision cited (SUB-fine-range) or outside the band the decision names
// (SUB-fine-band) is a finding; a decision naming no band asks for a manual
// check, and whether the facts fit the band always does
// (SUB-band-circumstances). Decisions are real DOCX files read back.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "auditor/discretion.h"
#include "auditor/discretion_rules.h"
#include "auditor/remedy.h"
#include "importers/facts.h"
#include "tests/cli_support.h"
#include "tests/discretion_fixtures.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

DecisionText with_fine(const std::string& fine, const std::string& band = {}) {
  DecisionText t;
  t.penalty = "本机关决定：罚款人民币" + fine + "。";
  t.band = band;
  return t;
}

std::vector<std::string> bands_in(const std::string& text) {
  std::vector<std::string> out;
  for (const Fact& f : extract_facts(text))
    if (f.kind == "discretion_band") out.push_back(f.value);
  return out;
}

}  // namespace

TEST_CASE("a fine above the statutory range of the provision cited is a major finding",
          "[substance]") {
  const Audit a = audit_decision(with_fine("25000元"));
  CHECK(outcome_of(a, "SUB-fine-range") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "SUB-fine-range");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == "major");
  CHECK_THAT(f[0].message, Catch::Contains("罚款 25000 元超出法定幅度（500 元至 20000 元）"));
  CHECK_THAT(f[0].message, Catch::Contains("第一百一十八条第三款"));
}

TEST_CASE("a fine inside the statutory range passes, and below it only when mitigated",
          "[substance]") {
  CHECK(outcome_of(audit_decision(with_fine("5000元")), "SUB-fine-range") == Outcome::passed);
  CHECK(outcome_of(audit_decision(with_fine("叁佰元整")), "SUB-fine-range") == Outcome::failed);
  DecisionText mitigated = with_fine("300元");
  mitigated.band = "当事人主动消除违法行为危害后果，依法予以减轻处罚。";
  CHECK(outcome_of(audit_decision(mitigated), "SUB-fine-range") == Outcome::passed);
}

TEST_CASE("a decision citing no provision of the standard is not judged", "[substance]") {
  DecisionText t = with_fine("25000元");
  t.cited =
      "当事人的上述行为违反了《广州市市容环境卫生管理规定》第十条第一款的规定。依据《广州市市容环境"
      "卫生管理规定》第四十二条第一款第（一）项的规定";
  const Audit a = audit_decision(t);
  CHECK(outcome_of(a, "SUB-fine-range") == Outcome::not_applicable);
  CHECK(outcome_of(a, "SUB-fine-band") == Outcome::not_applicable);
}

TEST_CASE("a fine outside the band the decision names is a finding, inside it passes",
          "[substance]") {
  const Audit out = audit_decision(with_fine("10000元", "属于一般违法情形。"));
  CHECK(outcome_of(out, "SUB-fine-range") == Outcome::passed);
  CHECK(outcome_of(out, "SUB-fine-band") == Outcome::failed);
  CHECK_THAT(messages(out, "SUB-fine-band"),
             Catch::Contains("罚款 10000 元不在“一般”阶次幅度（2000 元至 8000 元）内"));
  const Audit in = audit_decision(with_fine("5000元", "属于一般违法情形。"));
  CHECK(outcome_of(in, "SUB-fine-band") == Outcome::passed);
  // Whether the facts are the band's circumstances is the inspector's.
  CHECK(outcome_of(in, "SUB-band-circumstances") == Outcome::not_checkable);
  CHECK_THAT(messages(in, "SUB-band-circumstances"),
             Catch::Contains("烧烤炉具二至三个，或者一年内第二次被发现"));
}

TEST_CASE("a decision naming no band asks for a manual check of the band", "[substance]") {
  const Audit a = audit_decision(with_fine("5000元"));
  CHECK(outcome_of(a, "SUB-fine-band") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "SUB-fine-band");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK_THAT(f[0].message, Catch::Contains("未写明适用的裁量阶次"));
  CHECK(findings_of(a, "SUB-band-circumstances").empty());
}

TEST_CASE("another wording of the same band gives the same finding", "[substance]") {
  for (const char* wording :
       {"属于一般违法情形。", "当事人违法情节一般。",
        "按照《海珠区城市管理综合执法行政处罚裁量基准》，当事人的违法行为属一般情形。",
        "经综合考量，认定当事人的违法行为为一般违法行为。"}) {
    INFO(wording);
    CHECK(outcome_of(audit_decision(with_fine("10000元", wording)), "SUB-fine-band") ==
          Outcome::failed);
    CHECK(outcome_of(audit_decision(with_fine("伍仟元整", wording)), "SUB-fine-band") ==
          Outcome::passed);
  }
}

TEST_CASE("the statute's conditions and negations name no band", "[substance]") {
  CHECK(bands_in("情节严重的，处二万元以上十万元以下罚款。").empty());
  CHECK(bands_in("当事人的行为不属于情节严重情形。").empty());
  CHECK(bands_in("按照一般程序办理。").empty());
  CHECK(bands_in("是否属于较重情形需进一步调查。").empty());
  CHECK(bands_in("违法情节较重，属于较重违法情形。") == std::vector<std::string>{"较重"});
  CHECK(bands_in("属于特别严重违法情形。") == std::vector<std::string>{"特别严重"});
}

TEST_CASE("a discretion table with a band beyond the statutory range fails with its line",
          "[substance]") {
  test::TempDir dir;
  const auto file = dir.path / "bad.xml";
  test::write_file(file,
                   "<discretion id=\"x\" version=\"1\" name=\"x\">\n"
                   "  <provision id=\"a\" name=\"a\" law=\"大气污染防治法\" article=\"118\" "
                   "paragraph=\"3\" min=\"500\" max=\"20000\">\n"
                   "    <band name=\"一般\" min=\"2000\" max=\"30000\">x</band>\n"
                   "    <band name=\"很重\" min=\"2000\" max=\"3000\">x</band>\n"
                   "  </provision>\n</discretion>\n");
  Result<DiscretionTable> t = load_discretion(file);
  REQUIRE_FALSE(t.ok());
  CHECK_THAT(t.error(), Catch::Contains(file.string() + ":3: "));
  CHECK_THAT(t.error(), Catch::Contains("超出法定幅度"));
}

TEST_CASE("checklist check validates the substance tables and reports a broken one as file:line",
          "[substance]") {
  namespace fs = std::filesystem;
  const fs::path bundled = fs::path(AUDITOR_SOURCE_DIR) / "checklists";
  auto ok = test::run_cli("checklist check " + test::sh_quote(bundled.string()));
  CHECK_THAT(ok.out, Catch::Contains("裁量基准 " +
                                     (bundled / "discretion" / "sample.xml").string() + "：通过"));
  CHECK_THAT(ok.out,
             Catch::Contains("条文版本表 " + (bundled / "provisions.xml").string() + "：通过"));
  CHECK_THAT(ok.out, Catch::Contains("救济途径表 " + (bundled / "remedy.xml").string() + "：通过"));

  test::TempDir dir;
  for (const char* sub : {"general", "profiles", "calendar", "scope", "discretion"})
    fs::copy(bundled / sub, dir.path / sub, fs::copy_options::recursive);
  fs::copy(bundled / "provisions.xml", dir.path / "provisions.xml");
  test::write_file(dir.path / "remedy.xml",
                   "<remedy id=\"r\" version=\"1\" name=\"r\">\n"
                   "  <review body=\"广州市海珠区人民政府\" days=\"60\"/>\n"
                   "  <litigation court=\"广州铁路运输法院\" months=\"半年\"/>\n</remedy>\n");
  auto bad = test::run_cli("checklist check " + test::sh_quote(dir.path.string()));
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains((dir.path / "remedy.xml").string() + ":3: "));
  // The checklist naming it fails too, saying which rule.
  CHECK_THAT(bad.err, Catch::Contains("SUB-remedy"));
}

TEST_CASE("the substance tables are listed once each with their entries", "[substance]") {
  const std::string listing = substance_tables_listing(substance_checklist());
  CHECK_THAT(listing, Catch::Contains("air-118-3：《中华人民共和国大气污染防治法》第118条第3款"));
  CHECK_THAT(listing, Catch::Contains("法定幅度 500—20000 元；轻微 500—2000 元"));
  CHECK_THAT(listing, Catch::Contains("《中华人民共和国行政处罚法》（按决定日期判断）"));
  CHECK_THAT(listing, Catch::Contains("2021-07-15 至 今，共 86 条，2021年修订"));
  CHECK_THAT(
      listing,
      Catch::Contains("行政复议：广州市海珠区人民政府，60 日；行政诉讼：广州铁路运输法院，6 个月"));
  // Three rules read the one discretion standard: listed once.
  const auto first = listing.find("裁量基准：");
  CHECK(listing.find("裁量基准：", first + 1) == std::string::npos);
  // Loaded without its tables, each rule says so.
  CHECK_THAT(substance_tables_listing(bundled_checklist()),
             Catch::Contains("规则 SUB-remedy 的数据表未加载：../remedy.xml"));
}

TEST_CASE("a megabyte of band words and remedy clauses is read in bounded time", "[substance]") {
  std::string bands, remedy;
  while (bands.size() < (1u << 20)) bands += "属于一般违法情形，情节较重的，不属于严重情形";
  while (remedy.size() < (1u << 20)) remedy += "不服申请行政复议向60日6个月提起行政诉讼";
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> found = bands_in(bands);
  const RemedySentence s = read_remedy_sentence(remedy);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO("seconds: " << seconds);
  CHECK(found == std::vector<std::string>{"一般"});
  CHECK(s.review);
  // Linear work: well under a second unsanitised; the bound guards runaway work.
  CHECK(seconds < 30);
}

TEST_CASE("a paragraph with a range per party kind is judged by the party's kind", "[substance]") {
  DecisionText t = with_fine("300元");
  t.cited =
      "当事人的上述行为违反了《中华人民共和国固体废物污染环境防治法》第四十九条第一款的规定。依据《"
      "中"
      "华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（一）项的规定";
  CHECK(outcome_of(audit_decision(t), "SUB-fine-range") == Outcome::passed);  // a citizen
  t.party = "当事人：广州市某某餐饮有限公司\n统一社会信用代码：91440101MA5CL8RB0H";
  const Audit org = audit_decision(t);
  CHECK(outcome_of(org, "SUB-fine-range") == Outcome::failed);
  CHECK_THAT(messages(org, "SUB-fine-range"),
             Catch::Contains("罚款 300 元超出法定幅度（50000 元至 500000 元）"));
  t.party = "当事人：某某";
  const Audit unknown = audit_decision(t);
  CHECK(outcome_of(unknown, "SUB-fine-range") == Outcome::not_checkable);
  CHECK_THAT(messages(unknown, "SUB-fine-range"), Catch::Contains("未能确定当事人类型"));
}

// The versioned provision table: a decision citing an article of a known law
// that did not exist or was not in force on the date the law is judged at is
// a finding (SUB-provision-in-force); in force it passes; a law the table
// does not know is not judged. Decisions are real DOCX files read back.
#include <catch2/catch.hpp>

#include "auditor/provision_table.h"
#include "tests/cli_support.h"
#include "tests/discretion_fixtures.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

DecisionText citing(const std::string& cited, const std::string& violation,
                    const std::string& signed_on) {
  DecisionText t;
  t.cited = cited;
  t.violation = violation;
  t.signed_on = signed_on;
  return t;
}

const std::string kAir118 =
    "当事人的上述行为违反了《中华人民共和国大气污染防治法》第八十一条第二款的规定。依据《中华人民共"
    "和国大气污染防治法》第一百一十八条第三款的规定";

}  // namespace

TEST_CASE("a provision cited for an act before its law was in force is a finding", "[substance]") {
  // The 2015 revision (129 articles) took effect on 2016-01-01; the 2000
  // text had 66 articles.
  const Audit a = audit_decision(citing(kAir118, "2015年10月3日", "2015年12月20日"));
  CHECK(outcome_of(a, "SUB-provision-in-force") == Outcome::failed);
  const std::string m = messages(a, "SUB-provision-in-force");
  CHECK_THAT(m, Catch::Contains("共 66 条，2015-10-03 施行的文本中没有第118条"));
}

TEST_CASE("a provision in force on the violation date passes", "[substance]") {
  const Audit a = audit_decision(citing(kAir118, "2024年1月10日", "2024年3月21日"));
  CHECK(outcome_of(a, "SUB-provision-in-force") == Outcome::passed);
  CHECK(findings_of(a, "SUB-provision-in-force").empty());
}

TEST_CASE("a procedural article is judged at the decision date: 行政处罚法 after and before 2021",
          "[substance]") {
  const std::string cited =
      kAir118 + "及《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定";
  // Article 72 exists only in the 2021 revision (86 articles, from 2021-07-15).
  const Audit before = audit_decision(citing(cited, "2021年3月2日", "2021年6月30日"));
  CHECK(outcome_of(before, "SUB-provision-in-force") == Outcome::failed);
  CHECK_THAT(messages(before, "SUB-provision-in-force"),
             Catch::Contains("共 64 条，2021-06-30 施行的文本中没有第72条"));
  // Decided after 2021-07-15 (the act before): judged at the decision.
  const Audit after = audit_decision(citing(cited, "2021年3月2日", "2021年8月2日"));
  CHECK(outcome_of(after, "SUB-provision-in-force") == Outcome::passed);
}

TEST_CASE("a law the table does not know is not judged", "[substance]") {
  const Audit a = audit_decision(citing(
      "当事人的上述行为违反了《广州市市容环境卫生管理规定》第十条第一款的规定。依据《广州市市容环境"
      "卫生管理规定》第九十九条第一款的规定",
      "2024年1月10日", "2024年3月21日"));
  CHECK(outcome_of(a, "SUB-provision-in-force") == Outcome::not_applicable);
}

TEST_CASE("an article span says when a changed article was in force", "[substance]") {
  test::TempDir dir;
  const auto file = dir.path / "p.xml";
  test::write_file(file,
                   "<provisions id=\"p\" version=\"1\" name=\"p\">\n"
                   "  <law name=\"某某条例\">\n"
                   "    <version from=\"2010-01-01\" articles=\"80\"/>\n"
                   "    <article number=\"12\" until=\"2019-05-01\" key=\"旧第十二条\"/>\n"
                   "  </law>\n</provisions>\n");
  Result<ProvisionTable> t = load_provision_table(file);
  REQUIRE(t.ok());
  const KnownLaw* law = t->law(law_key("《某某条例（2018年修正）》"));
  REQUIRE(law);
  const Citation c = *parse_citation("《某某条例》第十二条第二款");
  CHECK(not_in_force(*law, c, *Date::parse("2018-01-01")).empty());
  CHECK_THAT(not_in_force(*law, c, *Date::parse("2020-01-01")), Catch::Contains("不在施行期间"));
  CHECK_THAT(not_in_force(*law, c, *Date::parse("2009-01-01")), Catch::Contains("尚未施行"));
  CHECK(not_in_force(*law, *parse_citation("《某某条例》第13条"), *Date::parse("2020-01-01"))
            .empty());
}

TEST_CASE("a provision table with overlapping versions fails with its line", "[substance]") {
  test::TempDir dir;
  const auto file = dir.path / "p.xml";
  test::write_file(file,
                   "<provisions id=\"p\" version=\"1\" name=\"p\">\n"
                   "  <law name=\"某某条例\">\n"
                   "    <version from=\"2010-01-01\" articles=\"80\"/>\n"
                   "    <version from=\"2015-01-01\" articles=\"90\"/>\n"
                   "  </law>\n</provisions>\n");
  Result<ProvisionTable> t = load_provision_table(file);
  REQUIRE_FALSE(t.ok());
  CHECK_THAT(t.error(), Catch::Contains(file.string() + ":4: "));
  CHECK_THAT(t.error(), Catch::Contains("重叠"));
}

TEST_CASE("a provision of a repealed law cited for a later act is a finding", "[substance]") {
  test::TempDir dir;
  const auto file = dir.path / "p.xml";
  test::write_file(file,
                   "<provisions id=\"p\" version=\"1\" name=\"p\">\n"
                   "  <law name=\"广州市某某管理规定\">\n"
                   "    <version from=\"2001-01-01\" until=\"2020-01-01\" articles=\"40\"/>\n"
                   "  </law>\n</provisions>\n");
  Result<ProvisionTable> t = load_provision_table(file);
  REQUIRE(t.ok());
  const KnownLaw* law = t->law(law_key("《广州市某某管理规定》"));
  REQUIRE(law);
  const Citation c = *parse_citation("《广州市某某管理规定》第二十条");
  CHECK(not_in_force(*law, c, *Date::parse("2019-12-31")).empty());
  CHECK_THAT(not_in_force(*law, c, *Date::parse("2020-01-01")),
             Catch::Contains("已于 2020-01-01 失效，2020-01-01 不再施行"));
}

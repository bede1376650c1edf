// Procedures as data (checklist.xml <procedures>): the procedure a case
// follows is found from its documents or declared by a manifest, and only
// the rules of that procedure apply.
#include <catch2/catch.hpp>

#include "auditor/procedure.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

const char* kOnSpot =
    "当场行政处罚决定书\n穗海赤岗综执当罚〔2024〕3号\n当事人：张三\n"
    "身份证号码：44010519900315003X\n"
    "你于2024年4月8日在赤岗路12号占道经营，违反了《广州市市容环境卫生管理规定》第十二条的规定，"
    "依据《广州市市容环境卫生管理规定》第四十条的规定，决定给予罚款100元的行政处罚。\n"
    "执法人员：李四（执法证号：44010012345）、王五（执法证号：44010012346）\n2024年4月8日\n";

// The scored findings, one line each (empty when there are none).
std::string scored_findings(const Audit& a) {
  std::string out;
  for (const Finding& f : a.findings)
    if (f.severity != "info") out += f.rule + " " + f.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("an on-the-spot decision puts the case in the simple procedure", "[procedure]") {
  const Case c = case_of({{"on_spot_decision", kOnSpot}});
  const ProcedureChoice p = case_procedure(c, bundled_checklist());
  CHECK(p.id == "simple");
  CHECK(contains(p.why, "当场行政处罚决定书"));
}

TEST_CASE("a simple-procedure case is not asked for the general procedure's documents",
          "[procedure]") {
  const Case c = case_of({{"on_spot_decision", kOnSpot},
                          {"on_spot_filing", "当场行政处罚备案表\n备案日期：2024年4月9日\n"}});
  const Audit a = check_case(c, bundled_checklist());
  for (const char* rule :
       {"REQ-1-filing_approval", "REQ-3-penalty_notice", "REQ-5-penalty_decision",
        "REQ-8-catalogue", "REQ-7-payment_proof", "DL-decision-90d"})
    CHECK(outcome_of(a, rule) == Outcome::not_applicable);
  CHECK(outcome_of(a, "REQ-S-on_spot_decision") == Outcome::passed);
  CHECK(outcome_of(a, "REQ-S-on_spot_filing") == Outcome::passed);
  CHECK(outcome_of(a, "SIM-fine-limit") == Outcome::passed);
  CHECK(scored_findings(a) == "");
}

TEST_CASE("a simple-procedure case without its filing record is reported", "[procedure]") {
  const Audit a = check_case(case_of({{"on_spot_decision", kOnSpot}}), bundled_checklist());
  CHECK(outcome_of(a, "REQ-S-on_spot_filing") == Outcome::failed);
}

TEST_CASE("an on-the-spot fine above the simple-procedure limit fires, at the limit stays quiet",
          "[procedure]") {
  std::string over = kOnSpot;
  over.replace(over.find("罚款100元"), std::string("罚款100元").size(), "罚款500元");
  const Audit high = check_case(case_of({{"on_spot_decision", over}}), bundled_checklist());
  CHECK(outcome_of(high, "SIM-fine-limit") == Outcome::failed);
  const std::vector<Finding> f = findings_of(high, "SIM-fine-limit");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "500"));
  CHECK(contains(f[0].message, "200"));

  std::string at = kOnSpot;
  at.replace(at.find("罚款100元"), std::string("罚款100元").size(), "罚款贰佰元");
  const Audit ok = check_case(case_of({{"on_spot_decision", at}}), bundled_checklist());
  CHECK(outcome_of(ok, "SIM-fine-limit") == Outcome::passed);
}

TEST_CASE("a withdrawn case is asked for its withdrawal, not for a notice or decision",
          "[procedure]") {
  const Case c =
      case_of({{"filing_approval", "立案审批表\n案号：穗海赤岗综执立〔2024〕12号\n"},
               {"filing_withdrawal", "撤销立案审批表\n案号：穗海赤岗综执立〔2024〕12号\n"}});
  CHECK(case_procedure(c, bundled_checklist()).id == "withdrawn");
  const Audit a = check_case(c, bundled_checklist());
  for (const char* rule :
       {"REQ-3-penalty_notice", "REQ-5-penalty_decision", "REQ-4-penalty_approval",
        "REQ-6-decision_receipt", "REQ-8-closing_approval"})
    CHECK(outcome_of(a, rule) == Outcome::not_applicable);
  CHECK(outcome_of(a, "REQ-1-filing_approval") == Outcome::passed);
  CHECK(outcome_of(a, "REQ-8-catalogue") == Outcome::failed);
}

TEST_CASE("a no-penalty case follows the no-penalty procedure", "[procedure]") {
  const Case c = case_of({{"no_penalty_decision", "不予行政处罚决定书\n当事人：张三\n"}});
  CHECK(case_procedure(c, bundled_checklist()).id == "no_penalty");
  const Audit a = check_case(c, bundled_checklist());
  CHECK(outcome_of(a, "REQ-5-penalty_decision") == Outcome::not_applicable);
  CHECK(outcome_of(a, "REQ-2-investigation_record") == Outcome::failed);
}

TEST_CASE("a case with no procedure's documents follows the general procedure", "[procedure]") {
  const Case c = case_of({{"penalty_decision", "行政处罚决定书\n当事人：张三\n"}});
  const ProcedureChoice p = case_procedure(c, bundled_checklist());
  CHECK(p.id == "general");
  CHECK(outcome_of(check_case(c, bundled_checklist()), "REQ-3-penalty_notice") == Outcome::failed);
}

TEST_CASE("a manifest's declared procedure wins over the documents", "[procedure]") {
  Case c = case_of({{"on_spot_decision", kOnSpot}});
  c.has_manifest = true;
  c.info.procedure = "general";
  CHECK(case_procedure(c, bundled_checklist()).id == "general");
  const Audit a = check_case(c, bundled_checklist());
  CHECK(outcome_of(a, "REQ-S-on_spot_filing") == Outcome::not_applicable);
  CHECK(outcome_of(a, "REQ-3-penalty_notice") == Outcome::failed);
}

TEST_CASE("a rule naming procedures applies to those only, naming none, to all", "[procedure]") {
  Rule r;
  CHECK(applies_to_procedure(r, "simple"));
  r.procedures = {"general", "no_penalty"};
  CHECK(applies_to_procedure(r, "general"));
  CHECK_FALSE(applies_to_procedure(r, "simple"));
  CHECK(applies_to_procedure(r, ""));
}

TEST_CASE("an on-the-spot fine before 2021-07-15 is judged by the old 50-yuan limit",
          "[procedure]") {
  std::string old_case = kOnSpot;
  old_case.replace(old_case.find("2024年4月8日\n"), std::string("2024年4月8日\n").size(),
                   "2020年4月8日\n");
  const Audit a = check_case(case_of({{"on_spot_decision", old_case}}), bundled_checklist());
  CHECK(outcome_of(a, "SIM-fine-limit") == Outcome::failed);  // 100 yuan > 50
  CHECK(outcome_of(check_case(case_of({{"on_spot_decision", kOnSpot}}), bundled_checklist()),
                   "SIM-fine-limit") == Outcome::passed);  // 100 yuan ≤ 200 in 2024
}

TEST_CASE("a no-penalty notice without its decision asks for the no-penalty decision",
          "[procedure]") {
  const Audit a =
      check_case(case_of({{"no_penalty_notice", "不予行政处罚事先告知书\n当事人：张三\n"}}),
                 bundled_checklist());
  CHECK(outcome_of(a, "REQ-5-no_penalty_decision") == Outcome::failed);
  CHECK(outcome_of(a, "REQ-5-penalty_decision") == Outcome::not_applicable);
}

TEST_CASE("an on-the-spot decision dates the act and its discovery for the limitation period",
          "[procedure]") {
  const Audit a = check_case(case_of({{"on_spot_decision", kOnSpot}}), bundled_checklist());
  CHECK(outcome_of(a, "DL-limitation-2y") == Outcome::passed);
}

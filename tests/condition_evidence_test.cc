// Conditions from the right evidence: what the party did (statements,
// hearing, a written waiver) is established by the decision or a later
// record, never by the rights sentences of a notice, and an explicit
// statement wins over the documents present.
#include <catch2/catch.hpp>

#include "auditor/conditions.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

Conditions conditions_of(std::initializer_list<std::pair<const char*, std::string>> docs) {
  return evaluate_conditions(case_of(docs), bundled_checklist());
}

Tri value(const Conditions& c, const char* name) { return c.at(name).value; }

// Rights sentences as notices of several template families write them.
const char* kRightsSentences[] = {
    "你（单位）可在接到本告知书后五个工作日内向本机关提出陈述、申辩；逾期未提出陈述、申辩的，视为放"
    "弃陈述、申辩的权利。",
    "可在接到本告知书后五个工作日内向我局提出陈述和申辩；逾期未提出陈述和申辩，视为你（单位）放弃陈"
    "述和申辩的权利。",
    "依据《中华人民共和国行政处罚法》第三十一条、第三十二条的规定，你（单位）可在收到本告知书之日起"
    "3日内提出书面陈述、申辩意见，逾期不陈述、申辩的，视为你（单位）放弃陈述、申辩权利。",
    "你单位有权进行陈述和申辩。如要求听证，应当在收到本告知书后五个工作日内提出；逾期未提出的，视为"
    "放弃听证。",
    "当事人如对上述拟处罚意见有异议，可于收到本告知书之日起五个工作日内提出陈述申辩。",
};

}  // namespace

TEST_CASE("a notice's rights sentences never establish statements, hearing or a waiver",
          "[conditions]") {
  for (const char* sentence : kRightsSentences) {
    INFO(sentence);
    const Conditions c =
        conditions_of({{"penalty_notice", std::string("行政处罚事先告知书\n") + sentence}});
    CHECK(value(c, "statements_made") != Tri::yes);
    CHECK(value(c, "hearing_requested") != Tri::yes);
    CHECK(value(c, "defence_waived") == Tri::no);
  }
}

TEST_CASE("the decision saying no statements were made settles statements_made as no",
          "[conditions]") {
  for (const char* said :
       {"当事人在法定期限内未提出陈述、申辩。",
        "你（单位）在期限内未进行陈述和申辩，也未要求听证，视为放弃陈述和申辩、要求听证的权利。",
        "当事人在法定期限内未提出陈述申辩意见，也未要求举行听证。",
        "在规定的时间内未提出陈述和申辩意见，也未要求举行听证。"}) {
    INFO(said);
    const Conditions c = conditions_of(
        {{"penalty_notice", std::string("行政处罚事先告知书\n") + kRightsSentences[0]},
         {"penalty_decision", std::string("行政处罚决定书\n") + said}});
    CHECK(value(c, "statements_made") == Tri::no);
    CHECK(contains(c.at("statements_made").why, "行政处罚决定书"));
  }
}

TEST_CASE("the decision saying statements were made settles statements_made as yes",
          "[conditions]") {
  for (const char* said : {"你（单位）于2024年4月10日进行了陈述和申辩，提出以下意见：罚款过重。",
                           "当事人提出以下陈述申辩意见：初次违法。",
                           "当事人于2024年4月10日提交了书面陈述、申辩材料。"}) {
    INFO(said);
    const Conditions c =
        conditions_of({{"penalty_decision", std::string("行政处罚决定书\n") + said}});
    CHECK(value(c, "statements_made") == Tri::yes);
  }
}

TEST_CASE("an explicit statement in the decision wins over a statement record on file",
          "[conditions]") {
  const Conditions c =
      conditions_of({{"statement_record", "陈述申辩笔录\n当事人：本人放弃陈述、申辩的权利。"},
                     {"penalty_decision", "行政处罚决定书\n当事人在法定期限内未提出陈述、申辩。"}});
  CHECK(value(c, "statements_made") == Tri::no);
}

TEST_CASE("a statement record establishes statements when no document says otherwise",
          "[conditions]") {
  const Conditions c =
      conditions_of({{"statement_record", "陈述申辩笔录\n陈述申辩内容：罚款过重。"}});
  CHECK(value(c, "statements_made") == Tri::yes);
}

TEST_CASE("the statement-record rule stays quiet on a case whose only statement is the notice's",
          "[conditions]") {
  const Audit a = check_case(
      case_of({{"penalty_notice", std::string("行政处罚事先告知书\n") + kRightsSentences[1]},
               {"penalty_decision", "行政处罚决定书\n当事人在法定期限内未提出陈述、申辩。"}}),
      bundled_checklist());
  CHECK(outcome_of(a, "REQ-3-statement_record") == Outcome::not_applicable);
  CHECK(outcome_of(a, "REQ-3-review_record") == Outcome::not_applicable);
}

TEST_CASE("a written waiver by the party is a waiver, the decision's 视为放弃 is not",
          "[conditions]") {
  CHECK(
      value(conditions_of({{"waiver_statement", "放弃陈述、申辩声明\n本人放弃陈述、申辩的权利。"}}),
            "defence_waived") == Tri::yes);
  CHECK(value(conditions_of(
                  {{"statement_record", "陈述申辩笔录\n答：我放弃陈述、申辩，愿意接受处罚。"}}),
              "defence_waived") == Tri::yes);
  CHECK(value(conditions_of(
                  {{"penalty_decision",
                    "行政处罚决定书\n当事人于2024年4月9日提交书面声明，放弃陈述、申辩的权利。"}}),
              "defence_waived") == Tri::yes);
  CHECK(
      value(
          conditions_of(
              {{"penalty_decision",
                "行政处罚决定书\n你（单位）在期限内未进行陈述和申辩，视为放弃陈述和申辩的权利。"}}),
          "defence_waived") == Tri::no);
}

TEST_CASE("the decision saying no hearing was requested settles hearing_requested as no",
          "[conditions]") {
  const Conditions c = conditions_of(
      {{"penalty_notice", std::string("行政处罚事先（听证）告知书\n") + kRightsSentences[3]},
       {"penalty_decision",
        "行政处罚决定书\n当事人在法定期限内未提出陈述申辩意见，也未要求举行听证。罚款8000元。"}});
  CHECK(value(c, "hearing_requested") == Tri::no);
}

TEST_CASE("the filing form's case source settles whether the case came from a complaint",
          "[conditions]") {
  for (const char* text :
       {"立案审批表\n案件来源：投诉举报\n", "立案审批表\n案件来源\t12345市民服务热线转办\n",
        "立案审批表\n案件来源 □现场检查 □非现场检查 ☑投诉举报 □媒体披露\n"}) {
    INFO(text);
    CHECK(value(conditions_of({{"filing_approval", text}}), "source_complaint") == Tri::yes);
  }
  for (const char* text : {"立案审批表\n案件来源：日常巡查\n",
                           "立案审批表\n案件来源\t现场检查\t立案号\t穗海赤岗综执立〔2024〕1号\n",
                           "立案审批表\n案件来源 ☑现场检查 □非现场检查 □投诉举报 □媒体披露\n"}) {
    INFO(text);
    CHECK(value(conditions_of({{"filing_approval", text}}), "source_complaint") == Tri::no);
  }
  // A blank checkbox list says nothing.
  CHECK(value(conditions_of({{"filing_approval", "立案审批表\n案件来源 □现场检查 □投诉举报\n"}}),
              "source_complaint") == Tri::unknown);
}

TEST_CASE("a statement the party wrote itself satisfies the statement rule and needs no officers",
          "[conditions]") {
  const Audit a = check_case(
      case_of({{"statement_letter",
                "陈述申辩书\n本公司对拟处罚决定提出以下陈述申辩意见：初次违法，已改正。\n"},
               {"penalty_decision",
                "行政处罚决定书\n当事人于2024年4月10日提交了书面陈述、申辩材料。"}}),
      bundled_checklist());
  CHECK(outcome_of(a, "REQ-3-statement_record") == Outcome::passed);
  CHECK(findings_of(a, "OFF-two-officers").empty());
}

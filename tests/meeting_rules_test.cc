// The 会审 / 集体讨论 record checks (rule kind meeting, order rules on the
// record's date): each fires on a defective record and stays quiet on a
// sound one; a record the tool cannot read is a manual check naming what
// was not found.
#include <catch2/catch.hpp>

#include "auditor/checker.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

constexpr const char* kInquiry =
    "询问笔录\n时间：2024年3月5日9时00分至10时00分\n"
    "执法人员：张伟（执法证号：44010012345）、李娜（执法证号：44010012346）\n"
    "被询问人：陈建华\n问：……\n答：……\n2024年3月5日\n";
constexpr const char* kReport =
    "案件调查终结报告\n案号：穗海赤岗综执立〔2024〕12号\n五、初步处理意见：建议罚款人民币4000元。\n"
    "调查人：张伟、李娜\n2024年3月8日\n";

std::string decision(const std::string& penalty = "罚款人民币4000元",
                     const std::string& date = "2024年3月21日") {
  return "行政处罚决定书\n穗海赤岗综执罚决〔2024〕31号\n当事人：陈建华\n身份证号码：440105198506121"
         "236\n"
         "经查，当事人占道经营。当事人在法定期限内未提出陈述、申辩。本机关决定：" +
         penalty + "。\n广州市海珠区人民政府赤岗街道办事处\n" + date + "\n";
}

// A sound record in the generator's layout; each test replaces one line.
struct Record {
  std::string title = "集体讨论记录";
  std::string host = "主持人：刘国平（街道办事处主任）";
  std::string members = "参加人员：刘国平、李明、周美玲、黄文斌";
  std::string attendees = "列席人员：张伟、李娜（案件承办人，汇报案情，不参与表决）";
  std::string recorder = "记录人：郑海燕";
  std::string opinions = "讨论意见：参会人员认为本案事实清楚，证据确凿，处罚幅度适当。";
  std::string conclusion = "讨论结论：一致同意对当事人处以罚款人民币4000元。";
  std::string signatures = "参会人员签名：刘国平、李明、周美玲、黄文斌";
  std::string date = "2024年3月19日";
  std::string text() const {
    return title + "\n案号：穗海赤岗综执立〔2024〕12号\n" + host + "\n" + members + "\n" +
           attendees + "\n" + recorder + "\n" + opinions + "\n" + conclusion + "\n（以下空白）\n" +
           signatures + "\n" + date + "\n";
  }
};

Case case_with(const Record& r, const std::string& decision_text = decision()) {
  Case c = case_of({{"inquiry_record", kInquiry},
                    {"investigation_report", kReport},
                    {"collective_discussion", r.text()},
                    {"penalty_decision", decision_text}});
  c.info.street = "赤岗";
  return c;
}

Audit audit(const Case& c) { return check_case(c, bundled_checklist()); }

}  // namespace

TEST_CASE("a sound record passes every meeting check", "[meeting]") {
  const Audit a = audit(case_with(Record{}));
  for (const char* rule :
       {"MTG-participants", "MTG-head-present", "MTG-investigators-not-voting", "MTG-signatures",
        "MTG-dissent", "MTG-conclusion-matches", "MTG-after-defence", "MTG-after-investigation",
        "ORD-discussion-before-decision"}) {
    INFO(rule << " " << messages(a, rule));
    CHECK(outcome_of(a, rule) == Outcome::passed);
    CHECK(findings_of(a, rule).empty());
  }
}

TEST_CASE("a record without a host, a recorder or enough members is reported", "[meeting]") {
  Record r;
  r.host = "时间：2024年3月19日15时";
  r.recorder = "地点：第一会议室";
  r.members = "参加人员：李明、周美玲";
  r.signatures = "参会人员签名：李明、周美玲";
  const Audit a = audit(case_with(r));
  CHECK(outcome_of(a, "MTG-participants") == Outcome::failed);
  const std::string m = messages(a, "MTG-participants");
  CHECK(contains(m, "未载明主持人"));
  CHECK(contains(m, "仅 2 人"));
  CHECK(contains(m, "未载明记录人"));
  CHECK(findings_of(a, "MTG-participants").front().basis.find("第五十七条") != std::string::npos);
}

TEST_CASE("a recorder named only in the signature line counts", "[meeting]") {
  Record r;
  r.recorder = "地点：第一会议室";
  r.date = "记录人签字：郑海燕　　2024年3月19日";
  CHECK(outcome_of(audit(case_with(r)), "MTG-participants") == Outcome::passed);
}

TEST_CASE("a record whose people cannot be read is a manual check, a scan too", "[meeting]") {
  Record r;
  r.host = "主持：见会议签到表";
  r.members = "出席：见会议签到表";
  r.attendees = "列席：见会议签到表";
  r.recorder = "（略）";
  const Audit a = audit(case_with(r));
  CHECK(outcome_of(a, "MTG-participants") == Outcome::not_checkable);
  CHECK(contains(messages(a, "MTG-participants"), "未能识别主持人、参加人员及记录人"));

  Case scan = case_with(Record{});
  scan.documents[2] = scan_document("collective_discussion", "14-集体讨论记录.jpg");
  const Audit s = audit(scan);
  for (const char* rule : {"MTG-participants", "MTG-signatures", "MTG-dissent"}) {
    INFO(rule);
    CHECK(outcome_of(s, rule) == Outcome::not_checkable);
    REQUIRE(findings_of(s, rule).size() == 1);
    CHECK(findings_of(s, rule)[0].kind == "manual_check");
  }
  CHECK(contains(messages(s, "MTG-signatures"), "请人工核对出席人员是否逐一签名"));
}

TEST_CASE("the office's head must be among the voters", "[meeting]") {
  Record r;
  r.host = "主持人：李明（副主任）";
  r.members = "参加人员：李明（副主任）、周美玲（综合行政执法队队长）、黄文斌（科员）";
  r.signatures = "参会人员签名：李明、周美玲、黄文斌";
  const Audit a = audit(case_with(r));
  CHECK(outcome_of(a, "MTG-head-present") == Outcome::failed);
  CHECK(contains(messages(a, "MTG-head-present"), "未见机关负责人"));

  Record roles_unknown;
  roles_unknown.host = "主持人：刘国平";
  const Audit m = audit(case_with(roles_unknown));
  CHECK(outcome_of(m, "MTG-head-present") == Outcome::not_checkable);
  CHECK(contains(messages(m, "MTG-head-present"), "manual_check"));
  CHECK(contains(messages(m, "MTG-head-present"), "请人工核对机关负责人是否出席"));
}

TEST_CASE("an investigator voting is reported, attending without a vote is not", "[meeting]") {
  Record r;
  r.members = "参加人员：刘国平、李明、张伟、黄文斌";
  r.signatures = "参会人员签名：刘国平、李明、张伟、黄文斌";
  const Audit a = audit(case_with(r));
  CHECK(outcome_of(a, "MTG-investigators-not-voting") == Outcome::failed);
  const std::string m = messages(a, "MTG-investigators-not-voting");
  CHECK(contains(m, "调查人员张伟"));
  CHECK(contains(m, "询问笔录"));
  CHECK(outcome_of(audit(case_with(Record{})), "MTG-investigators-not-voting") == Outcome::passed);
}

TEST_CASE("a voter who did not sign is reported, a blank signature field is a manual check",
          "[meeting]") {
  Record r;
  r.signatures = "参会人员签名：刘国平、李明、周美玲";
  const Audit a = audit(case_with(r));
  CHECK(outcome_of(a, "MTG-signatures") == Outcome::failed);
  CHECK(contains(messages(a, "MTG-signatures"), "参加人员黄文斌未签名"));

  Record blank;
  blank.signatures = "出席人员签字：";
  const Audit b = audit(case_with(blank));
  CHECK(outcome_of(b, "MTG-signatures") == Outcome::not_checkable);
  CHECK(contains(messages(b, "MTG-signatures"), "签名栏为空"));

  Record none;
  none.signatures = "";
  const Audit n = audit(case_with(none));
  CHECK(outcome_of(n, "MTG-signatures") == Outcome::failed);
  CHECK(contains(messages(n, "MTG-signatures"), "未见出席人员签名"));
}

TEST_CASE("a majority vote needs its dissent recorded, silence is a manual check", "[meeting]") {
  Record majority;
  majority.conclusion = "讨论结论：多数同意对当事人处以罚款人民币4000元。";
  const Audit a = audit(case_with(majority));
  CHECK(outcome_of(a, "MTG-dissent") == Outcome::failed);
  CHECK(contains(messages(a, "MTG-dissent"), "未载明不同意见"));

  Record recorded = majority;
  recorded.opinions = "讨论意见：刘国平、李明、周美玲同意；黄文斌持不同意见，认为应从轻处罚。";
  CHECK(outcome_of(audit(case_with(recorded)), "MTG-dissent") == Outcome::passed);

  Record by_name;
  by_name.opinions = "讨论意见：\n刘国平：同意。\n李明：同意。\n周美玲：同意。\n黄文斌：同意。";
  by_name.conclusion = "讨论结论：对当事人处以罚款人民币4000元。";
  CHECK(outcome_of(audit(case_with(by_name)), "MTG-dissent") == Outcome::passed);

  Record silent;
  silent.opinions = "讨论意见：本案事实清楚。";
  silent.conclusion = "讨论结论：对当事人处以罚款人民币4000元。";
  const Audit s = audit(case_with(silent));
  CHECK(outcome_of(s, "MTG-dissent") == Outcome::not_checkable);
  CHECK(contains(messages(s, "MTG-dissent"), "manual_check"));
}

TEST_CASE("a conclusion whose penalty differs from the decision's is reported", "[meeting]") {
  Record r;
  r.conclusion = "讨论结论：一致同意对当事人处以罚款人民币3000元。";
  const Audit a = audit(case_with(r));
  CHECK(outcome_of(a, "MTG-conclusion-matches") == Outcome::failed);
  CHECK(contains(messages(a, "MTG-conclusion-matches"), "罚款3000元，决定书为4000元"));

  Record kinds;
  kinds.conclusion = "讨论结论：一致同意对当事人处以罚款人民币4000元，并吊销其许可证。";
  const Audit k = audit(case_with(kinds));
  CHECK(outcome_of(k, "MTG-conclusion-matches") == Outcome::failed);
  CHECK(contains(messages(k, "MTG-conclusion-matches"), "处罚种类为吊销许可证件、罚款"));

  Record vague;
  vague.conclusion = "讨论结论：一致同意承办人意见。";
  const Audit v = audit(case_with(vague));
  CHECK(outcome_of(v, "MTG-conclusion-matches") == Outcome::not_checkable);
  CHECK(contains(messages(v, "MTG-conclusion-matches"), "未载明处罚种类"));
}

TEST_CASE("a statement after the last discussion needs a second discussion", "[meeting]") {
  Case c = case_with(Record{}, decision("罚款人民币4000元", "2024年3月25日"));
  c.documents.push_back(text_document("statement_record",
                                      "陈述申辩笔录\n陈述申辩内容：……\n当事人签名：陈建华\n"
                                      "2024年3月20日\n"));
  const Audit a = audit(c);
  CHECK(outcome_of(a, "MTG-after-defence") == Outcome::failed);
  const std::string m = messages(a, "MTG-after-defence");
  CHECK(contains(m, "陈述申辩笔录"));
  CHECK(contains(m, "2024-03-20"));
  CHECK(contains(m, "2024-03-19"));

  Record second;
  second.date = "2024年3月22日";
  Case again = case_with(second, decision("罚款人民币4000元", "2024年3月25日"));
  again.documents.insert(again.documents.begin() + 2, c.documents.back());
  again.documents.push_back(text_document("collective_discussion", Record{}.text()));
  CHECK(outcome_of(audit(again), "MTG-after-defence") == Outcome::passed);
}

TEST_CASE("a discussion before the investigation ended or after the decision is out of order",
          "[meeting]") {
  Record early;
  early.date = "2024年3月6日";
  const Audit a = audit(case_with(early));
  CHECK(outcome_of(a, "MTG-after-investigation") == Outcome::failed);
  CHECK(contains(messages(a, "MTG-after-investigation"), "调查终结之后"));

  Record late;
  late.date = "2024年3月28日";
  const Audit b = audit(case_with(late));
  CHECK(outcome_of(b, "ORD-discussion-before-decision") == Outcome::failed);
  REQUIRE_FALSE(findings_of(b, "ORD-discussion-before-decision").empty());
  CHECK(findings_of(b, "ORD-discussion-before-decision")[0].basis.find("第五十七条第二款") !=
        std::string::npos);
}

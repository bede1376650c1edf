// The 法制审核 checks: a case in the scope without an opinion is missing one
// (REQ-4-legal_review), the reviewer is no investigator (OFF-reviewer-
// independent, read in the layouts templates.md §2.10 shows), the review
// follows the last evidence (LR-after-evidence), new evidence calls for a
// new review (LR-new-evidence), the decision follows an approving review
// (LR-approved) and precedes nothing (ORD-legal-review-before-decision).
#include <catch2/catch.hpp>

#include "auditor/checker.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

std::string inquiry(const std::string& date) {
  return "询问笔录\n时间：" + date +
         "9时00分至10时00分\n执法人员：张伟（执法证号：44010012345）、李娜（执法证号：44010012346）"
         "\n被询问人：陈建华\n问：……\n答：……\n" +
         date + "\n";
}
constexpr const char* kReport =
    "案件调查终结报告\n五、初步处理意见：建议罚款人民币6000元。\n调查人：张伟、李娜\n2024年3月8日"
    "\n";
// 6000 yuan for a citizen: hearing-eligible, so a legal review is due.
std::string decision(const std::string& date = "2024年3月21日") {
  return "行政处罚决定书\n穗海新港综执罚决〔2024〕7号\n当事人：陈建华\n身份证号码：4401051985061212"
         "36\n"
         "经查，当事人占道经营。当事人在法定期限内未提出陈述、申辩，也未要求听证。本机关决定：罚款"
         "人民币6000元。\n广州市海珠区人民政府新港街道办事处\n" +
         date + "\n";
}
std::string review(const std::string& opinion_line, const std::string& date = "2024年3月12日") {
  return "法制审核意见书\n案号：穗海新港综执立〔2024〕7号\n送审时间：" + date + "\n" +
         opinion_line + "\n" + date + "\n";
}

Case review_case(const std::string& review_text, const std::string& decision_text = decision()) {
  Case c = case_of({{"inquiry_record", inquiry("2024年3月5日")},
                    {"investigation_report", kReport},
                    {"legal_review", review_text},
                    {"penalty_decision", decision_text}});
  c.info.street = "新港";
  return c;
}

Audit audit(const Case& c) { return check_case(c, bundled_checklist()); }

constexpr const char* kApproved = "审核意见：经审核，同意承办机构意见。\n审核人：陈丽";

}  // namespace

TEST_CASE("a case in the legal-review scope without an opinion misses it (veto)",
          "[legal_review]") {
  Case c = case_of({{"inquiry_record", inquiry("2024年3月5日")},
                    {"investigation_report", kReport},
                    {"penalty_decision", decision()}});
  c.info.street = "新港";
  const Audit a = audit(c);
  CHECK(outcome_of(a, "REQ-4-legal_review") == Outcome::failed);
  REQUIRE(findings_of(a, "REQ-4-legal_review").size() == 1);
  const Finding f = findings_of(a, "REQ-4-legal_review")[0];
  CHECK(f.severity == "veto");
  CHECK(contains(f.basis, "第五十八条"));
  CHECK(outcome_of(audit(review_case(review(kApproved))), "REQ-4-legal_review") == Outcome::passed);
}

TEST_CASE("a sound review passes the legal-review checks", "[legal_review]") {
  const Audit a = audit(review_case(review(kApproved)));
  for (const char* rule : {"LR-after-evidence", "LR-new-evidence", "LR-approved",
                           "OFF-reviewer-independent", "ORD-legal-review-before-decision"}) {
    INFO(rule << " " << messages(a, rule));
    CHECK(outcome_of(a, rule) == Outcome::passed);
  }
}

TEST_CASE("a review by an investigator is reported in every layout", "[legal_review]") {
  for (const std::string line :
       {std::string("审核意见：同意。\n审核人：张伟"),
        std::string("法制审核人审核意见\t审核同意。 签字：张伟　　2024年3月12日"),
        std::string("法制审核人审核意见：审核同意。\n签名：张伟　签名时间：2024-03-12 15:22:10"),
        std::string("法制审核人员：张伟、赵六\n审核意见：同意")}) {
    INFO(line);
    const Audit a = audit(review_case(review(line)));
    CHECK(outcome_of(a, "OFF-reviewer-independent") == Outcome::failed);
    CHECK(contains(messages(a, "OFF-reviewer-independent"), "张伟"));
  }
}

TEST_CASE("a review before the last evidence of the investigation is reported", "[legal_review]") {
  Case c = review_case(review(kApproved, "2024年3月6日"));
  c.documents.push_back(text_document("inquiry_record", inquiry("2024年3月7日")));
  const Audit a = audit(c);
  CHECK(outcome_of(a, "LR-after-evidence") == Outcome::failed);
  const std::string m = messages(a, "LR-after-evidence");
  CHECK(contains(m, "2024-03-07"));
  CHECK(contains(m, "2024-03-06"));
  CHECK(contains(m, "证据尚未收集完毕"));
  CHECK(outcome_of(a, "LR-new-evidence") == Outcome::passed);
}

TEST_CASE("new evidence after the review calls for a new review", "[legal_review]") {
  Case c = review_case(review(kApproved, "2024年3月12日"));
  c.documents.push_back(text_document("inquiry_record", inquiry("2024年3月14日")));
  const Audit a = audit(c);
  CHECK(outcome_of(a, "LR-new-evidence") == Outcome::failed);
  CHECK(contains(messages(a, "LR-new-evidence"), "未重新法制审核"));
  CHECK(outcome_of(a, "LR-after-evidence") == Outcome::passed);

  c.documents.push_back(text_document("legal_review", review(kApproved, "2024年3月15日")));
  const Audit again = audit(c);
  CHECK(outcome_of(again, "LR-new-evidence") == Outcome::passed);
  // Evidence after the decision (a correction check) is no reason for a review.
  Case after = review_case(review(kApproved));
  after.documents.push_back(text_document("inquiry_record", inquiry("2024年3月25日")));
  CHECK(outcome_of(audit(after), "LR-new-evidence") == Outcome::passed);
}

TEST_CASE("a decision after a review that did not approve is reported", "[legal_review]") {
  const Audit a =
      audit(review_case(review("法制审核人审核意见\t□审核同意 ☑退回调查机构补充完善 □审核不同意")));
  CHECK(outcome_of(a, "LR-approved") == Outcome::failed);
  CHECK(contains(messages(a, "LR-approved"), "退回补充调查或修改"));

  const Audit rejected = audit(review_case(review("审核结论：不同意作出该处罚决定。")));
  CHECK(outcome_of(rejected, "LR-approved") == Outcome::failed);
  CHECK(contains(messages(rejected, "LR-approved"), "审核不同意"));

  Case fixed = review_case(review("审核结论：不同意作出该处罚决定。"));
  fixed.documents.push_back(text_document("legal_review", review(kApproved, "2024年3月18日")));
  CHECK(outcome_of(audit(fixed), "LR-approved") == Outcome::passed);

  const Audit unread = audit(review_case(review("备注：无")));
  CHECK(outcome_of(unread, "LR-approved") == Outcome::not_checkable);
  CHECK(contains(messages(unread, "LR-approved"), "未能从"));
  CHECK(contains(messages(unread, "LR-approved"), "中识别审核意见"));
}

TEST_CASE("a review dated after the decision is out of order", "[legal_review]") {
  const Audit a = audit(review_case(review(kApproved, "2024年3月25日")));
  CHECK(outcome_of(a, "ORD-legal-review-before-decision") == Outcome::failed);
  REQUIRE_FALSE(findings_of(a, "ORD-legal-review-before-decision").empty());
  CHECK(contains(findings_of(a, "ORD-legal-review-before-decision")[0].basis, "第五十八条"));
}

// The answer-file facts (importers/facts_appeal*.cc): receipt dates, agents
// and their roles, the applicant, outcomes and evidence-list rows, from the
// wordings and layouts people write; and none of them in penalty documents.
#include <catch2/catch.hpp>

#include <chrono>

#include "tests/fact_values.h"

using namespace auditor;
using namespace auditor::testing;

TEST_CASE("the receipt date is read from running text and from a receipt label", "[appeal]") {
  CHECK(values_of(
            "行政复议答复书\n答复人于2024年9月20日收到《提出答复通知书》及申请书副本，现答复如下：",
            "appeal_received") == Values{"2024-09-20"});
  CHECK(values_of("行政答辩状\n答辩人于二〇二五年四月十六日收到起诉状副本。", "appeal_received") ==
        Values{"2025-04-16"});
  CHECK(values_of("提出答复通知书\n请于收到之日起十日内答复。\n收文日期：2024年9月20日",
                  "appeal_received") == Values{"2024-09-20"});
  // The review body's or the court's own receipt of the application or complaint.
  CHECK(values_of("行政复议决定书\n本机关于2024年9月10日收到申请人的行政复议申请书。",
                  "appeal_received")
            .empty());
  CHECK(values_of("行政判决书\n本院于2025年4月10日收到原告的起诉状。", "appeal_received").empty());
  // A date not about receiving the notice.
  CHECK(values_of("行政复议答复书\n答复人于2024年3月21日作出处罚决定，当事人于3月22日收到。",
                  "appeal_received")
            .empty());
  // A receipt label outside a notice is not one.
  CHECK(values_of("询问笔录\n收到日期：2024年9月20日", "appeal_received").empty());
}

TEST_CASE("agents of a power of attorney carry their role, in a label list or running text",
          "[appeal]") {
  CHECK(values_of("授权委托书\n委托人：赤岗街道办事处\n受托人：张伟，赤岗街道办事处工作人员\n"
                  "受托人：黄志强，广东海珠律师事务所律师\n",
                  "appeal_agent") == Values{"张伟|staff", "黄志强|lawyer"});
  CHECK(values_of("授权委托书\n委托代理人\t姓名\t李敏\n工作单位\t赤岗街道综合行政执法队\n",
                  "appeal_agent") == Values{"李敏|staff"});
  CHECK(values_of("授权委托书\n现委托张伟（本单位工作人员）、黄志强（某某律师事务所律师）为我单位的"
                  "代理人。",
                  "appeal_agent") == Values{"张伟|staff", "黄志强|lawyer"});
  CHECK(values_of("授权委托书\n委托代理人：周敏，公职律师", "appeal_agent") ==
        Values{"周敏|staff"});
  CHECK(values_of("授权委托书\n受托人：黄志强，男，1980年出生", "appeal_agent") ==
        Values{"黄志强|unknown"});
  // Not a power of attorney: no agents.
  CHECK(values_of("询问笔录\n委托代理人：黄志强，律师", "appeal_agent").empty());
}

TEST_CASE("the outcome of a decision or judgment is one of the contract's values", "[appeal]") {
  const auto outcome = [](const std::string& title, const std::string& text) {
    return values_of(title + "\n申请人：陈建华\n本机关决定如下：\n" + text, "appeal_outcome");
  };
  CHECK(outcome("行政复议决定书", "维持被申请人的决定。") == Values{"维持"});
  CHECK(outcome("行政复议决定书", "撤销被申请人的决定。") == Values{"撤销"});
  CHECK(outcome("行政复议决定书", "确认被申请人的行政行为违法。") == Values{"确认违法"});
  CHECK(outcome("行政判决书", "驳回原告的诉讼请求。") == Values{"驳回"});
  CHECK(outcome("行政判决书", "责令被告于三十日内履行职责。") == Values{"责令履行"});
  CHECK(outcome("行政裁定书", "准许原告撤回起诉。") == Values{"其他"});
  // Only in an outcome document.
  CHECK(values_of("行政处罚决定书\n本机关决定如下：罚款4000元。", "appeal_outcome").empty());
}

TEST_CASE("evidence-list rows keep their date and name", "[appeal]") {
  CHECK(values_of("证据目录\n序号\t名称\t来源\t证明对象\t备注\n1\t行政处罚决定书\t答复人\t内容\t"
                  "2024年3月21日\n2\t现场照片\t答复人\t事实\t\n",
                  "evidence_item") == Values{"2024-03-21|行政处罚决定书", "|现场照片"});
  CHECK(values_of("证据清单\n1、询问笔录（2024年3月6日）\n", "evidence_item") ==
        Values{"2024-03-06|询问笔录（2024年3月6日）"});
}

TEST_CASE("the applicant is read only in answer-file documents", "[appeal]") {
  CHECK(values_of("行政复议答复书\n申请人：陈建华，男，住赤岗路12号", "appeal_party") ==
        Values{"陈建华"});
  CHECK(values_of("行政答辩状\n原告：广州市某某餐饮有限公司\n", "appeal_party") ==
        Values{"广州市某某餐饮有限公司"});
  CHECK(values_of("听证申请书\n申请人：陈建华", "appeal_party").empty());
}

TEST_CASE("a hostile power of attorney is read in bounded time", "[appeal]") {
  std::string text = "授权委托书\n";
  for (int i = 0; i < 20000; ++i) text += "现委托受托人委托代理人收到答复通知书";
  const auto start = std::chrono::steady_clock::now();
  (void)extract_facts(text);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
}

// The power of attorney's powers and term, the hearing date and the
// outcome's receipt (importers/facts_appeal_powers.cc) in the layouts people
// write them: label and colon, two-column table cells, a header-row table,
// running text, other label words; none of them outside their documents.
#include <catch2/catch.hpp>

#include <chrono>

#include "tests/fact_values.h"

using namespace auditor;
using namespace auditor::testing;

TEST_CASE("the powers of a power of attorney are read as special, general, listed or blank",
          "[appeal]") {
  const auto powers = [](const std::string& body) {
    return values_of("授权委托书\n委托人：广州市海珠区人民政府赤岗街道办事处\n" + body,
                     "appeal_powers");
  };
  CHECK(powers("代理权限：特别授权\n") == Values{"special"});
  CHECK(powers("代理人的代理权限为：特别授权（代为承认、放弃诉讼请求）\n") == Values{"special"});
  CHECK(powers("代理权限：一般授权（不得代为承认、放弃、变更诉讼请求）\n") == Values{"general"});
  CHECK(powers("代理权限：一般代理。代理期限：自委托之日起至本案审结之日止。") ==
        Values{"general"});
  CHECK(powers("委托权限\t特别授权：代为承认、放弃、变更诉讼请求，进行和解，提起上诉\n") ==
        Values{"special"});
  // The special items listed without the words 特别授权.
  CHECK(powers("授权范围：代为承认、放弃、变更复议请求，进行和解\n") == Values{"special"});
  CHECK(powers("委托事项：代为参加陈建华行政复议一案，提交答复书及证据材料\n") == Values{"listed"});
  // A header-row table: the value in the cell below.
  CHECK(powers("代理权限\t委托期限\n一般授权\t至本案一审终结之日止\n") == Values{"general"});
  // Running text without a label.
  CHECK(powers("现委托张伟为我单位代理人，受托人有权代为承认、放弃、变更诉讼请求，进行和解。") ==
        Values{"special"});
  CHECK(powers("现委托张伟为我单位代理人，为一般授权。") == Values{"general"});
  // A form left empty, as prose or as an empty cell over the next label.
  CHECK(powers("代理权限：\n委托期限：\n") == Values{"blank"});
  CHECK(powers("代理权限\t\n委托期限\t\n") == Values{"blank"});
  // The label ending its line, the value on the next; not when that line is
  // another label.
  CHECK(powers("代理权限：\n特别授权，代为承认、放弃、变更诉讼请求\n") == Values{"special"});
  CHECK(powers("委托权限:\n  一般授权\n") == Values{"general"});
  CHECK(powers("代理权限：\n受托人签名：\n") == Values{"blank"});
  CHECK(powers("受托人：张伟，本单位工作人员\n").empty());
  // Not a power of attorney.
  CHECK(values_of("询问笔录\n代理权限：特别授权", "appeal_powers").empty());
}

TEST_CASE("the term of a power of attorney is a from|until pair, case end, unread or blank",
          "[appeal]") {
  const auto term = [](const std::string& body) {
    return values_of("授权委托书\n受托人：张伟，本单位工作人员\n" + body, "appeal_term");
  };
  CHECK(term("代理期限：自委托之日起至本案审结之日止。") == Values{"|case"});
  CHECK(term("委托期限：自2024年9月20日起至本案行政复议终结之日止") == Values{"2024-09-20|case"});
  CHECK(term("委托期限\t自2025年4月16日起至2025年12月31日止\n") == Values{"2025-04-16|2025-12-31"});
  CHECK(term("有效期：2024年12月31日\n") == Values{"|2024-12-31"});
  CHECK(term("授权期限：本审级\n") == Values{"|case"});
  CHECK(term("代理权限\t委托期限\n一般授权\t至本案一审终结之日止\n") == Values{"|case"});
  // Running text without a label.
  CHECK(term("代理权限为一般授权，自2024年9月20日起至2024年10月31日止。") ==
        Values{"2024-09-20|2024-10-31"});
  CHECK(term("本委托书有效期自签发之日起至本案结案之日止。") == Values{"|case"});
  CHECK(term("委托期限：2024年9月20日至2024年12月31日\n") == Values{"2024-09-20|2024-12-31"});
  CHECK(term("委托期限：自二〇二四年九月二十日起至二〇二四年十二月三十一日止\n") ==
        Values{"2024-09-20|2024-12-31"});
  CHECK(term("委托期限：三个月\n") == Values{"unread"});
  CHECK(term("委托期限：\n") == Values{"blank"});
  CHECK(term("委托期限：\n自2024年9月20日起至本案审结之日止\n") == Values{"2024-09-20|case"});
  CHECK(term("代理权限：一般授权\n").empty());
  CHECK(values_of("询问笔录\n委托期限：2024年12月31日", "appeal_term").empty());
}

TEST_CASE("a hearing date is read from a label or the date right before 开庭", "[appeal]") {
  CHECK(values_of("行政判决书\n本院于2025年4月14日立案后，依法组成合议庭，于2025年5月20日公开开庭审"
                  "理了本案。",
                  "appeal_hearing") == Values{"2025-05-20"});
  CHECK(values_of("出庭通知书\n开庭时间：2025年5月20日上午9时", "appeal_hearing") ==
        Values{"2025-05-20"});
  CHECK(values_of("传票\n本院定于2025年5月20日上午9时在第三法庭开庭审理", "appeal_hearing") ==
        Values{"2025-05-20"});
  CHECK(values_of("应诉通知书\n你单位应于2025年4月30日前提交答辩状，开庭时请携带原件。",
                  "appeal_hearing")
            .empty());
}

TEST_CASE("the outcome's receipt is read from its stamp label or a sentence saying it was received",
          "[appeal]") {
  CHECK(
      values_of("行政复议决定书\n本机关决定如下：维持。\n2024年11月15日\n收文日期：2024年11月18日",
                "appeal_outcome_served") == Values{"2024-11-18"});
  CHECK(values_of("行政判决书\n判决如下：驳回原告的诉讼请求。\n签收日期\t2025年6月23日",
                  "appeal_outcome_served") == Values{"2025-06-23"});
  CHECK(values_of("结案报告\n我办于2024年11月18日收到《行政复议决定书》，复议维持。",
                  "appeal_outcome_served") == Values{"2024-11-18"});
  CHECK(values_of("行政复议决定书\n本机关决定如下：维持。\n签收日期：", "appeal_outcome_served") ==
        Values{"unread"});
  // The review body's receipt of the application; a receipt label elsewhere.
  CHECK(values_of("行政复议决定书\n本机关于2024年9月10日收到申请人的行政复议申请书。",
                  "appeal_outcome_served")
            .empty());
  CHECK(values_of("询问笔录\n收到日期：2024年9月20日", "appeal_outcome_served").empty());
}

TEST_CASE("a hostile power of attorney with many powers and term labels is read in bounded time",
          "[appeal]") {
  std::string line = "授权委托书\n", lines = "授权委托书\n";
  for (int i = 0; i < 20000; ++i) {
    line += "代理权限\t委托期限起至开庭收到判决书";
    lines += "代理权限\t委托期限\t起至开庭收到判决书\n";
  }
  const auto start = std::chrono::steady_clock::now();
  (void)extract_facts(line);
  (void)extract_facts(lines);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));
}

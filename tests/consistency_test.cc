// Rule kind consistency on cases built from real document text: party name
// and ID, receipt targets, amounts, provisions (and notice vs decision).
// Each rule has a case that fires and one that stays quiet.
#include <catch2/catch.hpp>

#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

const std::string kCompany = "广州市海珠区粤香园餐饮管理有限公司";
const std::string kCode = "91440105MA5D0RKX9A";

std::string decision_text(const std::string& party = kCompany, const std::string& code = kCode,
                          const std::string& fine = "罚款人民币伍仟元整（¥5000）",
                          const std::string& extra = "") {
  return "广州市海珠区人民政府赤岗街道办事处\n行政处罚决定书\n穗海赤岗综执罚决〔2024〕31号\n"
         "当事人：" +
         party + "\n统一社会信用代码：" + code + "\n" + extra +
         "当事人在人行道摆放桌椅经营，违反了《广州市市容环境卫生管理规定》第十条第一款的规定。\n"
         "依据《广州市市容环境卫生管理规定》第四十二条第一款第（一）项的规定，本机关决定对当事人作"
         "出如下行政处罚：" +
         fine + "。\n广州市海珠区人民政府赤岗街道办事处\n2024年3月21日\n";
}

std::string notice_text(const std::string& fine = "罚款人民币伍仟元整（¥5000）") {
  return "广州市海珠区人民政府赤岗街道办事处\n行政处罚事先告知书\n穗海赤岗综执罚告〔2024〕20号\n" +
         kCompany +
         "：\n依据《广州市市容环境卫生管理规定》第四十二条第一款第（一）项的规定，本机关拟对你单位"
         "作出如下行政处罚：" +
         fine + "。\n广州市海珠区人民政府赤岗街道办事处\n2024年3月12日\n";
}

std::string receipt_text(const std::string& served, const std::string& party = kCompany) {
  return "送达回证\n受送达人\t" + party + "\n送达文书名称及文号\t" + served +
         "\n送达时间\t2024年3月22日\n送达方式\t直接送达\n";
}

std::string payment_text(const std::string& amount) {
  return "罚没款缴款凭证\n缴款人\t" + kCompany + "\n统一社会信用代码\t" + kCode +
         "\n缴款事由\t缴纳罚款人民币" + amount + "元（穗海赤岗综执罚决〔2024〕31号）\n";
}

Case base_case() {
  Case c;
  c.archive = "consistency.zip";
  c.documents.push_back(
      text_document("filing_approval", "立案审批表\n案号：穗海赤岗综执立〔2024〕12号\n当事人\t" +
                                           kCompany + "\n统一社会信用代码\t" + kCode + "\n"));
  c.documents.push_back(text_document("penalty_notice", notice_text()));
  c.documents.push_back(text_document("penalty_decision", decision_text()));
  c.documents.push_back(text_document(
      "service_receipt", receipt_text("行政处罚决定书（穗海赤岗综执罚决〔2024〕31号）")));
  c.documents.push_back(text_document("payment_proof", payment_text("5000")));
  return c;
}

Audit audit(const Case& c) { return check_case(c, bundled_checklist()); }

}  // namespace

TEST_CASE("a consistent case file raises no consistency finding", "[consistency]") {
  const Audit a = audit(base_case());
  for (const char* rule : {"CON-party-name", "CON-party-id", "CON-party-id-invalid",
                           "CON-receipt-target", "CON-amounts", "CON-provisions"}) {
    INFO(rule);
    CHECK(outcome_of(a, rule) == Outcome::passed);
    CHECK(findings_of(a, rule).empty());
  }
}

TEST_CASE("party names differing only in bracket width agree", "[consistency]") {
  const std::string full = "广州市粤香园（海珠）餐饮管理有限公司",
                    half = "广州市粤香园(海珠)餐饮管理有限公司";
  Case c = base_case();
  c.documents[0] = text_document("filing_approval", "立案审批表\n当事人\t" + half + "\n");
  REQUIRE(c.documents[0].facts.size() == 1);
  REQUIRE(c.documents[0].facts[0].value == half);
  c.documents[2] = text_document("penalty_decision", decision_text(full));
  c.documents[3] = text_document(
      "service_receipt", receipt_text("行政处罚决定书（穗海赤岗综执罚决〔2024〕31号）", full));
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-party-name") == Outcome::passed);
  CHECK(findings_of(a, "CON-party-name").empty());
}

TEST_CASE("a receipt naming another party is reported with each variant and its document",
          "[consistency]") {
  Case c = base_case();
  c.documents.push_back(
      text_document("service_receipt",
                    receipt_text("行政处罚事先告知书（穗海赤岗综执罚告〔2024〕20号）",
                                 "广州市海珠区粤香园餐饮有限公司"),
                    "09-送达回证.docx"));
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-party-name") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "CON-party-name");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "consistency");
  CHECK(f[0].severity == "major");
  CHECK(f[0].document == "service_receipt");
  // The decision's name comes first, as the reference.
  CHECK(contains(f[0].message,
                 "“" + kCompany + "”见于《立案审批表》、《行政处罚决定书》、《送达回证》"));
  CHECK(contains(f[0].message, "“广州市海珠区粤香园餐饮有限公司”见于《送达回证》"));
  CHECK(contains(f[0].evidence.back(), "09-送达回证.docx"));
}

TEST_CASE("a party name cut at a PDF table's line end is a manual check, not a finding",
          "[consistency]") {
  // Wrapped ("…餐饮管理" / "有限公司") and run into the next cell ("…公司送").
  for (const std::string& cut :
       {kCompany.substr(0, kCompany.size() - std::string("有限公司").size()), kCompany + "送"}) {
    INFO(cut);
    Case c = base_case();
    Document receipt = text_document(
        "service_receipt", receipt_text("行政处罚事先告知书（穗海赤岗综执罚告〔2024〕20号）", cut),
        "09-送达回证.pdf");
    receipt.format = "pdf";
    c.documents.push_back(receipt);
    const Audit a = audit(c);
    CHECK(outcome_of(a, "CON-party-name") == Outcome::not_checkable);
    const std::vector<Finding> f = findings_of(a, "CON-party-name");
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == "manual_check");
    CHECK(contains(f[0].message, "可能是表格换行截断"));
    // The same cut in a DOCX (no layout wrapping) is a finding.
    c.documents.back().format = "docx";
    CHECK(outcome_of(audit(c), "CON-party-name") == Outcome::failed);
  }
}

TEST_CASE("the authority a transfer letter is served on is not compared with the party",
          "[consistency]") {
  Case c = base_case();
  c.documents.push_back(text_document(
      "service_receipt",
      receipt_text("涉嫌犯罪案件移送书（穗海赤岗综执移〔2024〕3号）", "广州市公安局海珠区分局"),
      "08-移送书送达回证.docx"));
  CHECK(findings_of(audit(c), "CON-party-name").empty());
  // The same receipt serving the decision names another party: reported.
  c.documents.back() = text_document(
      "service_receipt",
      receipt_text("行政处罚决定书（穗海赤岗综执罚决〔2024〕31号）", "广州市公安局海珠区分局"),
      "08-送达回证.docx");
  CHECK(findings_of(audit(c), "CON-party-name").size() == 1);
}

TEST_CASE("the person questioned is not compared with the party", "[consistency]") {
  Case c = base_case();
  c.documents.push_back(text_document(
      "inquiry_record", "询问笔录\n被询问人：何志明    身份证号码：440105197805123413\n"));
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-party-name") == Outcome::passed);
  CHECK(outcome_of(a, "CON-party-id") == Outcome::passed);
}

TEST_CASE("a credit code differing between filing form and decision is reported", "[consistency]") {
  Case c = base_case();
  c.documents[2] = text_document("penalty_decision", decision_text(kCompany, "91440101MA59UL3K8T"));
  const Audit a = audit(c);
  const std::vector<Finding> f = findings_of(a, "CON-party-id");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "“91440101MA59UL3K8T”见于《行政处罚决定书》"));
  CHECK(contains(f[0].message, "“" + kCode + "”见于《立案审批表》"));
}

TEST_CASE("a representative's ID number is not compared with the company's credit code",
          "[consistency]") {
  Case c = base_case();
  c.documents[2] = text_document("penalty_decision",
                                 decision_text(kCompany, kCode, "罚款人民币伍仟元整（¥5000）",
                                               "身份证号码：440105197805123413\n"));
  CHECK(outcome_of(audit(c), "CON-party-id") == Outcome::passed);
}

TEST_CASE("a credit code with a wrong check character is its own finding", "[consistency]") {
  Case c = base_case();
  c.documents[0] = text_document("filing_approval", "立案审批表\n当事人\t" + kCompany +
                                                        "\n统一社会信用代码\t91440105MA5D0RKX9B\n");
  const Audit a = audit(c);
  const std::vector<Finding> f = findings_of(a, "CON-party-id-invalid");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == "minor");
  CHECK(contains(f[0].message, "91440105MA5D0RKX9B"));
  CHECK(contains(f[0].message, "《立案审批表》"));
  CHECK(findings_of(a, "CON-party-id").empty());
}

TEST_CASE("a receipt serving a number no document carries is reported naming the receipt",
          "[consistency]") {
  Case c = base_case();
  c.documents[3] = text_document("service_receipt",
                                 receipt_text("行政处罚决定书（穗海赤岗综执罚决〔2024〕13号）"),
                                 "12-送达回证.docx");
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-receipt-target") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "CON-receipt-target");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message,
                 "《送达回证》（12-送达回证."
                 "docx）载明送达《行政处罚决定书》（穗海赤岗综执罚决〔2024〕13号）"));
  CHECK(contains(
      f[0].message,
      "卷内没有文号为该号的文书（卷内《行政处罚决定书》的文号为 穗海赤岗综执罚决〔2024〕31号）"));
}

TEST_CASE("a receipt serving a document whose number cannot be read is a manual check",
          "[consistency]") {
  // The decision is a scan: its number is unknown, not absent.
  Case c = base_case();
  c.documents[2] = scan_document("penalty_decision", "09-行政处罚决定书.pdf");
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-receipt-target") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CON-receipt-target");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(contains(f[0].message, "卷内《行政处罚决定书》（09-行政处罚决定书.pdf）的文号无法读取"));
}

TEST_CASE("a receipt serving a document type absent from the file says so", "[consistency]") {
  Case c = base_case();
  c.documents.push_back(text_document("service_receipt",
                                      receipt_text("责令改正通知书（穗海赤岗综执责改〔2024〕8号）"),
                                      "04-送达回证.docx"));
  const std::vector<Finding> f = findings_of(audit(c), "CON-receipt-target");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "卷内既无《责令改正通知书》，也没有文号为该号的文书"));
}

TEST_CASE("a receipt number written with other brackets still finds its document",
          "[consistency]") {
  Case c = base_case();
  c.documents[3] = text_document("service_receipt",
                                 receipt_text("行政处罚决定书（穗海赤岗综执罚决(2024)31号）"));
  CHECK(outcome_of(audit(c), "CON-receipt-target") == Outcome::passed);
}

TEST_CASE("a receipt naming the decision with the notice's number is reported", "[consistency]") {
  Case c = base_case();
  c.documents[3] = text_document("service_receipt",
                                 receipt_text("行政处罚决定书（穗海赤岗综执罚告〔2024〕20号）"));
  const std::vector<Finding> f = findings_of(audit(c), "CON-receipt-target");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message,
                 "与卷内《行政处罚决定书》的文号（穗海赤岗综执罚决〔2024〕31号）不一致"));
}

TEST_CASE("a receipt whose served number cannot be read is a manual check", "[consistency]") {
  Case c = base_case();
  c.documents[3] = text_document("service_receipt", receipt_text("行政处罚决定书"));
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-receipt-target") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CON-receipt-target");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(f[0].severity == "info");
  CHECK(f[0].deduction == 0);
}

TEST_CASE("a fine changed between notice and decision without explanation is reported",
          "[consistency]") {
  Case c = base_case();
  c.documents[2] =
      text_document("penalty_decision", decision_text(kCompany, kCode, "罚款人民币叁仟元整"));
  c.documents[4] = text_document("payment_proof", payment_text("3000"));
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-amounts") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "CON-amounts");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "consistency");
  CHECK(f[0].message ==
        "《行政处罚事先告知书》所载罚款（5000 元）与《行政处罚决定书》所载罚款（3000 元）不一致");
  CHECK(f[0].document == "penalty_decision");
}

TEST_CASE("a fine lowered after adopting the party's defence is a manual check", "[consistency]") {
  Case c = base_case();
  c.documents[2] =
      text_document("penalty_decision",
                    decision_text(kCompany, kCode, "罚款人民币叁仟元整",
                                  "当事人提出陈述申辩，本机关经复核予以采纳，依法从轻处罚。\n"));
  c.documents[4] = text_document("payment_proof", payment_text("3000"));
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-amounts") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CON-amounts");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(f[0].severity == "info");
  CHECK(contains(f[0].message, "采纳"));
}

TEST_CASE("a payment slip amount differing from the decision is reported", "[consistency]") {
  Case c = base_case();
  c.documents[4] = text_document("payment_proof", payment_text("500"));
  const std::vector<Finding> f = findings_of(audit(c), "CON-amounts");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "consistency");
  CHECK(f[0].document == "payment_proof");
  CHECK(contains(f[0].message, "《罚没款缴款凭证》所载罚款（500 元）"));
}

TEST_CASE("a scanned payment proof is a manual check, not a failure", "[consistency]") {
  Case c = base_case();
  c.documents[4] = scan_document("payment_proof", "12-罚没款缴款凭证.png");
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-amounts") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CON-amounts");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(f[0].deduction == 0);
  CHECK(contains(f[0].message, "12-罚没款缴款凭证.png"));
  CHECK(contains(f[0].message, "5000 元"));
}

TEST_CASE("a decision citing a single provision is reported", "[consistency]") {
  Case c = base_case();
  c.documents[2] = text_document(
      "penalty_decision",
      "行政处罚决定书\n当事人：" + kCompany +
          "\n依据《广州市市容环境卫生管理规定》的规定，本机关决定对当事人罚款人民币伍仟元整。\n"
          "如不服本决定，可依据《中华人民共和国行政复议法》第九条申请行政复议。\n");
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-provisions") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "CON-provisions");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message,
                 "仅引用《中华人民共和国行政复议法》第九条（程序或救济条款），未写明违法行为所违反"
                 "的条款和处罚依据条款"));
}

TEST_CASE("a surcharge or remedy article is not taken for the penalty provision", "[consistency]") {
  // Violated article + 行政处罚法 (加处罚款) + 行政复议法: two distinct provisions
  // before, yet no penalty provision.
  Case c = base_case();
  c.documents[2] =
      text_document("penalty_decision",
                    "行政处罚决定书\n当事人：" + kCompany +
                        "\n当事人在人行道摆放桌椅经营，违反了《广州市市容环境卫生管理规定》第十条第"
                        "一款的规定。本机关决定对当事人罚款人民币伍仟元整。\n"
                        "逾期不缴纳罚款的，依据《中华人民共和国行政处罚法》第七十二条第一款第（一）"
                        "项的规定，每日按罚款数额的百分之三加处罚款。\n"
                        "如不服本决定，可依据《中华人民共和国行政复议法》第九条申请行政复议。\n");
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-provisions") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "CON-provisions");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "写明了所违反的条款（第十条），但未写明处罚依据条款"));
}

namespace {

Case with_decision(const std::string& body) {
  Case c = base_case();
  c.documents[2] =
      text_document("penalty_decision", "行政处罚决定书\n当事人：" + kCompany + "\n" + body);
  return c;
}

}  // namespace

TEST_CASE("one article cited as both the violated and the penalty provision stays quiet",
          "[consistency]") {
  // An article that both prohibits and penalises is correctly cited twice.
  for (const std::string& body : {std::string("当事人未经批准擅自在街道两侧设置摊点，违反了《城市市"
                                              "容和环境卫生管理条例》第三十六条第（一）项的规定。"
                                              "依据《城市市容和环境卫生管理条例》第三十六条的规定，"
                                              "本机关决定对当事人处以罚款人民币伍佰元整。\n"),
                                  std::string("当事人的行为违反《城市市容和环境卫生管理条例》第36条"
                                              "之规定，根据《城市市容和环境卫生管理条例》第36条"
                                              "规定，现给予当事人警告，并处罚款500元。\n")}) {
    INFO(body);
    const Audit a = audit(with_decision(body));
    CHECK(outcome_of(a, "CON-provisions") == Outcome::passed);
    CHECK(findings_of(a, "CON-provisions").empty());
  }
}

TEST_CASE("a decision stating the violated provision but no penalty provision says so",
          "[consistency]") {
  for (const std::string& body :
       {std::string(
            "当事人在人行道摆放桌椅经营，违反了《广州市市容环境卫生管理规定》第十条第一款的规定。"
            "本机关决定对当事人罚款人民币伍仟元整。\n"),
        std::string("经查，当事人违反《广州市市容环境卫生管理规定》第10条第1款\n现决定处以罚款5000"
                    "元。\n")}) {
    INFO(body);
    const Audit a = audit(with_decision(body));
    CHECK(outcome_of(a, "CON-provisions") == Outcome::failed);
    const std::vector<Finding> f = findings_of(a, "CON-provisions");
    REQUIRE(f.size() == 1);
    CHECK(contains(f[0].message, "写明了所违反的条款（第"));
    CHECK(contains(f[0].message, "但未写明处罚依据条款"));
    CHECK_FALSE(contains(f[0].message, "未写明违法行为所违反的条款"));
  }
}

TEST_CASE("a decision stating the penalty provision but not the violated one says so",
          "[consistency]") {
  const Audit a =
      audit(with_decision("当事人在人行道摆放桌椅经营。依据《广州市市容环境卫生管理规定》第四十二条"
                          "的规定，本机关决定对当事人罚款人民币伍仟元整。\n"));
  const std::vector<Finding> f = findings_of(a, "CON-provisions");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "写明了处罚依据条款（第四十二条），但未写明违法行为所违反的条款"));
}

TEST_CASE("a decision citing no provision at all says so", "[consistency]") {
  const Audit a =
      audit(with_decision("当事人在人行道摆放桌椅经营，本机关决定对当事人罚款人民币伍仟元整。\n"));
  const std::vector<Finding> f = findings_of(a, "CON-provisions");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "未引用任何法律条文"));
}

namespace {

Case with_notice_and_decision(const std::string& notice_basis, const std::string& decision_basis) {
  Case c = base_case();
  c.documents[1] =
      text_document("penalty_notice", "行政处罚事先告知书\n" + kCompany + "：\n" + notice_basis +
                                          "\n根据《中华人民共和国行政处罚法》第四十四条、第四十五条"
                                          "的规定，你单位有权进行陈述和申辩。\n");
  c.documents[2] =
      text_document("penalty_decision",
                    "行政处罚决定书\n当事人：" + kCompany + "\n" + decision_basis +
                        "\n如不服本决定，可依据《中华人民共和国行政复议法》第九条申请行政复议。\n");
  return c;
}

}  // namespace

TEST_CASE("a decision citing another penalty article than the notice is reported",
          "[consistency]") {
  const std::vector<std::pair<std::string, std::string>> variants = {
      {"你单位违反了《广州市市容环境卫生管理规定》第十条第一款的规定，依据《广州市市容环境卫生管理"
       "规定》第四十二条第一款第（一）项的规定，本机关拟对你单位罚款人民币伍仟元整。",
       "当事人违反了《广州市市容环境卫生管理规定》第十条第一款的规定，依据《城市市容和环境卫生管理"
       "条例》第三十六条的规定，本机关决定对当事人罚款人民币伍仟元整。"},
      {"你单位违反《广州市市容环境卫生管理规定》第10条，根据该规定第42条，拟作出罚款5000元的行政处"
       "罚。"
       "依据《广州市市容环境卫生管理规定》第42条的规定，拟处以罚款。",
       "当事人违反《广州市市容环境卫生管理规定》第10条，依据《广州市市容环境卫生管理规定》第43条的"
       "规定，决定处以罚款5000元。"}};
  for (const auto& [notice, decision] : variants) {
    INFO(notice << "\n" << decision);
    const Audit a = audit(with_notice_and_decision(notice, decision));
    CHECK(outcome_of(a, "CON-provisions-notice") == Outcome::failed);
    const std::vector<Finding> f = findings_of(a, "CON-provisions-notice");
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == "consistency");
    CHECK(contains(f[0].message, "《行政处罚决定书》引用的法律依据与《行政处罚事先告知书》不一致"));
    CHECK(contains(f[0].message, "告知书引用《广州市市容环境卫生管理规定》第"));
    CHECK(contains(f[0].message, "决定书未说明变更理由"));
  }
}

TEST_CASE("the same articles written differently in notice and decision stay quiet",
          "[consistency]") {
  const std::vector<std::pair<std::string, std::string>> variants = {
      // Chinese vs Arabic numerals, 中华人民共和国 prefix, 款/项 depth.
      {"你单位违反了《中华人民共和国大气污染防治法》第八十一条第一款的规定，依据《中华人民共和国大"
       "气污染防治法》第一百一十八条第一款的规定，拟罚款人民币伍仟元整。",
       "当事人违反了《大气污染防治法》第81条的规定，依据《大气污染防治法》第118条第1款的规定，决定"
       "罚款5000元。"},
      // A version note inside the law's name.
      {"依据《广东省城乡生活垃圾管理条例（2021年修正）》第八十三条的规定，拟罚款人民币伍仟元整。",
       "依据《广东省城乡生活垃圾管理条例》第83条的规定，决定罚款5000元。"},
      // The notice states only the penalty article; the decision adds the violated one.
      {"依据《广州市市容环境卫生管理规定》第四十二条第一款第（一）项的规定，本机关拟对你单位罚款人"
       "民币伍仟元整。",
       "当事人违反了《广州市市容环境卫生管理规定》第十条第一款的规定，依据《广州市市容环境卫生管理"
       "规定》第四十二条第一款第（一）项的规定，本机关决定对当事人罚款人民币伍仟元整。"}};
  for (const auto& [notice, decision] : variants) {
    INFO(notice << "\n" << decision);
    const Audit a = audit(with_notice_and_decision(notice, decision));
    CHECK(outcome_of(a, "CON-provisions-notice") == Outcome::passed);
    CHECK(findings_of(a, "CON-provisions-notice").empty());
  }
}

TEST_CASE("a changed legal basis the decision explains is a manual check", "[consistency]") {
  const Audit a = audit(with_notice_and_decision(
      "依据《广州市市容环境卫生管理规定》第四十二条的规定，拟罚款人民币伍仟元整。",
      "经复核，本机关采纳当事人的申辩意见，依据《城市市容和环境卫生管理条例》第三十六条的规定，决定"
      "罚款人民币伍佰元整。"));
  CHECK(outcome_of(a, "CON-provisions-notice") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CON-provisions-notice");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(contains(f[0].message, "决定书载有变更说明"));
}

TEST_CASE("a notice whose citations cannot be read is a manual check naming it", "[consistency]") {
  Case c = base_case();
  c.documents[1] = scan_document("penalty_notice");
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-provisions-notice") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CON-provisions-notice");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(contains(f[0].message, "未能识别所引用的法律条文（《行政处罚事先告知书》无可提取文本）"));
}

TEST_CASE("a decision citing a provision without the law's name is a manual check",
          "[consistency]") {
  Case c = base_case();
  c.documents[2] = text_document(
      "penalty_decision",
      "行政处罚决定书\n当事人：" + kCompany +
          "\n当事人的行为不符合该条例第十四条的要求，按该条例第三十六条第（二）项处理，"
          "本机关决定对当事人罚款人民币伍仟元整。\n");
  const Audit a = audit(c);
  CHECK(outcome_of(a, "CON-provisions") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CON-provisions");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(contains(f[0].message, "第三十六条"));
}

TEST_CASE("a notice citing no substantive article is a manual check saying so", "[consistency]") {
  const Audit a = audit(with_notice_and_decision(
      "你单位的行为违法，本机关拟对你单位罚款人民币伍仟元整。",
      "当事人违反了《广州市市容环境卫生管理规定》第十条第一款的规定，依据《广州市市容环境卫生管理规"
      "定》第四十二条的规定，决定罚款人民币伍仟元整。"));
  CHECK(outcome_of(a, "CON-provisions-notice") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CON-provisions-notice");
  REQUIRE(f.size() == 1);
  INFO(f[0].message);
  CHECK(contains(f[0].message, "《行政处罚事先告知书》正文未见违法条款或处罚依据条款的引用"));
  CHECK_FALSE(contains(f[0].message, "《行政处罚决定书》正文未见"));
}

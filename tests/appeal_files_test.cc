// Answer files (应议应诉, docs/formats/appeals.md) as real archives: DOCX
// documents written with the project's writer, zipped, imported, classified
// and checked by audit_archive against the bundled checklist. A complete
// reconsideration file and a complete litigation file give no finding of the
// APL rules; each defect gives its rule's finding; a label table and running
// text give the same findings.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "app/pipeline.h"
#include "reports/docx_writer.h"
#include "tests/cli_support.h"
#include "tests/rule_fixtures.h"
#include "tests/scan_fixtures.h"
#include "tests/zip_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

std::string docx(const std::string& title, const std::vector<std::string>& lines,
                 const std::vector<std::vector<std::string>>& table = {}) {
  DocxWriter w(title);
  w.paragraph("广州市海珠区人民政府赤岗街道办事处");
  w.heading(title, 1);
  for (const std::string& l : lines) w.paragraph(l);
  if (!table.empty()) w.table(table);
  Result<std::string> b = w.finish();
  REQUIRE(b.ok());
  return *b;
}

// What an answer file says; each field a test changes.
struct File {
  bool litigation = false;
  std::string received = "2024年9月20日";   // the notice's or complaint's receipt
  std::string answered = "2024年10月10日";  // the answer's (defence's) date
  std::string list_date = "";               // the evidence list's date; "" = answered
  bool receipt_in_text = false;             // receipt said in the answer's text, not stamped
  bool agents_in_text = false;              // power of attorney in running text
  bool agents_in_table = false;             // power of attorney as a bordered form
  std::vector<std::pair<std::string, std::string>> agents = {
      {"张伟", "赤岗街道办事处综合行政执法队工作人员，执法证号44010012345"},
      {"黄志强", "广东海珠律师事务所律师"}};
  std::string late_row = "";  // an evidence row dated after the decision
  std::string cited_number = "穗海赤岗综执罚决〔2024〕31号";
  std::string outcome = "维持被申请人作出的穗海赤岗综执罚决〔2024〕31号行政处罚决定。";
  bool simple = false;
  bool appearance = true;
  // The power of attorney's powers and term ("" = not written); each layout
  // words its labels differently (代理权限/代理期限, 委托事项及权限/委托期限,
  // 委托权限/有效期 in table cells).
  std::string powers = "一般代理";
  std::string term = "自委托之日起至本案审结之日止";
  // How the outcome's receipt is kept: "label" (收文日期 on it), "cell"
  // (签收日期 in a table cell on it), "receipt" (a 送达回证), "" (none).
  std::string outcome_service = "label";
  std::string outcome_title = "";  // "" = 行政复议决定书 / 行政判决书
  std::string hearing = "";        // the judgment's 开庭 date

  std::set<std::string> drop;  // member names left out
};

constexpr const char* kDecisionNumber = "穗海赤岗综执罚决〔2024〕31号";

std::map<std::string, std::string> members_of(const File& f) {
  std::map<std::string, std::string> m;
  const std::string applicant = f.litigation ? "原告" : "申请人";
  const std::string list_date = f.list_date.empty() ? f.answered : f.list_date;
  m["01-行政处罚决定书.docx"] =
      docx("行政处罚决定书",
           {kDecisionNumber, "当事人：陈建华", "身份证号码：440105198506121236",
            "经查，当事人于2024年3月5日在赤岗路12号占道经营。",
            "以上事实有现场检查笔录、询问笔录等证据证实。当事人的行为违反了《广州市市容环境卫生管理"
            "规定》第十九条的规定，"
            "依据《广州市市容环境卫生管理规定》第三十六条的规定，本机关决定：罚款人民币4000元。",
            "2024年3月21日"});
  if (!f.litigation) {
    std::vector<std::string> notice = {
        "穗海府复〔2024〕88号",
        "广州市海珠区人民政府赤岗街道办事处：",
        "申请人陈建华不服你单位作出的" + std::string(kDecisionNumber) +
            "《行政处罚决定书》，向本机关申请行政复议，本机关已依法受理" +
            (f.simple ? "，决定适用简易程序审理" : "") + "。",
        "根据《中华人民共和国行政复议法》第四十八条的规定，现将行政复议申请书副本发送你单位，"
        "请你单位自收到之日起" +
            std::string(f.simple ? "五日" : "十日") +
            "内提出书面答复，并提交当初作出行政行为的证据、依据和其他有关材料。",
        "广州市海珠区人民政府",
        "2024年9月18日"};
    if (!f.receipt_in_text) notice.push_back("收文日期：" + f.received);
    m["02-提出答复通知书.docx"] = docx("提出答复通知书", notice);
    m["03-行政复议答复书.docx"] = docx(
        "行政复议答复书",
        {"答复人：广州市海珠区人民政府赤岗街道办事处", "申请人：陈建华",
         (f.receipt_in_text
              ? "答复人于" + f.received + "收到《提出答复通知书》及行政复议申请书副本，"
              : std::string("答复人收到行政复议申请书副本后，")) +
             "现就申请人不服答复人作出的" + f.cited_number + "《行政处罚决定书》一案答复如下：",
         "一、答复人作出的行政处罚决定认定事实清楚，证据确凿，程序合法，适用依据正确。",
         "请复议机关依法维持。", "广州市海珠区人民政府赤岗街道办事处", f.answered});
  } else {
    m["02-应诉通知书.docx"] = docx(
        "应诉通知书", {"（2025）粤0105行初123号", "广州市海珠区人民政府赤岗街道办事处：",
                       "原告陈建华诉你单位行政处罚一案，本院已立案。现将起诉状副本发送给你单位，"
                       "你单位应当在收到起诉状副本之日起十五日内向本院提交作出行政行为的证据和所依"
                       "据的规范性文件，并提出答辩状。",
                       "广州市海珠区人民法院", "2025年4月14日"});
    std::vector<std::string> complaint = {
        "原告：陈建华", "被告：广州市海珠区人民政府赤岗街道办事处",
        "诉讼请求：撤销被告作出的" + std::string(kDecisionNumber) + "《行政处罚决定书》。",
        "具状人：陈建华", "2025年4月10日"};
    if (!f.receipt_in_text) complaint.push_back("收到日期：" + f.received);
    m["03-行政起诉状.docx"] = docx("行政起诉状", complaint);
    m["04-行政答辩状.docx"] =
        docx("行政答辩状",
             {"答辩人：广州市海珠区人民政府赤岗街道办事处", "原告：陈建华",
              (f.receipt_in_text ? "答辩人于" + f.received + "收到起诉状副本及应诉通知书，"
                                 : std::string("答辩人收到起诉状副本后，")) +
                  "现就原告诉答辩人作出的" + f.cited_number + "《行政处罚决定书》一案答辩如下：",
              "答辩人作出的行政处罚决定事实清楚，证据确凿，程序合法，请求驳回原告的诉讼请求。",
              "广州市海珠区人民政府赤岗街道办事处", f.answered});
    if (f.appearance)
      m["08-负责人出庭情况说明.docx"] =
          docx("负责人出庭情况说明", {"本机关副主任刘国平将于开庭时出庭应诉。", f.answered});
  }
  std::vector<std::vector<std::string>> rows = {
      {"序号", "名称", "来源", "证明对象", "备注"},
      {"1", "行政处罚决定书", "答复人制作", "处罚决定的内容", "2024年3月21日"},
      {"2", "现场检查笔录", "答复人制作", "违法事实", "2024年3月5日"},
      {"3", "询问笔录", "答复人制作", "违法事实", "2024年3月6日"}};
  if (!f.late_row.empty())
    rows.push_back({"4", f.late_row, "答复人制作", "违法事实", "2024年9月25日"});
  m["05-证据目录.docx"] = [&] {
    DocxWriter w("证据目录");
    w.heading("证据目录", 1);
    w.table(rows);
    w.paragraph("广州市海珠区人民政府赤岗街道办事处");
    w.paragraph(list_date);
    Result<std::string> b = w.finish();
    REQUIRE(b.ok());
    return *b;
  }();
  m["06-法定代表人身份证明书.docx"] =
      docx("法定代表人身份证明书",
           {"刘国平在我单位任主任职务，系我单位的法定代表人（负责人）。", f.answered});
  std::vector<std::string> power = {"委托人：广州市海珠区人民政府赤岗街道办事处",
                                    "法定代表人：刘国平  职务：主任"};
  if (f.agents_in_table) {
    std::vector<std::vector<std::string>> rows = {{"委托人", "广州市海珠区人民政府赤岗街道办事处"}};
    for (const auto& [n, r] : f.agents) {
      rows.push_back({f.litigation ? "委托代理人" : "受托人", n});
      rows.push_back({"工作单位及职务", r});
    }
    if (!f.powers.empty()) rows.push_back({"委托权限", f.powers});
    if (!f.term.empty()) rows.push_back({"有效期", f.term});
    DocxWriter w("授权委托书");
    w.heading("授权委托书", 1);
    w.table(rows);
    w.paragraph(f.answered);
    Result<std::string> b = w.finish();
    REQUIRE(b.ok());
    m["07-授权委托书.docx"] = *b;
  } else if (f.agents_in_text) {
    std::string who;
    for (const auto& [n, r] : f.agents) who += (who.empty() ? "" : "、") + n + "（" + r + "）";
    power.push_back("现委托" + who + "为我单位参加陈建华" +
                    (f.litigation ? "诉我单位行政处罚一案的诉讼代理人" : "行政复议一案的代理人") +
                    "。" + (f.powers.empty() ? "" : "委托事项及权限：" + f.powers + "，") +
                    (f.term.empty() ? "" : "委托期限" + f.term) + "。");
  } else {
    for (const auto& [n, r] : f.agents)
      power.push_back((f.litigation ? "委托代理人：" : "受托人：") + n + "，" + r);
    if (!f.powers.empty()) power.push_back("代理权限：" + f.powers + "。");
    if (!f.term.empty()) power.push_back("代理期限：" + f.term + "。");
  }
  power.push_back(f.answered);
  if (!f.agents_in_table) m["07-授权委托书.docx"] = docx("授权委托书", power);
  if (!f.outcome.empty()) {
    const std::string served = f.litigation ? "2025年6月23日" : "2024年11月18日";
    std::vector<std::vector<std::string>> stamp;
    if (f.outcome_service == "cell") stamp = {{"签收人", "张伟"}, {"签收日期", served}};
    const std::string title = !f.outcome_title.empty() ? f.outcome_title
                              : f.litigation           ? "行政判决书"
                                                       : "行政复议决定书";
    std::vector<std::string> lines;
    if (!f.litigation)
      lines = {"穗海府复〔2024〕102号",
               "申请人：陈建华",
               "被申请人：广州市海珠区人民政府赤岗街道办事处",
               "根据《中华人民共和国行政复议法》第六十八条的规定，本机关决定如下：",
               f.outcome,
               "2024年11月15日"};
    else
      lines = {"（2025）粤0105行初123号",
               "原告陈建华。",
               "被告广州市海珠区人民政府赤岗街道办事处，负责人刘国平，副主任。",
               f.hearing.empty() ? "本院依法组成合议庭审理了本案。"
                                 : "本院依法组成合议庭，于" + f.hearing + "公开开庭审理了本案。",
               "依照《中华人民共和国行政诉讼法》第六十九条的规定，判决如下：",
               f.outcome,
               "2025年6月20日"};
    if (f.outcome_service == "label") lines.push_back("收文日期：" + served);
    m["09-" + title + ".docx"] = docx(title, lines, stamp);
    if (f.outcome_service == "receipt")
      m["10-送达回证.docx"] =
          docx("送达回证", {},
               {{"送达文书名称及文号", f.litigation ? title + "（2025）粤0105行初123号"
                                                    : title + "穗海府复〔2024〕102号"},
                {"受送达人", "广州市海珠区人民政府赤岗街道办事处"},
                {"送达日期", served},
                {"送达方式", "直接送达"},
                {"送达人", f.litigation ? "广州市海珠区人民法院" : "广州市海珠区人民政府"}});
  }
  for (const std::string& d : f.drop) m.erase(d);
  return m;
}

// `members` zipped into a temporary archive and audited with the bundled checklist.
CaseResult audit_members(const std::vector<Member>& members) {
  test::TempDir dir;
  const std::filesystem::path archive = dir.path / "answer.zip";
  {
    std::ofstream out(archive, std::ios::binary);
    out << make_zip(members);
  }
  return audit_archive(archive, bundled_checklist(), ImportOptions{});
}

// The members of `f` but the one named `drop`.
std::vector<Member> members_without(const File& f, const std::string& drop) {
  std::vector<Member> members;
  for (const auto& [name, bytes] : members_of(f))
    if (name != drop) members.emplace_back(name, bytes);
  return members;
}

// The answer file `f` audited (no member is named "": all are kept).
CaseResult audit_file(const File& f) { return audit_members(members_without(f, "")); }

// "rule/kind" of every finding of the APL rules but the seal manual check
// that every answer file in DOCX gets (its own test).
std::set<std::string> apl(const Audit& a) {
  std::set<std::string> out;
  for (const Finding& f : a.findings)
    if (f.rule.rfind("APL-", 0) == 0 && f.rule != "APL-seal-image")
      out.insert(f.rule + "/" + f.kind);
  return out;
}

std::string listing(const Audit& a) {
  std::string out;
  for (const Finding& f : a.findings) out += f.rule + "/" + f.kind + "：" + f.message + "\n";
  return out;
}

File litigation_file() {
  File f;
  f.litigation = true;
  f.received = "2025年4月16日";
  f.answered = "2025年4月28日";
  f.outcome = "驳回原告陈建华的诉讼请求。";
  return f;
}

}  // namespace

TEST_CASE("a complete reconsideration file is an answer file and gives no APL finding",
          "[appeal]") {
  const CaseResult r = audit_file(File{});
  INFO(listing(r.audit));
  CHECK(r.c.info.procedure.value_or("") == "reconsideration");
  CHECK(apl(r.audit).empty());
  for (const char* rule :
       {"APL-RC-answer_notice", "APL-RC-answer", "APL-RC-decision", "APL-evidence-list",
        "APL-legal-rep-certificate", "APL-power-of-attorney", "APL-agent-staff",
        "APL-RC-answer-10wd", "APL-RC-evidence-after-decision", "APL-cited-decision", "APL-outcome",
        "APL-attorney-powers", "APL-attorney-term", "APL-outcome-service"})
    CHECK(outcome_of(r.audit, rule) == Outcome::passed);
  CHECK(outcome_of(r.audit, "APL-LT-defence") == Outcome::not_applicable);
  // The penalty checklist's required documents do not apply to an answer file.
  CHECK(outcome_of(r.audit, "REQ-1-filing_approval") == Outcome::not_applicable);
}

TEST_CASE("a complete litigation file gives no APL finding", "[appeal]") {
  const CaseResult r = audit_file(litigation_file());
  INFO(listing(r.audit));
  CHECK(r.c.info.procedure.value_or("") == "litigation");
  CHECK(apl(r.audit).empty());
  for (const char* rule :
       {"APL-LT-notice", "APL-LT-complaint", "APL-LT-defence", "APL-LT-appearance",
        "APL-LT-defence-15d", "APL-LT-evidence-15d", "APL-agent-staff", "APL-power-of-attorney",
        "APL-cited-decision", "APL-outcome", "APL-attorney-powers", "APL-attorney-term",
        "APL-outcome-service"})
    CHECK(outcome_of(r.audit, rule) == Outcome::passed);
  CHECK(outcome_of(r.audit, "APL-RC-answer-10wd") == Outcome::not_applicable);
}

TEST_CASE(
    "a reconsideration answer on the 11th working day is late, on the 10th across 国庆 it is "
    "not",
    "[appeal]") {
  // Received Friday 2024-09-20: the 10th working day is 2024-10-10 (09-29 a
  // make-up workday, 10-01..07 off), 20 calendar days later.
  for (const bool in_text : {false, true}) {
    File on_time;
    on_time.receipt_in_text = in_text;
    const CaseResult quiet = audit_file(on_time);
    INFO(listing(quiet.audit));
    CHECK(outcome_of(quiet.audit, "APL-RC-answer-10wd") == Outcome::passed);
    File late = on_time;
    late.answered = "2024年10月11日";
    const CaseResult fired = audit_file(late);
    INFO(listing(fired.audit));
    CHECK(apl(fired.audit) == std::set<std::string>{"APL-RC-answer-10wd/deadline"});
    const std::vector<Finding> fs = findings_of(fired.audit, "APL-RC-answer-10wd");
    REQUIRE(fs.size() == 1);
    CHECK(contains(fs[0].message, "第 11 个工作日"));
    CHECK(contains(fs[0].message, "2024-10-10"));
    CHECK(fs[0].basis.find("第四十八条") != std::string::npos);
  }
}

TEST_CASE("a simple-procedure reconsideration is answered within 5 working days", "[appeal]") {
  File f;
  f.simple = true;
  f.answered = "2024年9月27日";  // the 5th working day after 09-20
  CHECK(outcome_of(audit_file(f).audit, "APL-RC-answer-10wd") == Outcome::passed);
  f.answered = "2024年9月29日";  // a make-up Sunday: the 6th
  const CaseResult r = audit_file(f);
  INFO(listing(r.audit));
  CHECK(apl(r.audit) == std::set<std::string>{"APL-RC-answer-10wd/deadline"});
}

TEST_CASE("an unread receipt date is a manual check naming it, never silence", "[appeal]") {
  File f;
  f.received = "";
  const CaseResult r = audit_file(f);
  const std::vector<Finding> fs = findings_of(r.audit, "APL-RC-answer-10wd");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].kind == "manual_check");
  CHECK(contains(fs[0].message, "未能读取收到《提出答复通知书》的日期"));
}

TEST_CASE("a litigation defence due on 劳动节 2025 rolls to the next working day", "[appeal]") {
  // Received 2025-04-16: day 15 is 05-01 (off until 05-05), so 05-06 is on time.
  File f = litigation_file();
  f.answered = "2025年5月6日";
  const CaseResult quiet = audit_file(f);
  INFO(listing(quiet.audit));
  CHECK(outcome_of(quiet.audit, "APL-LT-defence-15d") == Outcome::passed);
  CHECK(outcome_of(quiet.audit, "APL-LT-evidence-15d") == Outcome::passed);
  f.answered = "2025年5月7日";
  const CaseResult fired = audit_file(f);
  INFO(listing(fired.audit));
  CHECK(apl(fired.audit) ==
        std::set<std::string>{"APL-LT-defence-15d/deadline", "APL-LT-evidence-15d/deadline"});
  CHECK(contains(findings_of(fired.audit, "APL-LT-defence-15d")[0].message, "2025-05-06"));
  // Only the evidence late.
  f.answered = "2025年4月28日";
  f.list_date = "2025年5月8日";
  CHECK(apl(audit_file(f).audit) == std::set<std::string>{"APL-LT-evidence-15d/deadline"});
}

TEST_CASE("a litigation file authorising only a lawyer is a finding, naming staff is quiet",
          "[appeal]") {
  for (const int layout : {0, 1, 2}) {
    File f = litigation_file();
    f.agents_in_text = layout == 1;
    f.agents_in_table = layout == 2;
    INFO("layout " << layout);
    CHECK(outcome_of(audit_file(f).audit, "APL-agent-staff") == Outcome::passed);
    f.agents = {{"黄志强", "广东海珠律师事务所律师"}, {"李敏", "广东海珠律师事务所实习律师"}};
    const CaseResult r = audit_file(f);
    INFO(listing(r.audit));
    CHECK(apl(r.audit) == std::set<std::string>{"APL-agent-staff/appeal"});
    CHECK(contains(findings_of(r.audit, "APL-agent-staff")[0].message, "黄志强"));
    // Neither role written: a manual check, not a finding.
    f.agents = {{"黄志强", "男，1980年出生"}};
    const std::vector<Finding> fs = findings_of(audit_file(f).audit, "APL-agent-staff");
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "manual_check");
  }
}

TEST_CASE("evidence dated after the penalty decision is flagged in a reconsideration file",
          "[appeal]") {
  File f;
  f.late_row = "补充询问笔录";
  const CaseResult r = audit_file(f);
  INFO(listing(r.audit));
  CHECK(apl(r.audit) == std::set<std::string>{"APL-RC-evidence-after-decision/appeal"});
  CHECK(
      contains(findings_of(r.audit, "APL-RC-evidence-after-decision")[0].message, "补充询问笔录"));
}

TEST_CASE("an answer citing another decision number or party is a finding", "[appeal]") {
  for (const bool litigation : {false, true}) {
    File f = litigation ? litigation_file() : File{};
    f.cited_number = "穗海赤岗综执罚决〔2024〕13号";
    const CaseResult r = audit_file(f);
    INFO(listing(r.audit));
    CHECK(apl(r.audit) == std::set<std::string>{"APL-cited-decision/appeal"});
  }
}

TEST_CASE("missing answer-file documents are findings of their rules", "[appeal]") {
  File rc;
  rc.drop = {"03-行政复议答复书.docx", "05-证据目录.docx", "06-法定代表人身份证明书.docx",
             "07-授权委托书.docx", "09-行政复议决定书.docx"};
  const CaseResult r = audit_file(rc);
  INFO(listing(r.audit));
  CHECK(r.c.info.procedure.value_or("") == "reconsideration");
  CHECK(apl(r.audit) == std::set<std::string>{"APL-RC-answer/missing_document",
                                              "APL-RC-decision/missing_document",
                                              "APL-evidence-list/missing_document",
                                              "APL-legal-rep-certificate/missing_document",
                                              "APL-power-of-attorney/missing_document"});
  File rc2;
  rc2.drop = {"02-提出答复通知书.docx"};
  rc2.receipt_in_text = true;
  CHECK(apl(audit_file(rc2).audit) ==
        std::set<std::string>{"APL-RC-answer_notice/missing_document"});
  File lt = litigation_file();
  lt.drop = {"02-应诉通知书.docx", "03-行政起诉状.docx", "04-行政答辩状.docx"};
  lt.appearance = false;
  const CaseResult l = audit_file(lt);
  INFO(listing(l.audit));
  CHECK(l.c.info.procedure.value_or("") != "litigation");  // nothing says it is one
  File lt2 = litigation_file();
  lt2.drop = {"02-应诉通知书.docx", "03-行政起诉状.docx"};
  lt2.appearance = false;
  lt2.receipt_in_text = true;
  const CaseResult l2 = audit_file(lt2);
  INFO(listing(l2.audit));
  CHECK(apl(l2.audit) == std::set<std::string>{"APL-LT-notice/missing_document",
                                               "APL-LT-complaint/missing_document",
                                               "APL-LT-appearance/missing_document"});
}

TEST_CASE("the outcome is read from the decision or judgment, or asked for", "[appeal]") {
  const std::vector<std::pair<std::string, std::string>> outcomes = {
      {"维持被申请人作出的行政处罚决定。", "维持"},
      {"撤销被申请人作出的穗海赤岗综执罚决〔2024〕31号行政处罚决定。", "撤销"},
      {"确认被申请人作出的行政处罚决定违法。", "确认违法"},
      {"变更被申请人作出的行政处罚决定，罚款数额变更为人民币2000元。", "变更"},
      {"驳回申请人的行政复议申请。", "驳回"},
      {"责令被申请人在三十日内履行法定职责。", "责令履行"},
      {"本案终止审理。", "其他"}};
  for (const auto& [text, value] : outcomes) {
    File f;
    f.outcome = text;
    const CaseResult r = audit_file(f);
    bool found = false;
    for (const Document& d : r.c.documents)
      if (d.type == "appeal_decision")
        for (const Fact& fact : d.facts)
          if (fact.kind == "appeal_outcome") found = found || fact.value == value;
    INFO(text);
    CHECK(found);
    CHECK(outcome_of(r.audit, "APL-outcome") == Outcome::passed);
  }
}

TEST_CASE(
    "a litigation file without its defence is a veto finding, a judgment saying 出庭应诉 "
    "stands for the appearance note",
    "[appeal]") {
  File f = litigation_file();
  f.drop = {"04-行政答辩状.docx"};
  const CaseResult r = audit_file(f);
  INFO(listing(r.audit));
  CHECK(r.c.info.procedure.value_or("") == "litigation");
  const std::vector<Finding> fs = findings_of(r.audit, "APL-LT-defence");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].severity == "veto");
  File g = litigation_file();
  g.appearance = false;
  CHECK(apl(audit_file(g).audit) == std::set<std::string>{"APL-LT-appearance/missing_document"});
  g.outcome = "驳回原告陈建华的诉讼请求。被告负责人刘国平出庭应诉。";
  CHECK(outcome_of(audit_file(g).audit, "APL-LT-appearance") == Outcome::passed);
}

TEST_CASE("an outcome document whose result is not read asks for it", "[appeal]") {
  File f;
  f.outcome = "";
  CHECK(outcome_of(audit_file(f).audit, "APL-outcome") == Outcome::not_applicable);
  // A judgment without 判决如下: the result is not read.
  File g = litigation_file();
  const CaseResult base = audit_file(g);
  CHECK(outcome_of(base.audit, "APL-outcome") == Outcome::passed);
  std::vector<Member> members = members_without(g, "09-行政判决书.docx");
  members.emplace_back(
      "09-行政判决书.docx",
      docx("行政判决书", {"（2025）粤0105行初123号", "本案经审理，已审理终结。", "2025年6月20日"}));
  const CaseResult r = audit_members(members);
  const std::vector<Finding> fs = findings_of(r.audit, "APL-outcome");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].kind == "manual_check");
  CHECK(contains(fs[0].message, "未能读取复议或裁判结果"));
}

TEST_CASE("an answer naming another applicant is a finding", "[appeal]") {
  File f;
  const CaseResult quiet = audit_file(f);
  CHECK(outcome_of(quiet.audit, "APL-cited-decision") == Outcome::passed);
  std::vector<Member> members = members_without(f, "03-行政复议答复书.docx");
  members.emplace_back("03-行政复议答复书.docx",
                       docx("行政复议答复书", {"申请人：陈建国", "现答复如下：请复议机关依法维持。",
                                               "2024年10月8日"}));
  const CaseResult r = audit_members(members);
  INFO(listing(r.audit));
  const std::vector<Finding> fs = findings_of(r.audit, "APL-cited-decision");
  REQUIRE(fs.size() == 1);
  CHECK(contains(fs[0].message, "陈建国"));
}

TEST_CASE("a notice and answer printed to PDF by LibreOffice give the DOCX's findings",
          "[appeal]") {
  File late;
  late.answered = "2024年10月11日";
  for (const File& f : {File{}, late}) {
    test::TempDir dir;
    std::vector<Member> members;
    bool converted = true;
    for (auto& [name, bytes] : members_of(f)) {
      if (name != "02-提出答复通知书.docx" && name != "03-行政复议答复书.docx") {
        members.emplace_back(name, bytes);
        continue;
      }
      test::write_file(dir.path / "in.docx", bytes);
      const std::string pdf = test::libreoffice_convert(dir.path, "in.docx", "pdf");
      converted = converted && !pdf.empty();
      members.emplace_back(name.substr(0, name.size() - 5) + ".pdf", pdf);
    }
    if (!converted) {
      WARN("LibreOffice could not convert the documents; PDF layout not tested");
      return;
    }
    const CaseResult r = audit_members(members);
    INFO(listing(r.audit));
    CHECK(r.c.info.procedure.value_or("") == "reconsideration");
    CHECK(apl(r.audit) == apl(audit_file(f).audit));
  }
}

TEST_CASE("a power of attorney without powers or term is a finding, in three layouts", "[appeal]") {
  for (const bool litigation : {false, true})
    for (const int layout : {0, 1, 2}) {
      INFO("litigation " << litigation << ", layout " << layout);
      File f = litigation ? litigation_file() : File{};
      f.agents_in_text = layout == 1;
      f.agents_in_table = layout == 2;
      const CaseResult quiet = audit_file(f);
      INFO(listing(quiet.audit));
      CHECK(apl(quiet.audit).empty());
      CHECK(outcome_of(quiet.audit, "APL-attorney-powers") == Outcome::passed);
      CHECK(outcome_of(quiet.audit, "APL-attorney-term") == Outcome::passed);
      // Other words, the same meaning: the same (no) findings.
      File g = f;
      g.powers = "一般授权";
      g.term = "至本案" + std::string(litigation ? "一审终结" : "行政复议终结") + "之日止";
      CHECK(apl(audit_file(g).audit) == apl(quiet.audit));
      File no_powers = f;
      no_powers.powers = "";
      const CaseResult p = audit_file(no_powers);
      INFO(listing(p.audit));
      CHECK(apl(p.audit) == std::set<std::string>{"APL-attorney-powers/appeal"});
      CHECK(contains(findings_of(p.audit, "APL-attorney-powers")[0].message, "未载明代理权限"));
      File no_term = f;
      no_term.term = "";
      const CaseResult t = audit_file(no_term);
      INFO(listing(t.audit));
      CHECK(apl(t.audit) == std::set<std::string>{"APL-attorney-term/appeal"});
      CHECK(contains(findings_of(t.audit, "APL-attorney-term")[0].message, "未载明委托期限"));
    }
}

TEST_CASE("a term ending before the answer or the hearing is a finding, one covering them is quiet",
          "[appeal]") {
  for (const int layout : {0, 1, 2}) {
    INFO("layout " << layout);
    File f;  // answered 2024-10-10
    f.agents_in_text = layout == 1;
    f.agents_in_table = layout == 2;
    f.term = "自2024年9月20日起至2024年10月31日止";
    CHECK(apl(audit_file(f).audit).empty());
    f.term = "自2024年9月20日起至2024年10月8日止";
    const CaseResult r = audit_file(f);
    INFO(listing(r.audit));
    CHECK(apl(r.audit) == std::set<std::string>{"APL-attorney-term/appeal"});
    CHECK(contains(findings_of(r.audit, "APL-attorney-term")[0].message, "2024-10-08"));
    // A lawsuit: defence 2025-04-28, hearing 2025-05-20.
    File l = litigation_file();
    l.agents_in_text = layout == 1;
    l.agents_in_table = layout == 2;
    l.hearing = "2025年5月20日";
    l.term = "自2025年4月16日起至2025年5月31日止";
    const CaseResult lq = audit_file(l);
    INFO(listing(lq.audit));
    CHECK(apl(lq.audit).empty());
    l.term = "自2025年4月16日起至2025年5月10日止";
    const CaseResult lf = audit_file(l);
    INFO(listing(lf.audit));
    CHECK(apl(lf.audit) == std::set<std::string>{"APL-attorney-term/appeal"});
    CHECK(contains(findings_of(lf.audit, "APL-attorney-term")[0].message, "开庭日期 2025-05-20"));
  }
}

TEST_CASE("a term or powers not read is a manual check naming what was not found", "[appeal]") {
  File f;
  f.term = "三个月";
  const std::vector<Finding> fs = findings_of(audit_file(f).audit, "APL-attorney-term");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].kind == "manual_check");
  CHECK(contains(fs[0].message, "委托期限未能识别"));
  // A scanned power of attorney without text: both asked for.
  std::vector<Member> members = members_without(File{}, "07-授权委托书.docx");
  test::Gray blank{64, 64, 150, std::vector<unsigned char>(64 * 64, 255)};
  members.emplace_back("07-授权委托书.png", test::png_of(blank));
  const CaseResult r = audit_members(members);
  INFO(listing(r.audit));
  for (const char* rule : {"APL-attorney-powers", "APL-attorney-term"}) {
    const std::vector<Finding> m = findings_of(r.audit, rule);
    REQUIRE(m.size() == 1);
    CHECK(m[0].kind == "manual_check");
    CHECK(contains(m[0].message, "无可提取文本"));
  }
}

TEST_CASE("a mediated lawsuit needs a special authorisation", "[appeal]") {
  for (const int layout : {0, 1, 2}) {
    INFO("layout " << layout);
    File f = litigation_file();
    f.agents_in_text = layout == 1;
    f.agents_in_table = layout == 2;
    f.outcome_title = "行政调解书";
    const CaseResult r = audit_file(f);
    INFO(listing(r.audit));
    CHECK(apl(r.audit) == std::set<std::string>{"APL-attorney-powers/appeal"});
    CHECK(contains(findings_of(r.audit, "APL-attorney-powers")[0].message, "特别授权"));
    f.powers = "特别授权，代为承认、放弃、变更诉讼请求，进行和解";
    const CaseResult q = audit_file(f);
    INFO(listing(q.audit));
    CHECK(apl(q.audit).empty());
  }
  // Without a mediation, a general authorisation is enough.
  CHECK(apl(audit_file(litigation_file()).audit).empty());
}

TEST_CASE("the outcome without its receipt is a finding, a stamp, a cell or a 送达回证 is quiet",
          "[appeal]") {
  for (const bool litigation : {false, true}) {
    INFO("litigation " << litigation);
    for (const char* kept : {"label", "cell", "receipt"}) {
      File f = litigation ? litigation_file() : File{};
      f.outcome_service = kept;
      const CaseResult r = audit_file(f);
      INFO(kept << "\n" << listing(r.audit));
      CHECK(outcome_of(r.audit, "APL-outcome-service") == Outcome::passed);
      CHECK(apl(r.audit).empty());
      // The receipt names the office as served, not the party.
      CHECK(findings_of(r.audit, "CON-party-name").empty());
    }
    File none = litigation ? litigation_file() : File{};
    none.outcome_service = "";
    const CaseResult r = audit_file(none);
    INFO(listing(r.audit));
    CHECK(apl(r.audit) == std::set<std::string>{"APL-outcome-service/appeal"});
    // The outcome statistics are unchanged by the service check.
    bool outcome = false;
    for (const Document& d : r.c.documents)
      for (const Fact& fact : d.facts) outcome = outcome || fact.kind == "appeal_outcome";
    CHECK(outcome);
  }
  // A receipt label whose date is not read: a manual check.
  std::vector<Member> members = members_without(File{}, "09-行政复议决定书.docx");
  members.emplace_back("09-行政复议决定书.docx",
                       docx("行政复议决定书", {"本机关决定如下：", "维持。", "2024年11月15日",
                                               "签收日期：    年  月  日"}));
  const CaseResult r = audit_members(members);
  const std::vector<Finding> fs = findings_of(r.audit, "APL-outcome-service");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].kind == "manual_check");
  CHECK(contains(fs[0].message, "收文（签收）日期未能读取"));
}

TEST_CASE("answer files ask for the organ's seal on its own documents, not on the decision copy",
          "[appeal]") {
  for (const bool litigation : {false, true}) {
    const CaseResult r = audit_file(litigation ? litigation_file() : File{});
    INFO(listing(r.audit));
    CHECK(findings_of(r.audit, "MAN-seal-image").empty());
    const std::vector<Finding> fs = findings_of(r.audit, "APL-seal-image");
    REQUIRE(fs.size() == 1);
    CHECK(fs[0].kind == "manual_check");
    for (const char* doc :
         {litigation ? "行政答辩状" : "行政复议答复书", "授权委托书", "法定代表人身份证明书"})
      CHECK(contains(fs[0].message, doc));
    CHECK(!contains(fs[0].message, "行政处罚决定书"));
  }
}

TEST_CASE("a penalty file keeps MAN-seal-image and gets no APL-seal-image", "[appeal]") {
  std::vector<Member> members;
  for (auto& [name, bytes] : members_of(File{}))
    if (name == "01-行政处罚决定书.docx") members.emplace_back(name, bytes);
  const CaseResult r = audit_members(members);
  INFO(listing(r.audit));
  CHECK(r.c.info.procedure.value_or("") == "general");
  CHECK(outcome_of(r.audit, "APL-seal-image") == Outcome::not_applicable);
  const std::vector<Finding> fs = findings_of(r.audit, "MAN-seal-image");
  REQUIRE(fs.size() == 1);
  CHECK(contains(fs[0].message, "行政处罚决定书"));
}

TEST_CASE("a power of attorney printed to PDF by LibreOffice gives the DOCX's findings",
          "[appeal]") {
  for (const int layout : {0, 1, 2})
    for (const bool with_term : {true, false}) {
      INFO("layout " << layout << ", term " << with_term);
      File f;
      f.agents_in_text = layout == 1;
      f.agents_in_table = layout == 2;
      if (!with_term) f.term = "";
      test::TempDir dir;
      std::vector<Member> members;
      for (auto& [name, bytes] : members_of(f)) {
        if (name != "07-授权委托书.docx") {
          members.emplace_back(name, bytes);
          continue;
        }
        test::write_file(dir.path / "in.docx", bytes);
        const std::string pdf = test::libreoffice_convert(dir.path, "in.docx", "pdf");
        if (pdf.empty()) {
          WARN("LibreOffice could not convert the document; PDF layout not tested");
          return;
        }
        members.emplace_back("07-授权委托书.pdf", pdf);
      }
      const CaseResult r = audit_members(members);
      INFO(listing(r.audit));
      CHECK(apl(r.audit) == apl(audit_file(f).audit));
    }
}

// The scope table decides whether a case needs 会审 (complex_case →
// REQ-4-collective_discussion) and 法制审核 (major_decision →
// REQ-4-legal_review): thresholds by party kind and street, penalty kinds,
// hearing, 不予/减轻, 情节复杂 stated, blank or unreadable, and no table.
#include <catch2/catch.hpp>

#include <memory>

#include "auditor/checker.h"
#include "auditor/conditions.h"
#include "auditor/scope.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

constexpr const char* kCitizen = "当事人：陈建华\n身份证号码：440105198506121236\n";
constexpr const char* kCompany =
    "当事人：广州市海珠区粤香园餐饮管理有限公司\n统一社会信用代码：91440105MA5D0RKX9A\n";

std::string decision(const std::string& party, const std::string& penalty,
                     const std::string& extra = "") {
  return "广州市海珠区人民政府赤岗街道办事处\n行政处罚决定书\n穗海赤岗综执罚决〔2024〕31号\n" +
         party + "本机关于2024年3月1日立案调查。经查，当事人占道经营。" + extra +
         "\n当事人在法定期限内未提出陈述、申辩，也未要求听证。\n依据《城市市容和环境卫生管理条例》"
         "第三十六条的规定，本机关决定：" +
         penalty + "。\n广州市海珠区人民政府赤岗街道办事处\n2024年3月21日\n";
}

constexpr const char* kReport =
    "案件调查终结报告\n案号：穗海赤岗综执立〔2024〕12号\n一、当事人基本情况……\n"
    "五、初步处理意见：建议依法处罚。\n调查人：张伟、李娜\n2024年3月8日\n";

Case case_in(const std::string& street, const std::string& decision_text,
             const std::string& report = kReport) {
  Case c = case_of({{"investigation_report", report}, {"penalty_decision", decision_text}});
  if (!street.empty()) c.info.street = street;
  return c;
}

const Finding* first(const Audit& a, const std::string& rule) {
  for (const Finding& f : a.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

std::string evidence_of(const Finding& f) {
  std::string out;
  for (const std::string& e : f.evidence) out += e + "\n";
  return out;
}

}  // namespace

TEST_CASE("a citizen's fine above the street's 会审 threshold without a record is missing",
          "[scope]") {
  // The sample: 赤岗 takes citizens' fines from 3000 yuan, the district from 5000.
  const Audit a =
      check_case(case_in("赤岗", decision(kCitizen, "罚款人民币4000元")), bundled_checklist());
  CHECK(outcome_of(a, "REQ-4-collective_discussion") == Outcome::failed);
  const Finding* f = first(a, "REQ-4-collective_discussion");
  REQUIRE(f);
  CHECK(f->kind == "missing_document");
  CHECK(contains(f->message, "缺少《集体讨论记录》"));
  CHECK(contains(f->basis, "第五十七条第二款"));
  CHECK(contains(evidence_of(*f), "赤岗街道范围表"));
  CHECK(contains(evidence_of(*f), "fine-citizen"));
  CHECK(contains(evidence_of(*f), "当事人为公民"));
  // Not a legal-review case: below the hearing threshold, no heavy penalty.
  CHECK(outcome_of(a, "REQ-4-legal_review") == Outcome::not_applicable);

  const Audit quiet =
      check_case(case_in("新港", decision(kCitizen, "罚款人民币4000元")), bundled_checklist());
  CHECK(outcome_of(quiet, "REQ-4-collective_discussion") == Outcome::not_applicable);
  CHECK_FALSE(first(quiet, "REQ-4-collective_discussion"));
}

TEST_CASE("a record on file satisfies the scope", "[scope]") {
  Case c = case_in("赤岗", decision(kCitizen, "罚款人民币4000元"));
  c.documents.push_back(
      text_document("collective_discussion",
                    "集体讨论记录\n主持人：刘国平（主任）\n参加人员：刘国平、李明、周美玲\n"
                    "记录人：郑海燕\n讨论结论：一致同意罚款人民币4000元。\n"
                    "参会人员签名：刘国平、李明、周美玲\n2024年3月19日\n"));
  const Audit a = check_case(c, bundled_checklist());
  CHECK(outcome_of(a, "REQ-4-collective_discussion") == Outcome::passed);
}

TEST_CASE("an organisation's fine is weighed against the organisation's threshold", "[scope]") {
  const Audit above =
      check_case(case_in("新港", decision(kCompany, "罚款人民币60000元")), bundled_checklist());
  CHECK(outcome_of(above, "REQ-4-collective_discussion") == Outcome::failed);
  const Audit below =
      check_case(case_in("新港", decision(kCompany, "罚款人民币8000元")), bundled_checklist());
  CHECK(outcome_of(below, "REQ-4-collective_discussion") == Outcome::not_applicable);
}

TEST_CASE("a licence revoked needs both a discussion and a legal review", "[scope]") {
  const Audit a =
      check_case(case_in("新港", decision(kCompany, "吊销当事人的食品经营许可证，并处罚款2000元")),
                 bundled_checklist());
  CHECK(outcome_of(a, "REQ-4-collective_discussion") == Outcome::failed);
  CHECK(outcome_of(a, "REQ-4-legal_review") == Outcome::failed);
  const Finding* f = first(a, "REQ-4-legal_review");
  REQUIRE(f);
  CHECK(f->severity == "veto");
  CHECK(contains(evidence_of(*f), "heavy-penalty"));
  CHECK(contains(evidence_of(*f), "吊销许可证件"));
}

TEST_CASE("a hearing puts a case in both scopes", "[scope]") {
  Case c = case_in("新港", decision(kCompany, "罚款人民币8000元"));
  c.info.flags["hearing_requested"] = "true";
  const Audit a = check_case(c, bundled_checklist());
  CHECK(outcome_of(a, "REQ-4-legal_review") == Outcome::failed);
  CHECK(outcome_of(a, "REQ-4-collective_discussion") == Outcome::failed);
}

TEST_CASE("a street's own criteria: 不予处罚 and 减轻处罚 need 会审 only where listed", "[scope]") {
  const std::string none =
      "不予行政处罚决定书\n" + std::string(kCitizen) +
      "经查，当事人首次违法且及时改正，本机关决定不予行政处罚。\n2024年3月21日\n";
  Case chigang = case_of({{"no_penalty_decision", none}});
  chigang.info.street = "赤岗";
  CHECK(outcome_of(check_case(chigang, bundled_checklist()), "REQ-4-collective_discussion") ==
        Outcome::failed);
  Case xingang = case_of({{"no_penalty_decision", none}});
  xingang.info.street = "新港";
  CHECK(outcome_of(check_case(xingang, bundled_checklist()), "REQ-4-collective_discussion") ==
        Outcome::not_applicable);

  const std::string mitigated =
      decision(kCitizen, "罚款人民币1000元", "鉴于当事人主动消除危害后果，依法对其减轻处罚。");
  CHECK(outcome_of(check_case(case_in("赤岗", mitigated), bundled_checklist()),
                   "REQ-4-collective_discussion") == Outcome::failed);
  CHECK(outcome_of(check_case(case_in("新港", mitigated), bundled_checklist()),
                   "REQ-4-collective_discussion") == Outcome::not_applicable);
}

TEST_CASE("an unknown street whose tables disagree is a manual check naming why", "[scope]") {
  const Audit a =
      check_case(case_in("", decision(kCitizen, "罚款人民币4000元")), bundled_checklist());
  CHECK(outcome_of(a, "REQ-4-collective_discussion") == Outcome::not_checkable);
  const Finding* f = first(a, "REQ-4-collective_discussion");
  REQUIRE(f);
  CHECK(f->kind == "manual_check");
  CHECK(contains(evidence_of(*f), "未能确定案件所属街道"));
  // Where every table agrees the street does not matter.
  const Audit small =
      check_case(case_in("", decision(kCitizen, "罚款人民币500元")), bundled_checklist());
  CHECK(outcome_of(small, "REQ-4-collective_discussion") == Outcome::not_applicable);
}

TEST_CASE("情节复杂 stated puts a case in scope, a blank box or a scan asks the inspector",
          "[scope]") {
  const std::string small = decision(kCitizen, "罚款人民币500元");
  const std::string complex = std::string(kReport).insert(std::string(kReport).find("五、"),
                                                          "四、本案案情复杂，涉及多个法律关系。\n");
  CHECK(outcome_of(check_case(case_in("新港", small, complex), bundled_checklist()),
                   "REQ-4-collective_discussion") == Outcome::failed);

  const std::string blank =
      std::string(kReport).insert(std::string(kReport).find("五、"), "是否情节复杂：□是 □否\n");
  const Audit a = check_case(case_in("新港", small, blank), bundled_checklist());
  CHECK(outcome_of(a, "REQ-4-collective_discussion") == Outcome::not_checkable);
  const Finding* f = first(a, "REQ-4-collective_discussion");
  REQUIRE(f);
  CHECK(contains(evidence_of(*f), "“情节复杂”一栏未勾选"));

  Case scan = case_in("新港", small);
  scan.documents[0] = scan_document("investigation_report", "05-调查终结报告.jpg");
  const Audit s = check_case(scan, bundled_checklist());
  const Finding* m = first(s, "REQ-4-collective_discussion");
  REQUIRE(m);
  CHECK(m->kind == "manual_check");
  CHECK(contains(evidence_of(*m), "05-调查终结报告.jpg"));
  CHECK(contains(evidence_of(*m), "无法判断是否载明情节复杂"));

  // The sample takes a file that says nothing as not complex.
  CHECK(outcome_of(check_case(case_in("新港", small), bundled_checklist()),
                   "REQ-4-collective_discussion") == Outcome::not_applicable);
}

TEST_CASE("undecided=\"manual\" asks about every file that does not state 情节复杂", "[scope]") {
  Checklist cl = bundled_checklist();
  Scope scope;
  scope.district.id = "t";
  scope.district.version = "1";
  ScopeEntry complex;
  complex.id = "complex";
  complex.name = "情节复杂";
  complex.test = "complex";
  complex.discussion = true;
  scope.district.entries = {complex};
  cl.scope = std::make_shared<const Scope>(scope);
  const Audit a = check_case(case_in("新港", decision(kCitizen, "罚款人民币500元")), cl);
  const Finding* f = first(a, "REQ-4-collective_discussion");
  REQUIRE(f);
  CHECK(f->kind == "manual_check");
  CHECK(contains(evidence_of(*f), "均未载明是否情节复杂"));
}

TEST_CASE("a manifest flag wins over the scope table", "[scope]") {
  Case c = case_in("赤岗", decision(kCitizen, "罚款人民币4000元"));
  c.info.flags["complex_case"] = "false";
  CHECK(outcome_of(check_case(c, bundled_checklist()), "REQ-4-collective_discussion") ==
        Outcome::not_applicable);
  Case d = case_in("新港", decision(kCitizen, "罚款人民币500元"));
  d.info.flags["complicated"] = "true";
  CHECK(outcome_of(check_case(d, bundled_checklist()), "REQ-4-collective_discussion") ==
        Outcome::failed);
}

TEST_CASE("without a scope table neither need can be decided", "[scope]") {
  Checklist cl = bundled_checklist();
  cl.scope.reset();
  const Audit a = check_case(case_in("赤岗", decision(kCitizen, "罚款人民币4000元")), cl);
  const Finding* f = first(a, "REQ-4-collective_discussion");
  REQUIRE(f);
  CHECK(f->kind == "manual_check");
  CHECK(contains(evidence_of(*f), "检查清单未配置会审和法制审核范围表"));
}

TEST_CASE("penalty kinds the deciding sentence does not name are ruled out from the whole text",
          "[scope]") {
  // "处人民币二千元罚款" is no sentence the reader takes the kinds from, but
  // the decision nowhere mentions 吊销, 停产 …: no heavy penalty.
  const std::string odd =
      "行政处罚决定书\n" + std::string(kCompany) +
      "经查，当事人占道经营。依据《城市市容和环境卫生管理条例》第三十六条，处人民币二千元罚款。\n"
      "2024年3月21日\n";
  const Audit a = check_case(case_in("新港", odd), bundled_checklist());
  CHECK(outcome_of(a, "REQ-4-legal_review") == Outcome::not_applicable);
}

// Rule kind officers on cases built from real record text: two officers
// with certificate numbers per record, and a legal reviewer who did not
// investigate.
#include <catch2/catch.hpp>

#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

const std::string kTwoOfficers =
    "执法人员：张三（执法证号：44010523017）、李四（执法证号：44010523042）\n";

std::string record(const std::string& title, const std::string& officers) {
  return title + "\n时间：2024年3月4日10时00分至10时40分\n地点：广州市海珠区某路1号\n" + officers +
         "被检查人：广州市海珠区粤香园餐饮管理有限公司\n我们是广州市海珠区人民政府赤岗街道办事处的"
         "执法人员，已向你出示执法证件。\n（以下空白）\n";
}

std::string review(const std::string& reviewer_line) {
  return "法制审核意见书\n案号：穗海赤岗综执立〔2024〕12号\n承办人：张三、李四\n审核意见：事实清楚"
         "，证据确凿，同意处罚。\n" +
         reviewer_line + "\n审核日期：2024年3月19日\n";
}

Case with(std::vector<Document> docs) {
  Case c;
  c.archive = "officers.zip";
  c.documents = std::move(docs);
  return c;
}

Audit audit(const Case& c) { return check_case(c, bundled_checklist()); }

}  // namespace

TEST_CASE("records naming two officers with certificate numbers stay quiet", "[officers]") {
  const Audit a =
      audit(with({text_document("inspection_record", record("现场检查笔录", kTwoOfficers)),
                  text_document("inquiry_record", record("询问笔录", kTwoOfficers))}));
  CHECK(outcome_of(a, "OFF-two-officers") == Outcome::passed);
  CHECK(findings_of(a, "OFF-two-officers").empty());
}

TEST_CASE("a record naming one officer is a veto finding", "[officers]") {
  const Audit a =
      audit(with({text_document("inspection_record", record("现场检查笔录", kTwoOfficers)),
                  text_document("inquiry_record",
                                record("询问笔录", "执法人员：张三（执法证号：44010523017）\n"),
                                "05-询问笔录.docx")}));
  CHECK(outcome_of(a, "OFF-two-officers") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "OFF-two-officers");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "officers");
  CHECK(f[0].severity == "veto");
  CHECK(f[0].document == "inquiry_record");
  CHECK(f[0].message ==
        "《询问笔录》（05-询问笔录.docx）仅载明 1 名执法人员及执法证号（张三（44010523017）），"
        "应不少于 2 名执法人员并载明执法证号");
  CHECK(a.score == 0);
}

TEST_CASE("a record naming officers without certificate numbers is a veto finding", "[officers]") {
  Document d = text_document(
      "inspection_record", "现场检查笔录\n执法人员：张三、李四\n被检查人：陈建华\n（以下空白）\n");
  const std::vector<Finding> f = findings_of(audit(with({d})), "OFF-two-officers");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == "veto");
  // The officers are named: the message says their numbers are missing.
  CHECK(contains(f[0].message, "载明的执法人员张三、李四未写明执法证号（载明执法证号的 0 名；"));
}

TEST_CASE("a record naming one officer with and one without a number says which lacks it",
          "[officers]") {
  Document d = text_document("inquiry_record",
                             "询问笔录\n询问人：张三（执法证号：44010523017）\n记录人：李四\n被询问"
                             "人：陈建华\n（以下空白）\n");
  const std::vector<Finding> f = findings_of(audit(with({d})), "OFF-two-officers");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "载明的执法人员李四未写明执法证号"));
  CHECK(contains(f[0].message, "张三（44010523017）"));
}

TEST_CASE("a record naming no officer says none is named", "[officers]") {
  Document d = text_document("inquiry_record",
                             "询问笔录\n被询问人：陈建华\n问：你叫什么名字？\n（以下空白）\n");
  const std::vector<Finding> f = findings_of(audit(with({d})), "OFF-two-officers");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message,
                 "未载明执法人员姓名及执法证号（应不少于 2 名执法人员并载明执法证号）"));
}

TEST_CASE("a record mentioning credentials whose officers cannot be read is a manual check",
          "[officers]") {
  Document d = text_document("inspection_record",
                             "现场检查笔录\n执法人员出示了执法证件，当事人确认。\n（以下空白）\n");
  const Audit a = audit(with({d}));
  CHECK(outcome_of(a, "OFF-two-officers") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "OFF-two-officers");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(f[0].severity == "info");
}

TEST_CASE("a scanned record is not checkable for officers", "[officers]") {
  const Audit a = audit(with({scan_document("inquiry_record")}));
  CHECK(outcome_of(a, "OFF-two-officers") == Outcome::not_checkable);
  CHECK(findings_of(a, "OFF-two-officers").empty());
}

TEST_CASE("a legal reviewer who investigated the case is reported", "[officers]") {
  const Audit a = audit(
      with({text_document("inspection_record", record("现场检查笔录", kTwoOfficers),
                          "03-现场检查笔录.docx"),
            text_document("legal_review", review("审核人：李四"), "10-法制审核意见书.docx")}));
  CHECK(outcome_of(a, "OFF-reviewer-independent") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "OFF-reviewer-independent");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == "major");
  CHECK(f[0].document == "legal_review");
  CHECK(f[0].message ==
        "《法制审核意见书》（10-法制审核意见书.docx）的审核人员李四同时是本案调查人员"
        "（见《现场检查笔录》（03-现场检查笔录.docx）），法制审核人员不得参与案件调查");
}

TEST_CASE("an independent legal reviewer stays quiet although the form names the investigators",
          "[officers]") {
  const Audit a =
      audit(with({text_document("inspection_record", record("现场检查笔录", kTwoOfficers)),
                  text_document("legal_review", review("法制审核人员：王五、赵六"))}));
  CHECK(outcome_of(a, "OFF-reviewer-independent") == Outcome::passed);
  CHECK(findings_of(a, "OFF-reviewer-independent").empty());
}

TEST_CASE("a reviewer field left blank for a handwritten name is a manual check", "[officers]") {
  const Audit a =
      audit(with({text_document("inspection_record", record("现场检查笔录", kTwoOfficers)),
                  text_document("legal_review", review("审核人签名："))}));
  CHECK(outcome_of(a, "OFF-reviewer-independent") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "OFF-reviewer-independent");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
}

TEST_CASE("without a legal review the reviewer rule does not apply", "[officers]") {
  const Audit a =
      audit(with({text_document("inspection_record", record("现场检查笔录", kTwoOfficers))}));
  CHECK(outcome_of(a, "OFF-reviewer-independent") == Outcome::not_applicable);
}

TEST_CASE("an officer whose certificate number differs between records is reported", "[officers]") {
  // Two wordings of the records: labelled pairs, and a list with "分别为".
  const std::vector<std::pair<std::string, std::string>> variants = {
      {"执法人员：张三（执法证号：44010523017）、李四（执法证号：44010523042）\n",
       "执法人员：张三（执法证号：44010523099）、李四（执法证号：44010523042）\n"},
      {"执法人员张三、李四，执法证号分别为44010523017、44010523042。\n",
       "执法人员张三、李四，执法证号分别为44010523099、44010523042。\n"}};
  for (const auto& [first, second] : variants) {
    INFO(first << second);
    const Audit a = audit(with({text_document("inspection_record", record("现场检查笔录", first)),
                                text_document("inquiry_record", record("询问笔录", second))}));
    CHECK(outcome_of(a, "OFF-certificate-consistent") == Outcome::failed);
    const std::vector<Finding> f = findings_of(a, "OFF-certificate-consistent");
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == "officers");
    CHECK(contains(f[0].message, "执法人员张三在各文书中的执法证号不一致"));
    CHECK(contains(f[0].message, "“44010523017”见于《现场检查笔录》"));
    CHECK(contains(f[0].message, "“44010523099”见于《询问笔录》"));
    CHECK(f[0].evidence.size() == 2);
  }
}

TEST_CASE("the same certificate numbers written differently across records stay quiet",
          "[officers]") {
  const std::vector<std::pair<std::string, std::string>> variants = {
      {kTwoOfficers,
       "执法人员：张三（执法证号：４４０１０５２３０１７）、李四（执法证号：44010523042）\n"},
      {"执法人员：张三（执法证号：粤A-0523017）、李四（执法证号：粤A-0523042）\n",
       "执法人员张三、李四，执法证号分别为粤a-0523017、粤A-0523042。\n"}};
  for (const auto& [first, second] : variants) {
    INFO(first << second);
    const Audit a = audit(with({text_document("inspection_record", record("现场检查笔录", first)),
                                text_document("inquiry_record", record("询问笔录", second))}));
    CHECK(outcome_of(a, "OFF-certificate-consistent") == Outcome::passed);
    CHECK(findings_of(a, "OFF-certificate-consistent").empty());
  }
}

TEST_CASE("a single record naming officers leaves the certificate comparison unchecked",
          "[officers]") {
  const Audit a =
      audit(with({text_document("inspection_record", record("现场检查笔录", kTwoOfficers))}));
  CHECK(outcome_of(a, "OFF-certificate-consistent") == Outcome::not_checkable);
}

TEST_CASE(
    "a reviewer signing in the opinion row is read: reported when an investigator, quiet "
    "otherwise",
    "[officers]") {
  // The signature in the row of the opinion (法制审核人审核意见 … 签字：X), and a
  // template's 审核人（签名）：X.
  for (const std::string& line :
       {std::string("法制审核人审核意见\t审核同意。 签字：李四　　2024年3月19日"),
        std::string("法制审核人审核意见：审核同意。\n签名：李四　签名时间：2024-03-19 15:22:10"),
        std::string("审核人（签名）：李四")}) {
    INFO(line);
    const Audit fires =
        audit(with({text_document("inspection_record", record("现场检查笔录", kTwoOfficers)),
                    text_document("legal_review", review(line))}));
    CHECK(outcome_of(fires, "OFF-reviewer-independent") == Outcome::failed);
    std::string quiet_line = line;
    quiet_line.replace(quiet_line.find("李四"), std::string("李四").size(), "陈丽");
    const Audit quiet =
        audit(with({text_document("inspection_record", record("现场检查笔录", kTwoOfficers)),
                    text_document("legal_review", review(quiet_line))}));
    CHECK(outcome_of(quiet, "OFF-reviewer-independent") == Outcome::passed);
    CHECK(findings_of(quiet, "OFF-reviewer-independent").empty());
  }
}

// The case's street from the issuing organ (heading, signature block, seal),
// the case number's street code judged against it (NUM-case-street-organ),
// and one 文号 used by two documents of a case (NUM-doc-unique-in-case).
#include <catch2/catch.hpp>

#include "auditor/case_info.h"
#include "auditor/checker.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

// An outgoing document numbered `number` whose text ends with `signature`.
Document outgoing(const std::string& type, const std::string& number, const std::string& signature,
                  const std::string& body = "正文", const std::string& path = {}) {
  const Checklist& cl = bundled_checklist();
  Document d = text_document(type,
                             cl.doc_type(type)->name + "\n" + number + "\n当事人：张三\n" + body +
                                 "\n" + signature + "\n2024年3月21日\n",
                             path.empty() ? type + ".docx" : path);
  d.number = number;
  return d;
}

Document filing(const std::string& case_number) {
  return text_document("filing_approval",
                       "立案审批表\n案号：" + case_number + "\n案由：占道经营\n");
}

// A case numbered `case_number` whose decision and notice are signed `signature`.
Case signed_case(const std::string& case_number, const std::string& signature) {
  Case c;
  c.archive = "x.zip";
  c.documents = {filing(case_number),
                 outgoing("penalty_notice", "穗海赤岗综执罚告〔2024〕20号", signature),
                 outgoing("penalty_decision", "穗海赤岗综执罚决〔2024〕31号", signature)};
  derive_case_info(c, bundled_checklist());
  return c;
}

const char* const kChigangOrgans[] = {
    "广州市海珠区人民政府赤岗街道办事处",
    "广州市海珠区人民政府赤岗街道办事处（印章）",
    "海珠区赤岗街道办事处",
    "赤岗街道办事处",
    "海珠区赤岗街道",
    "广州市海珠区赤岗街道综合行政执法办公室",
    "赤 岗 街 道 办 事 处",
    "海珠区赤岗街道  2024年3月21日",
    "赤岗街道（公章）二〇二四年三月二十一日",
    "海珠区赤岗街道综合执法队",
};

}  // namespace

TEST_CASE("the organ in the signature block decides the street, not the case number",
          "[numbering][street]") {
  const Checklist& cl = bundled_checklist();
  for (const char* organ : kChigangOrgans) {
    INFO(organ);
    const Case c = signed_case("穗海新港综执立〔2024〕12号", organ);
    CHECK(c.info.street == "赤岗");
    const Audit a = check_case(c, cl);
    const std::vector<Finding> f = findings_of(a, "NUM-case-street-organ");
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("案号 穗海新港综执立〔2024〕12号 的街道代字为“新港”") !=
          std::string::npos);
    CHECK(f[0].message.find("（赤岗街道），代字应为“赤岗”") != std::string::npos);
    // The correct document numbers are not blamed.
    CHECK(findings_of(a, "NUM-street-code").empty());
    CHECK(outcome_of(a, "NUM-street-code") == Outcome::passed);
  }
}

TEST_CASE("a case number of the organ's street passes", "[numbering][street]") {
  for (const char* organ : kChigangOrgans) {
    INFO(organ);
    const Audit a =
        check_case(signed_case("穗海赤岗综执立〔2024〕12号", organ), bundled_checklist());
    CHECK(findings_of(a, "NUM-case-street-organ").empty());
    CHECK(outcome_of(a, "NUM-case-street-organ") == Outcome::passed);
  }
}

TEST_CASE("a document number of another street than the organ is blamed alone",
          "[numbering][street]") {
  Case c = signed_case("穗海赤岗综执立〔2024〕12号", "广州市海珠区人民政府赤岗街道办事处");
  c.documents[1].number = "穗海新港综执罚告〔2024〕20号";
  const Audit a = check_case(c, bundled_checklist());
  REQUIRE(findings_of(a, "NUM-street-code").size() == 1);
  CHECK(findings_of(a, "NUM-street-code")[0].document == "penalty_notice");
  CHECK(findings_of(a, "NUM-case-street-organ").empty());
}

TEST_CASE("a registered seal names the organ", "[numbering][street]") {
  Case c = signed_case("穗海新港综执立〔2024〕12号", "（印章）");
  CHECK(c.info.street == "新港");  // nothing names an organ: the case number's code
  c.info.street.reset();
  c.documents[2].seal = "广州市海珠区人民政府赤岗街道办事处综合行政执法专用章";
  derive_case_info(c, bundled_checklist());
  CHECK(c.info.street == "赤岗");
}

TEST_CASE("a street in the body (the party's address) does not name the organ",
          "[numbering][street]") {
  const Checklist& cl = bundled_checklist();
  Case c;
  c.archive = "x.zip";
  const std::string body =
      "经查，当事人在广州市海珠区新港街道新港西路1号占道经营。\n一\n二\n三\n四\n五\n六\n七\n"
      "八\n九\n十\n十一\n十二\n十三";
  c.documents = {filing("穗海赤岗综执立〔2024〕12号"),
                 outgoing("penalty_decision", "穗海赤岗综执罚决〔2024〕31号", "（印章）", body)};
  derive_case_info(c, cl);
  CHECK(c.info.street == "赤岗");  // from the case number
  const Audit a = check_case(c, cl);
  CHECK(findings_of(a, "NUM-case-street-organ").empty());
  CHECK(outcome_of(a, "NUM-case-street-organ") == Outcome::not_checkable);
}

TEST_CASE("two decisions signed by different organs decide nothing", "[numbering][street]") {
  Case c;
  c.archive = "x.zip";
  c.documents = {filing("穗海新港综执立〔2024〕12号"),
                 outgoing("penalty_decision", "穗海赤岗综执罚决〔2024〕31号", "赤岗街道办事处"),
                 outgoing("penalty_decision", "穗海赤岗综执罚决〔2024〕32号", "新港街道办事处")};
  derive_case_info(c, bundled_checklist());
  CHECK(c.info.street == "新港");  // the organs disagree: the case number's code
}

TEST_CASE("one document number on two documents of a case fires NUM-doc-unique-in-case",
          "[numbering]") {
  const Checklist& cl = bundled_checklist();
  const std::string organ = "广州市海珠区人民政府赤岗街道办事处";
  Case c;
  c.archive = "x.zip";
  c.documents = {filing("穗海赤岗综执立〔2024〕12号"),
                 outgoing("penalty_notice", "穗海赤岗综执罚决〔2024〕31号", organ),
                 outgoing("penalty_decision", "穗海赤岗综执罚决［2024］31号", organ)};
  const Audit a = check_case(c, cl);
  const std::vector<Finding> f = findings_of(a, "NUM-doc-unique-in-case");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "《行政处罚事先告知书》（penalty_notice.docx）、《行政处罚决定书》（penalty_decision.docx）"
        "使用了同一文号 穗海赤岗综执罚决〔2024〕31号：一个文号只能用于一份文书");
  CHECK(f[0].evidence.size() >= 3);

  SECTION("two files of one document share their number") {
    c.documents[1] =
        outgoing("penalty_decision", "穗海赤岗综执罚决〔2024〕31号", organ, "正文", "decision.pdf");
    c.documents[1].text = "  " + c.documents[2].text + "\n";  // the same text, laid out anew
    const Audit quiet = check_case(c, cl);
    CHECK(findings_of(quiet, "NUM-doc-unique-in-case").empty());
    CHECK(outcome_of(quiet, "NUM-doc-unique-in-case") == Outcome::passed);
  }
  SECTION("two different documents of one type may not share it") {
    for (const char* date : {"2024年4月28日", "2024年3月21日"}) {
      INFO(date);
      // Another day's order, or the same day's with other wording.
      c.documents[1] = text_document(
          "penalty_decision",
          "行政处罚决定书\n穗海赤岗综执罚决〔2024〕31号\n当事人：李四\n经复查，你未按期完成整改，"
          "现再次责令你于三日内改正违法行为，逾期不改正的，依法予以处罚。\n" +
              organ + "\n" + date + "\n",
          "decision-2.docx");
      c.documents[1].number = "穗海赤岗综执罚决〔2024〕31号";
      CHECK(findings_of(check_case(c, cl), "NUM-doc-unique-in-case").size() == 1);
    }
  }
  SECTION("a PDF of the decision that lost a header line is the same document") {
    c.documents[1] = c.documents[2];
    c.documents[1].path = "decision.pdf";
    c.documents[1].text.erase(0, c.documents[1].text.find('\n') + 1);
    CHECK(findings_of(check_case(c, cl), "NUM-doc-unique-in-case").empty());
  }
  SECTION("different numbers are quiet") {
    c.documents[1].number = "穗海赤岗综执罚告〔2024〕20号";
    CHECK(findings_of(check_case(c, cl), "NUM-doc-unique-in-case").empty());
  }
}

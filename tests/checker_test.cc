// Checking cases against the bundled checklist: required documents,
// conditions, import findings and scoring. Cases are built in the test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/conditions.h"
#include "auditor/scoring.h"
#include "tests/deadline_fixtures.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using deadline_fixtures::finding;
using deadline_fixtures::outcome;
using deadline_fixtures::scored;

namespace {

const Checklist& bundled() { return testing::bundled_checklist(); }

Document doc(const std::string& type, std::string path = {}) {
  Document d;
  d.path = path.empty() ? type + ".pdf" : std::move(path);
  d.format = "pdf";
  d.has_text = true;
  d.type = type;
  d.type_source = Source::manifest;
  d.stage = bundled().doc_type(type)->stage;
  return d;
}

Document receipt(const std::string& served, int stage) {
  Document d = doc("service_receipt", "送达回证-" + served + ".pdf");
  d.stage = stage;
  d.facts.push_back({"served_document", bundled().doc_type(served)->name, ""});
  return d;
}

// A general-procedure case with every document it needs: a 3000-yuan fine on
// a citizen (below the hearing threshold), no statements, not from a tip.
Case complete_case() {
  Case c;
  c.archive = "complete.zip";
  c.info.party_id = "440105199001011234";
  c.info.fine = 3000;
  c.info.flags = {{"source_complaint", "false"}, {"statements_made", "false"}};
  for (const char* type :
       {"filing_approval", "inspection_record", "evidence", "investigation_report",
        "penalty_notice", "penalty_approval", "penalty_decision", "publication_record",
        "payment_proof", "closing_approval", "catalogue", "file_notes"})
    c.documents.push_back(doc(type));
  c.documents.push_back(receipt("penalty_notice", 3));
  c.documents.push_back(receipt("penalty_decision", 6));
  return c;
}

void remove_type(Case& c, const std::string& type) {
  std::erase_if(c.documents, [&](const Document& d) { return d.type == type; });
}

}  // namespace

TEST_CASE("complete general-procedure case has no scored finding", "[checker]") {
  Audit a = check_case(complete_case(), bundled());
  for (const Finding& f : a.findings) {
    INFO(f.rule << " " << f.message);
    CHECK_FALSE(scored(f));
  }
  CHECK(a.checks.size() == bundled().rules.size());
  CHECK(a.score == 100);
  CHECK(a.grade == "优秀");
  CHECK(outcome(a, "REQ-3-penalty_notice") == Outcome::passed);
  CHECK(outcome(a, "REQ-3-hearing_record") == Outcome::not_applicable);
}

TEST_CASE("missing penalty notice is a veto naming stage 3 and the notice", "[checker]") {
  Case c = complete_case();
  remove_type(c, "penalty_notice");
  Audit a = check_case(c, bundled());
  const Finding* f = finding(a, "REQ-3-penalty_notice");
  REQUIRE(f);
  CHECK(f->kind == "missing_document");
  CHECK(f->severity == "veto");
  CHECK(f->stage == 3);
  CHECK(f->document == "penalty_notice");
  CHECK_THAT(f->message, Catch::StartsWith("第3阶段（告知权利）缺少《行政处罚事先告知书》"));
  CHECK_THAT(f->basis, Catch::Contains("第四十四条"));
  REQUIRE_FALSE(f->evidence.empty());
  CHECK_THAT(f->evidence.front(), Catch::Contains("行政处罚告知书"));
  CHECK(outcome(a, "REQ-3-penalty_notice") == Outcome::failed);
  CHECK(a.score == 0);
  CHECK(a.grade == "不合格");
}

TEST_CASE("any_of rule passes with one of its documents", "[checker]") {
  Case c = complete_case();
  remove_type(c, "inspection_record");
  c.documents.push_back(doc("inquiry_record"));
  CHECK(outcome(check_case(c, bundled()), "REQ-2-investigation_record") == Outcome::passed);
  remove_type(c, "inquiry_record");
  Audit a = check_case(c, bundled());
  CHECK(outcome(a, "REQ-2-investigation_record") == Outcome::failed);
  REQUIRE(finding(a, "REQ-2-investigation_record"));
  CHECK_THAT(finding(a, "REQ-2-investigation_record")->message,
             Catch::Contains("《现场检查笔录》或《询问笔录》"));
}

TEST_CASE("receipt rule needs a receipt serving that very document", "[checker]") {
  Case c = complete_case();
  remove_type(c, "service_receipt");
  c.documents.push_back(receipt("penalty_decision", 6));
  Audit a = check_case(c, bundled());
  CHECK(outcome(a, "REQ-6-decision_receipt") == Outcome::passed);
  CHECK(outcome(a, "REQ-3-penalty_notice_receipt") == Outcome::failed);
  const Finding* f = finding(a, "REQ-3-penalty_notice_receipt");
  REQUIRE(f);
  CHECK(f->message == "第3阶段（告知权利）缺少送达《行政处罚事先告知书》的送达回证");
  CHECK(f->severity == "major");
  CHECK(f->deduction == 10);
}

TEST_CASE("conditional document is not applicable when its condition is false", "[checker]") {
  Case c = complete_case();
  c.info.flags["hearing_requested"] = "false";
  Audit a = check_case(c, bundled());
  CHECK(outcome(a, "REQ-3-hearing_record") == Outcome::not_applicable);
  CHECK(outcome(a, "REQ-7-reminder") == Outcome::not_applicable);  // paid
  CHECK_FALSE(finding(a, "REQ-3-hearing_record"));
}

TEST_CASE("conditional document is required when its condition holds", "[checker]") {
  Case c = complete_case();
  c.info.flags["hearing_requested"] = "true";
  Audit a = check_case(c, bundled());
  CHECK(outcome(a, "REQ-3-hearing_record") == Outcome::failed);
  REQUIRE(finding(a, "REQ-3-hearing_record"));
  CHECK(finding(a, "REQ-3-hearing_record")->severity == "veto");
  CHECK(outcome(a, "REQ-4-legal_review") == Outcome::failed);  // a hearing makes it major
}

TEST_CASE("unknown condition turns a missing document into a manual check", "[checker]") {
  Case c = complete_case();
  c.info.party_id.reset();  // 8000 yuan: a hearing case for a citizen, not for a company
  c.info.fine = 8000;
  Audit a = check_case(c, bundled());
  CHECK(outcome(a, "REQ-3-hearing_record") == Outcome::not_checkable);
  const Finding* f = finding(a, "REQ-3-hearing_record");
  REQUIRE(f);
  CHECK(f->kind == "manual_check");
  CHECK(f->severity == "info");
  CHECK(f->deduction == 0);
  CHECK(f->message == "无法判断当事人是否要求听证，请人工核对是否需要《听证笔录》");
  CHECK(a.score == 100);

  c.documents.push_back(doc("hearing_record"));  // present: passes whatever the answer
  CHECK(outcome(check_case(c, bundled()), "REQ-3-hearing_record") == Outcome::passed);
}

TEST_CASE("hearing right may be told inside the penalty notice", "[checker]") {
  Case c = complete_case();
  c.info.fine = 200000;  // above every hearing threshold
  c.info.flags["hearing_requested"] = "false";
  auto notice = std::find_if(c.documents.begin(), c.documents.end(),
                             [](const Document& d) { return d.type == "penalty_notice"; });
  notice->text = "你（单位）有权进行陈述和申辩，并有要求举行听证的权利。";
  CHECK(outcome(check_case(c, bundled()), "REQ-3-hearing_rights_notice") == Outcome::passed);

  notice->text = "你（单位）有权进行陈述和申辩。";
  Audit a = check_case(c, bundled());
  CHECK(outcome(a, "REQ-3-hearing_rights_notice") == Outcome::failed);
  REQUIRE(finding(a, "REQ-3-hearing_rights_notice"));
  CHECK(finding(a, "REQ-3-hearing_rights_notice")->severity == "veto");

  notice->has_text = false;
  notice->text.clear();
  a = check_case(c, bundled());
  CHECK(outcome(a, "REQ-3-hearing_rights_notice") == Outcome::not_checkable);
  REQUIRE(finding(a, "REQ-3-hearing_rights_notice"));
  CHECK(finding(a, "REQ-3-hearing_rights_notice")->kind == "manual_check");
}

TEST_CASE("hearing eligibility uses the checklist thresholds and the party kind", "[checker]") {
  Case c = complete_case();
  c.info.fine = 6000;
  CHECK(evaluate_conditions(c, bundled()).at("hearing_eligible").value == Tri::yes);
  c.info.party_id = "91440101MA5CXXXX1B";  // a company
  CHECK(evaluate_conditions(c, bundled()).at("hearing_eligible").value == Tri::no);
  c.info.party_id = "92440101MA5CXXXX1B";  // an individual business: a citizen
  CHECK(evaluate_conditions(c, bundled()).at("hearing_eligible").value == Tri::yes);
  Checklist strict = bundled();
  strict.settings["hearing_fine_citizen"] = "10000";
  CHECK(evaluate_conditions(c, strict).at("hearing_eligible").value == Tri::no);
  c.info.flags["hearing_eligible"] = "true";  // the manifest's flag is strongest
  CHECK(evaluate_conditions(c, strict).at("hearing_eligible").value == Tri::yes);
}

TEST_CASE("conditions are derived from documents and facts", "[checker]") {
  Case c;
  c.documents.push_back(doc("hearing_request"));
  c.documents.push_back(doc("preservation_notice"));
  Document decision = doc("penalty_decision");
  decision.facts.push_back({"fine", "500", "罚款人民币500元"});
  decision.facts.push_back({"statement_made", "false", "当事人未提出陈述申辩"});
  c.documents.push_back(decision);
  Conditions cond = evaluate_conditions(c, bundled());
  CHECK(cond.at("hearing_requested").value == Tri::yes);
  CHECK(cond.at("preservation_taken").value == Tri::yes);
  CHECK(cond.at("seizure_taken").value == Tri::no);
  CHECK(cond.at("fine_imposed").value == Tri::yes);
  CHECK(cond.at("statements_made").value == Tri::no);
  CHECK(cond.at("no_penalty").value == Tri::no);
  CHECK(cond.at("source_complaint").value == Tri::unknown);
  CHECK(cond.at("unpaid_after_due").value == Tri::unknown);
}

TEST_CASE("party kind is read from the credit code or ID number", "[checker]") {
  CHECK(party_kind("440105199001011234", true) == PartyKind::citizen);
  CHECK(party_kind("44010519900101123x", true) == PartyKind::citizen);
  CHECK(party_kind("440105900101123", true) == PartyKind::citizen);
  CHECK(party_kind("91440101MA5CXXXX1B", true) == PartyKind::organisation);
  CHECK(party_kind("92440101MA5CXXXX1B", true) == PartyKind::citizen);
  CHECK(party_kind("92440101MA5CXXXX1B", false) == PartyKind::organisation);
  CHECK(party_kind("张三", true) == PartyKind::unknown);
}

TEST_CASE("import issues become the first findings, scans of text formats an info", "[checker]") {
  Case c = complete_case();
  c.issues.push_back({"09-听证笔录.doc", "不支持的文件格式，无法读取内容"});
  Document scan = doc("evidence", "现场照片.pdf");
  scan.has_text = false;
  c.documents.push_back(scan);
  Document photo = doc("evidence", "IMG_0001.jpg");
  photo.format = "image";
  photo.has_text = false;
  c.documents.push_back(photo);
  Audit a = check_case(c, bundled());
  REQUIRE(a.findings.size() >= 2);
  CHECK(a.findings[0].rule == "IMP-document");
  CHECK(a.findings[0].kind == "import");
  CHECK(a.findings[0].severity == "minor");
  CHECK(a.findings[0].document == "09-听证笔录.doc");
  CHECK_THAT(a.findings[0].message, Catch::Contains("不支持的文件格式"));
  CHECK(a.findings[1].rule == "IMP-no_text");
  CHECK(a.findings[1].severity == "info");
  CHECK(a.findings[1].document == "现场照片.pdf");
  CHECK(std::count_if(a.findings.begin(), a.findings.end(),
                      [](const Finding& f) { return f.rule == "IMP-no_text"; }) == 1);
  CHECK(a.score == 98);
  CHECK(outcome(a, "IMP-document") == Outcome::failed);
  CHECK(outcome(a, "IMP-no_text") == Outcome::not_checkable);
}

TEST_CASE("rejected case gets no checks and no grade", "[checker]") {
  Case c;
  c.rejected = true;
  c.error = "不是有效的 zip 压缩包";
  Audit a = check_case(c, bundled());
  CHECK(a.findings.empty());
  CHECK(a.checks.empty());
  CHECK(a.score == 0);
  CHECK(a.grade.empty());
}

TEST_CASE("deductions are graded by the profile's bands", "[checker]") {
  const ScoringProfile& p = bundled().scoring;
  auto f = [](const char* severity, double deduction) {
    Finding x;
    x.severity = severity;
    x.deduction = deduction;
    return x;
  };
  CHECK(score_findings({}, p).grade == "优秀");
  Score s = score_findings({f("minor", 2), f("minor", 5), f("info", 0)}, p);
  CHECK(s.value == 93);
  CHECK(s.grade == "优秀");
  s = score_findings({f("major", 10), f("major", 10), f("minor", 5)}, p);
  CHECK(s.value == 75);
  CHECK(s.grade == "合格");
  s = score_findings({f("major", 10), f("major", 10), f("major", 10), f("minor", 3)}, p);
  CHECK(s.value == 67);
  CHECK(s.grade == "不合格");
  std::vector<Finding> many(12, f("major", 10));
  CHECK(score_findings(many, p).value == 0);
  s = score_findings({f("minor", 2), f("veto", 0)}, p);
  CHECK(s.value == 0);
  CHECK(s.grade == "不合格");
}

TEST_CASE("outcome names are the JSON vocabulary", "[checker]") {
  CHECK(std::string(outcome_name(Outcome::passed)) == "passed");
  CHECK(std::string(outcome_name(Outcome::failed)) == "failed");
  CHECK(std::string(outcome_name(Outcome::not_applicable)) == "not_applicable");
  CHECK(std::string(outcome_name(Outcome::not_checkable)) == "not_checkable");
}

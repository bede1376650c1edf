// The order rules: dates in stage order, each inversion naming both
// documents and dates.
#include <catch2/catch.hpp>

#include "tests/deadline_fixtures.h"

using namespace auditor;
using namespace deadline_fixtures;

TEST_CASE("dates in stage order pass, the same day included", "[deadline]") {
  Case c = dated_case();
  set_fact(receipt_of(c, "penalty_decision"), "service_date", "2024-09-27");
  const Audit a = check_case(c, bundled());
  for (const char* rule :
       {"ORD-stage-sequence", "ORD-approval-before-decision", "ORD-publication-after-decision"}) {
    INFO(rule);
    CHECK(outcome(a, rule) == Outcome::passed);
  }
  CHECK(outcome(a, "ORD-legal-review-before-decision") == Outcome::not_checkable);
}

TEST_CASE("decision dated before the notice was served is out of order", "[deadline]") {
  Case c = dated_case();
  set_fact(receipt_of(c, "penalty_notice"), "service_date", "2024-09-30");
  const Audit a = check_case(c, bundled());
  CHECK(outcome(a, "ORD-stage-sequence") == Outcome::failed);
  const Finding* f = finding(a, "ORD-stage-sequence");
  REQUIRE(f);
  CHECK(f->kind == "order");
  CHECK(f->severity == "major");
  CHECK(f->document == "penalty_decision");
  CHECK(f->message ==
        "《行政处罚决定书》（穗海昌岗综执罚决〔2024〕22号，2024-09-"
        "27）早于送达《行政处罚事先告知书》"
        "的送达回证（2024-09-30）3 "
        "日，不符合程序顺序（作出行政处罚决定应在事先告知书送达之后）");
  REQUIRE(f->evidence.size() == 3);
  CHECK_THAT(f->evidence[0], Catch::Contains("送达回证-penalty_notice.docx"));
  CHECK_THAT(f->evidence[1], Catch::Contains("penalty_decision.docx"));
}

TEST_CASE("one finding per inversion, undated steps are skipped", "[deadline]") {
  Case c = dated_case();
  // Paid before the decision was served, and closed before payment.
  set_fact(doc_of(c, "payment_proof"), "doc_date", "2024-09-28");
  set_fact(doc_of(c, "closing_approval"), "doc_date", "2024-09-20");
  std::erase_if(doc_of(c, "investigation_report").facts,
                [](const Fact& f) { return f.kind == "doc_date"; });
  const Audit a = check_case(c, bundled());
  int inversions = 0;
  for (const Finding& f : a.findings) inversions += f.rule == "ORD-stage-sequence";
  CHECK(inversions == 2);
}

TEST_CASE("legal review dated after the decision is out of order", "[deadline]") {
  Case c = dated_case();
  c.documents.push_back(dated("legal_review", "2024-09-26"));
  CHECK(outcome(check_case(c, bundled()), "ORD-legal-review-before-decision") == Outcome::passed);
  set_fact(doc_of(c, "legal_review"), "doc_date", "2024-09-28");
  const Audit a = check_case(c, bundled());
  CHECK(outcome(a, "ORD-legal-review-before-decision") == Outcome::failed);
  REQUIRE(finding(a, "ORD-legal-review-before-decision"));
  CHECK_THAT(finding(a, "ORD-legal-review-before-decision")->message,
             Catch::Contains("早于《法制审核意见书》（2024-09-28）1 日"));
}

TEST_CASE("fewer than two dated steps are not checkable", "[deadline]") {
  Case c = dated_case();
  const Audit a = check_case(c, bundled());
  CHECK(outcome(a, "ORD-hearing-before-decision") == Outcome::not_checkable);
  CHECK_FALSE(finding(a, "ORD-hearing-before-decision"));
}

TEST_CASE("a collective discussion dated after the decision is out of order", "[deadline]") {
  Case c = dated_case();
  c.documents.push_back(dated("collective_discussion", "2024-09-26"));
  CHECK(outcome(check_case(c, bundled()), "ORD-discussion-before-decision") == Outcome::passed);
  set_fact(doc_of(c, "collective_discussion"), "doc_date", "2024-09-30");
  const Audit a = check_case(c, bundled());
  CHECK(outcome(a, "ORD-discussion-before-decision") == Outcome::failed);
  const Finding* f = finding(a, "ORD-discussion-before-decision");
  REQUIRE(f);
  CHECK(f->severity == "major");
  CHECK(f->document == "penalty_decision");
}

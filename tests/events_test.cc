// Resolving the dated events of a case: manifest first, then documents;
// which document and text each date came from; the conditions built on them.
#include "auditor/events.h"

#include <catch2/catch.hpp>

#include "auditor/conditions.h"
#include "tests/deadline_fixtures.h"

using namespace auditor;
using namespace deadline_fixtures;

TEST_CASE("events come from the documents' signature and service dates", "[deadline]") {
  const Case c = dated_case();
  const std::optional<Event> decided = find_event(c, bundled(), "decided");
  REQUIRE(decided);
  CHECK(decided->date.iso() == "2024-09-27");
  REQUIRE(decided->source);
  CHECK(decided->source->type == "penalty_decision");
  CHECK_THAT(decided->origin, Catch::Contains("penalty_decision.docx"));
  CHECK(event_phrase(*decided, bundled()) ==
        "《行政处罚决定书》（穗海昌岗综执罚决〔2024〕22号，2024-09-27）");

  const std::optional<Event> served = find_event(c, bundled(), "decision_served");
  REQUIRE(served);
  CHECK(served->date.iso() == "2024-09-30");
  CHECK(served->source->type == "service_receipt");
  REQUIRE(served->subject);
  CHECK(served->subject->type == "penalty_decision");
  CHECK_THAT(served->origin, Catch::Contains("送达时间：2024-09-30"));

  const std::optional<Event> notice_served = find_event(c, bundled(), "notice_served");
  REQUIRE(notice_served);
  CHECK(notice_served->date.iso() == "2024-09-09");
  CHECK(notice_served->source->path == "送达回证-penalty_notice.docx");
}

TEST_CASE("a manifest date beats the documents and names the manifest", "[deadline]") {
  Case c = dated_case();
  c.has_manifest = true;
  c.info.dates["decision-served"] = "2024-10-08";
  const std::optional<Event> served = find_event(c, bundled(), "decision_served");
  REQUIRE(served);
  CHECK(served->date.iso() == "2024-10-08");
  CHECK(served->source == nullptr);
  CHECK_THAT(served->origin, Catch::Contains("manifest.xml"));
  CHECK_THAT(event_evidence(*served), Catch::StartsWith("决定书送达日期 2024-10-08"));
}

TEST_CASE(
    "without a manifest, case dates derived from the text come after the "
    "documents",
    "[deadline]") {
  Case c = dated_case();
  c.info.dates["filed"] = "2024-08-01";
  const std::optional<Event> filed = find_event(c, bundled(), "filed");
  REQUIRE(filed);
  CHECK(filed->date.iso() == "2024-09-02");
  CHECK_THAT(filed->origin, Catch::Contains("filing_approval.docx"));
  c.info.dates["violation"] = "2023-05-01";
  const std::optional<Event> violation = find_event(c, bundled(), "violation");
  REQUIRE(violation);
  CHECK_THAT(violation->origin, Catch::StartsWith("案件信息 violation="));
}

TEST_CASE("discovery is dated by the earliest of source, inspection and filing", "[deadline]") {
  Case c = dated_case();  // inspection 09-03, filing 09-02
  const std::optional<Event> e = find_event(c, bundled(), "violation_discovered");
  REQUIRE(e);
  CHECK(e->date.iso() == "2024-09-02");
}

TEST_CASE("a date the manifest declared for a document beats its text", "[deadline]") {
  Case c = dated_case();
  c.has_manifest = true;
  doc_of(c, "penalty_decision").date = "2024-09-26";
  const std::optional<Event> decided = find_event(c, bundled(), "decided");
  REQUIRE(decided);
  CHECK(decided->date.iso() == "2024-09-26");
  CHECK_THAT(decided->origin, Catch::Contains("卷内清单登记"));
}

TEST_CASE("the earliest of several documents dates an event", "[deadline]") {
  Case c = dated_case();
  c.documents.push_back(dated("inquiry_record", "2024-09-04"));
  c.documents.push_back(dated("inspection_record", "2024-09-02"));
  const std::optional<Event> e = find_event(c, bundled(), "investigated");
  REQUIRE(e);
  CHECK(e->date.iso() == "2024-09-02");
}

TEST_CASE("a filing date stated on the filing form beats its signature date", "[deadline]") {
  Case c = dated_case();
  doc_of(c, "filing_approval")
      .facts.push_back({"filing_date", "2024-08-30", "立案日期：2024年8月30日"});
  const std::optional<Event> filed = find_event(c, bundled(), "filed");
  REQUIRE(filed);
  CHECK(filed->date.iso() == "2024-08-30");
  CHECK_THAT(filed->origin, Catch::Contains("立案日期"));
}

TEST_CASE("an event nothing dates is absent, and unknown names are rejected", "[deadline]") {
  Case c = dated_case();
  CHECK_FALSE(find_event(c, bundled(), "hearing_held"));
  CHECK_FALSE(find_event(c, bundled(), "no_such_event"));
  CHECK_FALSE(is_event_name("no_such_event"));
  CHECK(is_event_name("decision_served"));
  // A receipt that does not say what it serves dates nothing.
  for (Document& d : c.documents)
    if (d.type == "service_receipt")
      std::erase_if(d.facts, [](const Fact& f) { return f.kind == "served_document"; });
  CHECK_FALSE(find_event(c, bundled(), "decision_served"));
}

TEST_CASE("the latest event is the file's last recorded step", "[deadline]") {
  const std::optional<Event> e = latest_event(dated_case(), bundled());
  REQUIRE(e);
  CHECK(e->name == "closed");
  CHECK(e->date.iso() == "2024-10-21");
}

TEST_CASE("unpaid after the due date: 15 days after service, no payment proof", "[deadline]") {
  Case c = dated_case();
  std::erase_if(c.documents, [](const Document& d) { return d.type == "payment_proof"; });
  // Served 09-30, due 10-15, closed 10-21.
  Conditions cond = evaluate_conditions(c, bundled());
  CHECK(cond.at("unpaid_after_due").value == Tri::yes);
  CHECK_THAT(cond.at("unpaid_after_due").why, Catch::Contains("2024-10-15"));
  // Closed on the due date: not yet overdue.
  set_fact(doc_of(c, "closing_approval"), "doc_date", "2024-10-15");
  CHECK(evaluate_conditions(c, bundled()).at("unpaid_after_due").value == Tri::no);
  // No service date: unknown, never guessed.
  std::erase_if(c.documents, [](const Document& d) { return d.type == "service_receipt"; });
  CHECK(evaluate_conditions(c, bundled()).at("unpaid_after_due").value == Tri::unknown);
}

TEST_CASE("a written waiver of defence is told from the notice's rights statement", "[deadline]") {
  Case c = dated_case();
  // The notice says “逾期未提出的，视为放弃陈述和申辩的权利”: no waiver.
  CHECK(evaluate_conditions(c, bundled()).at("defence_waived").value == Tri::no);
  Document s = dated("statement_record", "2024-09-10");
  s.text = "本人对拟作出的行政处罚无异议，自愿放弃陈述、申辩权利。";
  c.documents.push_back(s);
  const ConditionValue v = evaluate_conditions(c, bundled()).at("defence_waived");
  CHECK(v.value == Tri::yes);
  CHECK_THAT(v.why, Catch::Contains("自愿放弃陈述"));
  // A scanned statement record could hold a waiver: unknown.
  c.documents.back().has_text = false;
  c.documents.back().text.clear();
  CHECK(evaluate_conditions(c, bundled()).at("defence_waived").value == Tri::unknown);
}

TEST_CASE("payment is dated by the slip's payment date before its signature date", "[deadline]") {
  Case c = dated_case();  // payment proof signed 10-14
  doc_of(c, "payment_proof").facts.push_back({"payment_date", "2024-10-11", "填制日期:2024-10-11"});
  const std::optional<Event> paid = find_event(c, bundled(), "paid");
  REQUIRE(paid);
  CHECK(paid->date.iso() == "2024-10-11");
  CHECK_THAT(paid->origin, Catch::Contains("填制日期:2024-10-11"));
  // Filled in one day, paid the next: the payment's date.
  doc_of(c, "payment_proof")
      .facts.push_back({"payment_date", "2024-10-12", "缴款日期：2024-10-12"});
  CHECK(find_event(c, bundled(), "paid")->date.iso() == "2024-10-12");
  // Without it, the slip's own date.
  std::erase_if(doc_of(c, "payment_proof").facts,
                [](const Fact& f) { return f.kind == "payment_date"; });
  REQUIRE(find_event(c, bundled(), "paid"));
  CHECK(find_event(c, bundled(), "paid")->date.iso() == "2024-10-14");
}

TEST_CASE("publication is dated by the record's publication date", "[deadline]") {
  Case c = dated_case();  // publication record signed 10-08
  doc_of(c, "publication_record")
      .facts.push_back({"publication_date", "2024-10-09", "公示日期 2024-10-09"});
  const std::optional<Event> published = find_event(c, bundled(), "published");
  REQUIRE(published);
  CHECK(published->date.iso() == "2024-10-09");
  // A publication date on another document does not date the publication.
  Case d = dated_case();
  doc_of(d, "penalty_decision")
      .facts.push_back({"publication_date", "2024-10-09", "公示日期 2024-10-09"});
  CHECK(find_event(d, bundled(), "published")->date.iso() == "2024-10-08");
}

TEST_CASE("the act's date comes from the findings of the filing form, report, notice or decision",
          "[deadline]") {
  Case c = dated_case();
  CHECK_FALSE(find_event(c, bundled(), "violation"));
  doc_of(c, "penalty_decision")
      .facts.push_back({"violation_date", "2024-08-20", "经查，当事人于2024年8月20日在…"});
  doc_of(c, "filing_approval")
      .facts.push_back({"violation_date", "2024-08-21", "违法行为发生时间：2024年8月21日"});
  const std::optional<Event> v = find_event(c, bundled(), "violation");
  REQUIRE(v);
  CHECK(v->date.iso() == "2024-08-20");  // the earliest stated
  CHECK(v->source->type == "penalty_decision");
  // Declared by a manifest: the manifest wins.
  c.has_manifest = true;
  c.info.dates["violation"] = "2024-08-19";
  CHECK(find_event(c, bundled(), "violation")->date.iso() == "2024-08-19");
}

TEST_CASE("discovery is the earliest of a stated discovery date and the documents' dates",
          "[deadline]") {
  Case c = dated_case();  // inspection 09-03, filing 09-02
  doc_of(c, "inspection_record")
      .facts.push_back({"discovery_date", "2024-09-03", "检查时间：2024年9月3日"});
  CHECK(find_event(c, bundled(), "violation_discovered")->date.iso() == "2024-09-02");
  doc_of(c, "filing_approval")
      .facts.push_back({"discovery_date", "2024-08-28", "发现时间：2024年8月28日"});
  const std::optional<Event> e = find_event(c, bundled(), "violation_discovered");
  REQUIRE(e);
  CHECK(e->date.iso() == "2024-08-28");
  CHECK_THAT(e->origin, Catch::Contains("发现时间"));
}

TEST_CASE("without a receipt, the signed receipt block on the decision dates its service",
          "[deadline]") {
  Case c = dated_case();  // decided 09-27, served 09-30 by a receipt
  doc_of(c, "penalty_decision")
      .facts.push_back({"service_date", "2024-09-29", "签收时间：2024年9月29日"});
  // The receipt comes first.
  CHECK(find_event(c, bundled(), "decision_served")->date.iso() == "2024-09-30");
  std::erase_if(c.documents, [](const Document& d) {
    if (d.type != "service_receipt") return false;
    for (const Fact& f : d.facts)
      if (f.kind == "served_document" && f.value == "行政处罚决定书") return true;
    return false;
  });
  const std::optional<Event> served = find_event(c, bundled(), "decision_served");
  REQUIRE(served);
  CHECK(served->date.iso() == "2024-09-29");
  CHECK(served->source->type == "penalty_decision");
  CHECK_THAT(served->origin, Catch::Contains("签收时间"));
}

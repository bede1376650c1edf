#include "tests/deadline_fixtures.h"
#include "tests/rule_fixtures.h"

#include <catch2/catch.hpp>
#include <filesystem>

namespace deadline_fixtures {

using namespace auditor;

const Checklist& bundled() { return auditor::testing::bundled_checklist(); }

Document dated(const std::string& type, const std::string& date, const std::string& number) {
  Document d;
  d.path = type + ".docx";
  d.format = "docx";
  d.has_text = true;
  d.type = type;
  d.type_source = Source::title;
  d.stage = bundled().doc_type(type)->stage;
  if (!number.empty()) d.number = number;
  if (!date.empty()) d.facts.push_back({"doc_date", date, "落款 " + date});
  return d;
}

Document receipt(const std::string& served, const std::string& date) {
  Document d = dated("service_receipt", "");
  d.path = "送达回证-" + served + ".docx";
  d.stage = bundled().doc_type(served)->stage == 3 ? 3 : 6;
  d.facts.push_back({"served_document", bundled().doc_type(served)->name, ""});
  d.facts.push_back({"service_date", date, "送达时间：" + date});
  return d;
}

Case dated_case() {
  Case c;
  c.archive = "dated.zip";
  c.info.party_id = "440105199001011234";
  c.info.fine = 3000;
  c.info.flags = {{"source_complaint", "false"}, {"statements_made", "false"}};
  c.documents = {
      dated("filing_approval", "2024-09-02"),
      dated("inspection_record", "2024-09-03"),
      dated("evidence", ""),
      dated("investigation_report", "2024-09-06"),
      dated("penalty_notice", "2024-09-09", "穗海昌岗综执罚告〔2024〕17号"),
      receipt("penalty_notice", "2024-09-09"),
      dated("penalty_approval", "2024-09-18"),
      dated("penalty_decision", "2024-09-27", "穗海昌岗综执罚决〔2024〕22号"),
      receipt("penalty_decision", "2024-09-30"),
      dated("publication_record", "2024-10-08"),
      dated("payment_proof", "2024-10-14"),
      dated("closing_approval", "2024-10-21"),
      dated("catalogue", ""),
      dated("file_notes", ""),
  };
  doc_of(c, "penalty_notice").text =
      "行政处罚事先告知书\n如有陈述、申辩意见，可在收到本告知书之日起五个工作日"
      "内向本机关提出；"
      "逾期未提出的，视为放弃陈述和申辩的权利。";
  return c;
}

Document& doc_of(Case& c, const std::string& type) {
  for (Document& d : c.documents)
    if (d.type == type) return d;
  FAIL("no document of type " << type);
  return c.documents.front();
}

Document& receipt_of(Case& c, const std::string& served) {
  const std::string name = bundled().doc_type(served)->name;
  for (Document& d : c.documents)
    if (d.type == "service_receipt")
      for (const Fact& f : d.facts)
        if (f.kind == "served_document" && f.value == name) return d;
  FAIL("no receipt serving " << served);
  return c.documents.front();
}

void set_fact(Document& d, const std::string& kind, const std::string& value) {
  for (Fact& f : d.facts)
    if (f.kind == kind) {
      f.value = value;
      return;
    }
  d.facts.push_back({kind, value, kind + " " + value});
}

Outcome outcome(const Audit& a, const std::string& rule) {
  return auditor::testing::outcome_of(a, rule);
}

const Finding* finding(const Audit& a, const std::string& rule) {
  for (const Finding& f : a.findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

bool scored(const Finding& f) {
  return f.severity == "veto" || f.severity == "major" || f.severity == "minor";
}

}  // namespace deadline_fixtures

#include "reports/json_report.h"

#include "auditor/case_info.h"

#include "reports/labels.h"

#include "reports/report_text.h"

#include <string_view>

namespace auditor {
namespace {

using nlohmann::json;

// A JSON string of `s`; malformed UTF-8 bytes become U+FFFD, so dumping the
// result never throws.
json str(std::string_view s) { return valid_utf8(s); }

json text(const Text& t) { return t ? str(*t) : json(nullptr); }

// For model fields where an empty string means "unknown".
json non_empty(const std::string& s) { return s.empty() ? json(nullptr) : str(s); }

template <typename T>
json number(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

// "title": the line naming the document (reports/labels.h), so that an
// unclassified document still shows what it is; null without title text.
// A document whose text OCR read (docs/formats/ocr.md) adds "ocr": its
// pages with their confidence.
json document_json(const Document& d) {
  const std::string title = first_title_line(d.title);
  json out = {{"path", str(d.path)},
              {"format", str(d.format)},
              {"type", text(d.type)},
              {"stage", number(d.stage)},
              {"number", text(d.number)},
              {"date", text(d.date)},
              {"title", title.empty() ? json(nullptr) : str(title)}};
  if (!d.ocr_pages.empty()) {
    json pages = json::array();
    for (const OcrPage& p : d.ocr_pages)
      pages.push_back({{"page", p.page},
                       {"confidence", p.confidence},
                       {"rotation", p.rotation},
                       {"read", p.end > p.begin}});
    out["ocr"] = std::move(pages);
  }
  return out;
}

json finding_json(const Finding& f) {
  json evidence = json::array();
  for (const std::string& e : f.evidence) evidence.push_back(str(e));
  return {{"rule", str(f.rule)},          {"kind", str(f.kind)},
          {"severity", str(f.severity)},  {"stage", number(f.stage)},
          {"document", text(f.document)}, {"message", str(f.message)},
          {"basis", non_empty(f.basis)},  {"evidence", std::move(evidence)},
          {"deduction", f.deduction}};
}

json decision_json(const Decision& d) {
  return {{"key", str(d.key)},
          {"verdict", verdict_name(d.verdict)},
          {"reason", non_empty(d.reason)},
          {"inspector", str(d.inspector)},
          {"decided_at", str(d.decided_at)}};
}

json objection_json(const Record& record, const Objection& o) {
  const Ruling* r = ruling_of(record, o.seq);
  json ruling = nullptr;
  if (r)
    ruling = {{"accepted", r->accepted},
              {"reason", str(r->reason)},
              {"name", str(r->name)},
              {"ruled_at", str(r->ruled_at)}};
  return {{"id", o.seq},
          {"finding", str(o.finding)},
          {"unit", non_empty(o.unit)},
          {"name", str(o.name)},
          {"reason", str(o.reason)},
          {"objected_at", str(o.objected_at)},
          {"ruling", std::move(ruling)}};
}

json rectify_json(const RecheckedItem& r) {
  return {{"id", r.item.seq},
          {"finding", str(r.item.finding)},
          {"rule", str(r.item.rule)},
          {"message", str(r.item.message)},
          {"kind", str(r.item.kind)},
          {"owner", str(r.item.owner)},
          {"due", str(r.item.due)},
          {"created_at", str(r.item.created_at)},
          {"status", str(r.status)},
          {"note", non_empty(r.note)},
          {"recheck", recheck_name(r.recheck)}};
}

}  // namespace

json review_json(const ReviewedCase& reviewed, const RecordState& state, const Record& record,
                 const CaseRectification& rectification) {
  json items = json::array(), obsolete = json::array(), signoffs = json::array();
  for (const ReviewedItem& item : reviewed.items) {
    const Finding& shown = item.counted ? *item.counted : item.machine;
    const std::optional<double> deduction = counted_deduction(item);
    items.push_back({{"key", str(item.key)},
                     {"rule", str(shown.rule)},
                     {"kind", str(item.machine.kind)},
                     {"severity", str(shown.severity)},
                     {"message", str(shown.message)},
                     {"added", item.added},
                     {"verdict", verdict_name(item.verdict)},
                     {"reason", item.decision ? non_empty(item.decision->reason) : json(nullptr)},
                     {"inspector", item.decision ? str(item.decision->inspector) : json(nullptr)},
                     {"decided_at", item.decision ? str(item.decision->decided_at) : json(nullptr)},
                     {"deduction", deduction ? json(*deduction) : json(nullptr)}});
  }
  for (const Decision& d : reviewed.obsolete) obsolete.push_back(decision_json(d));
  for (const SignOff& s : state.signoffs)
    signoffs.push_back(
        {{"role", str(s.role)}, {"name", str(s.name)}, {"signed_at", str(s.signed_at)}});
  json objections = json::array(), items_to_fix = json::array(), new_findings = json::array();
  for (const Objection& o : record.objections) objections.push_back(objection_json(record, o));
  for (const RecheckedItem& r : rectification.items) items_to_fix.push_back(rectify_json(r));
  for (const std::string& key : rectification.new_findings) new_findings.push_back(str(key));
  return {{"items", std::move(items)},
          {"obsolete", std::move(obsolete)},
          {"objections", std::move(objections)},
          {"rectification", std::move(items_to_fix)},
          {"new_findings", std::move(new_findings)},
          {"score", reviewed.score.value},
          {"grade", non_empty(reviewed.score.grade)},
          {"provisional", reviewed.provisional()},
          {"undecided", reviewed.undecided},
          {"min_score", reviewed.min_score},
          {"max_score", reviewed.max_score},
          {"signoffs", std::move(signoffs)},
          {"locked", state.locked},
          {"complete", state.complete}};
}

json round_review_json(const RoundData& data, std::size_t i) {
  if (!data.reviewed[i]) return nullptr;
  const Record& record = data.record(i);
  return review_json(*data.reviewed[i], record_state(record, data.second_review), record,
                     recheck_case(record, data.cases[i].audit.findings, data.facts[i].run_id, ""));
}

void add_reviews(json& result, const RoundData& data) {
  if (!data.has_record() || data.reviewed.size() != data.cases.size()) return;
  json& cases = result["cases"];
  for (std::size_t i = 0; i < data.cases.size() && i < cases.size(); ++i)
    cases[i]["review"] = round_review_json(data, i);
}

json case_json(const Case& c, const Audit& audit) {
  const CaseInfo& info = c.info;
  json documents = json::array(), findings = json::array(), checks = json::array();
  for (const Document& d : c.documents) documents.push_back(document_json(d));
  for (const Finding& f : audit.findings) findings.push_back(finding_json(f));
  for (const Check& k : audit.checks)
    checks.push_back({{"rule", str(k.rule)}, {"outcome", outcome_name(k.outcome)}});
  return {
      {"archive", str(c.archive)},
      {"sha256", non_empty(c.sha256)},
      {"status", c.rejected ? "rejected" : "audited"},
      {"error", c.rejected ? non_empty(c.error) : json(nullptr)},
      {"case_number",
       text(info.case_number ? info.case_number : first_fact(c, "case_number", "filing_approval"))},
      {"street", text(info.street ? info.street : first_fact(c, "street"))},
      {"party", text(info.party ? info.party : first_fact(c, "party"))},
      {"procedure", text(info.procedure)},
      {"score", c.rejected ? json(nullptr) : json(audit.score)},
      {"grade", c.rejected ? json(nullptr) : non_empty(audit.grade)},
      {"documents", std::move(documents)},
      {"findings", std::move(findings)},
      {"checks", std::move(checks)},
  };
}

json result_json(const std::string& tool_version, const Checklist& checklist,
                 const std::vector<CaseResult>& cases) {
  json items = json::array();
  int rejected = 0, findings = 0;
  for (const CaseResult& r : cases) {
    items.push_back(case_json(r.c, r.audit));
    rejected += r.c.rejected ? 1 : 0;
    findings += static_cast<int>(r.audit.findings.size());
  }
  const int archives = static_cast<int>(cases.size());
  return {
      {"tool", {{"name", "auditor"}, {"version", str(tool_version)}}},
      {"checklist",
       {{"id", str(checklist.id)},
        {"version", str(checklist.version)},
        {"sha256", non_empty(checklist.sha256)}}},
      {"summary",
       {{"archives", archives},
        {"audited", archives - rejected},
        {"rejected", rejected},
        {"findings", findings}}},
      {"cases", std::move(items)},
  };
}

}  // namespace auditor

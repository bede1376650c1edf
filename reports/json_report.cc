#include "reports/json_report.h"

#include <string_view>

namespace auditor {
namespace {

using nlohmann::json;

// What a UTF-8 lead byte promises (Unicode table 3-7): the sequence length
// and the range of the byte after it; length 0 for a byte that cannot lead.
struct Lead {
  std::size_t length;
  unsigned char lo, hi;
};

Lead lead(unsigned char c) {
  if (c < 0x80) return {1, 0, 0};
  if (c >= 0xC2 && c <= 0xDF) return {2, 0x80, 0xBF};
  if (c == 0xE0) return {3, 0xA0, 0xBF};
  if (c == 0xED) return {3, 0x80, 0x9F};
  if (c >= 0xE1 && c <= 0xEF) return {3, 0x80, 0xBF};
  if (c == 0xF0) return {4, 0x90, 0xBF};
  if (c >= 0xF1 && c <= 0xF3) return {4, 0x80, 0xBF};
  if (c == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

// Length of the well-formed UTF-8 sequence at s[i], 0 when there is none.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const Lead l = lead(static_cast<unsigned char>(s[i]));
  if (l.length == 0 || i + l.length > s.size()) return 0;
  for (std::size_t k = 1; k < l.length; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (b < l.lo || b > l.hi) : (b < 0x80 || b > 0xBF)) return 0;
  }
  return l.length;
}

// A JSON string of `s`; malformed UTF-8 bytes become U+FFFD, so dumping the
// result never throws.
json str(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t n = utf8_sequence(s, i)) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

json text(const Text& t) { return t ? str(*t) : json(nullptr); }

// For model fields where an empty string means "unknown".
json non_empty(const std::string& s) { return s.empty() ? json(nullptr) : str(s); }

template <typename T>
json number(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json document_json(const Document& d) {
  return {{"path", str(d.path)},      {"format", str(d.format)},  {"type", text(d.type)},
          {"stage", number(d.stage)}, {"number", text(d.number)}, {"date", text(d.date)}};
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

}  // namespace

Text first_fact(const Case& c, std::string_view kind, const char* preferred) {
  for (bool want_preferred : {preferred != nullptr, false})
    for (const Document& d : c.documents) {
      if (want_preferred && d.type != preferred) continue;
      for (const Fact& f : d.facts)
        if (f.kind == kind) return f.value;
    }
  return std::nullopt;
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

#include "auditor/held_numbers.h"

#include <algorithm>
#include <map>

namespace auditor {
namespace {

void add_written(std::vector<Written>& out, const std::string& number, const std::string& type,
                 const Document* d) {
  auto it = std::find_if(out.begin(), out.end(),
                         [&](const Written& w) { return w.number == number && w.type == type; });
  if (it == out.end()) it = out.insert(out.end(), Written{number, type, {}});
  if (d && (it->documents.empty() || it->documents.back() != d)) it->documents.push_back(d);
}

}  // namespace

std::vector<Written> written_case_numbers(const Case& c) {
  std::vector<Written> out;
  if (c.info.case_number) add_written(out, *c.info.case_number, "", nullptr);
  for (const Document& d : c.documents)
    for (const Fact& f : d.facts)
      if (f.kind == "case_number") add_written(out, f.value, "", &d);
  return out;
}

std::vector<Written> written_document_numbers(const Case& c, const Checklist& checklist) {
  std::vector<Written> out;
  for (const Document& d : c.documents) {
    const DocType* t = d.type ? checklist.doc_type(*d.type) : nullptr;
    if (t && !t->abbreviation.empty() && d.number) add_written(out, *d.number, t->id, &d);
  }
  return out;
}

std::vector<std::string> abbreviations(const Checklist& checklist) {
  std::vector<std::string> out;
  for (const DocType& t : checklist.doc_types)
    if (!t.abbreviation.empty()) out.push_back(t.abbreviation);
  return out;
}

std::vector<HeldNumber> held_numbers(const Case& c, const Checklist& checklist) {
  const Numbering& n = checklist.numbering;
  std::vector<HeldNumber> out;
  auto hold = [&](const ParsedNumber& p, const std::string& type) {
    const std::string key = p.key();
    if (key.empty()) return;
    if (std::none_of(out.begin(), out.end(), [&](const HeldNumber& h) { return h.key == key; }))
      out.push_back({key, p.written, type});
  };
  if (n.source.empty()) return out;
  if (c.info.case_number) hold(parse_number(*c.info.case_number, n.case_pattern, n, {}), "");
  const std::vector<std::string> abbr = abbreviations(checklist);
  for (const Written& w : written_document_numbers(c, checklist)) {
    const ParsedNumber p = parse_number(w.number, n.document_pattern, n, abbr);
    if (p.kind == checklist.doc_type(w.type)->abbreviation) hold(p, w.type);
  }
  return out;
}

}  // namespace auditor

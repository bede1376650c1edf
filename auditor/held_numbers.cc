#include "auditor/held_numbers.h"

#include <unordered_map>
#include <unordered_set>

namespace auditor {
namespace {

// Written numbers in first-seen order, found again by number and type in
// constant time: a document may state 150,000 numbers.
class WrittenList {
 public:
  void add(const std::string& number, const std::string& type, const Document* d) {
    std::string key = type;
    key += '\0';
    key += number;
    auto [it, fresh] = index_.try_emplace(std::move(key), out_.size());
    if (fresh) out_.push_back(Written{number, type, {}});
    Written& w = out_[it->second];
    if (d && (w.documents.empty() || w.documents.back() != d)) w.documents.push_back(d);
  }
  std::vector<Written> take() { return std::move(out_); }

 private:
  std::vector<Written> out_;
  std::unordered_map<std::string, std::size_t> index_;  // type '\0' number -> out_ index
};

}  // namespace

std::vector<Written> written_case_numbers(const Case& c) {
  WrittenList out;
  if (c.info.case_number) out.add(*c.info.case_number, "", nullptr);
  for (const Document& d : c.documents)
    for (const Fact& f : d.facts)
      if (f.kind == "case_number") out.add(f.value, "", &d);
  return out.take();
}

std::vector<Written> written_document_numbers(const Case& c, const Checklist& checklist) {
  WrittenList out;
  for (const Document& d : c.documents) {
    const DocType* t = d.type ? checklist.doc_type(*d.type) : nullptr;
    if (t && !t->abbreviation.empty() && d.number) out.add(*d.number, t->id, &d);
  }
  return out.take();
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
  std::unordered_set<std::string> keys;
  auto hold = [&](const ParsedNumber& p, const std::string& type) {
    std::string key = p.key();
    if (key.empty() || !keys.insert(key).second) return;
    out.push_back({std::move(key), p.written, type});
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

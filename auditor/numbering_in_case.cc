// check=number_unique_in_case of the numbering rule kind: one 文号 used by
// two documents of one case (distinct from the cross-case serial_unique).
#include <algorithm>
#include <cctype>
#include <set>

#include "auditor/numbering_rules.h"

#include "util/text_match.h"
#include "util/utf8.h"

namespace auditor {
namespace {

// The dates a document states (its date facts): two files of one document (a
// DOCX and its PDF) state the same; two documents issued on different days
// do not.
std::set<std::string> dates_of(const Document& d) {
  std::set<std::string> out;
  for (const Fact& f : d.facts)
    if (f.value.size() == 10 && f.value[4] == '-' && f.value[7] == '-' &&
        std::isdigit(static_cast<unsigned char>(f.value[0])))
      out.insert(f.value);
  return out;
}

// Adjacent pairs of the Han characters of a document's text.
std::set<std::string> han_pairs(const Document& d) {
  std::vector<std::string> han;
  const std::string& t = d.text;
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(t, i);
    if (c >= 0x4E00 && c <= 0x9FFF) han.push_back(t.substr(start, i - start));
  }
  std::set<std::string> out;
  for (std::size_t i = 1; i < han.size(); ++i) out.insert(han[i - 1] + han[i]);
  return out;
}

// Two files of one document, not two documents: the same dates and mostly
// the same wording (a PDF may lose or add a header line).
bool same_document(const Document& a, const Document& b) {
  constexpr double kSameWording = 0.6;  // Jaccard of Han character pairs
  if (a.type != b.type || dates_of(a) != dates_of(b)) return false;
  const std::set<std::string> pa = han_pairs(a), pb = han_pairs(b);
  std::size_t common = 0;
  for (const std::string& p : pa) common += pb.count(p);
  const std::size_t all = pa.size() + pb.size() - common;
  return all == 0 || static_cast<double>(common) / static_cast<double>(all) >= kSameWording;
}

// Documents that write one number and are not all files of one document.
bool distinct_documents(const std::vector<const Document*>& docs) {
  for (std::size_t i = 1; i < docs.size(); ++i)
    if (!same_document(*docs[0], *docs[i])) return true;
  return false;
}

}  // namespace

// Two outgoing documents carrying one 文号 (two files of one document are
// not a reuse: same type, same dates, mostly the same wording). Numbers
// compare by their parts (ParsedNumber::key) when complete, else as
// normalised text.
Outcome check_unique_in_case(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Numbering& numbering = ctx.checklist.numbering;
  const std::vector<Written> numbers = written_document_numbers(ctx.c, ctx.checklist);
  std::vector<std::pair<std::string, std::vector<const Written*>>> by_key;
  for (const Written& w : numbers) {
    std::string key =
        parse_number(w.number, numbering.document_pattern, numbering, abbreviations(ctx.checklist))
            .key();
    if (key.empty()) key = normalize_for_match(w.number);
    auto it =
        std::find_if(by_key.begin(), by_key.end(), [&](const auto& g) { return g.first == key; });
    if (it == by_key.end()) it = by_key.insert(by_key.end(), {key, {}});
    it->second.push_back(&w);
  }
  bool failed = false;
  for (const auto& [key, group] : by_key) {
    Written all{group.front()->number, group.front()->type, {}};
    for (const Written* w : group)
      all.documents.insert(all.documents.end(), w->documents.begin(), w->documents.end());
    if (!distinct_documents(all.documents)) continue;
    std::vector<std::string> evidence;
    for (const Written* w : group) {
      for (const Document* d : w->documents)
        evidence.push_back(type_name(ctx.checklist, w->type) + "（" + d->path + "）：" + w->number);
    }
    std::string where;  // 《A》（a.docx）、《B》（b.docx）
    for (const Document* d : all.documents)
      where += (where.empty() ? "" : "、") + type_name(ctx.checklist, d->type.value_or("")) + "（" +
               d->path + "）";
    out.push_back(numbering_finding(r, ctx, all, {{"document", where}}, std::move(evidence)));
    failed = true;
  }
  if (failed) return Outcome::failed;
  return numbers.empty() ? Outcome::not_checkable : Outcome::passed;
}

}  // namespace auditor

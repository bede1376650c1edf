#include "importers/facts.h"

#include <algorithm>
#include <set>
#include <utility>

#include "importers/facts_labels.h"
#include "importers/facts_text.h"
#include "util/hash.h"

namespace auditor {
namespace {

// Marks `f`, read at byte `at` of the text, with the OCR page and line
// holding that byte (pages in text order), if any.
void mark_provenance(Fact& f, std::size_t at, const std::vector<OcrPage>& pages) {
  auto page = std::upper_bound(pages.begin(), pages.end(), at,
                               [](std::size_t a, const OcrPage& p) { return a < p.begin; });
  if (page == pages.begin()) return;
  --page;
  if (at >= page->end) return;
  f.ocr_page = page->page;
  f.ocr_confidence = page->confidence;
  const std::size_t within = at - page->begin;
  for (const OcrLine& l : page->lines)
    if (within < l.end) {
      f.ocr_confidence = l.confidence;
      break;
    }
}

std::vector<Fact> extract(std::string_view text, const std::vector<OcrPage>* ocr) {
  facts::Text t(text);
  facts::Sink sink(t);
  facts::extract_numbers(t, sink);
  facts::extract_dates(t, sink);
  facts::extract_party(t, sink);
  facts::extract_money(t, sink);
  facts::extract_officers(t, sink);
  facts::extract_service(t, sink);
  facts::extract_provisions(t, sink);
  facts::extract_flags(t, sink);
  facts::extract_meeting(t, sink);
  facts::extract_penalty_terms(t, sink);
  facts::extract_review(t, sink);
  facts::extract_discretion(t, sink);
  facts::extract_appeal(t, sink);

  std::vector<facts::Hit>& hits = sink.hits();
  std::stable_sort(hits.begin(), hits.end(),
                   [](const facts::Hit& a, const facts::Hit& b) { return a.pos < b.pos; });
  std::vector<Fact> out;
  std::set<std::pair<std::string, std::string>> seen;
  for (facts::Hit& h : hits) {
    if (!seen.insert({h.fact.kind, h.fact.value}).second) continue;
    if (ocr && !ocr->empty()) mark_provenance(h.fact, t.byte_at(h.pos), *ocr);
    out.push_back(std::move(h.fact));
  }
  return out;
}

}  // namespace

std::vector<Fact> extract_facts(std::string_view text) { return extract(text, nullptr); }

std::vector<Fact> extract_facts(const Document& d) { return extract(d.text, &d.ocr_pages); }

const std::string& facts_data_sha256() {
  static const std::string sha = sha256_hex(facts::date_labels_data());
  return sha;
}

}  // namespace auditor

#include "auditor/ocr_basis.h"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "auditor/case_info.h"
#include "auditor/checker.h"
#include "auditor/kind_helpers.h"

namespace auditor {
namespace {

// Finding kinds that compare text exactly (numbers, amounts, names, bracket
// styles, certificate numbers): on OCR text they become manual checks.
bool exact_kind(const std::string& kind) {
  return kind == "numbering" || kind == "consistency" || kind == "catalogue" ||
         kind == "officers" || kind == "condition";
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string::npos; }

// Whether `value` is the value of an OCR fact of `kind` in `c` and of no
// other fact of that kind: then it came from OCR.
bool from_ocr(const Case& c, std::string_view kind, const std::string& value) {
  bool ocr = false;
  for (const Document& d : c.documents)
    for (const Fact& f : d.facts)
      if (f.kind == kind && f.value == value) {
        if (f.ocr_page == 0) return false;
        ocr = true;
      }
  return ocr;
}

Text first_layer_fact(const Document& d, std::string_view kind) {
  for (const Fact& f : d.facts)
    if (f.kind == kind && f.ocr_page == 0) return f.value;
  return std::nullopt;
}

// Removes from `d` its OCR text and what was read from it.
void strip(Document& d, bool manifest_typed) {
  std::string text;
  std::size_t at = 0;
  for (const OcrPage& p : d.ocr_pages) {  // in text order
    text.append(d.text, at, p.begin - at);
    at = p.end;
  }
  text.append(d.text, std::min(at, d.text.size()));
  const bool title_from_ocr = !d.ocr_pages.empty() && d.ocr_pages.front().begin == 0;
  if (d.number && !first_layer_fact(d, "doc_number") && d.number == first_fact(d, "doc_number"))
    d.number = std::nullopt;
  if (d.date && !first_layer_fact(d, "doc_date") && d.date == first_fact(d, "doc_date"))
    d.date = std::nullopt;
  std::erase_if(d.facts, [](const Fact& f) { return f.ocr_page != 0; });
  d.text = std::move(text);
  d.has_text = !blank(d.text);
  if (!d.has_text || title_from_ocr) d.title.clear();
  d.ocr_pages.clear();
  if (!manifest_typed) {
    d.type.reset();
    d.stage.reset();
    d.type_source = Source::none;
  }
}

// The documents a finding names (its document, or a path in its evidence)
// that hold OCR text; all such documents of the case when it names none.
std::vector<const Document*> scans_named(const Case& c, const Finding& f) {
  std::vector<const Document*> named, all;
  for (const Document& d : c.documents) {
    if (d.ocr_pages.empty()) continue;
    all.push_back(&d);
    bool names = f.document && (f.document == d.path || f.document == d.type);
    for (const std::string& line : f.evidence)
      names = names || line.find("（" + d.path + "）") != std::string::npos ||
              line.find("：" + d.path) != std::string::npos;
    if (names) named.push_back(&d);
  }
  return named.empty() ? all : named;
}

// "依据识别文字：《送达回证》（IMG_0003.jpg）第 1 页（识别置信度 91%）".
std::string scan_line(const Checklist& cl, const Document& d) {
  std::string pages;
  for (const OcrPage& p : d.ocr_pages) {
    if (p.begin == p.end) continue;
    if (!pages.empty()) pages += "、";
    pages +=
        "第 " + std::to_string(p.page) + " 页（识别置信度 " + std::to_string(p.confidence) + "%）";
  }
  return std::string("依据识别文字：") + doc_label(cl, d) + pages;
}

// Whether OCR read some text of `d`.
bool holds_ocr_text(const Document& d) {
  return std::any_of(d.ocr_pages.begin(), d.ocr_pages.end(),
                     [](const OcrPage& p) { return p.end > p.begin; });
}

// Whether a missing document (a missing_document or catalogue finding
// naming a document type) may be one of the case's scans although the
// finding is raised without OCR text too: a scan OCR read but could not
// type, or typed as the document sought, may be it, misread.
bool missing_may_be_scan(const Case& c, const Finding& f) {
  if ((f.kind != "missing_document" && f.kind != "catalogue") || !f.document) return false;
  for (const Document& d : c.documents)
    if (holds_ocr_text(d) && (!d.type || *d.type == *f.document)) return true;
  return false;
}

using Key = std::tuple<std::string, std::string, Text, std::string>;
Key key_of(const Finding& f) { return {f.rule, f.kind, f.document, f.message}; }

}  // namespace

bool has_ocr_text(const Case& c) {
  return std::any_of(c.documents.begin(), c.documents.end(), holds_ocr_text);
}

Case without_ocr_text(const Case& c, const Checklist& checklist) {
  Case b = c;
  for (Document& d : b.documents)
    if (!d.ocr_pages.empty()) strip(d, d.type_source == Source::manifest);
  CaseInfo& info = b.info;
  if (!c.has_manifest) {
    info = CaseInfo{};
  } else {  // declared values stay; those derived from OCR facts go
    if (info.case_number && from_ocr(c, "case_number", *info.case_number)) info.case_number.reset();
    if (info.party && from_ocr(c, "party", *info.party)) info.party.reset();
    if (info.party_id && from_ocr(c, "party_id", *info.party_id)) info.party_id.reset();
    if (auto it = info.dates.find("filed");
        it != info.dates.end() && from_ocr(c, "filing_date", it->second))
      info.dates.erase(it);
  }
  // Only the scans are classified again: every other document keeps what
  // the case's own classification gave it (classify() decides each
  // document alone, but a receipt's stage looks at the others).
  classify(b, checklist);
  for (std::size_t i = 0; i < b.documents.size(); ++i)
    if (c.documents[i].ocr_pages.empty()) b.documents[i] = c.documents[i];
  derive_case_info(b, checklist);
  return b;
}

std::set<std::string> mark_ocr_findings(const Case& c, const Checklist& checklist,
                                        const std::vector<Finding>& baseline,
                                        std::vector<Finding>& findings) {
  std::set<std::string> to_manual;
  std::multiset<Key> without;
  for (const Finding& f : baseline) without.insert(key_of(f));
  for (Finding& f : findings) {
    if (auto it = without.find(key_of(f)); it != without.end()) {
      without.erase(it);
      if (!missing_may_be_scan(c, f)) continue;
    }
    if (exact_kind(f.kind)) {
      f.kind = "manual_check";
      f.severity = "info";
      f.deduction = 0;
      f.message = std::string(kRestsOnOcr) + "：" + f.message;
      to_manual.insert(f.rule);
    } else {
      f.message += std::string("（") + kRestsOnOcr + "）";
    }
    for (const Document* d : scans_named(c, f)) f.evidence.push_back(scan_line(checklist, *d));
  }
  return to_manual;
}

}  // namespace auditor

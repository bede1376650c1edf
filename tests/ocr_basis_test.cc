// Findings that rest on OCR (auditor/ocr_basis.h) and dates OCR read
// unsurely (auditor/events.h): on the dated case of tests/deadline_fixtures.h
// with one document's text made OCR text.
#include <catch2/catch.hpp>
#include <string>

#include "auditor/ocr_basis.h"
#include "tests/deadline_fixtures.h"

namespace auditor {
namespace {

using namespace deadline_fixtures;

// Marks `d`'s text (set to `text`) as read by OCR from page 1, and each of
// its facts as read from it with `confidence`.
void scanned(Document& d, const std::string& text, int confidence) {
  d.text = text;
  OcrPage p;
  p.page = 1;
  p.confidence = confidence;
  p.end = text.size();
  p.lines = {{static_cast<std::uint32_t>(text.size()), confidence}};
  d.ocr_pages = {p};
  for (Fact& f : d.facts) {
    f.ocr_page = 1;
    f.ocr_confidence = confidence;
  }
}

// The dated case with the decision served on the 8th working day after it
// was made (2024-09-27 → 10-14 across the National Day week).
Case served_late() {
  Case c = dated_case();
  set_fact(receipt_of(c, "penalty_decision"), "service_date", "2024-10-14");
  return c;
}

bool says(const Finding& f, const std::string& words) {
  if (f.message.find(words) != std::string::npos) return true;
  for (const std::string& e : f.evidence)
    if (e.find(words) != std::string::npos) return true;
  return false;
}

TEST_CASE("a late service read from a scanned receipt is reported as resting on OCR",
          "[ocr-basis]") {
  Case c = served_late();
  scanned(receipt_of(c, "penalty_decision"), "送达回证\n送达时间：2024年10月14日\n", 90);
  const Audit a = check_case(c, bundled());
  const Finding* f = finding(a, "DL-decision-served-7wd");
  REQUIRE(f != nullptr);
  CHECK(f->kind == "deadline");
  CHECK(scored(*f));
  CHECK(says(*f, kRestsOnOcr));
  CHECK(says(*f, "扫描件第 1 页识别文字，置信度 90%"));
  CHECK(says(*f, "依据识别文字：《送达回证》（送达回证-penalty_decision.docx）第 1 页"));
  CHECK(outcome(a, "DL-decision-served-7wd") == Outcome::failed);
}

TEST_CASE("the same late service read from the file's own text says nothing of OCR",
          "[ocr-basis]") {
  const Audit a = check_case(served_late(), bundled());
  const Finding* f = finding(a, "DL-decision-served-7wd");
  REQUIRE(f != nullptr);
  CHECK_FALSE(says(*f, kRestsOnOcr));
}

TEST_CASE("a timely service read by OCR raises nothing that deducts", "[ocr-basis]") {
  Case c = dated_case();
  scanned(receipt_of(c, "penalty_decision"), "送达回证\n送达时间：2024年9月30日\n", 90);
  const Audit a = check_case(c, bundled());
  CHECK(finding(a, "DL-decision-served-7wd") == nullptr);
  // At most a manual check the scan gave (the receipt names no number).
  for (const Finding& f : a.findings) {
    INFO(f.rule << " " << f.kind << " " << f.message);
    if (says(f, kRestsOnOcr)) CHECK_FALSE(scored(f));
  }
}

TEST_CASE("a service date OCR read unsurely is a manual check naming the page, not a deadline",
          "[ocr-basis]") {
  Case c = served_late();
  scanned(receipt_of(c, "penalty_decision"), "送达回证\n送达时间：2024年10月14日\n", 55);
  const Audit a = check_case(c, bundled());
  const Finding* f = finding(a, "DL-decision-served-7wd");
  REQUIRE(f != nullptr);
  CHECK(f->kind == "manual_check");
  CHECK_FALSE(scored(*f));
  CHECK(says(*f, "为扫描件第 1 页的识别文字，识别置信度 55%"));
  CHECK(outcome(a, "DL-decision-served-7wd") == Outcome::not_checkable);
}

TEST_CASE("a bracket style OCR read in a document number is a manual check, not a deduction",
          "[ocr-basis]") {
  Case c = dated_case();
  Document& decision = doc_of(c, "penalty_decision");
  decision.number = "穗海昌岗综执罚决【2024]22号";
  decision.facts.push_back({"doc_number", *decision.number, *decision.number});
  scanned(decision, "行政处罚决定书\n穗海昌岗综执罚决【2024]22号\n", 88);
  const Audit a = check_case(c, bundled());
  bool flagged = false;
  for (const Finding& f : a.findings) {
    if (f.rule.rfind("NUM-", 0) != 0) continue;
    flagged = true;
    CHECK(f.kind == "manual_check");
    CHECK(f.deduction == 0);
    CHECK(f.message.rfind(kRestsOnOcr, 0) == 0);
  }
  CHECK(flagged);
}

TEST_CASE("the same wrong bracket in the file's own text stays a numbering finding",
          "[ocr-basis]") {
  Case c = dated_case();
  doc_of(c, "penalty_decision").number = "穗海昌岗综执罚决【2024]22号";
  const Audit a = check_case(c, bundled());
  bool numbering = false;
  for (const Finding& f : a.findings)
    if (f.rule.rfind("NUM-", 0) == 0 && f.kind == "numbering") numbering = scored(f) || numbering;
  CHECK(numbering);
}

TEST_CASE("without OCR text the case is as it was", "[ocr-basis]") {
  const Case c = served_late();
  CHECK_FALSE(has_ocr_text(c));
  const Case b = without_ocr_text(c, bundled());
  CHECK(b.documents.size() == c.documents.size());
}

// The dated case without the receipt of the 告知书: erased, or left as a
// scan whose OCR text gave no title (`typed_as`: the type it was given, if any).
Case notice_receipt_missing(bool scan_kept, std::optional<std::string> typed_as = {}) {
  Case c = dated_case();
  Document& receipt = receipt_of(c, "penalty_notice");
  if (!scan_kept) {
    std::erase_if(c.documents, [&](const Document& d) { return &d == &receipt; });
    return c;
  }
  receipt.facts.clear();
  scanned(receipt, "收件人签字：张三\n", 80);
  receipt.type = typed_as;
  return c;
}

TEST_CASE("a missing document is said to rest on OCR when a scan OCR could not type may be it",
          "[ocr-basis]") {
  const Audit a = check_case(notice_receipt_missing(true), bundled());
  const Finding* f = finding(a, "REQ-3-penalty_notice_receipt");
  REQUIRE(f != nullptr);
  CHECK(says(*f, kRestsOnOcr));
  CHECK(says(*f, "依据识别文字："));
}

TEST_CASE("a missing document says nothing of OCR when no scan may be it", "[ocr-basis]") {
  const Audit gone = check_case(notice_receipt_missing(false), bundled());
  const Finding* f = finding(gone, "REQ-3-penalty_notice_receipt");
  REQUIRE(f != nullptr);
  CHECK_FALSE(says(*f, kRestsOnOcr));
  // A scan typed as another document is not the missing one.
  const Audit other = check_case(notice_receipt_missing(true, "inquiry_record"), bundled());
  f = finding(other, "REQ-3-penalty_notice_receipt");
  REQUIRE(f != nullptr);
  CHECK_FALSE(says(*f, kRestsOnOcr));
}

}  // namespace
}  // namespace auditor

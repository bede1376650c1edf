// Findings that rest on OCR (docs/formats/ocr.md). Text OCR read from a
// scan classifies the document and gives its party, served document and
// dates, but it is no ground for an exact check: Tesseract reads 〔2023〕 as
// 【2023], 伍仟 as 伍什, an O for a 0. So a finding rests on OCR when the
// same finding (rule, kind, document, message) is not raised on the case
// without the text OCR made — every rule, through one comparison, with no
// rule knowing about OCR; and a missing document when a scan OCR read but
// could not type, or typed as the document sought, may be it. Such a
// finding says so and names the scanned pages
// it may rest on; one of an exact kind (numbering, consistency, catalogue,
// officers, condition: numbers, amounts, names, brackets) becomes a manual
// check the inspector settles in the review record, without deduction until
// then; any other (a deadline, an order of dates, a missing document) stays
// a finding the inspector confirms or dismisses. A date OCR read with a low
// confidence is not used at all (auditor/events.h, kMinOcrDateConfidence).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

// What a finding says when it rests on OCR.
inline constexpr char kRestsOnOcr[] = "依据识别文字，请核对原件";

// Whether any document of `c` holds text OCR made.
bool has_ocr_text(const Case& c);

// `c` as it would be without the text OCR made: each scanned page's text
// and the facts read from it removed, the types, numbers, dates and case
// data they gave found again without them (classify, derive_case_info).
Case without_ocr_text(const Case& c, const Checklist& checklist);

// Marks each of `findings` (checked on `c`) that `baseline` (the findings
// of without_ocr_text(c)) does not hold as resting on OCR, as the header
// says. Returns the rules some of whose findings became manual checks.
std::set<std::string> mark_ocr_findings(const Case& c, const Checklist& checklist,
                                        const std::vector<Finding>& baseline,
                                        std::vector<Finding>& findings);

}  // namespace auditor

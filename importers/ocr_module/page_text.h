// Internal to the OCR module: the text of a recognised page, laid out as
// the PDF reader lays out a page's words (importers/layout/layout.h), so
// that the fact extractors read a scan as they read the born-digital file.
#pragma once

#include <tesseract/resultiterator.h>

#include "importers/ocr_module.h"
#include "importers/ocr_module/page_image.h"

namespace auditor::ocr {

// The page's lines from Tesseract's results: lines of different blocks
// that share a row (the cells of a table row, a label and its value) joined
// left to right; words joined with '\t' across a table's ruling (`rulings`)
// or a gap wider than 1.5 line heights between two of the row's lines (3
// within one), else without a space where Han or full-width text meets,
// else with a space. A run of 〇-like glyphs in a written-out date is set
// right ("二O〇二四年" → "二〇二四年"), a quotation mark before a date
// dropped. Each line carries the mean confidence of its words (by
// characters), the page the mean of all.
OcrReading compose_page(tesseract::ResultIterator& it, const std::vector<Ruling>& rulings);

// Clears the text of a page that holds nothing readable — a photo, a blank
// or a stamp-only page: a confidence under 40 or fewer than 4 Han
// characters; drops lines read with a confidence under 30 (signatures,
// stamps, specks). The page's confidence stays.
void drop_unusable(OcrReading& r);

}  // namespace auditor::ocr

// Scanned pages read by OCR (docs/formats/ocr.md): images (JPEG, PNG,
// multi-page TIFF) and PDF pages without a text layer. The pages a parse
// found without text are read one request each in the parse process
// (importers/ocr_batch.h, importers/ocr_read.h), through the OCR module
// (importers/ocr_module.h),
// which is opened on the first page: a run without scans never loads
// Tesseract. The text OCR made stays marked as such: Document::ocr_pages
// says which bytes of the text came from which page with what confidence,
// and every fact read from them carries its page and confidence
// (Fact::ocr_page, importers/facts.h).
#pragma once

#include <cstddef>
#include <vector>

#include "auditor/model.h"

namespace auditor {

// Whether scans are read at all (--ocr off: no, as before OCR existed).
enum class OcrMode { off, on };

// Images whose shorter side is under this many pixels hold no page of text
// (an icon, a thumbnail, a small photo): they are not read.
inline constexpr int kOcrMinSide = 300;

// The pages of a parsed document to read by OCR, 1-based and ascending:
// every page of an image large enough to hold text (each page of a
// multi-page TIFF), every page of a PDF whose text layer gave no text
// (among the pages read, importers/doc_limits.h). Empty for other formats
// and for an encrypted PDF.
std::vector<int> pages_to_ocr(const Document& d);

// Puts `readings` (each with its OcrPage::page set) into `d`: an image's
// pages joined with '\f' in page order (a page without a reading empty), a
// PDF's empty pages replaced by their reading; `ocr_pages` set, with each
// page's range in the new text; has_text and the title from the new text.
void merge_ocr(Document& d, std::vector<OcrReading> readings);

// The OCR pages of `whole` among its pages [first, last) (0-based indices of
// its '\f'-separated text), with their ranges counted from the start of page
// `first`: what a part of a whole-case file made of those pages holds
// (importers/split_documents.h).
std::vector<OcrPage> ocr_pages_of_part(const Document& whole, std::size_t first, std::size_t last);

}  // namespace auditor

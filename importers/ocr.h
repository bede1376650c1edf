// Scanned pages read by OCR (docs/formats/ocr.md): images (JPEG, PNG,
// multi-page TIFF) and PDF pages without a text layer. The pages a parse
// found without text are read one request each in the parse process
// (importers/ocr_batch.h), through the OCR module (importers/ocr_module.h),
// which is opened on the first page: a run without scans never loads
// Tesseract. The text OCR made stays marked as such: Document::ocr_pages
// says which bytes of the text came from which page with what confidence,
// and every fact read from them carries its page and confidence
// (Fact::ocr_page, importers/facts.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auditor/model.h"
#include "importers/ocr_module.h"
#include "importers/pdf_module.h"
#include "util/status.h"

namespace auditor {

// Whether scans are read at all (--ocr off: no, as before OCR existed).
enum class OcrMode { off, on };

// PDF pages without text are rendered at this resolution for OCR. Measured
// on the scan corpus (docs/ocr-accuracy.md): at 150 dpi some small digits
// (dates in a signature block) are misread; 300 dpi reads no better than
// 200 and takes a third longer a page.
inline constexpr int kOcrPdfDpi = 200;

// Images whose shorter side is under this many pixels hold no page of text
// (an icon, a thumbnail, a small photo): they are not read.
inline constexpr int kOcrMinSide = 300;

// The pages of a parsed document to read by OCR, 1-based and ascending:
// every page of an image large enough to hold text (each page of a
// multi-page TIFF), every page of a PDF whose text layer gave no text
// (among the pages read, importers/doc_limits.h). Empty for other formats
// and for an encrypted PDF.
std::vector<int> pages_to_ocr(const Document& d);

// Reads page `page` (1-based) of a document's bytes (`format` "image" or
// "pdf") by OCR: the image, or the PDF page rendered at kOcrPdfDpi. Opens
// the OCR module, and the PDF module for a PDF, on first use. Fails with a
// Chinese reason when a module cannot be opened, the OCR data is missing,
// or the page cannot be decoded; a page without readable text succeeds
// with an empty text. The reading's `page` and `image_sha256` are left to
// the caller.
Result<OcrReading> read_page_by_ocr(std::string_view bytes, std::string_view format, int page);

// The parse process's answer to an OCR request (importers/ocr_batch.h):
// page `page` of a document of doc.format read by read_page_by_ocr into
// doc.text, with doc.ocr_pages that one page (its range the whole text).
Status read_page_into(std::string_view bytes, int page, Document& doc);

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

// A module of this build (libauditor_pdf.so, libauditor_ocr.so) beside the
// program, else installed for a program in P/bin/ (P/lib/auditor/), else
// `build_path`, the one in the build tree, as the data folders are found
// (app/data_dirs.h).
std::string module_path(const char* build_path);

// The PDF module's page renderer, opened with the module on first use;
// nullptr and the reason in `why` when the module cannot be opened.
RenderPdfPage* pdf_page_renderer(std::string& why);

}  // namespace auditor

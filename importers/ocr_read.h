// Reading one scanned page by OCR (docs/formats/ocr.md): what the parse
// process answers an OCR request with (importers/parse_server/). Kept apart
// from the rest of importers/ocr.h, which decides which pages to read and
// merges the readings in the program, so that the parse process links only
// the readers: its code counts against its address-space limit
// (--max-doc-mb, importers/sandbox.h) with every document it parses.
#pragma once

#include <string>
#include <string_view>

#include "auditor/model.h"
#include "importers/pdf_module.h"
#include "util/status.h"

namespace auditor {

// PDF pages without text are rendered at this resolution for OCR. Measured
// on the scan corpus (docs/ocr-accuracy.md): at 150 dpi some small digits
// (dates in a signature block) are misread; 300 dpi reads no better than
// 200 and takes a third longer a page.
inline constexpr int kOcrPdfDpi = 200;

// Reads page `page` (1-based) of a document's bytes (`format` "image" or
// "pdf") by OCR: the image, or the PDF page rendered at kOcrPdfDpi. Opens
// the OCR module, and the PDF module for a PDF, on first use. Fails with a
// Chinese reason when a module cannot be opened, the OCR data is missing,
// or the page cannot be decoded; a page without readable text succeeds
// with an empty text. The reading's `page` is set; its `image_sha256` is
// left to the caller.
Result<OcrReading> read_page_by_ocr(std::string_view bytes, std::string_view format, int page);

// The parse process's answer to an OCR request (importers/ocr_batch.h):
// page `page` of a document of doc.format read by read_page_by_ocr into
// doc.text, with doc.ocr_pages that one page (its range the whole text).
Status read_page_into(std::string_view bytes, int page, Document& doc);

// A module of this build (libauditor_pdf.so, libauditor_ocr.so) beside the
// program, else installed for a program in P/bin/ (P/lib/auditor/), else
// `build_path`, the one in the build tree, as the data folders are found
// (app/data_dirs.h). (importers/pdf.cc)
std::string module_path(const char* build_path);

// The PDF module's page renderer, opened with the module on first use;
// nullptr and the reason in `why` when the module cannot be opened.
// (importers/pdf.cc)
RenderPdfPage* pdf_page_renderer(std::string& why);

}  // namespace auditor

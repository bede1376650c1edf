// The PDF reader is a module of its own, libauditor_pdf.so, opened with
// dlopen when the first PDF is parsed: poppler and the 22 libraries it pulls
// in (NSS, TIFF, fonts...) then cost nothing to a run that reads no PDF. Their
// loading and relocation had been half of every start-up (about 9 of 18 ms),
// paid again by each unchanged re-audit, report and extract.
// The module and the program come from one build, so C++ types cross the edge.
#pragma once

#include <string_view>
#include <vector>

#include "auditor/model.h"
#include "util/status.h"

namespace auditor {

// Fills doc's text, has_text, pages and metadata (not its title) from a PDF's
// bytes; never throws. A damaged file sets `status` to a Chinese reason; so
// does text left out at a limit of importers/doc_limits.h (pages, text,
// words), and the text read before it is kept.
using ReadPdf = void(std::string_view bytes, Document& doc, Status& status);

// The name under which the module exports its ReadPdf.
inline constexpr char kReadPdfSymbol[] = "auditor_read_pdf";

// A page rendered for OCR (importers/ocr.h): 8-bit grey, `stride` bytes a row.
struct RenderedPage {
  std::vector<unsigned char> gray;
  int width = 0, height = 0, stride = 0;
  int dpi = 0;  // as rendered: `dpi` asked, lowered for a page too large
};

// Renders page `index` (from 0) of a PDF's bytes at `dpi` into `out`; never
// throws. A page whose image would exceed 80 million pixels is rendered at
// a lower resolution. A damaged file or a missing page sets `status` to a
// Chinese reason.
using RenderPdfPage = void(std::string_view bytes, int index, int dpi, RenderedPage& out,
                           Status& status);

// The name under which the module exports its RenderPdfPage.
inline constexpr char kRenderPdfPageSymbol[] = "auditor_render_pdf_page";

}  // namespace auditor

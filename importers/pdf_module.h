// The PDF reader is a module of its own, libauditor_pdf.so, opened with
// dlopen when the first PDF is parsed: poppler and the 22 libraries it pulls
// in (NSS, TIFF, fonts...) then cost nothing to a run that reads no PDF. Their
// loading and relocation had been half of every start-up (about 9 of 18 ms),
// paid again by each unchanged re-audit, report and extract.
// The module and the program come from one build, so C++ types cross the edge.
#pragma once

#include <string_view>

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

}  // namespace auditor

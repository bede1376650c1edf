// The OCR reader is a module of its own, libauditor_ocr.so (Tesseract 5 with
// Leptonica, and the OpenMP runtime they pull in), opened with dlopen when
// the first scanned page is read (importers/ocr.h), as the PDF reader is
// (importers/pdf_module.h): a run that reads no scan never loads them.
// The module and the program come from one build, so C++ types cross the edge.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auditor/model.h"
#include "util/status.h"

namespace auditor {

// One page image: the encoded bytes of a JPEG, PNG or TIFF file (`index`:
// the page of a multi-page TIFF, from 0), or 8-bit grey pixels (a rendered
// PDF page) when `encoded` is empty.
struct OcrImage {
  std::string_view encoded;
  int index = 0;
  const unsigned char* gray = nullptr;
  int width = 0, height = 0, stride = 0;
  int dpi = 0;  // resolution of `gray`; for files, 0: the file's own, else assumed
};

// Reads `image` into `out`; never throws. A failure (Tesseract or its
// Chinese data not installed, an image that cannot be decoded or is too
// large) sets `status` to a Chinese reason. An image without readable text
// (a photo, a blank page) succeeds with an empty text.
using ReadOcr = void(const OcrImage& image, OcrReading& out, Status& status);

// The name under which the module exports its ReadOcr.
inline constexpr char kReadOcrSymbol[] = "auditor_read_ocr";

}  // namespace auditor

// Internal to the OCR module: a page image made ready for Tesseract —
// decoded, grey, at a resolution Tesseract reads well, and straightened.
#pragma once

#include <leptonica/allheaders.h>

#include <memory>
#include <vector>

#include "importers/ocr_module.h"
#include "util/status.h"

namespace auditor::ocr {

struct PixDeleter {
  void operator()(Pix* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

// A vertical ruling line of a table, in the page image's pixels: text on
// both sides of it is in two cells (compose_page()).
struct Ruling {
  int left = 0, top = 0, right = 0, bottom = 0;
};

// The vertical rulings of `pix` (8-bit grey at `dpi`): dark runs at least a
// quarter of an inch tall and at most a twentieth wide. About 20 ms a page.
std::vector<Ruling> find_rulings(Pix* pix, int dpi);

struct PageImage {
  PixPtr pix;       // 8-bit grey
  int dpi = 0;      // its resolution
  double skew = 0;  // degrees it was turned back to level (0: level already)
};

// The most pixels a page image may have to be decoded: an A3 page at 600
// dpi is 70 million; an A4 scan at 300 dpi 8.7 million. A JPEG above it is
// decoded at a half, quarter or eighth of its size; another image is refused.
inline constexpr long long kMaxPixels = 80'000'000;

// Decodes `image` (or takes its grey pixels), converts it to 8-bit grey,
// scales it so that it reads at 200-300 dpi and removes a tilt of up to 7
// degrees. Fails with a Chinese reason when the image cannot be decoded or
// is too large.
Result<PageImage> prepare_page(const OcrImage& image);

}  // namespace auditor::ocr

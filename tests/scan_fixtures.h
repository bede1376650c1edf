// Scans made in the test from the born-digital fixtures (testdata/fixtures/
// *.pdf): pages rendered grey through the PDF module, turned or tilted, and
// written as PNG, multi-page TIFF or image-only PDF by the small writers
// here (no image tool needed, nothing checked in).
#pragma once

#include <string>
#include <vector>

namespace auditor::test {

// 8-bit grey pixels, row after row, `width` bytes a row.
struct Gray {
  int width = 0, height = 0, dpi = 0;
  std::vector<unsigned char> pixels;
};

// Page `index` (from 0) of `pdf` rendered at `dpi`; fails the test when it
// cannot be rendered.
Gray render_page(const std::string& pdf, int index, int dpi);

// `g` turned clockwise by `quarters` × 90 degrees.
Gray turned(const Gray& g, int quarters);
// `g` turned by a small angle (degrees; bilinear, as a scanner's glass
// blurs), the corners filled white.
Gray tilted(const Gray& g, double degrees);

// A grey PNG (zlib through libdeflate) declaring g.dpi.
std::string png_of(const Gray& g);
// An uncompressed grey TIFF, one image directory (page) per image.
std::string tiff_of(const std::vector<Gray>& pages);
// A PDF without text: each image one page (a FlateDecode DeviceGray image),
// sized by its dpi.
std::string image_pdf_of(const std::vector<Gray>& pages);

}  // namespace auditor::test

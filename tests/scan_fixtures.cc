#include "tests/scan_fixtures.h"

#include <libdeflate.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>

#include "bench/hostile_pdf.h"
#include "importers/ocr_read.h"

namespace auditor::test {
namespace {

void be32(std::string& out, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((v >> s) & 0xFF);
}
void le16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
void le32(std::string& out, std::uint32_t v) {
  le16(out, v & 0xFFFF);
  le16(out, v >> 16);
}

std::string zlib(const std::string& data) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(6);
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  out.resize(libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size()));
  libdeflate_free_compressor(c);
  return out;
}

void png_chunk(std::string& out, const char* type, const std::string& data) {
  be32(out, static_cast<std::uint32_t>(data.size()));
  const std::string typed = std::string(type, 4) + data;
  out += typed;
  be32(out, libdeflate_crc32(0, typed.data(), typed.size()));
}

}  // namespace

Gray render_page(const std::string& pdf, int index, int dpi) {
  std::string why;
  RenderPdfPage* render = pdf_page_renderer(why);
  REQUIRE(render != nullptr);
  RenderedPage page;
  Status status;
  render(pdf, index, dpi, page, status);
  REQUIRE(status.ok());
  Gray g{page.width, page.height, page.dpi, {}};
  g.pixels.resize(static_cast<std::size_t>(g.width) * g.height);
  for (int y = 0; y < g.height; ++y)
    std::copy_n(page.gray.begin() + static_cast<std::ptrdiff_t>(y) * page.stride, g.width,
                g.pixels.begin() + static_cast<std::ptrdiff_t>(y) * g.width);
  return g;
}

Gray turned(const Gray& g, int quarters) {
  Gray out = g;
  for (int q = 0; q < ((quarters % 4) + 4) % 4; ++q) {
    Gray r{out.height, out.width, out.dpi, std::vector<unsigned char>(out.pixels.size())};
    for (int y = 0; y < out.height; ++y)
      for (int x = 0; x < out.width; ++x)  // (x, y) goes to (height-1-y, x)
        r.pixels[static_cast<std::size_t>(x) * r.width + (out.height - 1 - y)] =
            out.pixels[static_cast<std::size_t>(y) * out.width + x];
    out = std::move(r);
  }
  return out;
}

Gray tilted(const Gray& g, double degrees) {
  const double a = degrees * M_PI / 180, c = std::cos(a), s = std::sin(a);
  const double cx = g.width / 2.0, cy = g.height / 2.0;
  Gray out{g.width, g.height, g.dpi, std::vector<unsigned char>(g.pixels.size(), 255)};
  auto at = [&](long x, long y) -> double {
    return x >= 0 && y >= 0 && x < g.width && y < g.height
               ? g.pixels[static_cast<std::size_t>(y) * g.width + x]
               : 255.0;
  };
  for (int y = 0; y < g.height; ++y)
    for (int x = 0; x < g.width; ++x) {  // the source point of each target pixel, bilinear
      const double dx = x - cx, dy = y - cy;
      const double sx = cx + c * dx + s * dy, sy = cy - s * dx + c * dy;
      const long x0 = static_cast<long>(std::floor(sx)), y0 = static_cast<long>(std::floor(sy));
      const double fx = sx - x0, fy = sy - y0;
      const double v = (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) +
                       (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
      out.pixels[static_cast<std::size_t>(y) * g.width + x] =
          static_cast<unsigned char>(std::lround(v));
    }
  return out;
}

std::string png_of(const Gray& g) {
  std::string out = "\x89PNG\r\n\x1A\n", header, raw, phys;
  be32(header, g.width);
  be32(header, g.height);
  header += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit grey, no interlace
  const auto per_metre = static_cast<std::uint32_t>(std::lround(g.dpi / 0.0254));
  be32(phys, per_metre);
  be32(phys, per_metre);
  phys += '\x01';
  for (int y = 0; y < g.height; ++y) {
    raw += '\0';  // filter: none
    raw.append(reinterpret_cast<const char*>(&g.pixels[static_cast<std::size_t>(y) * g.width]),
               g.width);
  }
  png_chunk(out, "IHDR", header);
  png_chunk(out, "pHYs", phys);
  png_chunk(out, "IDAT", zlib(raw));
  png_chunk(out, "IEND", "");
  return out;
}

std::string tiff_of(const std::vector<Gray>& pages) {
  std::string out = "II*";
  out += '\0';
  le32(out, 8);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const Gray& g = pages[p];
    constexpr std::uint32_t kEntries = 10;
    const auto ifd = static_cast<std::uint32_t>(out.size());
    const std::uint32_t rational = ifd + 2 + 12 * kEntries + 4;  // X and Y resolution
    const std::uint32_t data = rational + 16;
    const auto size = static_cast<std::uint32_t>(g.pixels.size());
    const std::uint32_t next = p + 1 < pages.size() ? data + size : 0;
    le16(out, kEntries);
    auto entry = [&](std::uint32_t tag, std::uint32_t type, std::uint32_t value) {
      le16(out, tag);
      le16(out, type);
      le32(out, 1);
      le32(out, value);
    };
    entry(256, 4, g.width);       // ImageWidth
    entry(257, 4, g.height);      // ImageLength
    entry(258, 3, 8);             // BitsPerSample
    entry(259, 3, 1);             // Compression: none
    entry(262, 3, 1);             // Photometric: black is zero
    entry(273, 4, data);          // StripOffsets
    entry(278, 4, g.height);      // RowsPerStrip
    entry(279, 4, size);          // StripByteCounts
    entry(282, 5, rational);      // XResolution
    entry(283, 5, rational + 8);  // YResolution
    le32(out, next);
    for (int k = 0; k < 2; ++k) {
      le32(out, g.dpi);
      le32(out, 1);
    }
    out.append(reinterpret_cast<const char*>(g.pixels.data()), g.pixels.size());
  }
  return out;
}

std::string image_pdf_of(const std::vector<Gray>& pages) {
  std::vector<std::string> objects;  // from object 3 on
  std::string kids;
  for (const Gray& g : pages) {
    const int image = static_cast<int>(objects.size()) + 3;
    const std::string data =
        zlib(std::string(reinterpret_cast<const char*>(g.pixels.data()), g.pixels.size()));
    objects.push_back("<< /Type /XObject /Subtype /Image /Width " + std::to_string(g.width) +
                      " /Height " + std::to_string(g.height) +
                      " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"
                      " /Length " +
                      std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream");
    const double w = g.width * 72.0 / g.dpi, h = g.height * 72.0 / g.dpi;
    const std::string content =
        "q " + std::to_string(w) + " 0 0 " + std::to_string(h) + " 0 0 cm /Im0 Do Q";
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "\nendstream");
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(w) + " " +
                      std::to_string(h) + "] /Resources << /XObject << /Im0 " +
                      std::to_string(image) + " 0 R >> >> /Contents " + std::to_string(image + 1) +
                      " 0 R >>");
    kids += std::to_string(image + 2) + " 0 R ";
  }
  std::vector<std::string> all = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>"};
  all.insert(all.end(), objects.begin(), objects.end());
  return bench::pdf_of(all);
}

}  // namespace auditor::test

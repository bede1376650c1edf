// Pixel size of scanned pages from the JPEG, PNG and TIFF headers alone; no
// pixel data is decoded. See docs/formats/pdf.md ("Images").
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "importers/formats.h"

namespace auditor {
namespace {

struct Size {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  int pages = 1;
};

std::uint32_t be(std::string_view b, std::size_t at, int n) {
  std::uint32_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

std::uint32_t le(std::string_view b, std::size_t at, int n) {
  std::uint32_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

Result<Size> png_size(std::string_view b) {
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return Error{"PNG 图像头损坏：缺少 IHDR"};
  return Size{be(b, 16, 4), be(b, 20, 4)};
}

bool is_sof(unsigned char m) {  // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC)
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

// Walks the marker segments up to the first frame header.
Result<Size> jpeg_size(std::string_view b) {
  std::size_t at = 2;
  while (at + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) break;
    const auto marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
      at += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) break;  // EOI / SOS before any frame
    const std::uint32_t len = be(b, at + 2, 2);
    if (len < 2) break;
    if (is_sof(marker)) {
      if (len < 7 || at + 9 > b.size()) break;
      return Size{be(b, at + 7, 2), be(b, at + 5, 2)};
    }
    at += 2 + len;
  }
  return Error{"JPEG 图像头损坏：找不到图像尺寸"};
}

// The most image directories (pages) a TIFF may chain. A scanned whole-case
// file runs to a few hundred pages; a chain of millions of empty IFDs (6
// bytes each) is only there to make the reader count and remember them.
constexpr std::uint32_t kMaxTiffPages = 10000;

// Reads ImageWidth (256) and ImageLength (257) of the first IFD and counts
// the IFDs (one per page of a multi-page scan), at most kMaxTiffPages. `b`
// starts "II*\0" or "MM\0*".
Result<Size> tiff_size(std::string_view b) {
  if (b.size() < 8) return Error{"TIFF 图像头损坏：文件过短"};
  const bool little = b[0] == 'I';
  auto u = [&](std::size_t at, int n) { return little ? le(b, at, n) : be(b, at, n); };
  Size size{0, 0, 0};
  std::set<std::uint32_t> seen;
  for (std::uint32_t ifd = u(4, 4); ifd != 0; ++size.pages) {
    if (size.pages == kMaxTiffPages)
      return Error{"TIFF 图像目录超过 " + std::to_string(kMaxTiffPages) + " 个，按损坏文件处理"};
    if (!seen.insert(ifd).second) return Error{"TIFF 图像头损坏：IFD 链出现循环"};
    if (ifd + 2ull > b.size()) return Error{"TIFF 图像头损坏：IFD 偏移超出文件"};
    const std::uint32_t count = u(ifd, 2);
    const std::uint64_t end = ifd + 2ull + 12ull * count;
    if (end + 4 > b.size()) return Error{"TIFF 图像头损坏：IFD 超出文件"};
    for (std::uint32_t i = 0; i < count && size.pages == 0; ++i) {
      const std::size_t e = ifd + 2 + 12 * i;
      const std::uint32_t tag = u(e, 2), type = u(e + 2, 2);
      if (tag != 256 && tag != 257) continue;
      if (type != 3 && type != 4) return Error{"TIFF 图像头损坏：尺寸字段类型错误"};
      (tag == 256 ? size.width : size.height) = u(e + 8, type == 3 ? 2 : 4);
    }
    ifd = u(end, 4);
  }
  if (size.pages == 0) return Error{"TIFF 图像头损坏：没有图像目录（IFD）"};
  return size;
}

}  // namespace

Status parse_image(std::string_view bytes, Document& doc) {
  Result<Size> size = Error{"无法识别的图像格式（仅支持 JPEG、PNG、TIFF）"};
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) {
    size = png_size(bytes);
  } else if (bytes.starts_with("\xFF\xD8\xFF")) {
    size = jpeg_size(bytes);
  } else if (bytes.starts_with(std::string_view("II*\0", 4)) ||
             bytes.starts_with(std::string_view("MM\0*", 4))) {
    size = tiff_size(bytes);
  }
  if (!size) return Status::failure(size.error());
  if (size->width == 0 || size->height == 0) return Status::failure("图像头损坏：宽度或高度为 0");
  doc.metadata["width"] = std::to_string(size->width);
  doc.metadata["height"] = std::to_string(size->height);
  doc.pages = size->pages;
  doc.has_text = false;
  return Status::success();
}

}  // namespace auditor

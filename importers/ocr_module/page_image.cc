#include "importers/ocr_module/page_image.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <string>

namespace auditor::ocr {
namespace {

// Scans are read at [kLowDpi, kHighDpi]: finer images are scaled down (no
// gain in accuracy, twice the time at 600 dpi), coarser ones up (Tesseract
// wants characters at least ~20 pixels high). docs/ocr-accuracy.md.
constexpr int kLowDpi = 140;
constexpr int kHighDpi = 300;

// A resolution written in the file is believed when it puts the page's
// longer side between 3.5 and 17 inches (a receipt slip to A3); a photo's 72
// dpi is not. Otherwise the page is taken as an A4 sheet (11.69 inches).
constexpr double kMinInches = 3.5, kMaxInches = 17, kA4LongInches = 11.69;

// A page skewed less than this is read as it lies: Tesseract follows lines
// that slope a little, and a grey page turned level by interpolation read
// worse with the global threshold (the test receipt at 150 dpi turned 1.5
// degrees lost its title). On the scan corpus (skews within 2.5 degrees)
// pages read as they lie classified 221 of 227 documents right, turned from
// 2 degrees 220, always turned 220; on rendered receipts and approval forms
// turned 3 and 5 degrees, turning read more dates (docs/ocr-accuracy.md).
constexpr double kDeskewFrom = 3.0;
// The least confidence (ratio of best to worst score) of a skew search that
// pixDeskew acts on.
constexpr double kSureSkew = 3.0;

int guessed_dpi(int declared, int width, int height) {
  const int longer = std::max(width, height);
  if (declared > 0) {
    const double inches = static_cast<double>(longer) / declared;
    if (inches >= kMinInches && inches <= kMaxInches) return declared;
  }
  return std::clamp(static_cast<int>(std::lround(longer / kA4LongInches)), 50, 1200);
}

// Reads an encoded image; a JPEG too large to decode whole is decoded
// reduced (its dpi divided alike).
Result<PixPtr> decode(const OcrImage& image, int& reduction) {
  const auto* data = reinterpret_cast<const l_uint8*>(image.encoded.data());
  const std::size_t size = image.encoded.size();
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem(data, size, &format, &w, &h, &bps, &spp, &cmap) != 0 || w <= 0 || h <= 0)
    return Error{"图像无法解码（文件损坏或格式不支持），未识别文字"};
  const long long pixels = static_cast<long long>(w) * h;
  const bool tiff = image.encoded.starts_with("II") || image.encoded.starts_with("MM");
  reduction = 1;
  if (pixels > kMaxPixels) {
    if (format != IFF_JFIF_JPEG)
      return Error{"图像过大（" + std::to_string(w) + "×" + std::to_string(h) +
                   " 像素，上限 8000 万像素），未识别文字"};
    while (reduction < 8 && pixels / (reduction * reduction) > kMaxPixels) reduction *= 2;
  }
  Pix* pix = tiff            ? pixReadMemTiff(data, size, image.index)
             : reduction > 1 ? pixReadMemJpeg(data, size, 0, reduction, nullptr, 0)
                             : pixReadMem(data, size);
  if (pix == nullptr) return Error{"图像无法解码（文件损坏或格式不支持），未识别文字"};
  PixPtr out(pix);
  if (static_cast<long long>(pixGetWidth(pix)) * pixGetHeight(pix) > kMaxPixels)
    return Error{"图像页过大（超过 8000 万像素），未识别文字"};
  return out;
}

// 8-bit grey pixels copied into a Pix.
PixPtr from_gray(const OcrImage& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (!pix) return pix;
  l_uint32* data = pixGetData(pix.get());
  const int wpl = pixGetWpl(pix.get());
  for (int y = 0; y < image.height; ++y) {
    const unsigned char* row = image.gray + static_cast<std::size_t>(y) * image.stride;
    l_uint32* line = data + static_cast<std::size_t>(y) * wpl;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return pix;
}

}  // namespace

std::vector<Ruling> find_rulings(Pix* pix, int dpi) {
  std::vector<Ruling> out;
  PixPtr dark(pixConvertTo1(pix, 150));
  if (!dark) return out;
  const int tall = std::max(8, dpi / 4), thin = std::max(2, dpi / 20);
  PixPtr lines(pixOpenBrick(nullptr, dark.get(), 1, tall));
  if (!lines) return out;
  Boxa* boxes = pixConnCompBB(lines.get(), 8);
  if (boxes == nullptr) return out;
  for (int i = 0; i < boxaGetCount(boxes); ++i) {
    l_int32 x = 0, y = 0, w = 0, h = 0;
    if (boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h) == 0 && w <= thin && h >= tall)
      out.push_back({x, y, x + w, y + h});
  }
  boxaDestroy(&boxes);
  return out;
}

Result<PageImage> prepare_page(const OcrImage& image) {
  PageImage page;
  PixPtr pix;
  int declared = image.dpi;
  if (image.encoded.empty()) {
    if (image.gray == nullptr || image.width <= 0 || image.height <= 0 ||
        static_cast<long long>(image.width) * image.height > kMaxPixels)
      return Error{"页面图像无效，未识别文字", Code::internal};
    pix = from_gray(image);
  } else {
    int reduction = 1;
    Result<PixPtr> decoded = decode(image, reduction);
    if (!decoded) return decoded.failure();
    pix = std::move(*decoded);
    declared = pixGetXRes(pix.get()) / reduction;
  }
  if (!pix) return Error{"图像无法解码，未识别文字"};
  PixPtr gray(pixConvertTo8(pix.get(), 0));
  if (!gray) return Error{"图像无法转换为灰度，未识别文字"};
  pix.reset();
  int dpi = guessed_dpi(declared, pixGetWidth(gray.get()), pixGetHeight(gray.get()));
  if (dpi > kHighDpi || dpi < kLowDpi) {
    const int target = dpi > kHighDpi ? kHighDpi : std::min(kLowDpi * 10 / 7, dpi * 5 / 2);
    const float scale = static_cast<float>(target) / static_cast<float>(dpi);
    PixPtr scaled(scale < 1 ? pixScaleSmooth(gray.get(), scale, scale)
                            : pixScaleGrayLI(gray.get(), scale, scale));
    if (scaled) {
      gray = std::move(scaled);
      dpi = target;
    }
  }
  // Leptonica's skew search (7 degrees either way on a reduced binary copy,
  // thresholded at 130 as pixDeskew does); the page is turned only when the
  // search is sure (kSureSkew, pixDeskew's own bar) and the skew is
  // kDeskewFrom or more, so most pages skip the turning of the grey image.
  l_float32 angle = 0, confidence = 0;
  PixPtr binary(pixConvertTo1(gray.get(), 130));
  if (binary && pixFindSkew(binary.get(), &angle, &confidence) == 0 && confidence >= kSureSkew &&
      std::fabs(angle) >= kDeskewFrom) {
    PixPtr level(pixRotate(gray.get(), angle * std::numbers::pi_v<float> / 180, L_ROTATE_AREA_MAP,
                           L_BRING_IN_WHITE, 0, 0));
    if (level) {
      page.skew = angle;
      gray = std::move(level);
    }
  }
  pixSetResolution(gray.get(), dpi, dpi);
  page.pix = std::move(gray);
  page.dpi = dpi;
  return page;
}

}  // namespace auditor::ocr

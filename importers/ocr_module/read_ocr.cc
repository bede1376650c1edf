// OCR of one page image through Tesseract 5 (chi_sim, LSTM) and Leptonica,
// built as the module libauditor_ocr.so (importers/ocr_module.h). Decoding,
// scaling, deskewing and orientation: page_image.cc; text layout of the
// recognised lines: page_text.cc. See docs/formats/ocr.md.
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <memory>
#include <string>
#include <type_traits>

#include "importers/ocr_module.h"
#include "importers/ocr_module/page_image.h"
#include "importers/ocr_module/page_text.h"

namespace auditor::ocr {
namespace {

// A page read upright this sure (the mean word confidence) is taken as it
// is; below it, the page is asked for its orientation and read again turned
// when it lies another way. Measured on rendered case documents: upright
// pages read at 85-92, the same pages upside down or on their side at 15-40
// (docs/ocr-accuracy.md).
constexpr int kUprightConfidence = 65;

// Tesseract's orientation detection (osd.traineddata) is believed from this
// confidence on: on the corpus's turned pages it reported 8-18, on upright
// pages 0 with 3-13.
constexpr float kOrientationConfidence = 2.0f;

// One engine per thread (the parse process has one; a program parsing in
// its own threads, as tests and benchmarks do, one per worker), built on the
// first page and kept: loading chi_sim costs about 0.1 s.
struct Engines {
  std::unique_ptr<tesseract::TessBaseAPI> text;
  std::unique_ptr<tesseract::TessBaseAPI> osd;  // nullptr when osd.traineddata is missing
  std::string error;                            // Chinese, when `text` could not start
};

Engines& engines() {
  thread_local Engines e = [] {
    setMsgSeverity(L_SEVERITY_NONE);  // Leptonica's complaints become our statuses
    Engines out;
    auto text = std::make_unique<tesseract::TessBaseAPI>();
    // Tesseract's remarks ("Empty page!!") to nowhere; in the parse process,
    // which may not open a file for writing, they stay on its stderr.
    text->SetVariable("debug_file", "/dev/null");
    if (text->Init(nullptr, "chi_sim", tesseract::OEM_LSTM_ONLY) != 0) {
      out.error =
          "未找到 Tesseract 简体中文识别数据 chi_sim.traineddata（Debian 软件包 "
          "tesseract-ocr-chi-sim），扫描件未识别";
      return out;
    }
    // A case document is one column of text of varying sizes (a title, a
    // body, tables). Automatic layout (PSM_AUTO) dropped titles on the scan
    // corpus: a bold title line above a table went with the table Tesseract
    // found, a large one was taken for a picture. The table finder is off
    // too: compose_page() puts a table's cells back in rows. On 60 scanned
    // documents of the corpus this classified 59 right, PSM_AUTO 56-57.
    text->SetPageSegMode(tesseract::PSM_SINGLE_COLUMN);
    text->SetVariable("textord_tabfind_find_tables", "0");
    // Tesseract's global Otsu threshold, its default, not Leptonica's
    // adaptive one (thresholding_method 1): on the 227 scanned documents of
    // the scan corpus the adaptive one classified 45 % right, the global one
    // 97 %, in 0.4 times the time (docs/ocr-accuracy.md). Reading a page
    // again with the other threshold when the first was unsure won nothing
    // there: the adaptive threshold's misreadings are as sure.
    text->SetVariable("thresholding_method", "0");
    out.text = std::move(text);
    auto osd = std::make_unique<tesseract::TessBaseAPI>();
    if (osd->Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) == 0) {
      osd->SetPageSegMode(tesseract::PSM_OSD_ONLY);
      out.osd = std::move(osd);
    }
    return out;
  }();
  return e;
}

// Recognises `pix` (8-bit grey at `dpi`) into a reading.
OcrReading recognise(tesseract::TessBaseAPI& api, Pix* pix, int dpi) {
  api.SetImage(pix);
  api.SetSourceResolution(dpi);
  OcrReading out;
  if (api.Recognize(nullptr) == 0) {
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (it) out = compose_page(*it, find_rulings(pix, dpi));
  }
  api.Clear();
  return out;
}

// The clockwise turn (0 90 180 270) that sets the page upright, when the
// orientation engine is sure of one; 0 otherwise.
int upright_turn(tesseract::TessBaseAPI* osd, Pix* pix, int dpi) {
  if (osd == nullptr) return 0;
  osd->SetImage(pix);
  osd->SetSourceResolution(dpi);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool found =
      osd->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  osd->Clear();
  if (!found || confidence < kOrientationConfidence) return 0;
  return (360 - degrees % 360) % 360;
}

// A reading is better when it is surer, or as sure and longer.
bool better(const OcrReading& a, const OcrReading& b) {
  return a.page.confidence > b.page.confidence ||
         (a.page.confidence == b.page.confidence && a.text.size() > b.text.size());
}

Status read_ocr(const OcrImage& image, OcrReading& out) {
  Engines& e = engines();
  if (!e.text) return Status::failure(e.error);
  Result<PageImage> page = prepare_page(image);
  if (!page) return Status::failure(page.failure());
  out = recognise(*e.text, page->pix.get(), page->dpi);
  out.page.skew = page->skew;
  if (out.page.confidence < kUprightConfidence) {
    if (const int turn = upright_turn(e.osd.get(), page->pix.get(), page->dpi); turn != 0) {
      PixPtr turned(pixRotateOrth(page->pix.get(), turn / 90));
      if (turned) {
        OcrReading again = recognise(*e.text, turned.get(), page->dpi);
        again.page.skew = page->skew;
        again.page.rotation = turn;
        if (better(again, out)) out = std::move(again);
      }
    }
  }
  drop_unusable(out);
  return Status::success();
}

}  // namespace
}  // namespace auditor::ocr

extern "C" void auditor_read_ocr(const auditor::OcrImage& image, auditor::OcrReading& out,
                                 auditor::Status& status) {
  try {
    status = auditor::ocr::read_ocr(image, out);
  } catch (const std::exception&) {  // bad_alloc and the like from Tesseract
    out = auditor::OcrReading{};
    status = auditor::Status::failure("图像文字识别失败：图像损坏或过于复杂");
  }
}
static_assert(std::is_same_v<decltype(auditor_read_ocr), auditor::ReadOcr>);

#include "importers/ocr_read.h"

#include <dlfcn.h>

#include <cstdlib>

#include "importers/ocr_module.h"

namespace auditor {
namespace {

struct OcrModule {
  ReadOcr* read = nullptr;
  std::string error;  // why the module could not be opened
};

// Opened once per process and never closed.
const OcrModule& ocr_module() {
  static const OcrModule module = [] {
    // Tesseract's OpenMP runtime would start a thread per core for every
    // page; pages are read in parallel by the worker pool instead (one parse
    // process per worker), and more threads only fight over the cores.
    // libgomp reads the limit when it is loaded, which is below. (Set before
    // any thread of the parse process exists; a program parsing in its own
    // threads, as tests do, sets it before it reads a page.)
    setenv("OMP_THREAD_LIMIT", "1", 0);
    OcrModule m;
    const std::string path = module_path(AUDITOR_OCR_MODULE);
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle != nullptr) m.read = reinterpret_cast<ReadOcr*>(dlsym(handle, kReadOcrSymbol));
    if (m.read == nullptr) {
      const char* why = dlerror();
      m.error = "文字识别组件（Tesseract）无法加载（" + path + "）：" +
                (why != nullptr ? why : "未知原因") + "，扫描件未识别";
    }
    return m;
  }();
  return module;
}

}  // namespace

Result<OcrReading> read_page_by_ocr(std::string_view bytes, std::string_view format, int page) {
  const OcrModule& module = ocr_module();
  if (module.read == nullptr) return Error{module.error};
  OcrImage image;
  RenderedPage rendered;
  if (format == "pdf") {
    std::string why;
    RenderPdfPage* render = pdf_page_renderer(why);
    if (render == nullptr) return Error{why};
    Status status;
    render(bytes, page - 1, kOcrPdfDpi, rendered, status);
    if (!status.ok()) return Error{status.reason};
    image.gray = rendered.gray.data();
    image.width = rendered.width;
    image.height = rendered.height;
    image.stride = rendered.stride;
    image.dpi = rendered.dpi;
  } else if (format == "image") {
    image.encoded = bytes;
    image.index = page - 1;
  } else {
    return Error{"此格式的文件不做文字识别", Code::internal};
  }
  OcrReading out;
  Status status;
  module.read(image, out, status);
  if (!status.ok()) return Error{status.reason};
  out.page.page = page;
  return out;
}

Status read_page_into(std::string_view bytes, int page, Document& doc) {
  Result<OcrReading> r = read_page_by_ocr(bytes, doc.format, page);
  if (!r) return Status::failure(r.failure());
  doc.text = std::move(r->text);
  r->page.begin = 0;
  r->page.end = doc.text.size();
  doc.ocr_pages = {std::move(r->page)};
  doc.has_text = doc.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos;
  return Status::success();
}

}  // namespace auditor

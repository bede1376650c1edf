// A PDF page rendered to grey pixels for OCR (importers/pdf_module.h), in
// the PDF module beside the text reader: poppler's Splash backend.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <type_traits>

#include "importers/pdf_module.h"

namespace auditor {
namespace {

// The most pixels a rendered page may have (the OCR module's bound on any
// page image): a page larger than A3 is rendered at a lower resolution.
constexpr double kMaxPixels = 80'000'000;

Status render(std::string_view bytes, int index, int dpi, RenderedPage& out) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    return Status::failure("PDF 文件过大（超过 2 GB），无法读取");
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf || pdf->is_locked()) return Status::failure("PDF 无法打开：文件损坏或已加密");
  if (index < 0 || index >= pdf->pages())
    return Status::failure("PDF 没有第 " + std::to_string(index + 1) + " 页");
  std::unique_ptr<poppler::page> page(pdf->create_page(index));
  if (!page) return Status::failure("PDF 第 " + std::to_string(index + 1) + " 页无法读取");
  const poppler::rectf box = page->page_rect(poppler::media_box);
  const double inches2 = std::max(1.0, box.width() / 72.0) * std::max(1.0, box.height() / 72.0);
  const double limit = std::sqrt(kMaxPixels / inches2);
  const double res = std::max(10.0, std::min<double>(dpi, limit));
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image img = renderer.render_page(page.get(), res, res);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
    return Status::failure("PDF 第 " + std::to_string(index + 1) + " 页无法渲染");
  out.width = img.width();
  out.height = img.height();
  out.stride = img.bytes_per_row();
  out.dpi = static_cast<int>(std::lround(res));
  const char* data = img.const_data();
  out.gray.assign(data, data + static_cast<std::size_t>(out.stride) * out.height);
  return Status::success();
}

}  // namespace
}  // namespace auditor

extern "C" void auditor_render_pdf_page(std::string_view bytes, int index, int dpi,
                                        auditor::RenderedPage& out, auditor::Status& status) {
  try {
    status = auditor::render(bytes, index, dpi, out);
  } catch (const std::exception&) {  // bad_alloc and the like from poppler
    out = auditor::RenderedPage{};
    status = auditor::Status::failure("PDF 页面渲染失败：文件损坏或过于复杂");
  }
}
static_assert(std::is_same_v<decltype(auditor_render_pdf_page), auditor::RenderPdfPage>);

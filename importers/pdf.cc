// parse_pdf: opens the PDF module (importers/pdf_module.h) on the first call
// and hands it the bytes; the title is taken here, as for every format.
#include <dlfcn.h>

#include <filesystem>

#include "importers/formats.h"
#include "importers/ocr_read.h"
#include "importers/pdf_module.h"
#include "util/self_path.h"

namespace auditor {
namespace {

struct PdfModule {
  ReadPdf* read = nullptr;
  RenderPdfPage* render = nullptr;
  std::string error;  // why the module could not be opened
};

// Opened once per process and never closed.
const PdfModule& pdf_module() {
  static const PdfModule module = [] {
    PdfModule m;
    const std::string path = module_path(AUDITOR_PDF_MODULE);
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle != nullptr) {
      m.read = reinterpret_cast<ReadPdf*>(dlsym(handle, kReadPdfSymbol));
      m.render = reinterpret_cast<RenderPdfPage*>(dlsym(handle, kRenderPdfPageSymbol));
    }
    if (m.read == nullptr || m.render == nullptr) {
      const char* why = dlerror();
      m.read = nullptr;
      m.render = nullptr;
      m.error = "PDF 读取组件无法加载（" + path + "）：" + (why != nullptr ? why : "未知原因");
    }
    return m;
  }();
  return module;
}

}  // namespace

// The module beside the program (the parse process, installed in
// P/lib/auditor/ or in the build tree), else installed for a program in
// P/bin/ (P/lib/auditor/), else the one in the build tree.
std::string module_path(const char* build_path) {
  const std::filesystem::path exe = executable_dir();
  const std::filesystem::path name = std::filesystem::path(build_path).filename();
  for (const std::filesystem::path& dir : {exe, exe / ".." / "lib" / "auditor"}) {
    std::error_code ec;
    if (!exe.empty() && std::filesystem::is_regular_file(dir / name, ec))
      return (dir / name).string();
  }
  return build_path;
}

RenderPdfPage* pdf_page_renderer(std::string& why) {
  const PdfModule& module = pdf_module();
  if (module.render == nullptr) why = module.error;
  return module.render;
}

Status parse_pdf(std::string_view bytes, Document& doc) {
  const PdfModule& module = pdf_module();
  if (module.read == nullptr) return Status::failure(module.error);
  Status status;
  module.read(bytes, doc, status);
  // A PDF stopped at a limit keeps the text it read, and so its title.
  doc.title = title_lines(doc.text);
  return status;
}

}  // namespace auditor

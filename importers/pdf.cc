// parse_pdf: opens the PDF module (importers/pdf_module.h) on the first call
// and hands it the bytes; the title is taken here, as for every format.
#include <dlfcn.h>

#include "importers/formats.h"
#include "importers/pdf_module.h"

namespace auditor {
namespace {

struct PdfModule {
  ReadPdf* read = nullptr;
  std::string error;  // why the module could not be opened
};

// Opened once per process and never closed. AUDITOR_PDF_MODULE is the path
// the build gave the module (beside the program, as the checklists are
// found in the source tree the program was built from).
const PdfModule& pdf_module() {
  static const PdfModule module = [] {
    PdfModule m;
    void* handle = dlopen(AUDITOR_PDF_MODULE, RTLD_NOW | RTLD_LOCAL);
    if (handle != nullptr) m.read = reinterpret_cast<ReadPdf*>(dlsym(handle, kReadPdfSymbol));
    if (m.read == nullptr) {
      const char* why = dlerror();
      m.error = std::string("PDF 读取组件无法加载（") + AUDITOR_PDF_MODULE + "）：" +
                (why != nullptr ? why : "未知原因");
    }
    return m;
  }();
  return module;
}

}  // namespace

Status parse_pdf(std::string_view bytes, Document& doc) {
  const PdfModule& module = pdf_module();
  if (module.read == nullptr) return Status::failure(module.error);
  Status status;
  module.read(bytes, doc, status);
  if (status.ok()) doc.title = title_lines(doc.text);
  return status;
}

}  // namespace auditor

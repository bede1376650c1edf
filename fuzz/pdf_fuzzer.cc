// Fuzzes the PDF wrapper around poppler-cpp. Poppler itself is not
// instrumented (Debian's build), so coverage guides only our own code; the
// sanitizers still catch what poppler hands back badly.
#include "fuzz/fuzz_common.h"
#include "importers/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auditor::Document doc;
  auditor::Status s = auditor::parse_pdf(auditor::fuzz::as_view(data, size), doc);
  (void)s;
  return 0;
}

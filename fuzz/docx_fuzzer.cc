// Fuzzes the DOCX parser (zip package + WordprocessingML).
#include "fuzz/fuzz_common.h"
#include "importers/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auditor::Document doc;
  auditor::Status s =
      auditor::parse_docx(auditor::fuzz::as_view(data, size), auditor::fuzz::fuzz_limits(), doc);
  (void)s;
  return 0;
}

// Fuzzes the OFD parser (zip package, OFD.xml, pages, signatures, seals).
#include "fuzz/fuzz_common.h"
#include "importers/formats.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auditor::Document doc;
  auditor::Status s =
      auditor::parse_ofd(auditor::fuzz::as_view(data, size), auditor::fuzz::fuzz_limits(), doc);
  (void)s;
  return 0;
}

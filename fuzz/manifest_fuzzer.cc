// Fuzzes the manifest.xml parser: any bytes give a Manifest or a reason.
#include <cstdlib>

#include "fuzz/fuzz_common.h"
#include "importers/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto m = auditor::parse_manifest(auditor::fuzz::as_view(data, size));
  if (!m && m.error().empty()) std::abort();  // a failure always has a reason
  return 0;
}

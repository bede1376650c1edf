// Fuzzes the safe zip reader: open, then read every member. Checks the
// reader's contract: a member read never exceeds its declared size or the
// per-member limit, and an unsafe member is never read.
#include <cstdlib>

#include "fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace auditor;
  const ZipLimits limits = fuzz::fuzz_limits();
  auto reader = ZipReader::open(fuzz::as_view(data, size), limits);
  if (!reader) return 0;
  ZipReader& zip = **reader;
  for (std::size_t i = 0; i < zip.entries().size(); ++i) {
    const ZipEntry& e = zip.entries()[i];
    Result<std::string> bytes = zip.read(i);
    if (!bytes) continue;
    if (!e.unsafe_reason.empty() || e.is_dir) std::abort();
    if (bytes->size() != e.size || bytes->size() > limits.max_member_bytes) std::abort();
  }
  return 0;
}

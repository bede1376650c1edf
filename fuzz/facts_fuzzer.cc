// Fuzzes fact extraction: any text (from any document) gives facts whose
// values are valid UTF-8, without crashing or reading out of bounds.
#include <cstdlib>

#include "fuzz/fuzz_common.h"
#include "importers/facts.h"
#include "util/text_match.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = auditor::fuzz::as_view(data, size);
  if (!auditor::is_valid_utf8(text)) return 0;  // parsers hand over UTF-8 only
  for (const auditor::Fact& f : auditor::extract_facts(text))
    if (!auditor::is_valid_utf8(f.value) || !auditor::is_valid_utf8(f.snippet)) std::abort();
  return 0;
}

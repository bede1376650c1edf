// Shared by the libFuzzer targets: small limits so that each input runs in
// milliseconds, and the bytes as a string_view.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importers/zip_reader.h"

namespace auditor::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Tighter than the defaults: a fuzzer must not spend seconds inflating one
// legitimate-looking member, and the limits themselves are under test.
inline ZipLimits fuzz_limits() {
  ZipLimits l;
  l.max_entries = 2000;
  l.max_member_bytes = 8 << 20;
  l.max_total_bytes = 32 << 20;
  return l;
}

}  // namespace auditor::fuzz

// What the zip reader decides about each member from the central directory
// (name, encoding, safety) and the limits it enforces while a member streams.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "importers/zip_central.h"
#include "importers/zip_reader.h"

namespace auditor {

// One ZipEntry per record, in order. The name encoding is decided once for
// the whole archive (names.h); unsafe_reason is set (Chinese) for members
// that must not be read, including every file after the first with the same
// decoded name (duplicates are reported, never merged).
std::vector<ZipEntry> describe_entries(const std::vector<CentralRecord>& records,
                                       const ZipLimits& limits);

// The entry's name for messages: UTF-8 when decodable, else its hex bytes.
std::string display_name(const ZipEntry& e);

// Empty while `got` bytes of member `e` (and `total` bytes over the whole
// reader) are within the declared size and the limits; otherwise a Chinese
// reason naming the limit and the numbers. The ratio is checked only once
// more than `ratio_floor` bytes have arrived.
std::string streaming_limit_breach(const ZipEntry& e, std::uint64_t got,
                                   std::uint64_t total, const ZipLimits& limits,
                                   std::uint64_t ratio_floor);

}  // namespace auditor

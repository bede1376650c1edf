// What the zip reader decides about each member from the central directory
// (name, encoding, safety) and the limits it enforces on each member read.
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

// Empty while member `e` with at least `got` bytes (and at least `total`
// bytes over every member read with the same budget) is within its declared
// size and the limits; otherwise a Chinese reason naming the limit and the
// numbers. The ratio is checked only above `ratio_floor` bytes. A member read
// in one piece is checked on its declared size before it inflates; a
// streamed one on the bytes that have arrived.
std::string limit_breach(const ZipEntry& e, std::uint64_t got, std::uint64_t total,
                         const ZipLimits& limits, std::uint64_t ratio_floor);

}  // namespace auditor

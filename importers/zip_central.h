// The central directory of a zip, parsed from the raw bytes for what libzip
// does not expose: general purpose flags (UTF-8 bit, encryption), external
// attributes (symlinks), raw names including NUL bytes, and local header
// offsets and sizes (overlap detection). See docs/formats/zip-reading.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/status.h"

namespace auditor {

struct CentralRecord {
  std::string raw_name;       // exact bytes, may contain NUL
  std::string unicode_path;   // Info-ZIP 0x7075 name if its CRC matches
  std::uint16_t made_by = 0;  // high byte: host system (3 = Unix)
  std::uint16_t flags = 0;    // general purpose bit flags
  std::uint16_t method = 0;
  std::uint32_t crc32 = 0;
  std::uint64_t comp_size = 0;
  std::uint64_t size = 0;
  std::uint32_t external_attr = 0;
  std::uint64_t local_offset = 0;
  std::uint64_t local_header_size = 0;  // 30 + name + extra, as found there
  bool local_header_ok = false;         // signature present and header in bounds
};

constexpr std::uint16_t kFlagEncrypted = 1u << 0;
constexpr std::uint16_t kFlagUtf8 = 1u << 11;

// Finds the end-of-central-directory record (zip64 when a locator is
// present) and parses every central record. Fails with a Chinese reason when
// the bytes are not a zip, the directory is truncated or malformed, or the
// declared entry count exceeds `max_entries` (checked before any record is
// parsed). A bad local header fails only that record (local_header_ok).
Result<std::vector<CentralRecord>> read_central_directory(std::string_view zip,
                                                          std::uint64_t max_entries);

// A pair of record indexes whose [local header, end of data) ranges overlap,
// or nothing when no two do.
std::optional<std::pair<std::size_t, std::size_t>> find_overlap(
    const std::vector<CentralRecord>& records);

// CRC-32 as used by zip (polynomial 0xEDB88320), through libdeflate.
std::uint32_t zip_crc32(std::string_view bytes);

}  // namespace auditor

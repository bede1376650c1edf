// Safe reading of zip archives held in memory (case archives, and the DOCX
// and OFD packages inside them). Members are read by index into memory, never
// extracted to disk and never looked up by name. No member yields more bytes
// than it declares, so every limit holds for the bytes actually read.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace auditor {

struct ZipLimits {
  std::uint64_t max_entries = 20000;
  std::uint64_t max_member_bytes = 256ull << 20;  // uncompressed, per member
  std::uint64_t max_total_bytes = 1ull << 30;     // uncompressed, all members read
  // When set, the bytes inflated by every reader given these limits are
  // counted here against max_total_bytes, so an archive's nested zips and
  // DOCX/OFD packages share one budget (import sets it per archive). The
  // counter must outlive the readers; readers sharing it are used by one
  // thread.
  std::uint64_t* shared_total = nullptr;
  std::uint64_t max_ratio = 200;       // uncompressed / compressed
  std::size_t max_name_length = 1024;  // bytes
};

struct ZipEntry {
  std::uint64_t index = 0;
  std::string raw_name;         // bytes as stored in the archive
  std::string name;             // UTF-8 (see names.h); empty when undecodable
  bool name_ok = true;          // false: decodes in neither UTF-8 nor GB18030
  std::uint64_t size = 0;       // declared uncompressed size (not trusted)
  std::uint64_t comp_size = 0;  // declared compressed size (not trusted)
  bool is_dir = false;
  bool encrypted = false;
  bool symlink = false;
  std::string unsafe_reason;  // non-empty: member must not be read (Chinese)
};

// Reader over one archive. Not thread-safe: use one reader per thread.
// The bytes passed to open() must outlive the reader.
class ZipReader {
 public:
  // Fails (Chinese reason) when the bytes are not a readable zip, or when the
  // archive as a whole breaks a limit (entry count, overlapping entries).
  static Result<std::unique_ptr<ZipReader>> open(std::string_view bytes, const ZipLimits& limits);
  ~ZipReader();

  const std::vector<ZipEntry>& entries() const { return entries_; }
  // Reads member `i` whole. Fails with a Chinese reason when the member is
  // unsafe, encrypted, corrupt, or breaks a size, ratio or total limit while
  // streaming; never returns more bytes than the member declares.
  Result<std::string> read(std::size_t i);

 private:
  ZipReader() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<ZipEntry> entries_;
};

}  // namespace auditor

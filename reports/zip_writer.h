// Zip archives written through libzip, into memory or to a file. The output
// is deterministic: member times are fixed fields given by the caller (never
// the clock), so the same members always give the same bytes.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/status.h"

namespace auditor {

// A DOS date and time as stored in the archive (local time, 2-second steps,
// years 1980..2107). The default is the DOS epoch, as Word writes in DOCX.
struct ZipTime {
  ZipTime() = default;
  ZipTime(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
      : year(y), month(mo), day(d), hour(h), minute(mi), second(s) {}
  int year = 1980, month = 1, day = 1;
  int hour = 0, minute = 0, second = 0;
};

struct ZipMember {
  ZipMember(std::string n, std::string d = {}) : name(std::move(n)), data(std::move(d)) {}
  std::string name;  // '/'-separated path inside the archive
  std::string data;  // ignored for directories
  // When not empty, the member's bytes instead of `data`: these pieces one
  // after the other, not copied; they must stay valid until write_zip returns.
  std::vector<std::string_view> pieces;
  // true: `name` is UTF-8 and general purpose bit 11 is set for non-ASCII
  // names. false: `name` is stored byte for byte without the flag, as Chinese
  // Windows tools store GBK names; libzip refuses such a name when it is
  // valid non-ASCII UTF-8.
  bool utf8_name = true;
  bool deflate = true;     // false: stored
  int level = 0;           // deflate level, 1 (fastest) to 9 (smallest); 0: zlib's default
  bool directory = false;  // a directory entry; `name` ends in '/'
  ZipTime time;
};

// Fails with a Chinese reason when libzip refuses a member (duplicate or
// invalid name, bad time) or cannot write; members are written in order.
Result<std::string> write_zip(const std::vector<ZipMember>& members);

// Same, written to `path` whole and renamed into place (util/atomic_file.h):
// on failure `path` is left as it was.
Status write_zip_file(const std::filesystem::path& path, const std::vector<ZipMember>& members);

}  // namespace auditor

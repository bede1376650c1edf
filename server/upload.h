// Receiving the archives of one upload (multipart field `archive`) straight
// to disk: each file is written to a temporary file in `folder` while its
// SHA-256 is computed, then renamed to "<sha256>.zip" — never named by the
// client — so no upload is ever held in memory whole. The client's file
// name is kept only to be shown (escaped) beside the archive's result.
// Other fields are read and dropped.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "util/status.h"

namespace auditor::server {

struct UploadLimits {
  std::size_t max_files = 100;
  std::uint64_t max_file_bytes = 2ull << 30;  // the command line's archive limit
};

// One received archive: the stored file and the client's name for it —
// valid UTF-8, without any folder part, at most kMaxClientName bytes;
// "压缩包 N" when it gave none. Never used as a path.
struct ReceivedArchive {
  std::string path;
  std::string name;
};
constexpr std::size_t kMaxClientName = 255;

// The stored files, in upload order (the same bytes twice: the same path
// twice). Fails with the HTTP status to answer in `status` (400: no archive
// or a malformed body; 413: over a limit; 500: a file cannot be written)
// and a Chinese reason; temporary files are removed either way.
Result<std::vector<ReceivedArchive>> receive_archives(const httplib::ContentReader& reader,
                                                      const std::filesystem::path& folder,
                                                      const UploadLimits& limits, int& status);

}  // namespace auditor::server

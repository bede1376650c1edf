// Output files written all at once and never through a link: the one way
// the tool writes a file a user named (reports, --json). The bytes go to a
// new temporary file in the destination's folder (O_CREAT|O_EXCL|O_NOFOLLOW,
// a unique name ".<name>.<random>.tmp"), which is synced and renamed over
// the destination. So a reader sees the old file or the whole new one, and a
// symbolic link planted at the destination is replaced by the new file while
// the file it pointed to is left untouched. A destination that is a regular
// file keeps its permission bits. A failure removes the temporary file and
// leaves the destination as it was, with a Chinese reason (Code::io).
// Linux only (O_NOFOLLOW, /proc/self/fd).
#pragma once

#include <filesystem>
#include <string_view>

#include "util/status.h"

namespace auditor {

class AtomicFile {
 public:
  // Creates the temporary file beside `destination`; fails when the folder
  // does not exist or is not writable.
  static Result<AtomicFile> create(const std::filesystem::path& destination);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  // Removes the temporary file unless committed.
  ~AtomicFile();

  // Appends `bytes`.
  Status write(std::string_view bytes);
  // A name through which a library that only takes a file name (libxlsxwriter)
  // writes this very file: "/proc/self/fd/N", which names the open file
  // whatever happens to the temporary name meanwhile (the temporary name
  // itself when /proc is not mounted). The library must create-or-truncate
  // it, not unlink it.
  std::filesystem::path open_file_name() const;
  const std::filesystem::path& temporary() const { return temp_; }

  // Syncs the file, renames it over the destination and syncs the folder.
  // On failure the temporary file is removed. Call once.
  Status commit();

 private:
  AtomicFile(int fd, std::filesystem::path temp, std::filesystem::path destination)
      : fd_(fd), temp_(std::move(temp)), destination_(std::move(destination)) {}
  void discard();

  int fd_ = -1;
  std::filesystem::path temp_, destination_;
};

// `bytes` written to `destination` through an AtomicFile.
Status write_file_atomic(const std::filesystem::path& destination, std::string_view bytes);

}  // namespace auditor

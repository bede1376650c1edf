// One audit run per database at a time. A run holds an exclusive advisory
// lock (flock) on "<db>.lock" for its whole duration; a second run on the
// same database is refused at once with a Chinese reason instead of
// interleaving its writes with the first. The kernel drops the lock when the
// process dies (even by kill -9), so a crashed run never blocks the next one.
#pragma once

#include <filesystem>

#include "util/status.h"

namespace auditor {

class RunLock {
 public:
  // Takes the lock for `db` without waiting. Fails (Chinese reason naming
  // the database and, when known, the holder's process id) when another run
  // holds it, or when the lock file cannot be created.
  static Result<RunLock> acquire(const std::filesystem::path& db);

  RunLock(RunLock&& other) noexcept;
  RunLock& operator=(RunLock&& other) noexcept;
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  // Releases the lock. The lock file stays: removing it could let two runs
  // lock two different files of the same name.
  ~RunLock();

  // "<db>.lock"
  static std::filesystem::path lock_path(const std::filesystem::path& db);

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace auditor

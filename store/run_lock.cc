#include "store/run_lock.h"

#include "util/errno_text.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <utility>

namespace auditor {
namespace {

// The lock's own words for the errors of opening it, else errno_reason's.
std::string lock_reason(int err) {
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return "所在目录不存在";
    case ELOOP:
      return "锁文件是符号链接，拒绝使用";
    default:
      return errno_reason(err);
  }
}

// The process id the holder wrote into the lock file, empty when unreadable.
std::string holder_pid(int fd) {
  char buf[32];
  const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return {};
  std::string pid(buf, static_cast<std::size_t>(n));
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid.find_first_not_of("0123456789") == std::string::npos ? pid : std::string();
}

}  // namespace

std::filesystem::path RunLock::lock_path(const std::filesystem::path& db) {
  return std::filesystem::path(db.string() + ".lock");
}

Result<RunLock> RunLock::acquire(const std::filesystem::path& db) {
  const std::filesystem::path path = lock_path(db);
  // O_CLOEXEC: a child process (e.g. a converter) must not inherit the lock.
  // O_NOFOLLOW: a planted symlink must not make us truncate another file.
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    return Error{"无法创建数据库锁文件 " + path.string() + "（" + lock_reason(errno) + "）",
                 Code::io};
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    const std::string pid = holder_pid(fd);
    ::close(fd);
    if (err != EWOULDBLOCK) {
      return Error{"无法锁定数据库 " + db.string() + "（" + lock_reason(err) + "）", Code::io};
    }
    return Error{"数据库 " + db.string() + " 正被另一个审查进程使用" +
                     (pid.empty() ? std::string() : "（进程号 " + pid + "）") +
                     "，同一数据库不能同时运行两次审查；请等待其结束后再运行",
                 Code::busy};
  }
  // Best effort: the holder's pid, only for the message above.
  const std::string pid = std::to_string(::getpid()) + "\n";
  const bool noted = ::ftruncate(fd, 0) == 0 &&
                     ::pwrite(fd, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size());
  (void)noted;
  return RunLock(fd);
}

RunLock::RunLock(RunLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

RunLock& RunLock::operator=(RunLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

RunLock::~RunLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases flock
}

}  // namespace auditor

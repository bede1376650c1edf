#include "util/atomic_file.h"

#include "util/errno_text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <utility>

namespace auditor {
namespace {

Status failure(const std::string& what, const std::filesystem::path& file, int err) {
  return Status::failure(what + " " + file.string() + "：" + errno_reason(err), Code::io);
}

// ".<name>.<16 hex digits>.tmp", the name cut to keep it under NAME_MAX.
std::string temporary_name(const std::filesystem::path& destination) {
  static thread_local std::mt19937_64 random{std::random_device{}() ^
                                             static_cast<std::uint64_t>(::getpid())};
  std::string name = destination.filename().string().substr(0, 128);
  char suffix[24];
  std::snprintf(suffix, sizeof suffix, ".%016llx.tmp", static_cast<unsigned long long>(random()));
  return "." + name + suffix;
}

// Syncs the folder holding `file`, so that a rename survives a power cut;
// best effort (some file systems refuse to open or sync a folder).
void sync_folder(const std::filesystem::path& file) {
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

Result<AtomicFile> AtomicFile::create(const std::filesystem::path& destination) {
  if (destination.filename().empty())
    return Error{"无法写入 " + destination.string() + "：不是文件名", Code::invalid};
  const std::filesystem::path folder = destination.parent_path();
  for (int attempt = 0;; ++attempt) {
    std::filesystem::path temp = folder / temporary_name(destination);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd >= 0) return AtomicFile(fd, std::move(temp), destination);
    if (errno != EEXIST || attempt == 16) {
      const Status s = failure("无法写入文件", destination, errno);
      return Error{s.reason, s.code};
    }
  }
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      temp_(std::move(other.temp_)),
      destination_(std::move(other.destination_)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this != &other) {
    discard();
    fd_ = std::exchange(other.fd_, -1);
    temp_ = std::move(other.temp_);
    destination_ = std::move(other.destination_);
  }
  return *this;
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(temp_.c_str());
  fd_ = -1;
}

Status AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) return Status::failure("无法写入文件 " + destination_.string(), Code::internal);
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return failure("无法写入文件", destination_, n < 0 ? errno : ENOSPC);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::success();
}

std::filesystem::path AtomicFile::open_file_name() const {
  std::filesystem::path name = "/proc/self/fd/" + std::to_string(fd_);
  return ::access(name.c_str(), W_OK) == 0 ? name : temp_;
}

Status AtomicFile::commit() {
  if (fd_ < 0) return Status::failure("无法写入文件 " + destination_.string(), Code::internal);
  // A file being replaced keeps its permission bits (not a link's); set
  // only now, so that a read-only original does not stop a library that
  // opens the temporary file by name.
  struct stat old;
  if (::lstat(destination_.c_str(), &old) == 0 && S_ISREG(old.st_mode))
    ::fchmod(fd_, old.st_mode & 0777);
  Status result = Status::success();
  if (::fsync(fd_) != 0)
    result = failure("无法写入文件", destination_, errno);
  else if (::rename(temp_.c_str(), destination_.c_str()) != 0)
    result = failure("无法写入文件", destination_, errno);
  if (!result.ok()) {
    discard();
    return result;
  }
  ::close(fd_);
  fd_ = -1;
  sync_folder(destination_);
  return result;
}

Status write_file_atomic(const std::filesystem::path& destination, std::string_view bytes) {
  Result<AtomicFile> file = AtomicFile::create(destination);
  if (!file) return Status::failure(file.failure());
  if (Status s = file->write(bytes); !s.ok()) return s;
  return file->commit();
}

}  // namespace auditor

#include "util/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace auditor {
namespace {

constexpr std::size_t kTailBytes = 4096;
constexpr std::size_t kForwardBytes = 64 * 1024;

int ms_until(Deadline deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  return static_cast<int>(std::clamp<long long>(left.count(), 0, 1 << 30));
}

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

// Spawn attributes: every signal at its default action and none blocked,
// whatever the caller had (SIGPIPE ignored, a blocked SIGCHLD...), and a
// new session: no controlling terminal to read or push keystrokes into.
struct SpawnAttr {
  posix_spawnattr_t attr;
  SpawnAttr() {
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr,
                             POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSID);
  }
  ~SpawnAttr() { posix_spawnattr_destroy(&attr); }
};

}  // namespace

Result<std::unique_ptr<Subprocess>> Subprocess::start(const std::string& path,
                                                      const std::vector<std::string>& args,
                                                      int pass, bool forward_stderr) {
  int sv[2], err[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    return Error{std::string("无法创建进程通道：") + std::strerror(errno), Code::io};
  if (pipe2(err, O_CLOEXEC) != 0) {
    const int e = errno;
    close(sv[0]);
    close(sv[1]);
    return Error{std::string("无法创建进程通道：") + std::strerror(e), Code::io};
  }
  // The child's ends, moved above 3 first (a caller with stdin closed gets
  // 0 from socketpair), so that no dup2 below overwrites one still needed.
  int child[3] = {sv[1], err[1], pass};
  for (int& fd : child)
    if (fd >= 0 && fd <= 3) fd = fcntl(fd, F_DUPFD_CLOEXEC, 4);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, child[0], 0);
  posix_spawn_file_actions_adddup2(&actions, child[0], 1);
  posix_spawn_file_actions_adddup2(&actions, child[1], 2);
  if (pass >= 0) posix_spawn_file_actions_adddup2(&actions, child[2], 3);
  posix_spawn_file_actions_addclosefrom_np(&actions, pass >= 0 ? 4 : 3);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(path.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  SpawnAttr attr;
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, path.c_str(), &actions, &attr.attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  for (int i = 0; i < 3; ++i)
    if (child[i] != (i == 0 ? sv[1] : i == 1 ? err[1] : pass)) close(child[i]);
  close(sv[1]);
  close(err[1]);
  if (rc != 0) {
    close(sv[0]);
    close(err[0]);
    return Error{"无法启动 " + path + "：" + std::strerror(rc), Code::io};
  }
  std::unique_ptr<Subprocess> p(new Subprocess());
  p->pid_ = pid;
  p->channel_ = sv[0];
  p->err_ = err[0];
  p->forward_stderr_ = forward_stderr;
  fcntl(p->channel_, F_SETFL, O_NONBLOCK);
  fcntl(p->err_, F_SETFL, O_NONBLOCK);
  return p;
}

Subprocess::~Subprocess() {
  if (!reaped_) stop();
  close_fd(channel_);
  close_fd(err_);
}

void Subprocess::drain_stderr() {
  char buf[4096];
  while (err_ >= 0) {
    const ssize_t n = read(err_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return;
    if (n <= 0) {  // EOF: the child and all its copies of the pipe are gone
      close_fd(err_);
      return;
    }
    const std::string_view chunk(buf, static_cast<std::size_t>(n));
    if (forward_stderr_ && err_forwarded_ < kForwardBytes) {
      const std::size_t k = std::min(chunk.size(), kForwardBytes - err_forwarded_);
      if (write(STDERR_FILENO, chunk.data(), k) > 0) err_forwarded_ += k;
    }
    err_tail_.append(chunk);
    if (err_tail_.size() > kTailBytes) err_tail_.erase(0, err_tail_.size() - kTailBytes);
  }
}

bool Subprocess::wait(bool to_send, Deadline deadline) {
  const short events = static_cast<short>(POLLIN | (to_send ? POLLOUT : 0));
  for (;;) {
    pollfd fds[2] = {{channel_, events, 0}, {err_, POLLIN, 0}};
    const int rc = poll(fds, err_ >= 0 ? 2 : 1, ms_until(deadline));
    if (rc < 0 && errno == EINTR) continue;
    if (rc < 0) return false;
    if (err_ >= 0 && fds[1].revents != 0) drain_stderr();
    if (fds[0].revents != 0) return true;  // ready, or hung up (the next call says)
    if (std::chrono::steady_clock::now() >= deadline) return false;
  }
}

Subprocess::Io Subprocess::send_some(std::span<const std::string_view> parts, std::size_t& sent) {
  constexpr std::size_t kMaxParts = 64;
  iovec iov[kMaxParts];
  std::size_t n = 0;
  for (std::string_view part : parts) {
    if (n == kMaxParts) break;
    if (!part.empty()) iov[n++] = {const_cast<char*>(part.data()), part.size()};
  }
  sent = 0;
  if (n == 0) return Io::ok;
  msghdr msg{};
  msg.msg_iov = iov;
  msg.msg_iovlen = n;
  for (;;) {
    const ssize_t k = sendmsg(channel_, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (k > 0) {
      sent = static_cast<std::size_t>(k);
      return Io::ok;
    }
    if (k < 0 && errno == EINTR) continue;
    return k < 0 && errno == EAGAIN ? Io::ok : Io::closed;
  }
}

Subprocess::Io Subprocess::receive_some(char* out, std::size_t max, std::size_t& got) {
  got = 0;
  for (;;) {
    const ssize_t n = recv(channel_, out, max, MSG_DONTWAIT);
    if (n > 0) {
      got = static_cast<std::size_t>(n);
      return Io::ok;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && errno == EAGAIN ? Io::ok : Io::closed;
  }
}

bool Subprocess::set_cpu_limit(unsigned long seconds) {
  rlimit old{};
  if (prlimit(pid_, RLIMIT_CPU, nullptr, &old) != 0) return false;
  const rlimit wanted{std::min<rlim_t>(seconds, old.rlim_max), old.rlim_max};
  return prlimit(pid_, RLIMIT_CPU, &wanted, nullptr) == 0;
}

int Subprocess::stop() {
  if (reaped_) return status_;
  kill(pid_, SIGKILL);
  while (waitpid(pid_, &status_, 0) < 0 && errno == EINTR) {
  }
  reaped_ = true;
  drain_stderr();  // what it wrote before it died
  return status_;
}

}  // namespace auditor

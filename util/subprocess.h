// A helper process the caller talks to over one socket (the child's stdin
// and stdout), its stderr drained by the caller. Started with posix_spawn
// (safe from a threaded program) in a session of its own, so it has no
// terminal; it inherits no descriptor of ours but those three. Sending and
// receiving never block; wait() has a deadline. Nothing here throws or
// raises SIGPIPE. One object is used by one thread at a time.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace auditor {

using Deadline = std::chrono::steady_clock::time_point;

class Subprocess {
 public:
  // Starts `path` with `args` (argv[1...]) and the caller's environment;
  // `pass`, when not -1, is a descriptor the child gets as its fd 3 (the
  // caller keeps and closes its own). What the child writes to its stderr is
  // kept (stderr_tail) and, with `forward_stderr`, also written to ours, up
  // to 64 KB. Fails (Chinese reason) when no process could be started; a
  // program that starts and then fails shows as a closed channel and its
  // exit status.
  static Result<std::unique_ptr<Subprocess>> start(const std::string& path,
                                                   const std::vector<std::string>& args,
                                                   int pass = -1, bool forward_stderr = false);
  // Kills the child (SIGKILL) if it still runs, and reaps it.
  ~Subprocess();
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  // closed: the child closed its end or died (stop() tells how).
  enum class Io { ok, closed };
  // Sends what the channel takes now from the front of `parts` (in order,
  // as one stream); `sent` is how many bytes went, 0 when it is full.
  Io send_some(std::span<const std::string_view> parts, std::size_t& sent);
  // Receives what has arrived, at most `max` bytes, into `out`; `got` is
  // how many, 0 when nothing is there yet.
  Io receive_some(char* out, std::size_t max, std::size_t& got);
  // Waits until something can be received, or sent when `to_send`; false
  // at the deadline. The child's stderr is drained meanwhile.
  bool wait(bool to_send, Deadline deadline);

  // Sets the child's RLIMIT_CPU soft limit to `seconds` of its lifetime CPU
  // time (SIGXCPU there); the hard limit stays as it was, so it can be
  // raised again for the next request. False when the kernel refused.
  bool set_cpu_limit(unsigned long seconds);

  // Kills the child (SIGKILL) unless it already ended, reaps it and returns
  // its wait status (as waitpid gives it): a child that died on its own
  // shows how. Later calls return the same status.
  int stop();

  // The last bytes the child wrote to its stderr (up to 4 KB).
  const std::string& stderr_tail() const { return err_tail_; }

 private:
  Subprocess() = default;
  void drain_stderr();

  pid_t pid_ = -1;
  int channel_ = -1;  // our end of the socket pair
  int err_ = -1;      // read end of the child's stderr pipe; -1 after its EOF
  std::string err_tail_;
  std::size_t err_forwarded_ = 0;
  bool forward_stderr_ = false;
  bool reaped_ = false;
  int status_ = 0;
};

}  // namespace auditor

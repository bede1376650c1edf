// A one-line progress bar for a batch: done / total, rate and time left.
// It draws on a terminal only: constructed for a stream that is not a tty,
// every call is a no-op, so redirected output carries nothing of it.
// Not thread-safe: call from the consumer thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace auditor {

// The bar's text for `done` of `total` after `elapsed` seconds, e.g.
// "[##########----------]  100/200  45.3 个/秒  剩余 0:02"; the rate and time
// left read "--" until something is done. `width` = characters of the bar.
std::string progress_line(std::size_t done, std::size_t total, double elapsed, int width = 30);

class Progress {
 public:
  // Draws on `out` when it is a terminal (isatty); `force` draws anyway
  // (tests).
  explicit Progress(std::size_t total = 0, std::FILE* out = stderr, bool force = false);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return enabled_; }
  // Starts over for a batch of `total`: nothing done, the clock restarted.
  void reset(std::size_t total) {
    total_ = total;
    start_ = Clock::now();
  }
  // Records `done` archives and redraws, at most ten times a second (always
  // for the last one).
  void update(std::size_t done);
  // Erases the bar so a line can be printed; the next update redraws it.
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  std::size_t total_;
  std::FILE* out_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
};

}  // namespace auditor

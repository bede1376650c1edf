// A one-line progress bar for a batch: done / total, rate and time left,
// and the scanned pages read by OCR while any are found. It draws on a
// terminal only: constructed for a stream that is not a tty, every call is a
// no-op, so redirected output carries nothing of it. Thread-safe: the pages
// are counted from the workers, the rest from the consumer thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>

namespace auditor {

// The bar's text for `done` of `total` after `elapsed` seconds, e.g.
// "[##########----------]  100/200  45.3 个/秒  剩余 0:02"; the rate and time
// left read "--" until something is done. `width` = characters of the bar.
std::string progress_line(std::size_t done, std::size_t total, double elapsed, int width = 30);

// "  扫描页 3/12" after the bar: scanned pages read by OCR of those found;
// empty while none was found.
std::string pages_text(std::size_t read, std::size_t found);

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
    std::lock_guard lock(mu_);
    total_ = total;
    start_ = Clock::now();
  }
  // Records `done` archives and redraws, at most ten times a second (always
  // for the last one).
  void update(std::size_t done);
  // Adds scanned pages found to read (`found`) and read (`read`), as
  // ImportOptions::ocr_progress reports them, and redraws as update does.
  void pages(int found, int read);
  // Erases the bar so a line can be printed; the next update redraws it.
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  void draw(bool always);  // with mu_ held
  std::mutex mu_;
  std::size_t total_;
  std::size_t done_ = 0;
  std::size_t pages_found_ = 0, pages_read_ = 0;
  std::FILE* out_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
};

}  // namespace auditor

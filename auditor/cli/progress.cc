#include "auditor/cli/progress.h"

#include <unistd.h>

#include <algorithm>

namespace auditor {
namespace {

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

}  // namespace

std::string progress_line(std::size_t done, std::size_t total, double elapsed, int width) {
  done = std::min(done, total);
  const int filled = total == 0 ? width : static_cast<int>(width * done / total);
  std::string line = "[" + std::string(filled, '#') + std::string(width - filled, '-') + "]";
  char counts[64];
  std::snprintf(counts, sizeof counts, " %zu/%zu", done, total);
  line += counts;
  if (done == 0 || elapsed <= 0) return line + "  -- 个/秒  剩余 --";
  const double rate = done / elapsed;
  char r[32];
  std::snprintf(r, sizeof r, "  %.1f 个/秒", rate);
  return line + r + "  剩余 " + clock_text((total - done) / rate);
}

std::string pages_text(std::size_t read, std::size_t found) {
  if (found == 0) return {};
  return "  扫描页 " + std::to_string(std::min(read, found)) + "/" + std::to_string(found);
}

Progress::Progress(std::size_t total, std::FILE* out, bool force)
    : total_(total), out_(out), enabled_(force || isatty(fileno(out))) {}

Progress::~Progress() {
  if (drawn_) std::fputs("\n", out_);
}

void Progress::update(std::size_t done) {
  if (!enabled_) return;
  std::lock_guard lock(mu_);
  done_ = done;
  draw(done >= total_);
}

void Progress::pages(int found, int read) {
  if (!enabled_) return;
  std::lock_guard lock(mu_);
  pages_found_ += static_cast<std::size_t>(std::max(found, 0));
  pages_read_ += static_cast<std::size_t>(std::max(read, 0));
  draw(pages_read_ >= pages_found_);
}

void Progress::draw(bool always) {
  const Clock::time_point now = Clock::now();
  if (drawn_ && !always && now - last_draw_ < std::chrono::milliseconds(100)) return;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  std::fprintf(out_, "\r\033[K%s%s", progress_line(done_, total_, elapsed).c_str(),
               pages_text(pages_read_, pages_found_).c_str());
  std::fflush(out_);
  drawn_ = true;
  last_draw_ = now;
}

void Progress::clear() {
  std::lock_guard lock(mu_);
  if (!enabled_ || !drawn_) return;
  std::fputs("\r\033[K", out_);
  std::fflush(out_);
  drawn_ = false;
}

}  // namespace auditor

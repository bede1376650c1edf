#include "util/date.h"

#include <chrono>
#include <cstdio>

namespace auditor {
namespace {

namespace chr = std::chrono;

chr::year_month_day ymd_of(int days) { return chr::year_month_day{chr::sys_days{chr::days{days}}}; }

// Reads `n` ASCII digits at `s[pos]`; -1 when any is not a digit.
int read_digits(std::string_view s, std::size_t pos, std::size_t n) {
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return std::nullopt;
  const chr::year_month_day ymd{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                chr::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<int>(chr::sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::parse(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const int y = read_digits(iso, 0, 4);
  const int m = read_digits(iso, 5, 2);
  const int d = read_digits(iso, 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  return from_ymd(y, m, d);
}

int Date::year() const { return static_cast<int>(ymd_of(days_).year()); }

int Date::month() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).month())); }

int Date::day() const { return static_cast<int>(static_cast<unsigned>(ymd_of(days_).day())); }

int Date::iso_weekday() const {
  return static_cast<int>(chr::weekday{chr::sys_days{chr::days{days_}}}.iso_encoding());
}

std::string Date::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

}  // namespace auditor

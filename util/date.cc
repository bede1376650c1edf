#include "util/date.h"

#include <chrono>
#include <cstdio>
#include <ctime>

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

Date Date::today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  if (localtime_r(&now, &local))
    if (std::optional<Date> d = from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday))
      return *d;
  return Date(
      static_cast<int>(chr::floor<chr::days>(chr::system_clock::now()).time_since_epoch().count()));
}

Date Date::earliest() { return Date(-719162); }  // 0001-01-01 (tested)

Date Date::latest() { return Date(2932896); }  // 9999-12-31 (tested)

std::string Date::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

std::optional<Date> add_days_checked(Date d, long long n) {
  const long long first = Date::earliest().day_number(), last = Date::latest().day_number();
  const long long from = d.day_number();
  if (from < first || from > last || n < first - from || n > last - from) return std::nullopt;
  return d.add_days(static_cast<int>(n));
}

std::optional<Date> add_months(Date d, long long months) {
  if (d < Date::earliest() || d > Date::latest()) return std::nullopt;
  // Months since the start of year 0001; the range check keeps every value
  // below in int.
  const long long from = (d.year() - 1) * 12LL + (d.month() - 1);
  constexpr long long kLast = 9999 * 12LL - 1;
  if (months < -from || months > kLast - from) return std::nullopt;
  const long long total = from + months;
  const int year = static_cast<int>(total / 12) + 1, month = static_cast<int>(total % 12) + 1;
  int day = d.day();
  while (day > 28 && !Date::from_ymd(year, month, day)) --day;
  return Date::from_ymd(year, month, day);  // the 28th exists in every month
}

std::string local_minutes(std::string_view utc) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  char sep = 0;
  const std::string text(utc);
  if (text.size() < 19 ||
      std::sscanf(text.c_str(), "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &d, &sep, &h, &mi, &se) != 7 ||
      (sep != 'T' && sep != ' '))
    return text;
  const std::optional<Date> day = Date::from_ymd(y, mo, d);
  if (!day || h > 23 || mi > 59 || se > 60) return text;
  const std::time_t t =
      static_cast<std::time_t>(day->day_number()) * 86400 + h * 3600 + mi * 60 + se;
  std::tm local{};
  if (!localtime_r(&t, &local)) return text;
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &local);
  return buf;
}

}  // namespace auditor

// A civil (proleptic Gregorian) date without time or time zone, as written
// on case documents. Dates of case files are compared, shifted by calendar
// days and formatted as ISO "YYYY-MM-DD"; working days live in calendar.h.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace auditor {

class Date {
 public:
  // 1970-01-01. Prefer parse() or from_ymd(); this exists so that Date can
  // sit in aggregates.
  Date() = default;

  // Strict ISO 8601 calendar date: exactly "YYYY-MM-DD", ASCII digits, year
  // 0001-9999, and a day that exists (2024-02-29 yes, 2023-02-29 and
  // 2024-04-31 no). No whitespace, signs or other separators. nullopt
  // otherwise; never throws.
  static std::optional<Date> parse(std::string_view iso);

  // The same range and validity rules as parse().
  static std::optional<Date> from_ymd(int year, int month, int day);

  // The date `days` days after 1970-01-01 (negative: before). Meant for
  // years 0001-9999; far outside them year(), month(), day() and iso() are
  // unspecified (comparison and arithmetic stay exact).
  static Date from_day_number(int days) { return Date(days); }

  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31

  // Days since 1970-01-01 (1970-01-01 is 0, 1969-12-31 is -1).
  int day_number() const { return days_; }

  // ISO 8601 weekday: 1 = Monday ... 7 = Sunday.
  int iso_weekday() const;
  bool is_weekend() const { return iso_weekday() >= 6; }

  // "YYYY-MM-DD"; parse(d.iso()) == d for years 0001-9999.
  std::string iso() const;

  // Today by the system clock in the machine's local time zone (the UTC
  // date when the zone cannot be read).
  static Date today();

  // The first and last dates of the years 0001-9999, where year(), month(),
  // day() and iso() are exact.
  static Date earliest();
  static Date latest();

  // The date `n` calendar days later (n < 0: earlier).
  Date add_days(int n) const { return Date(days_ + n); }

  auto operator<=>(const Date&) const = default;

 private:
  explicit Date(int days) : days_(days) {}
  int days_ = 0;
};

// Calendar days from `from` to `to`: 0 for the same day, 1 for the next day,
// negative when `to` is earlier.
inline int days_between(Date from, Date to) { return to.day_number() - from.day_number(); }

// Checked calendar arithmetic for deadlines: total for every input, no
// overflow, never an empty optional read. nullopt when `d` or the result
// lies outside Date::earliest()..Date::latest().
// The date `n` calendar days after `d` (n < 0: before).
std::optional<Date> add_days_checked(Date d, long long n);
// The same day `months` months later (before when negative), or that
// month's last day when it has no such day (2024-01-31 + 1 = 2024-02-29).
std::optional<Date> add_months(Date d, long long months);

// A stored UTC time ("2026-12-06T12:47:07Z" or "2026-12-06 12:47:07") as
// people read it: "2026-12-06 20:47" in the machine's local time zone. Text
// of another shape comes back unchanged.
std::string local_minutes(std::string_view utc);

}  // namespace auditor

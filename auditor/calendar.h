// The official working-day calendar (State Council holiday announcements),
// loaded from checklists/calendar/cn-holidays.xml (format: docs/calendar.md).
// Administrative Penalty Law art. 85: its "2, 3, 5, 7 days" periods are
// working days. A working day is a Monday-Friday that is not an announced
// holiday, or an announced make-up workday (调休上班, usually a weekend day).
//
// Coverage is honest: a date is covered only when its year has a <year>
// section in the file; every query that needs an uncovered day answers
// nullopt ("not checkable") instead of guessing from weekdays alone.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "util/date.h"
#include "util/status.h"

namespace auditor {

// One announced day: a holiday (off) or a make-up workday (!off).
struct CalendarDay {
  Date date;
  bool off = false;
  std::string name;  // the holiday it belongs to, e.g. 春节
};

// One year's announcement(s) as written in the file. `days` may include the
// last days of the previous year (the 2019 notice rearranged 2018-12-29..31);
// such days only take effect when that year is covered too.
struct CalendarYear {
  int year = 0;
  std::vector<std::string> announcements;  // source URL(s), at least one
  std::vector<CalendarDay> days;           // in file order
};

class WorkCalendar {
 public:
  // Reads and validates the XML file. Fails with "<file>:<line>: <reason>"
  // (Chinese) on malformed XML, unknown elements, a bad attribute, a date
  // announced twice, a day far from its year, a year without announcement
  // URL, or years that are duplicated, out of order or not contiguous.
  static Result<WorkCalendar> load(const std::filesystem::path& xml_file);

  // True when `d`'s year has a <year> section.
  bool covers(Date d) const;
  int first_year() const { return years_.front().year; }
  int last_year() const { return years_.back().year; }

  // nullopt when `d` is not covered.
  std::optional<bool> is_working_day(Date d) const;

  // The n-th working day AFTER `start` (art. 85 convention): `start` itself
  // is never counted, whether or not it is a working day; the first day
  // counted is the next working day after it. n = 0 gives `start`.
  // Example: a decision dated Friday 2024-09-27 and to be served "within 7
  // working days" must be served by add_working_days(2024-09-27, 7) =
  // 2024-10-12: Sunday 09-29 and Saturday 10-12 are make-up workdays,
  // 10-01..07 are off.
  // nullopt when n < 0, when `start` is not covered, or when the result
  // would fall after the last covered day.
  std::optional<Date> add_working_days(Date start, int n) const;

  // Working days in (from, to]: `from` excluded, `to` included. When `to` is
  // earlier than `from` the count of (to, from] is returned negated, so
  // working_days_between(a, b) + working_days_between(b, c) ==
  // working_days_between(a, c), and for n >= 0
  // working_days_between(s, *add_working_days(s, n)) == n.
  // nullopt unless both dates are covered.
  std::optional<int> working_days_between(Date from, Date to) const;

  // The file's content, for listings, citations and the conversion test.
  const std::vector<CalendarYear>& years() const { return years_; }
  // sha256 of the file's bytes: part of the checklist's content hash.
  const std::string& sha256() const { return sha256_; }

 private:
  WorkCalendar() = default;
  std::string sha256_;
  // Index of `d` into the tables below; only valid when covers(d).
  std::size_t index_of(Date d) const;

  std::vector<CalendarYear> years_;  // contiguous, ascending, non-empty
  Date first_day_;                   // January 1 of first_year()
  std::vector<bool> working_;        // one per covered day
  std::vector<int> working_before_;  // [i] = working days among days [0, i)
};

}  // namespace auditor

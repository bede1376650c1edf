#include "util/date.h"

#include <cstdlib>
#include <ctime>

#include <catch2/catch.hpp>

namespace Catch {
template <>
struct StringMaker<auditor::Date> {
  static std::string convert(const auditor::Date& d) { return d.iso(); }
};
}  // namespace Catch

namespace auditor {
namespace {

Date d(const char* iso) {
  const std::optional<Date> parsed = Date::parse(iso);
  INFO(iso);
  REQUIRE(parsed.has_value());
  return *parsed;
}

TEST_CASE("ISO dates that do not exist are rejected", "[calendar]") {
  for (const char* bad : {"2024-02-30", "2023-02-29", "2024-04-31", "2024-06-31", "2024-13-01",
                          "2024-00-10", "2024-01-00", "2024-01-32", "0000-01-01"}) {
    INFO(bad);
    CHECK_FALSE(Date::parse(bad).has_value());
  }
  CHECK_FALSE(Date::from_ymd(2024, 2, 30).has_value());
  CHECK_FALSE(Date::from_ymd(10000, 1, 1).has_value());
}

TEST_CASE("ISO strings not written exactly as YYYY-MM-DD are rejected", "[calendar]") {
  for (const char* bad :
       {"", "2024-1-05", "2024-01-5", "2024/01/05", "20240105", " 2024-01-05", "2024-01-05 ",
        "2024-01-05T00", "+024-01-05", "2024-01-0a", "2024-0x-05", "２０２４-01-05"}) {
    INFO(bad);
    CHECK_FALSE(Date::parse(bad).has_value());
  }
}

TEST_CASE("leap years follow the Gregorian rule", "[calendar]") {
  CHECK(Date::parse("2024-02-29").has_value());
  CHECK(Date::parse("2000-02-29").has_value());
  CHECK_FALSE(Date::parse("1900-02-29").has_value());
  CHECK_FALSE(Date::parse("2100-02-29").has_value());
  CHECK(days_between(d("2024-02-28"), d("2024-03-01")) == 2);
  CHECK(days_between(d("2023-02-28"), d("2023-03-01")) == 1);
  CHECK(days_between(d("2024-01-01"), d("2025-01-01")) == 366);
  CHECK(days_between(d("2023-01-01"), d("2024-01-01")) == 365);
}

TEST_CASE("weekdays of known dates are ISO weekdays", "[calendar]") {
  CHECK(d("1970-01-01").iso_weekday() == 4);  // Thursday
  CHECK(d("2000-01-01").iso_weekday() == 6);  // Saturday
  CHECK(d("2024-02-04").iso_weekday() == 7);  // Sunday (a make-up workday)
  CHECK(d("2024-10-01").iso_weekday() == 2);  // Tuesday
  CHECK(d("2021-07-15").iso_weekday() == 4);  // the 2021 penalty law takes effect
  CHECK(d("2024-10-12").is_weekend());
  CHECK_FALSE(d("2024-10-11").is_weekend());
}

TEST_CASE("day numbers count days since 1970-01-01", "[calendar]") {
  CHECK(d("1970-01-01").day_number() == 0);
  CHECK(d("1969-12-31").day_number() == -1);
  CHECK(d("2000-03-01").day_number() == 11017);
  CHECK(d("2024-01-01").day_number() == 19723);
  CHECK(Date::from_day_number(19723) == d("2024-01-01"));
  CHECK(Date() == d("1970-01-01"));
}

TEST_CASE("year, month, day and ISO text round-trip over several decades", "[calendar]") {
  const Date first = d("1990-01-01");
  const Date last = d("2040-12-31");
  int checked = 0;
  for (Date x = first; x <= last; x = x.add_days(1)) {
    const std::optional<Date> back = Date::parse(x.iso());
    REQUIRE(back.has_value());
    REQUIRE(*back == x);
    REQUIRE(Date::from_ymd(x.year(), x.month(), x.day()) == x);
    ++checked;
  }
  CHECK(checked == days_between(first, last) + 1);
  const Date x = d("2024-02-29");
  CHECK(x.year() == 2024);
  CHECK(x.month() == 2);
  CHECK(x.day() == 29);
  CHECK(d("0001-01-01").iso() == "0001-01-01");
}

TEST_CASE("adding calendar days crosses months and years", "[calendar]") {
  CHECK(d("2023-12-31").add_days(1) == d("2024-01-01"));
  CHECK(d("2024-03-01").add_days(-1) == d("2024-02-29"));
  CHECK(d("2024-01-31").add_days(90) == d("2024-04-30"));
  CHECK(days_between(d("2024-04-30"), d("2024-01-31")) == -90);
  CHECK(d("2024-01-31") < d("2024-02-01"));
  CHECK(d("2023-12-31") < d("2024-01-01"));
}

}  // namespace
TEST_CASE("a stored UTC time is shown to the minute in the machine's time zone", "[calendar]") {
  const char* before = std::getenv("TZ");
  const std::string saved = before ? before : "";
  setenv("TZ", "Asia/Shanghai", 1);
  tzset();
  CHECK(local_minutes("2026-12-06T12:47:07Z") == "2026-12-06 20:47");
  CHECK(local_minutes("2026-12-31 20:00:00") == "2027-01-01 04:00");
  CHECK(local_minutes("昨天") == "昨天");
  CHECK(local_minutes("2026-13-06T12:47:07Z") == "2026-13-06T12:47:07Z");
  if (before)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

}  // namespace auditor

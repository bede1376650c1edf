#include "auditor/calendar.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/cli_support.h"

namespace Catch {
template <>
struct StringMaker<auditor::Date> {
  static std::string convert(const auditor::Date& d) { return d.iso(); }
};
template <>
struct StringMaker<std::optional<auditor::Date>> {
  static std::string convert(const std::optional<auditor::Date>& d) {
    return d ? d->iso() : "nullopt";
  }
};
template <>
struct StringMaker<std::optional<bool>> {
  static std::string convert(const std::optional<bool>& b) {
    return b ? (*b ? "true" : "false") : "nullopt";
  }
};
}  // namespace Catch

namespace auditor {
namespace {

namespace fs = std::filesystem;

Date d(const char* iso) {
  const std::optional<Date> parsed = Date::parse(iso);
  REQUIRE(parsed.has_value());
  return *parsed;
}

// The committed calendar, loaded once for the whole suite.
const WorkCalendar& cn() {
  static const Result<WorkCalendar> loaded =
      WorkCalendar::load(fs::path(AUDITOR_SOURCE_DIR) / "checklists/calendar/cn-holidays.xml");
  INFO((loaded.ok() ? std::string() : loaded.error()));
  REQUIRE(loaded.ok());
  return loaded.value();
}

// Loads a calendar written to a temporary file; the label in errors is
// "cal.xml" preceded by the temporary directory.
Result<WorkCalendar> load_text(const std::string& xml) {
  test::TempDir dir;
  test::write_file(dir.path / "cal.xml", xml);
  return WorkCalendar::load(dir.path / "cal.xml");
}

std::string load_error(const std::string& xml) {
  const Result<WorkCalendar> r = load_text(xml);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

TEST_CASE("committed calendar agrees with the holiday-cn JSON files", "[calendar]") {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(AUDITOR_REALDATA) / "cn-holidays")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 8);
  const std::vector<CalendarYear>& years = cn().years();
  REQUIRE(years.size() == files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    INFO(files[i].string());
    std::ifstream in(files[i]);
    const nlohmann::json json = nlohmann::json::parse(in);
    const CalendarYear& year = years[i];
    CHECK(year.year == json.at("year").get<int>());
    CHECK(year.announcements == json.at("papers").get<std::vector<std::string>>());
    const nlohmann::json& days = json.at("days");
    REQUIRE(year.days.size() == days.size());
    for (std::size_t k = 0; k < days.size(); ++k) {
      INFO(days[k].dump());
      CHECK(year.days[k].date.iso() == days[k].at("date").get<std::string>());
      CHECK(year.days[k].off == days[k].at("isOffDay").get<bool>());
      CHECK(year.days[k].name == days[k].at("name").get<std::string>());
    }
  }
  CHECK(cn().first_year() == 2019);
  CHECK(cn().last_year() >= 2026);
}

TEST_CASE("five working days after 2024-09-30 skip National Day and end on the make-up Saturday",
          "[calendar]") {
  CHECK(cn().is_working_day(d("2024-09-29")) == true);  // Sunday, make-up workday
  for (Date x = d("2024-10-01"); x <= d("2024-10-07"); x = x.add_days(1)) {
    INFO(x.iso());
    CHECK(cn().is_working_day(x) == false);
  }
  CHECK(cn().is_working_day(d("2024-10-12")) == true);  // Saturday, make-up workday
  CHECK(cn().add_working_days(d("2024-09-30"), 5) == d("2024-10-12"));
  CHECK(cn().add_working_days(d("2024-09-30"), 6) == d("2024-10-14"));
}

TEST_CASE("Spring Festival 2024 make-up Sunday and Saturday are working days", "[calendar]") {
  CHECK(cn().is_working_day(d("2024-02-04")) == true);  // Sunday
  CHECK(cn().is_working_day(d("2024-02-18")) == true);  // Sunday after the holiday
  CHECK(cn().is_working_day(d("2024-02-09")) == true);  // Friday, not an official holiday
  for (Date x = d("2024-02-10"); x <= d("2024-02-17"); x = x.add_days(1)) {
    INFO(x.iso());
    CHECK(cn().is_working_day(x) == false);
  }
  CHECK(cn().add_working_days(d("2024-02-08"), 2) == d("2024-02-18"));
  CHECK(cn().working_days_between(d("2024-02-02"), d("2024-02-19")) == 8);
}

TEST_CASE("an ordinary weekend is not counted", "[calendar]") {
  CHECK(cn().is_working_day(d("2024-03-16")) == false);
  CHECK(cn().is_working_day(d("2024-03-17")) == false);
  CHECK(cn().is_working_day(d("2024-03-18")) == true);
  CHECK(cn().add_working_days(d("2024-03-15"), 1) == d("2024-03-18"));
  CHECK(cn().add_working_days(d("2024-03-13"), 3) == d("2024-03-18"));
  CHECK(cn().working_days_between(d("2024-03-15"), d("2024-03-17")) == 0);
}

TEST_CASE("the start day is never counted, even when it is a working day or a holiday",
          "[calendar]") {
  CHECK(cn().add_working_days(d("2024-03-18"), 1) == d("2024-03-19"));
  CHECK(cn().add_working_days(d("2024-10-01"), 1) == d("2024-10-08"));
  CHECK(cn().add_working_days(d("2024-03-18"), 0) == d("2024-03-18"));
  CHECK_FALSE(cn().add_working_days(d("2024-03-18"), -1).has_value());
}

TEST_CASE("decision served on the 7th working day over National Day is on time, the 8th is late",
          "[calendar]") {
  const Date decided = d("2024-09-27");  // Friday before the holiday
  CHECK(cn().add_working_days(decided, 7) == d("2024-10-12"));
  CHECK(cn().working_days_between(decided, d("2024-10-12")) == 7);
  CHECK(cn().working_days_between(decided, d("2024-10-13")) == 7);  // Sunday adds nothing
  CHECK(cn().working_days_between(decided, d("2024-10-14")) == 8);
}

TEST_CASE("dates outside the covered years are not checkable", "[calendar]") {
  // 2018-12-31 is announced (as a holiday) by the 2019 notice, but 2018 as a
  // whole is not in the calendar.
  CHECK_FALSE(cn().covers(d("2018-12-31")));
  CHECK_FALSE(cn().is_working_day(d("2018-12-31")).has_value());
  CHECK_FALSE(cn().is_working_day(d("2018-06-01")).has_value());
  CHECK_FALSE(cn().add_working_days(d("2018-12-28"), 1).has_value());
  CHECK_FALSE(cn().working_days_between(d("2018-12-31"), d("2019-01-02")).has_value());
  const Date far = d("2100-06-01");
  CHECK_FALSE(cn().is_working_day(far).has_value());
  if (cn().last_year() == 2026) {
    CHECK_FALSE(cn().is_working_day(d("2027-01-04")).has_value());
    CHECK(cn().add_working_days(d("2026-12-28"), 3) == d("2026-12-31"));
    CHECK_FALSE(cn().add_working_days(d("2026-12-28"), 4).has_value());
  }
  CHECK(cn().covers(d("2019-01-01")));
  CHECK(cn().add_working_days(d("2019-01-01"), 1) == d("2019-01-02"));
}

TEST_CASE("working_days_between agrees with add_working_days on every start date", "[calendar]") {
  const Date first = *Date::from_ymd(cn().first_year(), 1, 1);
  const Date last = *Date::from_ymd(cn().last_year(), 12, 31);
  for (Date start = first; start <= last; start = start.add_days(1)) {
    for (int n : {1, 2, 3, 5, 7, 20}) {
      const std::optional<Date> end = cn().add_working_days(start, n);
      if (!end) {  // only when the n-th working day lies beyond the calendar
        REQUIRE(cn().working_days_between(start, last) < n);
        continue;
      }
      INFO(start.iso() << " + " << n << " = " << end->iso());
      REQUIRE(cn().is_working_day(*end) == true);
      REQUIRE(cn().working_days_between(start, *end) == n);
      REQUIRE(cn().working_days_between(start, end->add_days(-1)) == n - 1);
      REQUIRE(cn().working_days_between(*end, start) == -n);
    }
  }
}

TEST_CASE("a minimal calendar applies announced holidays and make-up days", "[calendar]") {
  const Result<WorkCalendar> r = load_text(
      "<calendar id=\"t\">\n"
      "  <year value=\"2030\">\n"
      "    <announcement url=\"https://example.invalid/2030\"/>\n"
      "    <day date=\"2029-12-31\" off=\"true\" name=\"元旦\"/>\n"
      "    <day date=\"2030-01-02\" off=\"true\" name=\"元旦\"/>\n"
      "    <day date=\"2030-01-05\" off=\"false\" name=\"元旦\"/>\n"
      "  </year>\n"
      "</calendar>\n");
  INFO((r.ok() ? std::string() : r.error()));
  REQUIRE(r.ok());
  CHECK(r->first_year() == 2030);
  CHECK(r->last_year() == 2030);
  CHECK(r->is_working_day(d("2030-01-02")) == false);  // Wednesday, holiday
  CHECK(r->is_working_day(d("2030-01-05")) == true);   // Saturday, make-up
  CHECK(r->is_working_day(d("2030-01-06")) == false);  // ordinary Sunday
  CHECK_FALSE(r->is_working_day(d("2029-12-31")).has_value());
  CHECK(r->add_working_days(d("2030-01-01"), 2) == d("2030-01-04"));
  CHECK(r->add_working_days(d("2030-01-01"), 3) == d("2030-01-05"));
}

TEST_CASE("calendar files with errors are rejected naming file and line", "[calendar]") {
  const std::string head = "<calendar>\n<year value=\"2024\">\n<announcement url=\"u\"/>\n";
  CHECK_THAT(load_error(head + "<day date=\"2024-02-30\" off=\"true\" name=\"x\"/>\n</year>\n"
                               "</calendar>\n"),
             Catch::Contains("cal.xml:4: ") && Catch::Contains("2024-02-30"));
  CHECK_THAT(load_error(head + "<day date=\"2024-10-01\" off=\"true\" name=\"x\"/>\n"
                               "<day date=\"2024-10-01\" off=\"true\" name=\"x\"/>\n</year>\n"
                               "</calendar>\n"),
             Catch::Contains("cal.xml:5: ") && Catch::Contains("第 4 行"));
  CHECK_THAT(load_error(head + "<day date=\"2024-10-01\" off=\"yes\" name=\"x\"/>\n</year>\n"
                               "</calendar>\n"),
             Catch::Contains("cal.xml:4: ") && Catch::Contains("off"));
  CHECK_THAT(load_error(head + "<day date=\"2024-10-01\" off=\"true\"/>\n</year>\n</calendar>\n"),
             Catch::Contains("cal.xml:4: ") && Catch::Contains("name"));
  CHECK_THAT(load_error(head + "<day date=\"2022-10-01\" off=\"true\" name=\"x\"/>\n</year>\n"
                               "</calendar>\n"),
             Catch::Contains("cal.xml:4: ") && Catch::Contains("2022-10-01"));
  CHECK_THAT(load_error(head + "<holiday date=\"2024-10-01\"/>\n</year>\n</calendar>\n"),
             Catch::Contains("cal.xml:4: ") && Catch::Contains("<holiday>"));
  CHECK_THAT(load_error(head + "</year>\n<year value=\"2026\">\n<announcement url=\"u\"/>\n"
                               "</year>\n</calendar>\n"),
             Catch::Contains("cal.xml:5: ") && Catch::Contains("缺少 2025 年"));
  CHECK_THAT(load_error(head + "</year>\n<year value=\"2024\">\n<announcement url=\"u\"/>\n"
                               "</year>\n</calendar>\n"),
             Catch::Contains("cal.xml:5: ") && Catch::Contains("重复"));
  CHECK_THAT(load_error("<calendar>\n<year value=\"2024\">\n</year>\n</calendar>\n"),
             Catch::Contains("cal.xml:2: ") && Catch::Contains("公告来源"));
  CHECK_THAT(load_error("<calendar>\n<year value=\"二〇二四\"/>\n</calendar>\n"),
             Catch::Contains("cal.xml:2: ") && Catch::Contains("年份"));
  CHECK_THAT(load_error("<calendar>\n</calendar>\n"), Catch::Contains("cal.xml:1: "));
  CHECK_THAT(load_error("<checklist/>\n"), Catch::Contains("<calendar>"));
  CHECK_THAT(load_error(head + "<day date=\"2024-10-01\"\n</year>\n"),
             Catch::Contains("cal.xml:") && Catch::Contains("XML 格式错误"));
}

TEST_CASE("a missing calendar file is an error, not an empty calendar", "[calendar]") {
  const Result<WorkCalendar> r = WorkCalendar::load("/nonexistent/cn-holidays.xml");
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("/nonexistent/cn-holidays.xml"));
}

}  // namespace
}  // namespace auditor

// The deadline unit calendar_rolled (auditor/deadline_period.h): calendar
// days whose last day, when it is a holiday or rest day, rolls to the next
// working day (行政诉讼法第六十七条、第一百零一条; 民事诉讼法第八十五条).
#include <catch2/catch.hpp>

#include "auditor/deadline_period.h"
#include "tests/rule_fixtures.h"

using namespace auditor;

namespace {

Date d(const char* iso) { return *Date::parse(iso); }

const WorkCalendar& calendar() {
  static Result<WorkCalendar> cal = WorkCalendar::load(std::filesystem::path(AUDITOR_SOURCE_DIR) /
                                                       "checklists/calendar/cn-holidays.xml");
  REQUIRE(cal.ok());
  return *cal;
}

}  // namespace

TEST_CASE("15 days whose last day falls in 劳动节 2025 roll to the first working day after it",
          "[appeal]") {
  const Period p{15, Unit::calendar_rolled};
  // 2025-04-16 + 15 = 05-01 (off until 05-05).
  const std::optional<Span> s = measure(p, d("2025-04-16"), d("2025-05-06"), &calendar());
  REQUIRE(s);
  REQUIRE(s->deadline);
  CHECK(s->deadline->iso() == "2025-05-06");
  CHECK(s->count == 20);  // calendar days
  // A last day that is a working day does not move: 2025-04-10 + 15 = 04-25 (Friday).
  CHECK(measure(p, d("2025-04-10"), d("2025-04-25"), &calendar())->deadline->iso() == "2025-04-25");
  // A Saturday rolls to Monday: 2025-03-07 + 15 = 03-22.
  CHECK(measure(p, d("2025-03-07"), d("2025-03-20"), &calendar())->deadline->iso() == "2025-03-24");
  // Plain calendar days do not roll.
  CHECK(measure({15, Unit::calendar}, d("2025-04-16"), d("2025-05-06"), &calendar())
            ->deadline->iso() == "2025-05-01");
}

TEST_CASE("a rolled period outside the calendar's years is not computed", "[appeal]") {
  const Period p{15, Unit::calendar_rolled};
  CHECK_FALSE(measure(p, d("2025-04-16"), d("2025-05-06"), nullptr));
  CHECK_FALSE(measure(p, d("1995-04-16"), d("1995-05-06"), &calendar()));
}

TEST_CASE("the deadline kind accepts unit calendar_rolled", "[appeal]") {
  const Checklist& cl = testing::bundled_checklist();
  Rule r;
  r.id = "DL-test";
  r.kind = "deadline";
  r.params = {
      {"from", "decided"}, {"to", "decision_served"}, {"limit", "15"}, {"unit", "calendar_rolled"}};
  CHECK(find_rule_kind("deadline")->validate(r, cl).empty());
  r.params["unit"] = "rolled";
  CHECK_FALSE(find_rule_kind("deadline")->validate(r, cl).empty());
}

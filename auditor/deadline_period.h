// Internal to the deadline rule kind (deadline.cc): periods in working days,
// calendar days or months, measured between two dates, and the period a
// document states in its own text.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auditor/calendar.h"
#include "auditor/rule_kinds.h"
#include "util/date.h"

namespace auditor {

// calendar_rolled: calendar days whose last day, when it is not a working
// day of the calendar (a holiday or a rest day), rolls to the next working
// day (民事诉讼法第八十五条, applied by 行政诉讼法第一百零一条: 行政诉讼法
// 第六十七条's 15 days). Needs the calendar like `working`.
enum class Unit { working, calendar, months, calendar_rolled };

// A rule's `unit` parameter by name (working, months, calendar_rolled;
// any other name is calendar: the rules' validation refuses unknown names).
Unit unit_named(const std::string& name);

// A non-negative whole number written in full (a rule's limit, a setting);
// nullopt otherwise.
std::optional<int> whole_number(const std::string& s);

struct Period {
  int limit = 0;
  Unit unit = Unit::calendar;
};

struct Span {
  int count = 0;                 // working days in (from, to] for Unit::working,
                                 // else calendar days; negative when to < from
  std::optional<Date> deadline;  // the limit-th unit after `from`; nullopt only
                                 // for working days beyond the calendar's years
};

// nullopt for Unit::working (and calendar_rolled) when `calendar` is null or
// does not cover both dates (calendar_rolled: the days up to the rolled
// deadline): the period is then not checkable, never guessed from weekdays.
// nullopt too for calendar days and months when the deadline would fall
// outside the years 0001-9999 (add_months, add_days_checked in date.h):
// only a date past the plausibility bound (events.h) could get there.
std::optional<Span> measure(const Period& p, Date from, Date to, const WorkCalendar* calendar);

const char* unit_name(Unit u);   // "个工作日" "日" "个月" ("日" for calendar_rolled)
const char* count_unit(Unit u);  // how Span::count is counted: "个工作日" or "日"

// When a readable document of `type` states a period (“五个工作日内”, “三日内”)
// in a sentence on 陈述 or 申辩, `p` becomes that period: 工作日 are working
// days; 日 are calendar days, except 二、三、五、七日 when `p` counts working
// days (行政处罚法第八十五条). Appends what was found, or that nothing was, to
// `evidence`.
void apply_stated_period(const std::string& type, const RuleContext& ctx, Period& p,
                         std::vector<std::string>& evidence);

}  // namespace auditor

// Rule kind deadline: the period between two events of a case (events.h).
// Params (docs/formats/checklist.md):
//   from=EVENT to=EVENT            the two events; `to` is measured from `from`
//   limit=N                        the period; limit_setting=NAME lets a
//                                  checklist setting override it
//   unit=working|calendar|months|calendar_rolled   working days (and the
//                                  rolled last day) use the checklist's calendar
//   direction=within|at_least|after  `to` no later than the limit (default),
//                                  at least the limit later, strictly later
//   extension=TYPE,TYPE            a document of such a type on file extends
//                                  the period by extension_days (in `unit`),
//                                  or lifts it when extension_days is absent
//   stated_in=TYPE                 the period the document states
//   (“五个工作日内”)
//                                  in a sentence on 陈述/申辩 overrides limit
//   document=TYPE                  the type a finding is about (default: the
//                                  subject of `to`)
#include <limits>

#include "auditor/conditions.h"
#include "auditor/deadline_period.h"
#include "auditor/events.h"
#include "auditor/kind_helpers.h"
#include "auditor/rule_kinds.h"
#include "auditor/settings.h"

namespace auditor {
namespace {

// The period the rule applies to this case, with evidence lines for what
// changed it (a stated period, an extension); nullopt when an extension
// document lifts the limit.
std::optional<Period> period_for(const Rule& r, const RuleContext& ctx,
                                 std::vector<std::string>& evidence) {
  Period p{*whole_number(rule_param(r, "limit")), unit_named(rule_param(r, "unit"))};
  if (const std::string name = rule_param(r, "limit_setting"); !name.empty())
    if (auto it = ctx.checklist.settings.find(name); it != ctx.checklist.settings.end())
      if (std::optional<int> v = whole_number(it->second)) {
        p.limit = *v;
        evidence.push_back("期限按检查清单设置 " + name + "=" + it->second);
      }
  if (const std::string type = rule_param(r, "stated_in"); !type.empty())
    apply_stated_period(type, ctx, p, evidence);
  for (const std::string& type : split_list(rule_param(r, "extension")))
    for (const Document& d : ctx.c.documents) {
      if (d.type != type) continue;
      const std::string days = rule_param(r, "extension_days");
      evidence.push_back("卷内有延长期限的文书：" + d.path);
      if (days.empty()) return std::nullopt;
      const int more = *whole_number(days);  // both non-negative: saturate, never overflow
      p.limit = p.limit > std::numeric_limits<int>::max() - more ? std::numeric_limits<int>::max()
                                                                 : p.limit + more;
      return p;
    }
  return p;
}

// “后第 8 个工作日”, “当日”, “前 3 日”: where `to` lies relative to `from`.
std::string relation(const Period& p, const Span& span, Date from, Date to) {
  const int days = days_between(from, to);
  if (days == 0) return "当日";
  if (days < 0) return "前 " + std::to_string(-days) + " 日";
  if (p.unit != Unit::working) return "后第 " + std::to_string(days) + " 日";
  if (span.count == 0) return "后 " + std::to_string(days) + " 日（其间无工作日）";
  return "后第 " + std::to_string(span.count) + " 个工作日";
}

// The manual check for a period whose deadline cannot be computed: working
// days beyond the calendar's years, or a deadline past the years 0001-9999
// (only a date past the plausibility bound could get there).
Finding no_deadline(const Rule& r, const RuleContext& ctx, const Period& p, const Event& from,
                    const Event& to) {
  const WorkCalendar* cal = ctx.checklist.calendar.get();
  Finding f = finding_for(r, "manual_check");
  f.severity = "info";
  f.deduction = 0;
  const bool by_calendar = p.unit == Unit::working || p.unit == Unit::calendar_rolled;
  const std::string why = !by_calendar ? "超出可计算的日期范围（0001—9999 年）"
                          : cal ? "超出工作日历覆盖的年份（" + std::to_string(cal->first_year()) +
                                      "—" + std::to_string(cal->last_year()) + "）"
                                : "无工作日历可用";
  f.message = event_label(from.name) + "日期 " + from.date.iso() + "、" + event_label(to.name) +
              "日期 " + to.date.iso() + " " + why +
              (by_calendar ? "，无法按工作日计算期限" : "，无法计算期限") + "，请人工核对：" +
              r.description;
  f.evidence = {event_evidence(from), event_evidence(to)};
  return f;
}

// True when nothing dates event `name` and the documents that could are
// absent altogether: the step did not happen, or a required-document rule
// reports the missing document.
bool step_absent(const RuleContext& ctx, const std::string& name, const EventDating& e) {
  if (e.event || !e.implausible.empty()) return false;
  const EventLookup where = event_lookup(ctx.c, ctx.checklist, name);
  return where.has_sources && where.looked_in.empty();
}

// The manual check for a period one of whose dates is implausible (events.h):
// it names each such date and where it was read; no arithmetic is done.
Finding implausible_dates(const Rule& r, const RuleContext& ctx, const EventDating& from,
                          const EventDating& to) {
  Finding f = finding_for(r, "manual_check");
  f.severity = "info";
  f.deduction = 0;
  std::vector<ImplausibleDate> dates = from.implausible;
  dates.insert(dates.end(), to.implausible.begin(), to.implausible.end());
  f.message =
      implausible_phrase(dates, ctx.checklist) + "，无法计算期限，请人工核对：" + r.description;
  if (std::string about = rule_param(r, "document"); !about.empty()) f.document = about;
  for (const EventDating* e : {&from, &to}) {
    if (e->event) f.evidence.push_back(event_evidence(*e->event));
    for (const ImplausibleDate& d : e->implausible)
      f.evidence.push_back(implausible_evidence(d, ctx.checklist));
  }
  return f;
}

// The manual check for a period whose dates are not all on file: it names
// each date that could not be read and where it was looked for. Nothing when
// a missing date's documents are absent altogether (the step did not happen,
// or a required-document rule reports the missing document).
void unreadable_dates(const Rule& r, const RuleContext& ctx, const std::optional<Event>& from,
                      const std::optional<Event>& to, std::vector<Finding>& out) {
  std::vector<std::string> missing, evidence;
  for (const auto& [name, event] :
       {std::pair{rule_param(r, "from"), &from}, std::pair{rule_param(r, "to"), &to}}) {
    if (*event) {
      evidence.push_back(event_evidence(**event));
      continue;
    }
    const EventLookup where = event_lookup(ctx.c, ctx.checklist, name);
    if (where.has_sources && where.looked_in.empty()) return;
    std::string looked;
    for (const std::string& d : where.looked_in) looked += (looked.empty() ? "" : "、") + d;
    missing.push_back(event_label(name) + "日期");
    evidence.push_back("未能读取" + event_label(name) + "日期：" +
                       (where.has_sources
                            ? "查找了" + where.what + "（卷内：" + looked + "）"
                            : "卷内文书未载明（查找了各文书中的" + event_label(name) + "日期）"));
  }
  if (missing.empty()) return;
  Finding f = finding_for(r, "manual_check");
  f.severity = "info";
  f.deduction = 0;
  std::string names;
  for (const std::string& m : missing) names += (names.empty() ? "" : "、") + m;
  f.message = "未能从卷内文书读取" + names + "，无法计算期限，请人工核对：" + r.description;
  if (std::string about = rule_param(r, "document"); !about.empty()) f.document = about;
  f.evidence = std::move(evidence);
  out.push_back(std::move(f));
}

}  // namespace

Outcome check_deadline(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const EventDating from_dating = date_event(ctx.c, ctx.checklist, rule_param(r, "from"));
  const EventDating to_dating = date_event(ctx.c, ctx.checklist, rule_param(r, "to"));
  if (!from_dating.implausible.empty() || !to_dating.implausible.empty()) {
    if (!step_absent(ctx, rule_param(r, "from"), from_dating) &&
        !step_absent(ctx, rule_param(r, "to"), to_dating))
      out.push_back(implausible_dates(r, ctx, from_dating, to_dating));
    return Outcome::not_checkable;
  }
  const std::optional<Event>& from = from_dating.event;
  const std::optional<Event>& to = to_dating.event;
  if (!from || !to) {
    unreadable_dates(r, ctx, from, to, out);
    return Outcome::not_checkable;
  }
  std::vector<std::string> evidence = {event_evidence(*from), event_evidence(*to)};
  const std::optional<Period> period = period_for(r, ctx, evidence);
  if (!period) return Outcome::passed;
  const std::optional<Span> span =
      measure(*period, from->date, to->date, ctx.checklist.calendar.get());
  if (!span) {
    out.push_back(no_deadline(r, ctx, *period, *from, *to));
    return Outcome::not_checkable;
  }
  const std::string direction = rule_param(r, "direction");
  const bool late = span->deadline && to->date > *span->deadline;
  const bool early = !span->deadline || to->date < *span->deadline;
  const bool on_deadline = span->deadline && to->date == *span->deadline;
  const bool failed = direction == "at_least" ? early
                      : direction == "after"  ? early || on_deadline
                                              : late;
  if (!failed) return Outcome::passed;

  const std::string deadline = span->deadline ? span->deadline->iso() : "工作日历范围之后";
  evidence.push_back("计算：" + from->date.iso() + " 后第 " + std::to_string(period->limit) + " " +
                     unit_name(period->unit) + "为 " + deadline + "；" + to->date.iso() +
                     " 为其后第 " + std::to_string(span->count) + " " + count_unit(period->unit) +
                     (period->unit == Unit::working ? "（法定节假日不计，调休上班日计入）" : ""));
  Finding f = finding_for(r, "deadline");
  std::string about = rule_param(r, "document");
  if (about.empty()) about = event_subject_type(to->name);
  if (!about.empty()) f.document = about;
  f.message = fill_message(r.message, {{"from_label", event_label(from->name)},
                                       {"to_label", event_label(to->name)},
                                       {"from_doc", event_phrase(*from, ctx.checklist)},
                                       {"to_doc", event_phrase(*to, ctx.checklist)},
                                       {"from_date", from->date.iso()},
                                       {"to_date", to->date.iso()},
                                       {"count", std::to_string(span->count)},
                                       {"count_unit", count_unit(period->unit)},
                                       {"when", relation(*period, *span, from->date, to->date)},
                                       {"limit", std::to_string(period->limit)},
                                       {"unit", unit_name(period->unit)},
                                       {"deadline", deadline}});
  f.evidence = std::move(evidence);
  out.push_back(std::move(f));
  return Outcome::failed;
}

std::string validate_deadline(const Rule& r, const Checklist& cl) {
  if (std::string bad =
          check_param_names(r, {"from", "to", "limit", "limit_setting", "unit", "direction",
                                "extension", "extension_days", "stated_in", "document"});
      !bad.empty())
    return bad;
  for (const char* name : {"from", "to"}) {
    const std::string e = rule_param(r, name);
    if (e.empty()) return std::string("deadline 规则须有 ") + name + " 参数（事件名）";
    if (!is_event_name(e)) return "未知的事件名 " + e;
  }
  if (!whole_number(rule_param(r, "limit"))) return "limit 参数应为非负整数";
  const std::string unit = rule_param(r, "unit");
  if (unit != "working" && unit != "calendar" && unit != "months" && unit != "calendar_rolled")
    return "unit 参数应为 working、calendar、months 或 calendar_rolled";
  if ((unit == "working" || unit == "calendar_rolled") && !cl.calendar)
    return "按工作日计算的期限须在 <checklist> 中配置 <calendar> 工作日历";
  const std::string direction = rule_param(r, "direction");
  if (!direction.empty() && direction != "within" && direction != "at_least" &&
      direction != "after")
    return "direction 参数应为 within、at_least 或 after";
  if (r.params.count("extension_days") && !whole_number(rule_param(r, "extension_days")))
    return "extension_days 参数应为非负整数";
  if (r.params.count("extension_days") && !r.params.count("extension"))
    return "extension_days 参数须与 extension 同用";
  if (const std::string s = rule_param(r, "limit_setting"); !s.empty()) {
    if (!validate_settings({{s, "0"}}).empty()) return "limit_setting 参数：未知的数值设置项 " + s;
    auto it = cl.settings.find(s);
    if (it != cl.settings.end() && !whole_number(it->second))
      return "设置 " + s + " 应为非负整数，实为“" + it->second + "”";
  }
  std::vector<std::string> types = split_list(rule_param(r, "extension"));
  for (const char* name : {"stated_in", "document"})
    if (r.params.count(name)) types.push_back(rule_param(r, name));
  for (const std::string& t : types)
    if (!cl.doc_type(t)) return "未知的文书类型 " + t;
  return {};
}

}  // namespace auditor

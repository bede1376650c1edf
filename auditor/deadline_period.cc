#include "auditor/deadline_period.h"

#include <charconv>

#include "util/utf8.h"

#include "util/cn_text.h"

namespace auditor {

Unit unit_named(const std::string& name) {
  if (name == "calendar_rolled") return Unit::calendar_rolled;
  return name == "working" ? Unit::working : name == "months" ? Unit::months : Unit::calendar;
}

std::optional<int> whole_number(const std::string& s) {
  int v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

namespace {

bool is_sentence_end(char32_t c) { return c == U'。' || c == U'；' || c == U';' || c == U'\n'; }

// The number written right before `end` (“五个”, “10个”, “三”), skipping 个.
std::optional<int> number_before(std::u32string_view s, std::size_t end) {
  if (end > 0 && s[end - 1] == U'个') --end;
  std::size_t begin = end;
  while (begin > 0 &&
         (cn::is_digit(cn::fold_width(s[begin - 1])) || cn::is_cn_numeral(s[begin - 1])))
    --begin;
  if (begin == end) return std::nullopt;
  std::u32string run;
  for (std::size_t i = begin; i < end; ++i) run += cn::fold_width(s[i]);
  std::int64_t v = 0;
  if (cn::is_digit(run[0])) {
    for (char32_t c : run) {
      if (!cn::is_digit(c) || v > 1000) return std::nullopt;
      v = v * 10 + (c - U'0');
    }
  } else if (std::optional<std::int64_t> p = cn::parse_cn_integer(run)) {
    v = *p;
  } else {
    return std::nullopt;
  }
  if (v <= 0 || v > 1000) return std::nullopt;
  return static_cast<int>(v);
}

struct Stated {
  Period period;
  std::string sentence;
};

std::optional<Stated> stated_in(std::u32string_view s, Unit rule_unit) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t end = begin;
    while (end < s.size() && !is_sentence_end(s[end])) ++end;
    const std::u32string_view sentence = s.substr(begin, end - begin);
    if (sentence.find(U"陈述") != std::u32string_view::npos ||
        sentence.find(U"申辩") != std::u32string_view::npos)
      for (std::size_t i = 0; i < sentence.size(); ++i) {
        const bool working = sentence.substr(i, 3) == U"工作日";
        if (!working && sentence.substr(i, 2) != U"日内") continue;
        std::optional<int> n = number_before(sentence, i);
        if (!n) continue;
        const bool art85 = *n == 2 || *n == 3 || *n == 5 || *n == 7;
        const Unit unit =
            working || (art85 && rule_unit == Unit::working) ? Unit::working : Unit::calendar;
        return Stated{{*n, unit}, to_utf8(sentence)};
      }
    begin = end + 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Span> measure(const Period& p, Date from, Date to, const WorkCalendar* calendar) {
  switch (p.unit) {
    case Unit::working: {
      if (!calendar) return std::nullopt;
      std::optional<int> count = calendar->working_days_between(from, to);
      if (!count) return std::nullopt;
      return Span{*count, calendar->add_working_days(from, p.limit)};
    }
    case Unit::calendar:
      if (std::optional<Date> deadline = add_days_checked(from, p.limit))
        return Span{days_between(from, to), deadline};
      return std::nullopt;
    case Unit::months:
      if (std::optional<Date> deadline = add_months(from, p.limit))
        return Span{days_between(from, to), deadline};
      return std::nullopt;
    case Unit::calendar_rolled: {
      if (!calendar || !calendar->covers(from) || !calendar->covers(to)) return std::nullopt;
      std::optional<Date> last = add_days_checked(from, p.limit);
      // At most a few weeks of rest days in a row (春节): the loop is bounded
      // by the calendar's coverage, each uncovered day answering nullopt.
      while (last) {
        std::optional<bool> working = calendar->is_working_day(*last);
        if (!working) return std::nullopt;
        if (*working) break;
        last = last->add_days(1);
      }
      if (!last) return std::nullopt;
      return Span{days_between(from, to), last};
    }
  }
  return std::nullopt;
}

const char* unit_name(Unit u) {
  return u == Unit::working ? "个工作日" : u == Unit::months ? "个月" : "日";
}

const char* count_unit(Unit u) { return u == Unit::working ? "个工作日" : "日"; }

void apply_stated_period(const std::string& type, const RuleContext& ctx, Period& p,
                         std::vector<std::string>& evidence) {
  const DocType* t = ctx.checklist.doc_type(type);
  const std::string title = "《" + (t ? t->name : type) + "》";
  bool any = false;
  for (const Document& d : ctx.c.documents) {
    if (d.type != type || !d.has_text) continue;
    any = true;
    if (std::optional<Stated> s = stated_in(decode_utf8(d.text), p.unit)) {
      p = s->period;
      evidence.push_back(title + "（" + d.path + "）载明期限：“" + s->sentence + "”，按 " +
                         std::to_string(p.limit) + unit_name(p.unit) + "计算");
      return;
    }
  }
  if (any)
    evidence.push_back(title + "未载明陈述、申辩期限，按 " + std::to_string(p.limit) +
                       unit_name(p.unit) + "计算");
}

}  // namespace auditor

#include "auditor/deadline_conditions.h"

#include <algorithm>
#include <span>
#include <string_view>

#include "auditor/events.h"

namespace auditor {
namespace {

constexpr int kPaymentDays = 15;  // 行政处罚法第六十七条第三款

constexpr std::string_view kWaivers[] = {"放弃陈述", "放弃申辩", "放弃了陈述", "放弃了申辩"};
// A waiver phrase whose sentence, before it, holds one of these is a rights
// statement, a condition or a negation, not a waiver ("逾期未提出…，视为放弃
// 陈述和申辩的权利", "如放弃陈述申辩").
constexpr std::string_view kNotWaiver[] = {"视为", "如",   "若",     "是否",   "有权",     "可以",
                                           "可在", "逾期", "未放弃", "不放弃", "没有放弃", "享有"};
// Documents in which the party itself writes or signs a waiver; the
// decision counts only where it says the waiver was written (书面, 声明).
constexpr std::string_view kPartyTypes[] = {"waiver_statement", "statement_record",
                                            "statement_letter", "inquiry_record", "hearing_record"};
constexpr std::string_view kReportingTypes[] = {"penalty_decision", "penalty_approval",
                                                "collective_discussion", "closing_approval"};

// The sentence around `at`, for evidence.
std::string sentence_at(const std::string& text, std::size_t at) {
  std::size_t begin = text.rfind("。", at);
  begin = begin == std::string::npos ? 0 : begin + std::string_view("。").size();
  std::size_t end = text.find("。", at);
  if (end == std::string::npos) end = text.size();
  std::string s = text.substr(begin, end - begin);
  for (char& ch : s)
    if (ch == '\n' || ch == '\t') ch = ' ';
  return s;
}

// The start of the sentence holding `at` (after 。；！？ or a line break).
std::size_t sentence_start(const std::string& text, std::size_t at) {
  std::size_t best = 0;
  for (std::string_view end : {"。", "；", "！", "？", ";", "\n"}) {
    std::size_t p = text.rfind(end, at);
    if (p != std::string::npos && p + end.size() <= at) best = std::max(best, p + end.size());
  }
  return best;
}

// The sentence of the first waiver in `text`; with `written`, only one that
// also says the waiver was made in writing.
std::optional<std::string> waiver_in(const std::string& text, bool written) {
  for (std::string_view phrase : kWaivers)
    for (std::size_t at = text.find(phrase); at != std::string::npos;
         at = text.find(phrase, at + phrase.size())) {
      const std::size_t from = sentence_start(text, at);
      const std::string_view before(text.data() + from, at - from);
      bool rights_statement = false;
      for (std::string_view m : kNotWaiver)
        rights_statement = rights_statement || before.find(m) != std::string_view::npos;
      if (rights_statement) continue;
      const std::string s = sentence_at(text, at);
      if (written && s.find("书面") == std::string::npos && s.find("声明") == std::string::npos)
        continue;
      return s;
    }
  return std::nullopt;
}

bool one_of(const std::optional<std::string>& type, std::span<const std::string_view> types) {
  return type && std::find(types.begin(), types.end(), *type) != types.end();
}

}  // namespace

ConditionValue unpaid_after_due(const Case& c, const Checklist& cl, Tri fine_imposed) {
  if (fine_imposed != Tri::yes) return {};
  std::optional<Event> served = find_event(c, cl, "decision_served");
  if (!served) return {};
  EventDating closed = date_event(c, cl, "closed");
  if (!closed.implausible.empty()) return {};  // the file's last date is in doubt
  std::optional<Event> last = std::move(closed.event);
  if (!last) last = latest_event(c, cl);
  if (!last) return {};
  const std::optional<Date> due_by = add_days_checked(served->date, kPaymentDays);
  if (!due_by) return {};
  const Date due = *due_by;
  const std::string dates = "决定书 " + served->date.iso() + " 送达，缴款期限至 " + due.iso() +
                            "；卷内" + event_label(last->name) + "日期 " + last->date.iso();
  if (last->date > due) return {Tri::yes, dates + "，卷内未见缴款凭证"};
  return {Tri::no, dates + "，尚未逾期"};
}

ConditionValue defence_waived(const Case& c) {
  bool unreadable = false;
  for (const Document& d : c.documents) {
    if (d.type == "waiver_statement")
      return {Tri::yes, "卷内有当事人放弃陈述、申辩的声明（" + d.path + "）"};
    const bool party = one_of(d.type, kPartyTypes);
    if (!party && !one_of(d.type, kReportingTypes)) continue;
    if (!d.has_text) {
      unreadable = unreadable || d.type == "statement_record";
      continue;
    }
    if (std::optional<std::string> s = waiver_in(d.text, !party))
      return {Tri::yes, d.path + "：“" + *s + "”"};
  }
  if (unreadable) return {};
  return {Tri::no, "卷内当事人的陈述、笔录和决定书中未见书面放弃陈述、申辩的表示"};
}

}  // namespace auditor

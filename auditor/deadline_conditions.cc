#include "auditor/deadline_conditions.h"

#include <string_view>

#include "auditor/events.h"

namespace auditor {
namespace {

constexpr int kPaymentDays = 15;  // 行政处罚法第六十七条第三款

constexpr std::string_view kWaivers[] = {"放弃陈述", "放弃申辩"};
// A waiver phrase preceded by one of these (within kLookBack bytes) is a
// rights statement, a condition or a negation, not a waiver.
constexpr std::string_view kNotWaiver[] = {"视为", "如", "若", "是否", "有权",
                                           "可以", "未", "不", "没有"};
constexpr std::size_t kLookBack = 12;  // 4 CJK characters

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

std::optional<std::string> waiver_in(const std::string& text) {
  for (std::string_view phrase : kWaivers)
    for (std::size_t at = text.find(phrase); at != std::string::npos;
         at = text.find(phrase, at + phrase.size())) {
      const std::size_t from = at > kLookBack ? at - kLookBack : 0;
      const std::string_view before(text.data() + from, at - from);
      bool rights_statement = false;
      for (std::string_view m : kNotWaiver)
        rights_statement = rights_statement || before.find(m) != std::string_view::npos;
      if (!rights_statement) return sentence_at(text, at);
    }
  return std::nullopt;
}

}  // namespace

ConditionValue unpaid_after_due(const Case& c, const Checklist& cl, Tri fine_imposed) {
  if (fine_imposed != Tri::yes) return {};
  std::optional<Event> served = find_event(c, cl, "decision_served");
  if (!served) return {};
  std::optional<Event> last = find_event(c, cl, "closed");
  if (!last) last = latest_event(c, cl);
  if (!last) return {};
  const Date due = served->date.add_days(kPaymentDays);
  const std::string dates = "决定书 " + served->date.iso() + " 送达，缴款期限至 " + due.iso() +
                            "；卷内" + event_label(last->name) + "日期 " + last->date.iso();
  if (last->date > due) return {Tri::yes, dates + "，卷内未见缴款凭证"};
  return {Tri::no, dates + "，尚未逾期"};
}

ConditionValue defence_waived(const Case& c) {
  bool unreadable = false;
  for (const Document& d : c.documents) {
    if (!d.has_text) {
      unreadable =
          unreadable || !d.type || *d.type == "statement_record" || *d.type == "service_receipt";
      continue;
    }
    if (std::optional<std::string> s = waiver_in(d.text))
      return {Tri::yes, d.path + "：“" + *s + "”"};
  }
  if (unreadable) return {};
  return {Tri::no, "卷内可读文书中未见当事人书面放弃陈述、申辩的表示"};
}

}  // namespace auditor

// The facts of answer files (应议应诉, docs/formats/appeals.md):
//   appeal_received  ISO date the organ received the answer notice, the
//                    lawsuit's notice or the complaint's copy: a sentence
//                    "于2024年9月20日收到…提出答复通知书/起诉状副本…" (a notice
//                    or a 副本: not the review body's or court's own receipt
//                    of the application or complaint), or a
//                    receipt label (收文日期, 收到日期, 签收日期) in such a notice
//   appeal_party     the applicant or plaintiff (申请人, 复议申请人, 原告)
//   appeal_outcome   what a 行政复议决定书 / 行政判决书 / 行政裁定书 decided, one of
//                    维持 撤销 确认违法 变更 驳回 责令履行 其他 (the first of them
//                    after 决定如下 / 判决如下 / 裁定如下; 其他 when none)
//   evidence_item    a row of an evidence list (证据目录, 证据清单): "ISO|名称",
//                    the date the row states (empty when none) and its name
// The agents of a power of attorney: facts_appeal_agents.cc; its powers and
// term, the hearing date and the outcome's receipt: facts_appeal_powers.cc.
#include <algorithm>

#include "importers/facts_record.h"
#include "util/cn_text.h"

namespace auditor::facts {
void extract_appeal_agents(const Text& t, Sink& out);
void extract_appeal_powers(const Text& t, Sink& out);

namespace {

constexpr std::size_t kMaxSentence = 300;  // code points searched around a match
constexpr std::size_t kOutcomeWindow = 400;
constexpr std::size_t kMaxName = 40;

bool contains(Str s, Str part) { return s.find(part) != npos; }

bool titled(const Text& t, std::initializer_list<Str> titles) {
  return has_title(t, [&](Str line) {
    for (Str x : titles)
      if (contains(line, x)) return true;
    return false;
  });
}

std::optional<cn::DateScan> date_at(const Text& t, std::size_t i) {
  if (i > 0 && cn::is_digit(t[i - 1])) return std::nullopt;
  return cn::scan_date(t.str(), i);
}

bool sentence_end(char32_t c) { return c == U'。' || c == U'\n' || c == U';' || c == U'；'; }

// "于2024年9月20日收到…答复通知书": the last date before 收到 in its sentence.
void received_in_text(const Text& t, Sink& out) {
  // The organ receives copies (副本) and notices; "本院于…收到起诉状" and
  // "本机关于…收到行政复议申请书" are the court's and review body's receipts.
  static constexpr std::initializer_list<Str> kObjects = {U"答复通知书", U"应诉通知书",
                                                          U"举证通知书", U"副本"};
  for (std::size_t i = t.find(U"收到"); i != npos; i = t.find(U"收到", i + 2)) {
    std::size_t e = i + 2;
    while (e < t.size() && e - i < kMaxSentence && !sentence_end(t[e])) ++e;
    const Str rest = t.str().substr(i, e - i);
    bool names = false;
    for (Str o : kObjects) names = names || contains(rest, o);
    if (!names) continue;
    std::size_t b = i;
    while (b > 0 && i - b < kMaxSentence && !sentence_end(t[b - 1])) --b;
    std::optional<cn::DateScan> last;
    std::size_t at = 0;
    for (std::size_t k = b; k < i; ++k)
      if (cn::is_digit(t[k]) || cn::is_cn_numeral(t[k]))
        if (std::optional<cn::DateScan> d = date_at(t, k)) {
          last = d;
          at = k;
          k = d->end - 1;
        }
    if (last) out.add(at, i + 2, "appeal_received", last->iso);
  }
}

// "收文日期：2024年9月20日" on the notice or the complaint's copy.
void received_label(const Text& t, Sink& out) {
  static constexpr std::initializer_list<Str> kLabels = {
      U"收文日期", U"收文时间", U"收到日期", U"收到时间", U"签收日期", U"签收时间", U"收件日期"};
  if (!titled(t, {U"答复通知书", U"应诉通知书", U"起诉状", U"起诉书"})) return;
  for (std::size_t i = t.find_any(kLabels); i != npos; i = t.find_any(kLabels, i + 1)) {
    const std::size_t v = t.skip_label_gap(t.match_any(i, kLabels));
    if (std::optional<cn::DateScan> d = date_at(t, v))
      out.add(i, d->end, "appeal_received", d->iso);
  }
}

void parties(const Text& t, Sink& out) {
  static constexpr std::initializer_list<Str> kLabels = {U"复议申请人", U"申请人", U"原告",
                                                         U"起诉人"};
  static constexpr std::initializer_list<Str> kStops = {
      U"性别",   U"男",         U"女",     U"住所", U"住址", U"地址", U"统一社会信用代码",
      U"身份证", U"法定代表人", U"负责人", U"联系", U"委托", U"不服", U"对"};
  if (!titled(t, {U"复议", U"答复", U"起诉", U"答辩", U"判决", U"裁定"})) return;
  for (std::size_t i = t.find_any(kLabels); i != npos; i = t.find_any(kLabels, i + 1)) {
    const std::size_t le = t.match_any(i, kLabels);
    if (i != t.line_begin(i) && t[i - 1] != U'\t' && t[i - 1] != U' ') {
      i = le - 1;
      continue;
    }
    const std::size_t g = t.skip_spaces(le);
    if (t[g] != U':' && t[g] != U'\t') {
      i = le - 1;
      continue;
    }
    const std::size_t v = t.skip_label_gap(g);
    const std::size_t e = scan_name(t, v, kStops, kMaxName);
    std::size_t han = 0;
    for (std::size_t k = v; k < e; ++k) han += cn::is_han(t[k]) ? 1 : 0;
    if (han >= 2) out.add(v, e, "appeal_party", t.original(v, e));
    i = le - 1;
  }
}

void outcome(const Text& t, Sink& out) {
  if (!titled(t, {U"复议决定书", U"判决书", U"裁定书", U"调解书"})) return;
  static constexpr std::initializer_list<Str> kHeads = {U"决定如下", U"判决如下", U"裁定如下",
                                                        U"调解协议如下", U"本机关决定"};
  const std::size_t h = t.find_any(kHeads);
  if (h == npos) return;
  const std::size_t b = t.match_any(h, kHeads);
  const std::size_t e = std::min(t.size(), b + kOutcomeWindow);
  struct Word {
    Str word;
    const char* value;
  };
  static constexpr Word kWords[] = {
      {U"确认", "确认违法"},     {U"撤销", "撤销"}, {U"变更", "变更"}, {U"责令", "责令履行"},
      {U"限期履行", "责令履行"}, {U"驳回", "驳回"}, {U"维持", "维持"}};
  for (std::size_t k = b; k < e; ++k)
    for (const Word& w : kWords) {
      if (t.match(k, w.word) == npos) continue;
      const std::string value = w.value;
      // 确认 counts only as 确认…违法 within its sentence; 责令 only with 履行.
      std::size_t s = k;
      while (s < e && !sentence_end(t[s])) ++s;
      const Str clause = t.str().substr(k, s - k);
      if (value == "确认违法" && !contains(clause, U"违法")) continue;
      if (w.word == Str(U"责令") && !contains(clause, U"履行")) continue;
      out.add(k, s, "appeal_outcome", value);
      return;
    }
  out.add(h, e, "appeal_outcome", "其他");
}

// Rows of an evidence list: a line starting with a serial number.
void evidence_items(const Text& t, Sink& out) {
  if (!titled(t, {U"证据目录", U"证据清单", U"证据材料目录", U"证据材料清单", U"证据及依据目录",
                  U"证据和依据目录"}))
    return;
  for (std::size_t b = 0; b < t.size(); b = t.line_end(b) + 1) {
    const std::size_t e = t.line_end(b);
    std::size_t s = t.skip_spaces(b);
    std::size_t d = s;
    while (d < e && cn::is_digit(t[d]) && d - s < 4) ++d;
    if (d == s || d >= e) continue;
    if (t[d] != U'\t' && t[d] != U'、' && t[d] != U'.' && t[d] != U' ' && t[d] != U',') continue;
    std::size_t n = t.skip_spaces(d + 1);
    while (n < e && (t[n] == U'\t' || t[n] == U' ')) ++n;
    std::size_t ne = n;
    while (ne < e && t[ne] != U'\t') ++ne;
    while (ne > n && t[ne - 1] == U' ') --ne;
    std::size_t han = 0;
    for (std::size_t k = n; k < ne; ++k) han += cn::is_han(t[k]) ? 1 : 0;
    if (han < 2) continue;
    std::string date;
    for (std::size_t k = d; k < e && date.empty(); ++k)
      if (cn::is_digit(t[k]) || cn::is_cn_numeral(t[k]))
        if (std::optional<cn::DateScan> ds = date_at(t, k)) date = ds->iso;
    out.add(s, e, "evidence_item", date + "|" + t.original(n, ne));
  }
}

}  // namespace

void extract_appeal(const Text& t, Sink& out) {
  received_in_text(t, out);
  received_label(t, out);
  parties(t, out);
  outcome(t, out);
  evidence_items(t, out);
  extract_appeal_agents(t, out);
  extract_appeal_powers(t, out);
}

}  // namespace auditor::facts

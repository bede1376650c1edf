// The powers and term of a power of attorney (授权委托书, in a text whose
// first lines name …委托书), the hearing date and the outcome's receipt of an
// answer file (docs/formats/appeals.md, docs/facts.md):
//   appeal_powers  special  特别授权 / 特别代理, or an item only a special
//                           authorisation covers (代为承认、放弃、变更诉讼请求,
//                           和解, 调解, 上诉, 反诉, 撤诉 …) not under 一般
//                  general  一般授权 / 一般代理 / 一般委托
//                  listed   other written matters (代为参加…行政复议)
//                  blank    a powers label with nothing after it
//   appeal_term    "from|until": from an ISO date or empty; until an ISO
//                  date, `case` (至本案…终结 / 审结 / 本审级 …) or `open`
//                  (长期); `unread` for a term label whose text is none of
//                  these (三个月), `blank` for a label with nothing after it
// A label's value is the rest of its sentence up to the next label, or the
// cell below it when a header-row table leaves its own cell empty. Without a
// label: 特别授权 / 一般授权 anywhere, a sentence 代为承认…, and 自…起至…止.
//   appeal_hearing         ISO date of a court hearing: 开庭时间/开庭日期 label,
//                          or the date right before 开庭 in its clause
//                          (定于2025年5月20日上午9时在…开庭, 于…公开开庭审理)
//   appeal_outcome_served  ISO date the organ received the outcome: a receipt
//                          label (收文日期, 收到日期, 签收日期, 送达日期 …) in a
//                          text titled 复议决定书/判决书/裁定书/调解书 (`unread`
//                          when the label holds no date), or "于…收到…决定书"
#include <algorithm>
#include <utility>

#include "importers/facts_record.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMaxValue = 120;   // code points of a label's value
constexpr std::size_t kMaxClause = 300;  // a sentence searched around a match
constexpr std::size_t kMaxGap = 20;      // between a hearing date and 开庭
constexpr std::size_t kMaxRow = 400;     // a table row's code points before a label

constexpr std::initializer_list<Str> kPowerLabels = {
    U"代理权限", U"委托权限", U"授权权限", U"授权范围", U"代理范围",
    U"委托事项", U"委托范围", U"代理事项", U"授权事项", U"委托内容"};
constexpr std::initializer_list<Str> kTermLabels = {
    U"委托期限", U"代理期限", U"授权期限", U"委托有效期", U"授权有效期",  U"有效期限",
    U"有效期",   U"委托期间", U"代理期间", U"授权期间",   U"委托有效期限"};
// Acts only a special authorisation covers (民事诉讼法第六十二条, 行政诉讼法
// 解释第三十一条; 行政复议法第十七条 asks for the 权限 to be written).
constexpr std::initializer_list<Str> kSpecialItems = {
    U"承认", U"放弃", U"变更诉讼请求", U"变更复议请求", U"和解",
    U"调解", U"上诉", U"反诉",         U"撤诉",         U"撤回"};
constexpr std::initializer_list<Str> kCaseEnd = {U"终结",   U"审结",   U"结案", U"结束", U"完毕",
                                                 U"本审级", U"一审",   U"二审", U"生效", U"作出",
                                                 U"办结",   U"审理终", U"了结"};
constexpr std::initializer_list<Str> kServedLabels = {U"收文日期", U"收文时间", U"收到日期",
                                                      U"收到时间", U"签收日期", U"签收时间",
                                                      U"收件日期", U"送达日期", U"送达时间"};

bool has(Str s, Str part) { return s.find(part) != npos; }

bool has_any(Str s, std::initializer_list<Str> parts) {
  for (Str p : parts)
    if (has(s, p)) return true;
  return false;
}

bool stop(char32_t c) { return c == U'。' || c == U'\n' || c == U';' || c == U'；'; }

std::optional<cn::DateScan> date_at(const Text& t, std::size_t i) {
  if (i > 0 && cn::is_digit(t[i - 1])) return std::nullopt;
  if (!cn::is_digit(t[i]) && !cn::is_cn_numeral(t[i])) return std::nullopt;
  return cn::scan_date(t.str(), i);
}

bool any_han(const Text& t, std::size_t b, std::size_t e) {
  for (std::size_t k = b; k < e; ++k)
    if (cn::is_han(t[k])) return true;
  return false;
}

// The value of a label ending at `le`: [v, e) up to the sentence's end or
// the next label of `next`; the cell below in a header-row table when empty.
std::pair<std::size_t, std::size_t> value_of(const Text& t, std::size_t le,
                                             std::initializer_list<Str> next1,
                                             std::initializer_list<Str> next2) {
  const std::size_t v = t.skip_label_gap(t.skip_spaces(le));
  std::size_t e = v;
  while (e < t.size() && e - v < kMaxValue && !stop(t[e]) && t.match_any(e, next1) == npos &&
         t.match_any(e, next2) == npos)
    ++e;
  const std::size_t lb = t.line_begin(le);
  if (any_han(t, v, e) || t.line_end(le) >= t.size() || le - lb > kMaxRow) return {v, e};
  // "代理权限\t委托期限" over "特别授权\t自…": the same column one line down.
  std::size_t column = 0;
  for (std::size_t k = lb; k < le; ++k) column += t[k] == U'\t' ? 1 : 0;
  std::size_t c = t.line_end(le) + 1;
  const std::size_t ce = t.line_end(c);
  for (std::size_t n = 0; n < column && c < ce; ++c) n += t[c] == U'\t' ? 1 : 0;
  std::size_t d = c;
  while (d < ce && t[d] != U'\t' && d - c < kMaxValue) ++d;
  bool table = column > 0;
  for (std::size_t k = le; k < v && !table; ++k) table = t[k] == U'\t';
  if (table && any_han(t, c, d) && t.match_any(c, next1) == npos && t.match_any(c, next2) == npos)
    return {c, d};
  // "委托权限：" ending its line in prose, the value on the next line — unless
  // that line is another label ("受托人签名：…").
  if (!table && e < t.size() && t[e] == U'\n') {
    const std::size_t n = t.skip_spaces(e + 1);
    std::size_t ne = n;
    while (ne < t.size() && ne - n < kMaxValue && !stop(t[ne]) && t[ne] != U'：' && t[ne] != U':')
      ++ne;
    const bool label = ne < t.size() && (t[ne] == U'：' || t[ne] == U':');
    if (!label && any_han(t, n, ne) && t.match_any(n, next1) == npos &&
        t.match_any(n, next2) == npos)
      return {n, ne};
  }
  return {v, e};
}

const char* powers_of(Str s) {
  if (has_any(s, {U"特别授权", U"特别代理", U"特别委托"})) return "special";
  if (has_any(s, {U"一般授权", U"一般代理", U"一般委托"})) return "general";
  if (has_any(s, kSpecialItems)) return "special";
  return "listed";
}

void powers(const Text& t, Sink& out) {
  bool labelled = false;
  for (std::size_t i = t.find_any(kPowerLabels); i != npos; i = t.find_any(kPowerLabels, i + 1)) {
    const std::size_t le = t.match_any(i, kPowerLabels);
    const auto [v, e] = value_of(t, le, kPowerLabels, kTermLabels);
    labelled = true;
    out.add(i, std::max(e, le), "appeal_powers",
            any_han(t, v, e) ? powers_of(t.str().substr(v, e - v)) : "blank");
    i = le - 1;
  }
  if (labelled) return;
  // Prose: "…为特别授权", "受托人有权代为承认、放弃、变更诉讼请求…".
  for (Str w : {U"特别授权", U"特别代理", U"一般授权", U"一般代理"})
    if (std::size_t i = t.find(w); i != npos) {
      out.add(i, i + w.size(), "appeal_powers", powers_of(w));
      return;
    }
  for (std::size_t i = t.find(U"代为"); i != npos; i = t.find(U"代为", i + 2)) {
    std::size_t e = i + 2;
    while (e < t.size() && e - i < kMaxClause && !stop(t[e])) ++e;
    if (!has_any(t.str().substr(i, e - i), kSpecialItems)) continue;
    out.add(i, e, "appeal_powers", "special");
    return;
  }
}

// "自2024年9月20日起至本案审结之日止" → "2024-09-20|case".
std::string term_of(const Text& t, std::size_t b, std::size_t e) {
  std::size_t to = npos;
  for (std::size_t k = b; k < e && to == npos; ++k)
    if (t[k] == U'至' || t[k] == U'到' || t.match(k, U"截止") != npos) to = k;
  std::string from, until;
  for (std::size_t k = b; k < e; ++k)
    if (std::optional<cn::DateScan> d = date_at(t, k)) {
      (to != npos && k > to ? until : from) = d->iso;
      k = d->end - 1;
    }
  const Str rest = to == npos ? Str() : t.str().substr(to, e - to);
  if (until.empty() && to != npos && has_any(rest, kCaseEnd)) until = "case";
  if (until.empty() && has_any(t.str().substr(b, e - b), {U"长期", U"无固定期限", U"不定期"}))
    until = "open";
  if (until.empty() && to == npos && has(t.str().substr(b, e - b), U"止") && !from.empty())
    until = std::exchange(from, "");  // "有效期：2024年12月31日止"
  if (until.empty() && to == npos && !from.empty() && !has(t.str().substr(b, e - b), U"起"))
    until = std::exchange(from, "");  // "有效期：2024年12月31日"
  if (until.empty() && !has_any(t.str().substr(b, e - b), kCaseEnd)) return "unread";
  if (until.empty()) until = "case";  // "本审级", "一审终结" without 至
  return from + "|" + until;
}

void term(const Text& t, Sink& out) {
  bool labelled = false;
  for (std::size_t i = t.find_any(kTermLabels); i != npos; i = t.find_any(kTermLabels, i + 1)) {
    const std::size_t le = t.match_any(i, kTermLabels);
    const auto [v, e] = value_of(t, le, kTermLabels, kPowerLabels);
    labelled = true;
    bool written = false;
    for (std::size_t k = v; k < e && !written; ++k)
      written = cn::is_han(t[k]) || cn::is_digit(t[k]);
    out.add(i, std::max(e, le), "appeal_term", written ? term_of(t, v, e) : "blank");
    i = le - 1;
  }
  if (labelled) return;
  // Prose: "…自2024年9月20日起至本案行政复议终结之日止。"
  for (std::size_t i = t.find(U"起至"); i != npos; i = t.find(U"起至", i + 2)) {
    std::size_t b = i, e = i + 2;
    while (b > 0 && i - b < kMaxClause && !stop(t[b - 1])) --b;
    while (e < t.size() && e - i < kMaxClause && !stop(t[e])) ++e;
    const std::size_t from = t.str().rfind(U'自', i);
    if (from != npos && from >= b) b = from;
    out.add(b, e, "appeal_term", term_of(t, b, e));
    return;
  }
}

// The last date in [b, e) and where it starts.
std::pair<std::size_t, std::optional<cn::DateScan>> last_date(const Text& t, std::size_t b,
                                                              std::size_t e) {
  std::pair<std::size_t, std::optional<cn::DateScan>> out{0, std::nullopt};
  for (std::size_t k = b; k < e; ++k)
    if (std::optional<cn::DateScan> d = date_at(t, k)) {
      out = {k, d};
      k = d->end - 1;
    }
  return out;
}

void hearing(const Text& t, Sink& out) {
  for (std::size_t i = t.find(U"开庭"); i != npos; i = t.find(U"开庭", i + 2)) {
    const std::size_t le = t.match_any(i, {U"开庭时间", U"开庭日期"});
    if (le != npos) {
      const std::size_t v = t.skip_label_gap(t.skip_spaces(le));
      if (std::optional<cn::DateScan> d = date_at(t, v))
        out.add(i, d->end, "appeal_hearing", d->iso);
      i = le - 2;
      continue;
    }
    std::size_t b = i;
    while (b > 0 && i - b < kMaxClause && !stop(t[b - 1]) && t[b - 1] != U'，' && t[b - 1] != U',')
      --b;
    const auto [at, last] = last_date(t, b, i);
    if (last && i - last->end <= kMaxGap) out.add(at, i + 2, "appeal_hearing", last->iso);
  }
}

bool outcome_titled(const Text& t) {
  return has_title(t, [](Str line) {
    return has_any(line, {U"复议决定书", U"判决书", U"裁定书", U"调解书"});
  });
}

void outcome_served(const Text& t, Sink& out) {
  if (outcome_titled(t))
    for (std::size_t i = t.find_any(kServedLabels); i != npos;
         i = t.find_any(kServedLabels, i + 1)) {
      const std::size_t le = t.match_any(i, kServedLabels);
      const std::size_t v = t.skip_label_gap(t.skip_spaces(le));
      if (std::optional<cn::DateScan> d = date_at(t, v))
        out.add(i, d->end, "appeal_outcome_served", d->iso);
      else
        out.add(i, le, "appeal_outcome_served", "unread");
      i = le - 1;
    }
  // "我办于2024年11月18日收到《行政复议决定书》": the last date before 收到.
  for (std::size_t i = t.find(U"收到"); i != npos; i = t.find(U"收到", i + 2)) {
    std::size_t e = i + 2;
    while (e < t.size() && e - i < kMaxClause && !stop(t[e])) ++e;
    const Str rest = t.str().substr(i, e - i);
    if (!has_any(rest, {U"复议决定书", U"判决书", U"裁定书", U"调解书"})) continue;
    std::size_t b = i;
    while (b > 0 && i - b < kMaxClause && !stop(t[b - 1])) --b;
    const auto [at, last] = last_date(t, b, i);
    if (last) out.add(at, i + 2, "appeal_outcome_served", last->iso);
  }
}

}  // namespace

void extract_appeal_powers(const Text& t, Sink& out) {
  hearing(t, out);
  outcome_served(t, out);
  if (!has_title(t, [](Str line) { return has(line, U"委托书"); })) return;
  powers(t, out);
  term(t, out);
}

}  // namespace auditor::facts

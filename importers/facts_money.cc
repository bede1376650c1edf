// fine and confiscation: amounts tied to 罚款 / 违法所得 / 没收.
#include "importers/facts_text.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMaxFiller = 12;
constexpr std::size_t kMaxBackAmount = 24;

// Words between 罚款 and its amount: 罚款人民币, 罚款金额为, 罚款（大写）：
constexpr std::initializer_list<Str> kFillers = {U"人民币", U"金额", U"数额", U"为",     U"共计",
                                                 U"合计",   U"总计", U"计",   U"(大写)", U"大写",
                                                 U"(小写)", U"小写", U":",    U" ",      U"\t"};

std::size_t skip_fillers(const Text& t, std::size_t i) {
  std::size_t start = i;
  while (i - start < kMaxFiller) {
    std::size_t e = t.match_any(i, kFillers);
    if (e == npos) break;
    i = e;
  }
  return i;
}

// "200元以上", "200元至2000元": a bound of a range, not an amount.
bool range_after(const Text& t, std::size_t i) {
  i = t.skip_spaces(i);
  return t.match_any(i, {U"以上", U"以下", U"以内", U"至", U"到", U"~", U"-", U"－"}) != npos;
}
bool range_before(const Text& t, std::size_t i) {
  while (i > 0 && t[i - 1] == U' ') --i;
  char32_t c = i > 0 ? t[i - 1] : 0;
  return c == U'至' || c == U'到' || c == U'~' || c == U'-';
}

// The amount written after the label ending at e, and its bracketed twin
// ("叁仟元（¥3000）"), each emitted as `kind`.
void amount_after(const Text& t, std::size_t label, std::size_t e, const char* kind, Sink& out) {
  std::size_t a = skip_fillers(t, e);
  auto amount = cn::scan_amount(t.str(), a);
  if (!amount || range_after(t, amount->end)) return;
  out.add(label, amount->end, kind, cn::format_yuan(amount->fen));
  if (t[amount->end] != U'(') return;
  std::size_t k = skip_fillers(t, amount->end + 1);
  auto twin = cn::scan_amount(t.str(), k);
  if (twin && t[t.skip_spaces(twin->end)] == U')')
    out.add(label, twin->end, kind, cn::format_yuan(twin->fen));
}

bool is_amount_char(char32_t c) {
  return cn::is_digit(c) || cn::is_cn_numeral(c) || c == U',' || c == U'.' || c == U' ' ||
         c == 0xA5;
}

// "处人民币3000元罚款", "处以叁仟元的罚款": the amount that ends right before i.
void amount_before(const Text& t, std::size_t i, Sink& out) {
  std::size_t k = i;
  while (k > 0 && t[k - 1] == U' ') --k;
  if (k > 0 && t[k - 1] == U'的') --k;
  if (k > 0 && (t[k - 1] == U'整' || t[k - 1] == U'正')) --k;
  if (k == 0 || (t[k - 1] != U'元' && t[k - 1] != U'圆')) return;
  std::size_t yuan = k - 1, first = yuan;
  if (first > 0 && t[first - 1] == U'万') --first;
  while (first > 0 && yuan - first < kMaxBackAmount && is_amount_char(t[first - 1])) --first;
  for (std::size_t s = first; s < yuan; ++s) {
    auto amount = cn::scan_amount(t.str(), s);
    if (!amount || amount->end < yuan + 1 || amount->end > i) continue;
    if (!range_before(t, s)) out.add(s, i + 2, "fine", cn::format_yuan(amount->fen));
    return;
  }
}

void fines(const Text& t, Sink& out) {
  for (std::size_t i = t.find(U"罚款"); i != npos; i = t.find(U"罚款", i + 1)) {
    if (i >= 2 && t[i - 2] == U'加' && t[i - 1] == U'处') continue;  // 加处罚款: surcharge
    amount_after(t, i, t.match(i, U"罚款"), "fine", out);
    amount_before(t, i, out);
  }
}

void confiscations(const Text& t, Sink& out) {
  for (Str label : {U"违法所得", U"没收"})
    for (std::size_t i = t.find(label); i != npos; i = t.find(label, i + 1))
      amount_after(t, i, t.match(i, label), "confiscation", out);
}

}  // namespace

void extract_money(const Text& t, Sink& out) {
  fines(t, out);
  confiscations(t, out);
}

}  // namespace auditor::facts

// doc_date, filing_date, service_date, hearing_date.
#include "importers/cn_text.h"
#include "importers/facts_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kHearingLookBack = 60;

struct Date {
  std::size_t b, e;
  std::string iso;
};

// Every date in the text outside 《》 (a law's name may carry a revision date).
std::vector<Date> find_dates(const Text& t) {
  std::vector<Date> out;
  int book = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char32_t c = t[i];
    if (c == U'《') ++book;
    if (c == U'》' && book > 0) --book;
    if (c == U'\n') book = 0;
    if (book > 0 || !(cn::is_digit(c) || cn::cn_digit(c) >= 0)) continue;
    if (auto d = cn::scan_date(t.str(), i)) {
      out.push_back({i, d->end, d->iso});
      i = d->end - 1;
    }
  }
  return out;
}

bool is_cell_edge(char32_t c) { return c == 0 || c == U'\n' || c == U'\t'; }

// Nothing but blanks between the date and the edges of its line or cell.
bool stands_alone(const Text& t, const Date& d) {
  std::size_t i = d.b;
  while (i > 0 && t[i - 1] == U' ') --i;
  if (i > 0 && !is_cell_edge(t[i - 1])) return false;
  std::size_t j = d.e;
  while (t[j] == U' ') ++j;
  return is_cell_edge(t[j]);
}

// After a bare `日期:` cell or a signing label such as 签发日期 / 落款日期.
bool after_date_label(const Text& t, const Date& d) {
  std::size_t i = d.b;
  while (i > 0 && (t[i - 1] == U' ' || t[i - 1] == U'\t' || t[i - 1] == U':')) --i;
  if (i < 2 || t.match(i - 2, U"日期") != i) return false;
  std::size_t k = i - 2;
  if (k == 0 || is_cell_edge(t[k - 1]) || t[k - 1] == U' ') return true;
  for (Str l : {U"签发", U"落款", U"制作", U"填表", U"审批", U"签署", U"签收", U"签字", U"签名",
                U"文书", U"决定", U"制发"})
    if (k >= l.size() && t.str().substr(k - l.size(), l.size()) == l) return true;
  return false;
}

// The date right after a label (gap, optional 为/于): emits `kind`.
void labelled(const Text& t, const std::vector<Date>& dates, std::initializer_list<Str> labels,
              const char* kind, Sink& out) {
  for (std::size_t i = t.find_any(labels); i != npos; i = t.find_any(labels, i + 1)) {
    std::size_t e = t.match_any(i, labels);
    std::size_t v = t.skip_label_gap(e);
    if (t[v] == U'为' || t[v] == U'于') v = t.skip_spaces(v + 1);
    for (const Date& d : dates)
      if (d.b == v) out.add(i, d.e, kind, d.iso);
    i = e - 1;
  }
}

// "定于2024年3月20日上午9时在…举行听证": the last date before 举行听证 in its sentence.
void hearing_held(const Text& t, const std::vector<Date>& dates, Sink& out) {
  for (std::size_t i = t.find(U"举行听证"); i != npos; i = t.find(U"举行听证", i + 1)) {
    std::size_t start = i;
    while (start > 0 && !is_clause_end(t[start - 1]) && i - start < kHearingLookBack) --start;
    const Date* last = nullptr;
    for (const Date& d : dates)
      if (d.b >= start && d.e <= i) last = &d;
    if (last) out.add(last->b, i + 4, "hearing_date", last->iso);
  }
}

}  // namespace

void extract_dates(const Text& t, Sink& out) {
  std::vector<Date> dates = find_dates(t);
  const Date* signed_on = nullptr;
  for (const Date& d : dates)
    if (stands_alone(t, d) || after_date_label(t, d)) signed_on = &d;
  if (signed_on) out.add(signed_on->b, signed_on->e, "doc_date", signed_on->iso);
  labelled(t, dates, {U"立案日期", U"立案时间"}, "filing_date", out);
  labelled(t, dates, {U"送达时间", U"送达日期", U"签收时间", U"签收日期", U"收到时间", U"收到日期"},
           "service_date", out);
  labelled(t, dates, {U"听证时间", U"听证日期"}, "hearing_date", out);
  hearing_held(t, dates, out);
}

}  // namespace auditor::facts

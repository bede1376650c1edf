// Dates: labelled_date for every date written under a label, the kinds the
// label vocabulary names (importers/date_labels.tsv: service_date,
// payment_date, publication_date, violation_date, discovery_date,
// filing_date, hearing_date), doc_date, hearing dates in prose and the date
// of the act in a 经查 sentence.
#include <algorithm>
#include <string>

#include "importers/facts_labels.h"
#include "importers/facts_text.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kHearingLookBack = 60;
constexpr std::size_t kProseLabel = 24;      // code points read back for a label in prose
constexpr std::size_t kFactsLookBack = 200;  // from 当事人于 back to 经查 on its line
constexpr std::size_t kWrappedYear = 12;     // code points of a date's part on one line
constexpr std::size_t kBlankRun = 12;        // placeholder marks of one part of a blank date

struct Date {
  std::size_t b, e;
  std::string iso;
};

// A date a narrow cell broke after 年 or 月 ("２０２４年\n３月１２日"): added to
// `out`, its end returned; 0 when there is none at i.
std::size_t wrapped_date(const Text& t, std::size_t i, std::vector<Date>& out) {
  if (i > 0 && (cn::is_digit(t[i - 1]) || cn::cn_digit(t[i - 1]) >= 0)) return 0;
  std::size_t nl = i;
  while (nl < t.size() && nl - i < kWrappedYear && t[nl] != U'\n') ++nl;
  if (t[nl] != U'\n') return 0;
  std::size_t last = nl;
  while (last > i && t[last - 1] == U' ') --last;
  if (last == i || (t[last - 1] != U'年' && t[last - 1] != U'月')) return 0;
  std::u32string joined(t.str().substr(i, nl - i));
  joined += t.str().substr(nl + 1, kWrappedYear);
  auto d = cn::scan_date(joined, 0);
  if (!d || d->end <= nl - i) return 0;
  out.push_back({i, i + d->end + 1, d->iso});
  return i + d->end + 1;
}

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
    } else if (std::size_t e = wrapped_date(t, i, out)) {
      i = e - 1;
    }
  }
  return out;
}

bool is_cell_edge(char32_t c) { return c == 0 || c == U'\n' || c == U'\t'; }

std::size_t skip_digits(const Text& t, std::size_t i, std::size_t max) {
  std::size_t j = i;
  while (cn::is_digit(t[j]) && j - i < max) ++j;
  return j;
}

// A time of day after a date: " 10:30", " 10:30:00", "9时5分", "上午9时30分",
// "10时30分至11时": its end, or i when there is none.
std::size_t skip_time(const Text& t, std::size_t i) {
  std::size_t j = t.skip_spaces(i);
  std::size_t k = t.match_any(j, {U"上午", U"下午", U"中午", U"晚上", U"凌晨", U"早上"});
  if (k != npos) j = t.skip_spaces(k);
  std::size_t h = skip_digits(t, j, 2);
  if (h == j) return k != npos ? j : i;
  if (t[h] == U':' && cn::is_digit(t[h + 1])) {
    std::size_t m = skip_digits(t, h + 1, 2);
    if (t[m] == U':' && cn::is_digit(t[m + 1])) m = skip_digits(t, m + 1, 2);
    return m;
  }
  if (t[h] != U'时' && t[h] != U'点') return i;
  std::size_t m = skip_digits(t, h + 1, 2);
  if (m > h + 1 && t[m] == U'分') ++m;
  return m > h + 1 ? m : h + 1;
}

// Nothing but blanks (and a time of day) between the date and the edges of
// its line or cell.
bool stands_alone(const Text& t, const Date& d) {
  std::size_t i = d.b;
  while (i > 0 && t[i - 1] == U' ') --i;
  if (i > 0 && !is_cell_edge(t[i - 1])) return false;
  std::size_t j = skip_time(t, d.e);
  while (t[j] == U' ') ++j;
  return is_cell_edge(t[j]);
}

// Nothing but blanks and a time of day after the date in its cell.
bool ends_cell(const Text& t, const Date& d) {
  std::size_t j = skip_time(t, d.e);
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

// The signer is the party: "当事人签名", "被询问人签名", "被检查人（签名）".
bool is_party_signer(std::u32string_view n) {
  for (std::u32string_view w : {U"当事人", U"被检查人", U"被询问人", U"被处罚人", U"被检查单位"})
    if (n.substr(0, w.size()) == w) return true;
  return false;
}

// A bare signing label of a signature block: "签字（盖章）：2024年4月8日".
bool is_bare_signing(std::u32string_view n) {
  for (std::u32string_view w : {U"签字", U"签名", U"签章", U"盖章", U"签字盖章", U"签名盖章",
                                U"签字或盖章", U"签名或盖章", U"签发", U"印章"})
    if (n == w) return true;
  return false;
}

// A label of the vocabulary right before the date in running text, with an
// optional colon and 为/于 between ("立案时间为2024年3月5日"): its entry.
const DateLabelEntry* prose_label(const Text& t, const Date& d, std::size_t& label_b) {
  std::size_t p = d.b;
  while (p > 0 && (t[p - 1] == U' ' || t[p - 1] == U'\t')) --p;
  if (p > 0 && (t[p - 1] == U'为' || t[p - 1] == U'于')) --p;
  while (p > 0 && t[p - 1] == U' ') --p;
  if (p > 0 && t[p - 1] == U':') --p;
  while (p > 0 && (t[p - 1] == U' ' || t[p - 1] == U'\t')) --p;
  std::size_t q = p;
  while (q > 0 && p - q < kProseLabel && !is_clause_end(t[q - 1]) && t[q - 1] != U',' &&
         t[q - 1] != U':' && t[q - 1] != U'\t')
    --q;
  std::u32string n = norm_label(t, q, p);
  for (const DateLabelEntry& e : date_label_entries())
    if (n.size() >= e.label.size() && n.substr(n.size() - e.label.size()) == e.label) {
      label_b = q;
      return &e;
    }
  return nullptr;
}

// "定于2024年3月20日上午9时在…举行听证": the last date before 举行听证 in its sentence.
void hearing_held(const Text& t, const std::vector<Date>& dates, Sink& out) {
  for (std::size_t i = t.find(U"举行听证"); i != npos; i = t.find(U"举行听证", i + 1)) {
    std::size_t start = i;
    while (start > 0 && !is_clause_end(t[start - 1]) && i - start < kHearingLookBack) --start;
    // The last date starting before i (dates are in text order).
    auto it = std::lower_bound(dates.begin(), dates.end(), i,
                               [](const Date& d, std::size_t pos) { return d.b < pos; });
    const Date* last = it == dates.begin() ? nullptr : &*(it - 1);
    if (last && last->b >= start && last->e <= i)
      out.add(last->b, i + 4, "hearing_date", last->iso);
  }
}

// "经查，当事人于2024年1月10日在…占道经营", "当事人自2024年2月26日起，未经
// 批准…": the act's date, only right after 当事人于/自 in a line that states
// the findings (经查, 查明, 违法事实), not in an order or a deadline
// (责令…于…前改正) nor in a clause about a procedural step.
void act_date(const Text& t, const Date& d, Sink& out) {
  std::size_t p = d.b;
  while (p > 0 && t[p - 1] == U' ') --p;
  const bool since = p > 0 && t[p - 1] == U'自';
  if (p == 0 || (t[p - 1] != U'于' && !since)) return;
  --p;
  std::size_t lb = d.b;  // back to the line's start, at most kFactsLookBack
  while (lb > 0 && t[lb - 1] != U'\n' && d.b - lb < kFactsLookBack) --lb;
  // The party is the sentence's subject before the date ("当事人作为…的施工单位，
  // 自…起"), and no authority acts in between ("…，执法人员于…").
  std::size_t ss = p;
  while (ss > lb && t[ss - 1] != U'。' && t[ss - 1] != U';') --ss;
  Str sentence = t.str().substr(ss, p - ss);
  std::size_t actor = npos;
  for (Str s : {U"当事人", U"你单位", U"你(单位)", U"你"}) {
    std::size_t k = sentence.rfind(s);
    if (k != Str::npos && (actor == npos || k + s.size() > actor)) actor = k + s.size();
  }
  if (actor == npos) return;
  Str between = sentence.substr(actor);
  for (Str w : {U"执法人员", U"机关", U"本局", U"我局", U"本队", U"我队", U"队员", U"工作人员",
                U"本所", U"街道办"})
    if (between.find(w) != Str::npos) return;
  Str before = t.str().substr(lb, d.b - lb);
  bool findings = false;
  for (Str w : {U"经查", U"查明", U"违法事实", U"经调查"})
    findings = findings || before.find(w) != Str::npos;
  // Or the sentence itself names the breach: "当事人于…乱扔烟头，违反了《…》".
  std::size_t se = d.e;
  while (se < t.size() && t[se] != U'。' && t[se] != U'\n' && se - d.e < kFactsLookBack) ++se;
  findings = findings || t.str().substr(d.e, se - d.e).find(U"违反") != Str::npos;
  if (!findings) return;
  std::size_t sb = d.b;  // the sentence part before the date
  while (sb > lb && !is_clause_end(t[sb - 1]) && t[sb - 1] != U',') --sb;
  Str lead = t.str().substr(sb, d.b - sb);
  for (Str w : {U"责令", U"要求", U"限", U"应当", U"须"})
    if (lead.find(w) != Str::npos) return;
  std::size_t after = skip_time(t, d.e);
  if (since && t[after] != U'起') return;
  for (Str w : {U"前", U"之前", U"以前", U"内", U"止"})
    if (t.match(after, w) != npos) return;
  std::size_t end = d.e;
  while (end < t.size() && !is_clause_end(t[end]) && t[end] != U',') ++end;
  Str clause = t.str().substr(d.e, end - d.e);
  for (Str w : {U"立案", U"送达", U"告知", U"收到", U"签收", U"陈述", U"申辩", U"听证", U"缴纳",
                U"申请", U"作出", U"提出", U"接受", U"询问", U"检查", U"调查", U"改正", U"整改"})
    if (clause.find(w) != Str::npos) return;
  // "自…起…持续至今": an act still going on, judged from its end.
  if (since) {
    std::size_t se = d.e;
    while (se < t.size() && t[se] != U'。' && t[se] != U'\n' && se - d.e < kFactsLookBack) ++se;
    Str rest = t.str().substr(d.e, se - d.e);
    for (Str w : {U"至今", U"持续", U"一直", U"仍在", U"仍然", U"继续", U"未停止", U"尚未停止"})
      if (rest.find(w) != Str::npos) {
        out.add(d.b, end, "violation_continuing", d.iso);
        return;
      }
  }
  out.add(d.b, end, "violation_date", d.iso);
}

bool is_placeholder(char32_t c) {
  return c == U' ' || c == U'_' || c == U'＿' || c == U'×' || c == U'x' || c == U'X' || c == U'*' ||
         c == U'○' || c == U'-';
}

// A date field left blank ("送达时间：    年  月  日", "签收日期：×年×月×日") under a
// label the vocabulary knows: blank_date = its kind, so that a rule can say
// which date was not filled in.
void blank_dates(const Text& t, LabelMemo& memo, Sink& out) {
  for (std::size_t y = t.str().find(U'年'); y != npos; y = t.str().find(U'年', y + 1)) {
    std::size_t b = y;
    while (b > 0 && is_placeholder(t[b - 1]) && y - b < kBlankRun) --b;
    if (b > 0 && (cn::is_digit(t[b - 1]) || cn::cn_digit(t[b - 1]) >= 0)) continue;
    std::size_t m = y + 1;
    while (is_placeholder(t[m]) && m - y < kBlankRun) ++m;
    if (t[m] != U'月') continue;
    std::size_t d = m + 1;
    while (is_placeholder(t[d]) && d - m < kBlankRun) ++d;
    if (t[d] != U'日') continue;
    while (b < y && t[b] == U' ') ++b;  // the blank field starts at its first mark
    DateLabel l = label_of_date(t, b, d + 1, memo);
    std::string_view kind = l.found() ? date_label_kind(l.norm) : std::string_view{};
    if (!kind.empty()) out.add(l.b < b ? l.b : b, d + 1, "blank_date", std::string(kind));
  }
}

}  // namespace

void extract_dates(const Text& t, Sink& out) {
  std::vector<Date> dates = find_dates(t);
  // The party's signature dates a document only when nothing else signs it
  // (a decision's 当事人联 is signed by the party after the organ's date).
  const Date* signed_on = nullptr;
  const Date* party_signed = nullptr;
  LabelMemo memo;
  for (const Date& d : dates) {
    DateLabel l = label_of_date(t, d.b, d.e, memo);
    // A date in a table column (under a header) is data, not a signature.
    bool signing = (stands_alone(t, d) && !(l.found() && l.at == LabelAt::column)) ||
                   after_date_label(t, d) || l.sealed || (l.signer && ends_cell(t, d));
    if (l.found()) {
      const std::size_t b = l.at == LabelAt::same_cell || l.at == LabelAt::prev_cell ? l.b : d.b;
      out.add(b, d.e, "labelled_date", t.original(l.b, l.e) + "=" + d.iso);
      std::string_view kind = date_label_kind(l.norm);
      if (!kind.empty()) out.add(b, d.e, std::string(kind), d.iso);
      // A signature's date ("签名：刘卫东 2024年3月4日", "签字（盖章）：2024年3月4日")
      // unless the signer is the recipient (a service label of the vocabulary).
      signing = signing || (!l.named && is_bare_signing(l.norm)) ||
                (is_signature_label(l.norm) && kind.empty());
    }
    std::size_t pb = npos;
    if (const DateLabelEntry* e = prose_label(t, d, pb)) {
      if (!l.found()) out.add(pb, d.e, "labelled_date", to_utf8(e->label) + "=" + d.iso);
      out.add(pb, d.e, e->kind, d.iso);
    }
    act_date(t, d, out);
    if (signing && l.found() && is_party_signer(l.norm))
      party_signed = &d;
    else if (signing)
      signed_on = &d;
  }
  if (!signed_on) signed_on = party_signed;
  if (signed_on) out.add(signed_on->b, signed_on->e, "doc_date", signed_on->iso);
  blank_dates(t, memo, out);
  hearing_held(t, dates, out);
}

}  // namespace auditor::facts

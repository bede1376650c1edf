// The date-label vocabulary (importers/date_labels.tsv, compiled in) and the
// text helpers the layout reader (facts_label_layouts.cc) shares.
#include "importers/facts_labels.h"

#include <algorithm>

#include "util/cn_text.h"

namespace auditor::facts {
using namespace label_text;
namespace {

constexpr const char* kData =
#include "importers/date_labels.inc"
    ;

std::vector<DateLabelEntry> parse_entries() {
  std::vector<DateLabelEntry> out;
  std::string_view data = kData;
  while (!data.empty()) {
    std::size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view{} : data.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 >= line.size()) continue;
    std::string kind(line.substr(tab + 1));
    while (!kind.empty() && (kind.back() == '\r' || kind.back() == ' ')) kind.pop_back();
    Text label(line.substr(0, tab));
    std::u32string norm = norm_label(label, 0, label.size());
    if (!norm.empty() && !kind.empty()) out.push_back({std::move(norm), std::move(kind)});
  }
  std::stable_sort(out.begin(), out.end(), [](const DateLabelEntry& a, const DateLabelEntry& b) {
    return a.label.size() > b.label.size();
  });
  return out;
}

}  // namespace

namespace label_text {

// A label's normalised text reads as the label of a date: short, Han, no
// digits or sentence punctuation, and a date word, a known label or a
// signature in it.
bool date_label_like(std::u32string_view n) {
  if (n.empty() || n.size() > kMaxLabel) return false;
  bool han = false;
  for (char32_t c : n) {
    if (cn::is_digit(c) || is_punct(c)) return false;
    han = han || cn::is_han(c);
  }
  if (!han) return false;
  return ends_with(n, U"日期") || ends_with(n, U"时间") || ends_with(n, U"日") ||
         ends_with(n, U"期") || !date_label_kind(n).empty() || is_signature_label(n);
}

// Any label before a colon: short, Han, no digits or punctuation.
bool colon_label_like(std::u32string_view n) {
  if (n.empty() || n.size() > kMaxLabel) return false;
  bool han = false;
  for (char32_t c : n) {
    if (cn::is_digit(c) || is_punct(c)) return false;
    han = han || cn::is_han(c);
  }
  return han;
}

// A signer's name (or nothing) between a signature label and its date.
bool name_like(std::u32string_view n) {
  if (n.size() > kMaxName) return false;
  for (char32_t c : n)
    if (cn::is_digit(c) || is_punct(c) || c == U':') return false;
  return true;
}

// The start of i's cell, but at most kMaxPrefix code points back, so that
// reading every date of a huge line stays linear.
std::size_t cell_begin(const Text& t, std::size_t i) {
  const std::size_t stop = i > kMaxPrefix ? i - kMaxPrefix : 0;
  while (i > stop && !is_edge(t[i - 1])) --i;
  return i;
}
bool starts_line(const Text& t, std::size_t i) { return i == 0 || t[i - 1] == U'\n'; }

// The start of i's line, or npos when it is more than kMaxRow code points back.
std::size_t row_begin(const Text& t, std::size_t i) {
  const std::size_t stop = i > kMaxRow ? i - kMaxRow : 0;
  while (i > stop && t[i - 1] != U'\n') --i;
  return starts_line(t, i) ? i : npos;
}
std::size_t cell_end(const Text& t, std::size_t i) {
  while (!is_edge(t[i])) ++i;
  return i;
}

// [b, e) without blanks at either end.
void trim(const Text& t, std::size_t& b, std::size_t& e) {
  while (b < e && is_blank(t[b])) ++b;
  while (e > b && is_blank(t[e - 1])) --e;
}

// The text of [b, e) outside brackets, blanks removed: "（与受送达人的关系： ）" -> "".
std::u32string outside_brackets(const Text& t, std::size_t b, std::size_t e) {
  std::u32string out;
  int depth = 0;
  for (std::size_t i = b; i < e; ++i) {
    if (is_open(t[i]))
      ++depth;
    else if (is_close(t[i]) && depth > 0)
      --depth;
    else if (depth == 0 && !is_blank(t[i]))
      out += t[i];
  }
  return out;
}

// The text ends with an organ's seal mark "（印章）", "（公章）", "（盖章）".
bool has_seal_mark(const Text& t, std::size_t b, std::size_t e) {
  while (e > b && is_blank(t[e - 1])) --e;
  if (e == b || !is_close(t[e - 1])) return false;
  std::u32string all = norm_label(t, b, e);
  return ends_with(all, U"印章") || ends_with(all, U"公章") || ends_with(all, U"盖章");
}

// The cell holds only the name of an enforcement organ, as it signs a
// letter with the date beside it: "广州市海珠区人民政府赤岗街道办事处    2024年3月5日".
bool signing_organ(const Text& t, std::size_t cb, std::size_t pe) {
  if (cb > 0 && !is_edge(t[cb - 1])) return false;  // not the whole cell
  std::u32string n = outside_brackets(t, cb, pe);   // not "张警官（…法制大队）"
  if (n.size() < 3 || !colon_label_like(n) || n.size() > kMaxPrefix) return false;
  for (std::u32string_view w : {U"办事处", U"人民政府", U"局", U"委员会", U"执法队", U"大队",
                                U"中队", U"管理所", U"中心", U"街道", U"厅"})
    if (ends_with(n, w)) return true;
  return false;
}

// An opinion closed by its signer's name: "同意立案。 刘卫东 2024年3月4日" —
// two to four Han characters right before the date, after a full stop or
// at the start of the cell.
bool signer_before(const Text& t, std::size_t cb, std::size_t pe) {
  std::size_t i = pe;
  while (i > cb && cn::is_han(t[i - 1]) && pe - i < 5) --i;
  if (pe - i < 2 || pe - i > 4) return false;
  while (i > cb && is_blank(t[i - 1])) --i;
  return i == cb ? cb == 0 || is_edge(t[cb - 1]) : t[i - 1] == U'。';
}

DateLabel make(const Text& t, std::size_t b, std::size_t e, LabelAt at) {
  DateLabel l;
  trim(t, b, e);
  if (b < e && is_open(t[b])) {  // "（以下空白）被询问人签名"
    std::size_t c = b;
    while (c < e && !is_close(t[c])) ++c;
    if (c + 1 < e) b = c + 1;
  }
  trim(t, b, e);
  while (e > b && t[e - 1] == U':') --e;
  trim(t, b, e);
  l.b = b;
  l.e = e;
  l.norm = norm_label(t, b, e);
  l.at = at;
  return l;
}

// The cells of the line starting at lb; none when the line is wider than kMaxRow.
std::vector<std::pair<std::size_t, std::size_t>> cells_of_line(const Text& t, std::size_t lb) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t le = lb;
  while (le < t.size() && t[le] != U'\n' && le - lb <= kMaxRow) ++le;
  if (le - lb > kMaxRow) return out;
  for (std::size_t b = lb;;) {
    std::size_t e = cell_end(t, b);
    out.push_back({b, e});
    if (e >= le) break;
    b = e + 1;
  }
  return out;
}

bool holds_digit(const Text& t, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e; ++i)
    if (cn::is_digit(t[i]) || cn::cn_digit(t[i]) >= 0) return true;
  return false;
}

}  // namespace label_text

std::string_view date_labels_data() { return kData; }

const std::vector<DateLabelEntry>& date_label_entries() {
  static const std::vector<DateLabelEntry> entries = parse_entries();
  return entries;
}

std::u32string norm_label(const Text& t, std::size_t b, std::size_t e) {
  std::u32string out;
  for (std::size_t i = b; i < e && i < t.size(); ++i) {
    char32_t c = t[i];
    if (is_blank(c) || c == U'\n' || c == U':' || is_open(c) || is_close(c)) continue;
    out += c;
  }
  return out;
}

std::string_view date_label_kind(std::u32string_view norm) {
  for (const DateLabelEntry& e : date_label_entries())
    if (ends_with(norm, e.label)) return e.kind;
  return {};
}

bool is_signature_label(std::u32string_view n) {
  for (std::u32string_view w : {U"签名", U"签字", U"签章", U"盖章", U"签收", U"印章"})
    if (n.find(w) != std::u32string_view::npos) return true;
  // Roles that sign a form with their name and the date.
  for (std::u32string_view w :
       {U"承办人", U"负责人", U"审批人", U"审核人", U"记录人",   U"经办人", U"填表人",
        U"批准人", U"调查人", U"立卷人", U"收件人", U"受送达人", U"签收人", U"代收人",
        U"申请人", U"申辩人", U"主持人", U"听证员", U"记录员",   U"见证人", U"委托人",
        U"受托人", U"报告人", U"制作人", U"汇报人", U"签发人",   U"确认"})
    if (ends_with(n, w)) return true;
  return false;
}

}  // namespace auditor::facts

// The reader of the label a date was written under (label_of_date,
// importers/facts_labels.h). Layouts read, in order: the date's own cell
// ("label：date", "label：name date" for signatures, "label date"), runs of
// spaces a PDF put between cells, the cells before it on its row, the header
// cell above it in its column, a label on the lines above (wrapped or one
// character a line), and the row above a merged label cell (docs/facts.md).
#include <vector>

#include "importers/facts_labels.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

using namespace label_text;

// Label and date in one cell: [cb, pe) is the text before the date.
DateLabel in_cell(const Text& t, std::size_t cb, std::size_t pe) {
  // The last colon outside brackets ends the label.
  std::size_t colon = npos;
  int depth = 0;
  for (std::size_t i = cb; i < pe; ++i) {
    if (is_open(t[i]))
      ++depth;
    else if (is_close(t[i]) && depth > 0)
      --depth;
    else if (depth == 0 && t[i] == U':')
      colon = i;
  }
  if (colon != npos) {
    std::size_t ls = colon;  // back to a clause break or a run of spaces
    while (ls > cb && !is_punct(t[ls - 1]) && t[ls - 1] != U':' && t[ls - 1] != U'、' &&
           !(t[ls - 1] == U' ' && ls - 1 > cb && t[ls - 2] == U' '))
      --ls;
    // "签名：张三、李四 签名时间：2024-03-04": a word, one space, then the label.
    for (std::size_t i = colon; i > ls + 1; --i)
      if (is_blank(t[i - 1]) && !is_blank(t[i - 2]) && i >= ls + 3 && !is_blank(t[i - 3]) &&
          date_label_like(norm_label(t, i, colon))) {
        ls = i;
        break;
      }
    DateLabel l = make(t, ls, colon, LabelAt::same_cell);
    if (!date_label_like(l.norm)) return {};  // "问：2024年…", "案情简介：2024年…"
    std::u32string filler = outside_brackets(t, colon + 1, pe);
    if (filler.empty() || filler == U"为" || filler == U"于") return l;
    if (!is_signature_label(l.norm) || !name_like(filler)) return {};
    l.named = true;
    return l;
  }
  std::u32string whole = norm_label(t, cb, pe);
  if (whole.empty()) return {};
  // Blank-separated tokens: "收件人签名 张三", "签 收 日 期", "案由 …案 听证时间".
  std::vector<std::pair<std::size_t, std::size_t>> tokens;
  for (std::size_t i = cb; i < pe;) {
    while (i < pe && is_blank(t[i])) ++i;
    std::size_t j = i;
    while (j < pe && !is_blank(t[j])) ++j;
    if (j > i) tokens.push_back({i, j});
    i = j;
  }
  if (tokens.size() > 1) {
    // "收件人签名 张三 2024年4月8日": a signature label, then a name.
    for (std::size_t k = 1; k < tokens.size(); ++k) {
      std::u32string head = norm_label(t, cb, tokens[k - 1].second);
      std::u32string name = outside_brackets(t, tokens[k].first, pe);
      const bool word = tokens[k - 1].second - tokens[k - 1].first > 1;  // not "签 收 日 期"
      if (word && is_signature_label(head) && colon_label_like(head) && name_like(name)) {
        DateLabel l = make(t, cb, tokens[k - 1].second, LabelAt::same_cell);
        l.named = true;
        return l;
      }
    }
    // The label is the last token, or the last run of one-character tokens
    // of a spaced-out label ("签 收 日 期").
    std::size_t first = tokens.size() - 1;
    while (first > 0 && tokens[first].second - tokens[first].first == 1 &&
           tokens[first - 1].second - tokens[first - 1].first == 1)
      --first;
    cb = tokens[first].first;
    whole = norm_label(t, cb, pe);
  }
  // "签收日期 2024年4月8日", "制作日期 2024年4月8日"
  if (date_label_like(whole) && whole.back() != U'于' && whole.back() != U'为')
    return make(t, cb, pe, LabelAt::same_cell);
  return {};
}

// A label cell that names its signers: "执法人员签名：张三、李四".
DateLabel named_cell(const Text& t, std::size_t b, std::size_t e, LabelAt at) {
  for (std::size_t i = b; i < e; ++i)
    if (t[i] == U':') {
      DateLabel l = in_cell(t, b, e);
      if (!l.found() || !l.named) return {};
      l.at = at;
      return l;
    }
  return {};
}

// Cells a PDF row separates by runs of spaces instead of tabs:
// "送达时间  2024年4月8日  签收日期  2024年4月9日", "收件人签名  张三  2024年4月8日".
DateLabel after_gap(const Text& t, std::size_t cb, std::size_t pe) {
  auto gap_before = [&](std::size_t end, std::size_t& gap_b) {  // end of the last 2+ space run
    for (std::size_t i = end; i > cb + 1; --i)
      if (t[i - 1] == U' ' && t[i - 2] == U' ') {
        gap_b = i - 2;
        while (gap_b > cb && t[gap_b - 1] == U' ') --gap_b;
        return i;
      }
    return npos;
  };
  std::size_t gb = 0;
  std::size_t seg = gap_before(pe, gb);
  if (seg == npos) return {};
  DateLabel l = in_cell(t, seg, pe);
  if (l.found()) return l;
  const std::u32string name = outside_brackets(t, seg, pe);
  if (name.empty() || !name_like(name)) return {};
  std::size_t gb2 = 0;
  std::size_t lseg = gap_before(gb, gb2);
  if (lseg == npos) lseg = cb;
  std::u32string n = norm_label(t, lseg, gb);
  if (!is_signature_label(n) || !colon_label_like(n)) return {};
  DateLabel sig = make(t, lseg, gb, LabelAt::same_cell);
  sig.named = true;
  return sig;
}

// A date first in its cell: the cells before it on the row. A short name
// cell may sit between a signature label and the date.
DateLabel before_in_row(const Text& t, std::size_t cb, bool named) {
  for (int cells = 0; cb > 0 && t[cb - 1] == U'\t' && cells < 3; ++cells) {
    std::size_t pe = cb - 1;  // the tab
    std::size_t pb = cell_begin(t, pe);
    cb = pb;
    std::u32string n = norm_label(t, pb, pe);
    if (has_seal_mark(t, pb, pe)) return {};
    if (n.empty() || outside_brackets(t, pb, pe).empty()) continue;  // "（与…的关系：本人）"
    if (DateLabel l = named_cell(t, pb, pe, LabelAt::prev_cell); l.found() && !named) return l;
    if (date_label_like(n) && (!named || is_signature_label(n))) {
      DateLabel l = make(t, pb, pe, LabelAt::prev_cell);
      l.named = named;
      return l;
    }
    if (named || !name_like(n)) return {};
    named = true;
  }
  return {};
}

// A header cell above the date in its column, in a table whose rows have
// the same number of cells; rows of values (digits) in between are skipped.
DateLabel column_header(const Text& t, std::size_t cb, LabelMemo& memo) {
  std::size_t lb = row_begin(t, cb);
  if (lb == npos) return {};
  auto row = cells_of_line(t, lb);
  if (row.size() < 2) return {};
  std::size_t k = 0;
  while (k < row.size() && row[k].first != cb) ++k;
  if (k == row.size()) return {};
  // Rows of values walked over share the answer of the row they reached.
  std::vector<std::size_t> walked = {lb};
  auto answer = [&](DateLabel l) {
    for (std::size_t r : walked) memo.column[{r, k}] = l;
    return l;
  };
  for (std::size_t up = 0; up < kMaxHeaderUp && lb > 0; ++up) {
    lb = row_begin(t, lb - 1);
    if (lb == npos) return answer({});
    if (auto it = memo.column.find({lb, k}); it != memo.column.end()) return answer(it->second);
    auto above = cells_of_line(t, lb);
    if (above.size() != row.size()) return answer({});
    auto [b, e] = above[k];
    if (holds_digit(t, b, e)) {
      walked.push_back(lb);
      continue;
    }
    std::u32string n = norm_label(t, b, e);
    if (date_label_like(n)) return answer(make(t, b, e, LabelAt::column));
    if (!n.empty()) return answer({});
  }
  return answer({});
}

// A date in a row whose cells before it are empty, continuing the merged
// label cell of the row above: "收件人签名或盖章\t张三" / "\t2024年4月8日".
DateLabel merged_above(const Text& t, std::size_t cb) {
  std::size_t lb = row_begin(t, cb);
  if (lb == npos || lb == 0) return {};
  auto row = cells_of_line(t, lb);
  std::size_t k = 0;
  while (k < row.size() && row[k].first != cb) ++k;
  if (k == 0 || k == row.size()) return {};
  for (std::size_t i = 0; i < k; ++i)
    if (!norm_label(t, row[i].first, row[i].second).empty()) return {};
  std::size_t ab = row_begin(t, lb - 1);
  if (ab == npos) return {};
  auto above = cells_of_line(t, ab);
  if (above.size() <= k) return {};
  bool named = false;
  for (std::size_t i = k + 1; i-- > 0;) {
    std::u32string n = norm_label(t, above[i].first, above[i].second);
    if (n.empty()) continue;
    if (date_label_like(n) && (!named || is_signature_label(n))) {
      DateLabel l = make(t, above[i].first, above[i].second, LabelAt::prev_line);
      l.named = named;
      return l;
    }
    if (named || i != k || !name_like(n)) return {};
    named = true;
  }
  return {};
}

// The last non-empty cell of the line starting at lb: [b, e), or b == e.
std::pair<std::size_t, std::size_t> last_cell(const Text& t, std::size_t lb, bool& several) {
  auto cells = cells_of_line(t, lb);
  several = false;
  std::pair<std::size_t, std::size_t> out{lb, lb};
  for (auto it = cells.rbegin(); it != cells.rend(); ++it) {
    if (norm_label(t, it->first, it->second).empty()) continue;
    if (out.first != out.second) {
      several = true;
      break;
    }
    out = *it;
  }
  return out;
}

// A short piece of a label a narrow cell wrapped ("收件人签名或" / "盖章").
bool label_piece(std::u32string_view n) { return n.size() <= kMaxPiece && colon_label_like(n); }

// The label on the lines above a date that starts its line: the last cell of
// the line above, or a label a narrow table cell wrapped over short lines
// ("收件人签名或" / "盖章") or wrote one character per line ("公" "示" "日" "期").
// The shortest join the vocabulary knows wins, else the longest that reads
// as a date's label. With `named`, a signer's name sits before the date and
// the label must be a signature's.
DateLabel lines_above(const Text& t, std::size_t lb, bool named) {
  std::vector<std::pair<std::size_t, std::size_t>> pieces;  // nearest first
  bool single_chars = true;
  for (std::size_t l = lb; l > 0 && pieces.size() < kMaxPieces;) {
    l = row_begin(t, l - 1);
    if (l == npos) break;
    bool several = false;
    auto cell = last_cell(t, l, several);
    std::u32string n = norm_label(t, cell.first, cell.second);
    if (n.empty()) break;
    if (pieces.empty() && has_seal_mark(t, cell.first, cell.second)) {
      DateLabel sealed;
      sealed.sealed = true;
      return sealed;
    }
    const bool first = pieces.empty();
    if (first && !named)
      if (DateLabel l = named_cell(t, cell.first, cell.second, LabelAt::prev_line); l.found())
        return l;
    if (!(first ? colon_label_like(n) : label_piece(n))) break;
    if (!first && !label_piece(norm_label(t, pieces.back().first, pieces.back().second))) break;
    single_chars = single_chars && n.size() == 1;
    pieces.push_back(cell);
    if (several || (!single_chars && pieces.size() >= 3)) break;
  }
  auto fits = [&](const std::u32string& n) {
    return named ? is_signature_label(n) && colon_label_like(n) : date_label_like(n);
  };
  std::size_t best = 0;
  for (std::size_t k = 1; k <= pieces.size(); ++k) {
    std::u32string n = norm_label(t, pieces[k - 1].first, pieces[0].second);
    if (n.size() > kMaxLabel) break;
    if (!date_label_kind(n).empty() && fits(n)) {
      best = k;
      break;
    }
    if (fits(n)) best = k;
  }
  if (best == 0) return {};
  DateLabel l = make(t, pieces[best - 1].first, pieces[0].second, LabelAt::prev_line);
  l.named = named;
  return l;
}

}  // namespace

DateLabel label_of_date(const Text& t, std::size_t b, std::size_t /*e*/, LabelMemo& memo) {
  std::size_t cb = cell_begin(t, b);
  std::size_t pe = b;
  while (pe > cb && is_blank(t[pe - 1])) --pe;
  // Text before the date in its cell, unless it is only bracketed notes
  // ("（与受送达人的关系： ）") or a seal mark ("（印章）").
  if ((has_seal_mark(t, cb, pe) && date_label_kind(norm_label(t, cb, pe)).empty()) ||
      (pe < b && signing_organ(t, cb, pe))) {
    DateLabel l;
    l.sealed = true;
    return l;
  }
  const std::u32string before = outside_brackets(t, cb, pe);
  if (!before.empty()) {
    DateLabel l = in_cell(t, cb, pe);
    if (!l.found()) l = after_gap(t, cb, pe);
    // "张三 （与受送达人的关系：本人） 2024年4月8日" under a signature label cell.
    if (!l.found() && name_like(before)) l = before_in_row(t, cb, true);
    if (!l.found() && name_like(before) && starts_line(t, cb)) l = lines_above(t, cb, true);
    if (!l.found()) l.signer = signer_before(t, cb, pe);
    return l;
  }
  const bool sealed = pe > cb && has_seal_mark(t, cb, pe);
  DateLabel l = before_in_row(t, cb, false);
  if (!l.found()) l = column_header(t, cb, memo);
  if (!l.found() && starts_line(t, cb)) l = lines_above(t, cb, false);
  if (!l.found() && !l.sealed) l = merged_above(t, cb);
  l.sealed = l.sealed || sealed;
  return l;
}

}  // namespace auditor::facts

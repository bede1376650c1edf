// Lines, column starts and cells of a page from its words. Contract in
// layout_internal.h; thresholds in docs/formats/pdf.md ("Layout").
#include "importers/layout/layout_internal.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace auditor::text_layout {
namespace {

double line_top(const std::vector<const Word*>& line) {
  double top = line.front()->top;
  for (const Word* w : line) top = std::min(top, w->top);
  return top;
}

// A visible break before word k of the line: a space or a gap.
bool visible_break(const std::vector<const Word*>& line, std::size_t k, const Geometry& g) {
  return line[k - 1]->space_after || line[k]->left - line[k - 1]->right >= 0.2 * g.h;
}

// The cell runs across a column start of its page: it spans columns (a
// form's value cell to the end of the row), so a date or number after it on
// its line, short of a wide gap, belongs to it
// (`周伟明（与受送达人的关系：经营者）  2024年8月23日`). `spanned`: the page's
// spanned_starts.
bool spans_column(const Fragment& cell, const std::vector<double>& spanned, const Geometry& g) {
  auto it = std::upper_bound(spanned.begin(), spanned.end(), cell.left + g.align);
  return it != spanned.end() && *it < cell.right - g.align;
}

// The word starts where the block of the word before ends, that block being
// a cell's box (over 0.3 h wider than its text, or its text overflowing it
// by as much; OFD): the next cell.
bool beyond_box(const Word& before, const Word& w, const Geometry& g) {
  return before.box_right > 0 && std::abs(before.box_right - before.right) > 0.3 * g.h &&
         w.left >= before.box_right - g.align;
}

// A word of one Han character.
bool one_han(const std::string& w) { return w.size() == 3 && is_cjk(decode_at(w, 0)); }

}  // namespace

// Words sorted into lines (centres within `same_line`), each in x order.
std::vector<std::vector<const Word*>> group_lines(std::vector<Word>& words, const Geometry& g) {
  std::sort(words.begin(), words.end(),
            [](const Word& a, const Word& b) { return a.top + a.bottom < b.top + b.bottom; });
  std::vector<std::vector<const Word*>> lines;
  double centre = 0;
  for (const Word& w : words) {
    const double c = (w.top + w.bottom) / 2;
    if (lines.empty() || c - centre > g.same_line) {
      lines.emplace_back();
      centre = c;
    }
    lines.back().push_back(&w);
  }
  for (auto& l : lines)
    std::sort(l.begin(), l.end(), [](const Word* a, const Word* b) { return a->left < b->left; });
  return lines;
}

// Lines that look like table rows: a gap wider than a space on the line, or
// such a line within one wrap above or below.
std::vector<bool> table_lines(const std::vector<std::vector<const Word*>>& lines,
                              const Geometry& g) {
  std::vector<bool> multi(lines.size(), false), near(lines.size(), false);
  for (std::size_t i = 0; i < lines.size(); ++i)
    for (std::size_t k = 1; k < lines[i].size(); ++k)
      if (lines[i][k]->left - lines[i][k - 1]->right >= g.word_gap) multi[i] = true;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!multi[i]) continue;
    near[i] = true;
    const double top = line_top(lines[i]);
    for (std::size_t j = i; j-- > 0 && top - line_top(lines[j]) <= g.wrap;) near[j] = true;
    for (std::size_t j = i + 1; j < lines.size() && line_top(lines[j]) - top <= g.wrap; ++j)
      near[j] = true;
  }
  return near;
}

std::size_t Starts::find_index(double x, double align) const {
  std::size_t best = list_.size();
  // Keys a little beyond the window too: the test below is the exact one.
  for (auto it = by_x_.lower_bound(x - 2 * align); it != by_x_.end() && it->first <= x + 2 * align;
       ++it)
    if (std::abs(it->first - x) <= align) best = std::min(best, it->second);
  return best;
}

const Start* Starts::find(double x, double align) const {
  const std::size_t i = find_index(x, align);
  return i < list_.size() ? &list_[i] : nullptr;
}

void Starts::add_line(const std::vector<double>& xs, double align) {
  std::vector<std::size_t> seen;
  for (double x : xs) {
    std::size_t i = find_index(x, align);
    if (i == list_.size()) {
      list_.push_back({x});
      by_x_.emplace(x, i);
    }
    seen.push_back(i);
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (std::size_t i : seen) ++list_[i].lines;
}

void count_starts(const PageLines& lines, const std::vector<bool>& table, const Geometry& g,
                  Starts& starts) {
  std::vector<double> xs;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!table[i]) continue;
    xs.clear();
    for (std::size_t k = 0; k < lines[i].size(); ++k) {
      if (k > 0 && !visible_break(lines[i], k, g)) continue;
      if (k > 0 && lines[i][k]->left - lines[i][k - 1]->right < kRunBreak * g.h &&
          cjk_digit_run(lines[i][k - 1]->text, lines[i][k]->text))
        continue;  // a run break inside a phrase (`〔2024〕23 号`)
      xs.push_back(lines[i][k]->left);
    }
    starts.add_line(xs, g.align);
  }
}

// A word crosses x when it reaches further than `align` on both sides: x in
// (left + align, right - align). A line's intervals are merged so that a
// line counts once.
Crossings::Crossings(const PageLines& lines, const std::vector<bool>& table, double align) {
  std::vector<std::pair<double, double>> spans;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!table[i]) continue;
    spans.clear();
    for (const Word* w : lines[i])
      if (w->left + align < w->right - align) spans.emplace_back(w->left + align, w->right - align);
    std::sort(spans.begin(), spans.end());
    for (std::size_t k = 0; k < spans.size();) {
      double lo = spans[k].first, hi = spans[k].second;
      for (++k; k < spans.size() && spans[k].first < hi; ++k) hi = std::max(hi, spans[k].second);
      lo_.push_back(lo);
      hi_.push_back(hi);
    }
  }
  std::sort(lo_.begin(), lo_.end());
  std::sort(hi_.begin(), hi_.end());
}

// Intervals holding x: those starting before it less those ending at or
// before it (an interval ends after it starts).
int Crossings::at(double x) const {
  const auto started = std::lower_bound(lo_.begin(), lo_.end(), x) - lo_.begin();
  const auto ended = std::upper_bound(hi_.begin(), hi_.end(), x) - hi_.begin();
  return static_cast<int>(started - ended);
}

std::vector<double> spanned_starts(const Starts& page_starts, const Crossings& crossed) {
  std::vector<double> out;
  for (const Start& s : page_starts.all())
    if (s.lines >= 2 && 2 * s.lines > crossed.at(s.x)) out.push_back(s.x);
  std::sort(out.begin(), out.end());
  return out;
}

// The cells of one line. A word starts a cell after a gap of two line
// heights, when it starts half a line height inside the word before (text
// overflowing a narrow cell into the next one) or beyond the cell box of the
// word before (beyond_box); unless it is a number after a cell spanning a column, after a gap wider
// than a space when its left edge is a column start of two table lines; after a mere space when it
// is such a column start, fewer than twice as many table lines run across it (cells spanning
// columns) and the space is no Han/digit run break (unless ≥ 0.22 h wide).
// Other words join the cell before them, with a space where poppler saw one
// or the gap is 0.15 h or more (as raw order has it: `第1页 共1页`), except
// between the characters of a label spaced out one by one (`当 事 人`).
Line make_line(const std::vector<const Word*>& words, const Starts& starts,
               const Crossings& crossed, const std::vector<double>& spanned, const Geometry& g) {
  Line line{line_top(words), {}};
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Word& w = *words[k];
    bool cell = k == 0;
    if (k > 0) {
      const double gap = w.left - words[k - 1]->right;
      const Start* s = starts.find(w.left, g.align);
      const int n = s ? s->lines : 0;
      const bool after_span =
          is_digit(decode_at(w.text, 0)) && spans_column(line.cells.back(), spanned, g);
      cell = gap >= g.wide_gap || gap <= -0.5 * g.h || beyond_box(*words[k - 1], w, g) ||
             (!after_span &&
              ((gap >= g.word_gap && n >= 2) ||
               (n >= 2 && 2 * n > crossed.at(s->x) && visible_break(words, k, g) &&
                (gap >= kRunBreak * g.h || !cjk_digit_run(words[k - 1]->text, w.text)))));
    }
    if (cell) {
      line.cells.push_back(
          {w.left, w.right, w.top, w.text, w.right - w.left, w.box_right, w.box_left});
      continue;
    }
    Fragment& f = line.cells.back();
    if (words[k - 1]->space_after || (w.left - words[k - 1]->right >= 0.15 * g.h &&
                                      !one_han(words[k - 1]->text) && !one_han(w.text)))
      f.text += ' ';
    f.text += w.text;
    f.right = std::max(f.right, w.right);
    f.top = std::min(f.top, w.top);
    f.box_right = w.box_right;
  }
  return line;
}

}  // namespace auditor::text_layout

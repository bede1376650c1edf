// Rebuilds lines, table cells and wrapped cells from positioned words.
// Contract in layout.h; the steps in layout_internal.h; the thresholds and
// their reasons in docs/formats/pdf.md ("Layout").
#include "importers/layout/layout_internal.h"

#include "util/utf8.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace auditor::text_layout {

// Code point of the UTF-8 sequence starting at s[i].
char32_t decode_at(std::string_view s, std::size_t i) { return next_code_point(s, i); }

// Code point of the sequence ending just before s[i].
char32_t decode_before(std::string_view s, std::size_t i) {
  return decode_at(s, code_point_before(s, i));
}

// Han ideographs, CJK punctuation (except the ideographic space) and
// full-width forms.
bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp > 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// A Han/digit boundary inside a phrase (`南华西路 68 号`): LibreOffice's run
// break, taken for a column only on a gap wider than that.
bool cjk_digit_run(const std::string& before, const std::string& after) {
  if (before.empty() || after.empty()) return false;
  const char32_t a = decode_before(before, before.size()), b = decode_at(after, 0);
  return (is_cjk(a) && is_digit(b)) || (is_digit(a) && is_cjk(b));
}

void Reach::add(double left, double right, double align) {
  std::size_t first = list_.size();
  for (auto it = by_x_.lower_bound(left - 2 * align);
       it != by_x_.end() && it->first <= left + 2 * align; ++it)
    if (std::abs(it->first - left) <= align) first = std::min(first, it->second);
  if (first < list_.size()) {
    list_[first].second = std::max(list_[first].second, right);
  } else {
    by_x_.emplace(left, list_.size());
    list_.push_back({left, right});
  }
}

const double* Reach::last_near(double x, double align) const {
  const double* found = nullptr;
  std::size_t last = 0;
  for (auto it = by_x_.lower_bound(x - 2 * align); it != by_x_.end() && it->first <= x + 2 * align;
       ++it)
    if (std::abs(it->first - x) <= align && (!found || it->second > last)) {
      last = it->second;
      found = &list_[it->second].second;
    }
  return found;
}

namespace {

Geometry page_geometry(const std::vector<Word>& words) {
  std::vector<double> heights;
  for (const Word& w : words) heights.push_back(w.bottom - w.top);
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const double h = std::max(heights[heights.size() / 2], 1.0);
  Geometry g;
  g.h = h;
  g.same_line = 0.3 * h;
  g.word_gap = 0.6 * h;
  g.wide_gap = 2.0 * h;
  g.wrap = 1.3 * h;
  g.align = 2.0;
  for (const Word& w : words) g.page_right = std::max(g.page_right, w.right);
  return g;
}

// The line pitch of wrapped text: the smallest distance between the tops of
// two lines below each other in one column, at least 0.6 line heights (0
// when there is none).
// A table row starts at least a cell padding further down, so a table with
// tight rows still tells its rows from its wrapped cells.
double line_pitch(const std::vector<std::vector<Line>>& pages,
                  const std::vector<Geometry>& geometry) {
  std::vector<double> d;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const auto& lines = pages[p];
    const double h = geometry[p].h;
    for (std::size_t i = 0; i < lines.size(); ++i)
      for (const Fragment& c : lines[i].cells) {
        for (std::size_t j = i + 1; j < lines.size(); ++j) {
          const double diff = lines[j].top - lines[i].top;
          if (diff > 1.5 * h) break;
          const bool below =
              std::any_of(lines[j].cells.begin(), lines[j].cells.end(),
                          [&](const Fragment& o) { return o.left < c.right && o.right > c.left; });
          if (!below) continue;
          if (diff >= 0.6 * h) d.push_back(diff);
          break;
        }
      }
  }
  return d.empty() ? 0 : *std::min_element(d.begin(), d.end());
}

}  // namespace

std::vector<std::string> page_texts(std::vector<std::vector<Word>> pages) {
  std::vector<Geometry> geometry(pages.size());
  std::vector<PageLines> lines(pages.size());
  std::vector<std::vector<bool>> table(pages.size());
  Starts starts;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    // Words with no text or a box that is no number (a damaged PDF) are left
    // out: sorting needs comparable coordinates.
    std::erase_if(pages[p], [](const Word& w) {
      return w.text.empty() || !std::isfinite(w.left) || !std::isfinite(w.top) ||
             !std::isfinite(w.right) || !std::isfinite(w.bottom);
    });
    if (pages[p].empty()) continue;
    geometry[p] = page_geometry(pages[p]);
    lines[p] = group_lines(pages[p], geometry[p]);
    table[p] = table_lines(lines[p], geometry[p]);
    count_starts(lines[p], table[p], geometry[p], starts);
  }
  std::vector<double> column_starts;  // the document's confirmed ones
  for (const Start& s : starts.all())
    if (s.lines >= 2) column_starts.push_back(s.x);
  std::sort(column_starts.begin(), column_starts.end());
  std::vector<std::vector<Line>> laid(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (pages[p].empty()) continue;
    Geometry& g = geometry[p];
    g.column_starts = column_starts;
    const Crossings crossed(lines[p], table[p], g.align);  // on this page only
    Starts own;                                            // starts of this page alone
    count_starts(lines[p], table[p], g, own);
    const std::vector<double> spanned = spanned_starts(own, crossed);
    for (std::size_t i = 0; i < lines[p].size(); ++i)
      laid[p].push_back(make_line(lines[p][i], starts, crossed, spanned, g));
    for (const Line& line : laid[p])
      for (const Fragment& c : line.cells) g.reach.add(c.left, c.right, g.align);
  }
  const double pitch = line_pitch(laid, geometry);
  std::vector<std::vector<Row>> rows(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (pages[p].empty()) continue;
    Geometry& g = geometry[p];
    g.pitch = pitch > 0 ? std::min(g.wrap, pitch + 0.1 * g.h) : g.wrap;
    rows[p] = build_rows(laid[p], g);
  }
  // A table row broken by a page break: the next page's first table row
  // continues the previous page's last one (kept on the page before).
  for (std::size_t p = 1; p < pages.size(); ++p) {
    Row* last = last_table_row(rows[p - 1]);
    auto first = first_table_row(rows[p]);
    if (last && first != rows[p].end() && continue_over_page(*last, *first, geometry[p - 1]))
      rows[p].erase(first);
  }
  std::vector<std::string> out(pages.size());
  std::vector<double> carried;
  for (std::size_t p = 0; p < pages.size(); ++p)
    if (!pages[p].empty()) out[p] = format_rows(std::move(rows[p]), geometry[p], carried);
  return out;
}

std::string join_cjk_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && i > 0 && i + 1 < s.size() && s[i - 1] != ' ' && s[i + 1] != ' ') {
      const char32_t before = decode_before(s, i), after = decode_at(s, i + 1);
      if ((is_cjk(before) && is_digit(after)) || (is_digit(before) && is_cjk(after))) continue;
    }
    out += s[i];
  }
  return out;
}

}  // namespace auditor::text_layout

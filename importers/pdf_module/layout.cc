// Rebuilds lines, table cells and wrapped cells from positioned words.
// Contract in layout.h; the thresholds and their reasons in
// docs/formats/pdf.md ("Layout").
#include "importers/pdf_module/layout.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

namespace auditor::pdf_layout {
namespace {

// Code point of the UTF-8 sequence starting at s[i] (poppler's output is valid).
char32_t decode_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  return cp;
}

// Code point of the sequence ending just before s[i].
char32_t decode_before(std::string_view s, std::size_t i) {
  std::size_t start = i - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return decode_at(s, start);
}

// Han ideographs, CJK punctuation (except the ideographic space) and
// full-width forms.
bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp > 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// A run of words on one line with no wider gap than a space between them.
struct Fragment {
  double left, right, top;
  std::string text;
  double lead = 0;  // width of its first word
};

// Words on one baseline, in x order, grouped into cells.
struct Line {
  double top;
  std::vector<Fragment> cells;
};

// One column of a row being built: the x-extent of its text so far, the top
// and x-extent of the last line it received.
struct Column {
  double left, right, last_top;
  std::string text;
  double last_left = left, last_right = right;
};

struct Row {
  double last_top = 0;
  std::vector<Column> columns;
  std::vector<std::string> lines;  // the lines as read, for a one-column row
};

struct Geometry {
  double h = 1;          // median word height
  double same_line = 0;  // centres closer than this share a line
  double word_gap = 0;   // a wider gap ends a fragment
  double wide_gap = 0;   // a wider gap is a cell boundary even in an unknown column
  double wrap = 0;       // a wrapped line's top follows the previous one within this
  double pitch = 0;      // ...and within this, when the document shows its line pitch
  double align = 2;      // two left edges closer than this are one column start
  double page_right = 0;            // right edge of the page's text
  std::vector<double> column_starts;  // confirmed column starts, ascending
  std::vector<std::pair<double, double>> reach;  // left edge of cells -> furthest right
};

// Joins a cell's next line: nothing between Han text (a wrap inside a word or
// sentence) or digits (a number broken in a narrow cell), a space between two
// Latin words.
void append_wrapped(std::string& to, const std::string& next) {
  if (to.empty()) {
    to = next;
    return;
  }
  if (next.empty()) return;
  const char32_t a = decode_before(to, to.size()), b = decode_at(next, 0);
  if (!is_cjk(a) && !is_cjk(b) && !(is_digit(a) && is_digit(b))) to += ' ';
  to += next;
}

// Words sorted into lines (centres within `same_line`), each in x order.
std::vector<std::vector<const Word*>> group_lines(std::vector<Word>& words, const Geometry& g) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.top + a.bottom < b.top + b.bottom;
  });
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

double line_top(const std::vector<const Word*>& line) {
  double top = line.front()->top;
  for (const Word* w : line) top = std::min(top, w->top);
  return top;
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

// A visible break before word k of the line: a space or a gap.
bool visible_break(const std::vector<const Word*>& line, std::size_t k, const Geometry& g) {
  return line[k - 1]->space_after || line[k]->left - line[k - 1]->right >= 0.2 * g.h;
}

// LibreOffice's run break between Han text and digits shows as a space
// (0.15 h); a cell boundary there is wider (padding on both sides).
constexpr double kRunBreak = 0.22;

// A Han/digit boundary inside a phrase (`南华西路 68 号`): LibreOffice's run
// break, taken for a column only on a gap wider than that.
bool cjk_digit_run(const std::string& before, const std::string& after) {
  if (before.empty() || after.empty()) return false;
  const char32_t a = decode_before(before, before.size()), b = decode_at(after, 0);
  return (is_cjk(a) && is_digit(b)) || (is_digit(a) && is_cjk(b));
}

// Column starts: for every left edge of a word that begins a table line or
// follows a visible break on one, the number of table lines holding it (over
// the whole document: a table goes on over pages), and the number of table
// lines of the page being laid out with a word running across it (where many lines cross it, it is a
// word boundary inside a column rather than a column start).
struct Start {
  double x;
  int lines = 0;
  int crossed = 0;  // table lines with a word running across x
};
using Starts = std::vector<Start>;
using PageLines = std::vector<std::vector<const Word*>>;

void count_starts(const PageLines& lines, const std::vector<bool>& table, const Geometry& g,
                  Starts& starts) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!table[i]) continue;
    std::vector<std::size_t> seen;
    for (std::size_t k = 0; k < lines[i].size(); ++k) {
      if (k > 0 && !visible_break(lines[i], k, g)) continue;
      if (k > 0 && lines[i][k]->left - lines[i][k - 1]->right < kRunBreak * g.h &&
          cjk_digit_run(lines[i][k - 1]->text, lines[i][k]->text))
        continue;  // a run break inside a phrase (`〔2024〕23 号`)
      const double x = lines[i][k]->left;
      std::size_t s = 0;
      while (s < starts.size() && std::abs(starts[s].x - x) > g.align) ++s;
      if (s == starts.size()) starts.push_back({x});
      if (std::find(seen.begin(), seen.end(), s) == seen.end()) {
        ++starts[s].lines;
        seen.push_back(s);
      }
    }
  }
}

void mark_crossed(const PageLines& lines, const std::vector<bool>& table, const Geometry& g,
                  Starts& starts) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!table[i]) continue;
    for (Start& s : starts)
      for (const Word* w : lines[i])
        if (w->left < s.x - g.align && w->right > s.x + g.align) {
          ++s.crossed;
          break;
        }
  }
}

const Start* find_start(const Starts& starts, double x, const Geometry& g) {
  for (const Start& s : starts)
    if (std::abs(s.x - x) <= g.align) return &s;
  return nullptr;
}

// The cell runs across a column start of its page: it spans columns (a
// form's value cell to the end of the row), so a date or number after it on
// its line, short of a wide gap, belongs to it
// (`周伟明（与受送达人的关系：经营者）  2024年8月23日`).
bool spans_column(const Fragment& cell, const Starts& starts, const Geometry& g) {
  for (const Start& s : starts)
    if (s.lines >= 2 && 2 * s.lines > s.crossed && s.x > cell.left + g.align &&
        s.x < cell.right - g.align)
      return true;
  return false;
}

// A word of one Han character.
bool one_han(const std::string& w) {
  return w.size() == 3 && is_cjk(decode_at(w, 0));
}

// The cells of one line. A word starts a cell after a gap of two line
// heights; unless it is a number after a cell spanning a column, after a gap wider than a space when its left edge is a column
// start of two table lines; after a mere space when it is such a column
// start, fewer than twice as many table lines run across it (cells spanning
// columns) and the space is no Han/digit run break (unless ≥ 0.22 h wide).
// Other words join the cell before them, with a space where poppler saw one
// or the gap is 0.15 h or more (as raw order has it: `第1页 共1页`), except
// between the characters of a label spaced out one by one (`当 事 人`).
Line make_line(const std::vector<const Word*>& words, const Starts& starts,
               const Starts& page_starts, const Geometry& g) {
  Line line{line_top(words), {}};
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Word& w = *words[k];
    bool cell = k == 0;
    if (k > 0) {
      const double gap = w.left - words[k - 1]->right;
      const Start* s = find_start(starts, w.left, g);
      const int n = s ? s->lines : 0;
      const bool after_span = is_digit(decode_at(w.text, 0)) &&
                              spans_column(line.cells.back(), page_starts, g);
      cell = gap >= g.wide_gap ||
             (!after_span &&
              ((gap >= g.word_gap && n >= 2) ||
               (n >= 2 && 2 * n > s->crossed && visible_break(words, k, g) &&
                (gap >= kRunBreak * g.h || !cjk_digit_run(words[k - 1]->text, w.text)))));
    }
    if (cell) {
      line.cells.push_back({w.left, w.right, w.top, w.text, w.right - w.left});
      continue;
    }
    Fragment& f = line.cells.back();
    if (words[k - 1]->space_after ||
        (w.left - words[k - 1]->right >= 0.15 * g.h && !one_han(words[k - 1]->text) &&
         !one_han(w.text)))
      f.text += ' ';
    f.text += w.text;
    f.right = std::max(f.right, w.right);
    f.top = std::min(f.top, w.top);
  }
  return line;
}

std::string line_text(const std::vector<Fragment>& cells) {
  std::string s;
  for (const Fragment& c : cells) {
    if (!s.empty()) s += '\t';
    s += c.text;
  }
  return s;
}

void add_to_column(Row& row, std::size_t k, const Fragment& c) {
  Column& col = row.columns[k];
  if (col.last_top == c.top) {  // a second cell of the same line in this column
    col.text += ' ';
    col.text += c.text;
  } else {
    append_wrapped(col.text, c.text);
  }
  col.left = std::min(col.left, c.left);
  col.right = std::max(col.right, c.right);
  col.last_top = c.top;
  col.last_left = c.left;
  col.last_right = c.right;
}

void add_cells(Row& row, const std::vector<Fragment>& cells, const std::vector<int>& match,
               double top) {
  std::vector<Fragment> taken;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (match[i] >= 0) {
      add_to_column(row, static_cast<std::size_t>(match[i]), cells[i]);
    } else {
      row.columns.push_back({cells[i].left, cells[i].right, cells[i].top, cells[i].text});
    }
    taken.push_back(cells[i]);
  }
  if (!taken.empty()) {
    row.lines.push_back(line_text(taken));
    row.last_top = std::max(row.last_top, top);
  }
}

std::vector<const Column*> sorted_columns(const Row& row) {
  std::vector<const Column*> cols;
  for (const Column& c : row.columns) cols.push_back(&c);
  std::sort(cols.begin(), cols.end(),
            [](const Column* a, const Column* b) { return a->left < b->left; });
  return cols;
}

// One table row's text, its cells placed under the grid's columns: a grid
// column left of, between or (when `trailing`) after its cells that none of
// its cells spans gets an empty cell, as a DOCX table row has.
std::string grid_row(const Row& row, const std::vector<double>& grid, bool trailing,
                     const Geometry& g) {
  const auto cols = sorted_columns(row);
  std::string s;
  std::size_t k = 0;  // next grid column
  for (std::size_t i = 0; i < cols.size(); ++i) {
    // The grid column this cell starts in: the last one starting left of it.
    std::size_t at = k;
    while (at + 1 < grid.size() && grid[at + 1] <= cols[i]->left + g.align) ++at;
    for (; k < at; ++k) s += '\t';  // skipped grid columns: empty cells
    if (i > 0) s += '\t';
    s += cols[i]->text;
    k = at + 1;
    while (k < grid.size() && grid[k] < cols[i]->right - g.align) ++k;  // spanned
  }
  if (trailing)
    for (; k < grid.size(); ++k) s += '\t';
  return s;
}

// A first-column label centred beside several rows (a merged cell: 当事人
// beside 名称 / 证件号码 / 住址) moves up to the first of them, where a DOCX
// table has it: it has as many rows without a first cell below it as above
// (one fewer when it stands alone between the middle two of an even number).
void lift_merged_labels(std::vector<Row>& rows, std::size_t first, std::size_t end,
                        double x0, const Geometry& g) {
  auto first_cell = [&](const Row& r) -> Column* {
    for (const Column& c : r.columns)
      if (c.left <= x0 + g.align) return const_cast<Column*>(&c);
    return nullptr;
  };
  for (std::size_t i = first; i < end; ++i) {
    Column* label = first_cell(rows[i]);
    if (!label) continue;
    std::size_t above = 0, below = 0;
    while (i - above > first && !first_cell(rows[i - above - 1])) ++above;
    while (i + below + 1 < end && !first_cell(rows[i + below + 1])) ++below;
    // Between the middle two of an even number the label stands alone.
    const std::size_t slack = rows[i].columns.size() == 1 ? 1 : 0;
    if (above == 0 || below + slack < above) continue;
    rows[i - above].columns.push_back(*label);
    rows[i].columns.erase(rows[i].columns.begin() + (label - rows[i].columns.data()));
  }
}

// Text of the rows: a one-column row as its lines; a run of rows with two or
// more columns (a table) aligned on the columns of its widest row.
// `carried`: the columns of the last table of the page before, updated to
// this page's last table.
std::string format_rows(std::vector<Row> rows, const Geometry& g, std::vector<double>& carried) {
  // A one-line, one-cell row between two table rows, in their first column:
  // a merged label centred between two of its rows.
  auto label_between = [&](std::size_t r) {
    if (r == 0 || r + 1 >= rows.size() || rows[r].columns.size() != 1 ||
        rows[r].lines.size() != 1 || rows[r - 1].columns.size() < 2 ||
        rows[r + 1].columns.size() < 2)
      return false;
    double x0 = rows[r - 1].columns.front().left;
    for (const Column& c : rows[r - 1].columns) x0 = std::min(x0, c.left);
    return rows[r].columns.front().right < sorted_columns(rows[r - 1])[1]->left &&
           rows[r].columns.front().left <= x0 + g.align;
  };
  std::string out;
  for (std::size_t i = 0; i < rows.size();) {
    if (rows[i].columns.size() < 2) {
      for (const std::string& l : rows[i].lines) out += l + '\n';
      ++i;
      continue;
    }
    const std::size_t first = i;
    std::size_t end = i, widest = i;
    while (end < rows.size() && (rows[end].columns.size() >= 2 || label_between(end))) {
      if (rows[end].columns.size() > rows[widest].columns.size()) widest = end;
      ++end;
    }
    lift_merged_labels(rows, first, end, sorted_columns(rows[widest]).front()->left, g);
    for (std::size_t r = first; r < end; ++r)
      if (rows[r].columns.size() > rows[widest].columns.size()) widest = r;
    std::vector<double> grid;
    for (const Column* c : sorted_columns(rows[widest])) grid.push_back(c->left);
    // A table going on from the page before keeps that page's columns when
    // this part shows a subset of them (a column empty on every row here).
    const bool at_top = std::none_of(rows.begin(), rows.begin() + static_cast<long>(first),
                                     [](const Row& r) { return r.columns.size() >= 2; });
    if (at_top && carried.size() > grid.size() &&
        std::all_of(grid.begin(), grid.end(), [&](double x) {
          return std::any_of(carried.begin(), carried.end(),
                             [&](double y) { return std::abs(x - y) <= g.align; });
        }))
      grid = carried;
    // A list (most rows as wide as its header row) keeps empty last cells; a
    // form's short rows end with their last cell.
    std::size_t full = 0;
    for (std::size_t r = first; r < end; ++r) full += rows[r].columns.size() == grid.size();
    const bool list = widest == first && 3 * full >= 2 * (end - first);
    for (; i < end; ++i) {
      if (rows[i].columns.empty()) continue;  // its label moved up
      if (rows[i].columns.size() == 1) {     // a label between rows that stayed
        for (const std::string& l : rows[i].lines) out += l + '\n';
        continue;
      }
      out += grid_row(rows[i], grid, list, g) + '\n';
    }
    carried = grid;
  }
  return out;
}

// A wrapped line sits under the cell's previous line as text of one cell
// does: the same left edge (give or take a first-line indent), the same
// centre or the same right edge. A centred title above a table is no cell.
bool wraps_under(const Column& col, const Fragment& c, const Geometry& g) {
  return std::abs(c.left - col.last_left) <= 2.5 * g.h ||
         std::abs(c.left + c.right - col.last_left - col.last_right) <= 4 * g.align ||
         std::abs(c.right - col.last_right) <= g.align;
}

// The previous line of the column was full, so the text went on below: it
// ends within two characters of the next column start (or, in the last
// column, of the furthest right a cell starting where it starts reaches), or the next line's first word would not have fitted there (a Latin
// word, a number, `〔2024〕43`: anything not starting with a Han character,
// which may break anywhere). Lines of one character each are a label
// written downwards; a line ending in a colon is a complete label.
bool wrapped(const Column& col, const Fragment& c, const Geometry& g) {
  if (col.last_right - col.last_left <= 1.3 * g.h && c.right - c.left <= 1.3 * g.h) return true;
  if (!col.text.empty()) {  // a label ending in a colon is complete
    const char32_t last = decode_before(col.text, col.text.size());
    if (last == U'：' || last == U':') return false;
  }
  double limit = g.page_right;  // the next column start, or how far this column reaches
  for (const auto& [x, right] : g.reach)
    if (std::abs(x - col.last_left) <= g.align) limit = right;
  for (double x : g.column_starts)
    if (x > col.last_right - g.align) {
      limit = x;
      break;
    }
  const double room = limit - col.last_right;
  if (room <= 2 * g.h) return true;
  if (c.text.empty()) return false;
  const char32_t first = decode_at(c.text, 0);
  const bool han = (first >= 0x4E00 && first <= 0x9FFF) || (first >= 0x3400 && first <= 0x4DBF);
  return !han && room <= c.lead + g.h;
}

bool ends_sentence(const std::string& text) {
  if (text.empty()) return false;
  const char32_t c = decode_before(text, text.size());
  return c == U'。' || c == U'；' || c == U'：' || c == U'！' || c == U'？' || c == U':' ||
         c == U';' || c == U'.';
}

// Which column of the row each cell of the line continues: its index, -1 for
// a new column, -2 for a column whose last line is too far above (a new row).
// Returns false when the line cannot join the row at all: too far below, a
// cell spanning two columns (text below the table) or not placed as a
// wrapped line, or a new column beside the row that it neither interleaves
// (a label centred beside a wrapped value) nor continues.
bool match_cells(const Row& row, const Line& line, const Geometry& g, std::vector<int>& match) {
  if (line.top - row.last_top > g.wrap) return false;
  match.assign(line.cells.size(), -1);
  std::size_t leftmost = 0;
  for (std::size_t k = 1; k < row.columns.size(); ++k)
    if (row.columns[k].left < row.columns[leftmost].left) leftmost = k;
  bool matched = false, continues = false, unwrapped = false, added = false, first = false,
       first_wraps = false;
  for (std::size_t i = 0; i < line.cells.size(); ++i) {
    const Fragment& c = line.cells[i];
    int found = -1, overlaps = 0;
    for (std::size_t k = 0; k < row.columns.size(); ++k) {
      const Column& col = row.columns[k];
      if (c.left < col.right - g.align && c.right > col.left + g.align) {
        ++overlaps;
        found = static_cast<int>(k);
      }
    }
    if (overlaps > 1) return false;
    if (found >= 0 && i > 0 && match[i - 1] == found) {  // more of the cell before
      match[i] = found;
      continue;
    }
    if (found >= 0) {
      const Column& col = row.columns[static_cast<std::size_t>(found)];
      if (c.top - col.last_top > g.pitch) {
        found = -2;
      } else if (!wraps_under(col, c, g)) {
        return false;
      } else {
        matched = true;
        const bool is_first = static_cast<std::size_t>(found) == leftmost;
        if (is_first) first = true;
        if (wrapped(col, c, g)) {
          continues = true;
          if (is_first) first_wraps = true;
        } else if (!ends_sentence(col.text)) {
          unwrapped = true;
        }
      }
    }
    if (found == -1) added = true;
    match[i] = found;
  }
  // The next row of a table without padding: a column's short line followed
  // by more text. After a paragraph ended by 。 the next paragraph of the cell
  // may follow, beside a wrapping column or with the first column empty.
  // A wrapping first column (the label) carries the line whatever the others
  // do (a value written on two lines: `李志强` / `2024年3月12日`).
  if (matched && !first_wraps && (unwrapped || (!continues && first))) return false;
  if (added && !continues && line.top - row.last_top > 0.75 * g.h) return false;
  return true;
}

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

// Rows of one page: each line joins the row above while its cells continue
// that row's columns (match_cells); cells of a column whose last line is too
// far above start the next row.
std::vector<Row> build_rows(const std::vector<Line>& lines, const Geometry& g) {
  std::vector<Row> rows;
  Row row;
  bool open = false;
  std::vector<int> match;
  for (const Line& line : lines) {
    if (open && match_cells(row, line, g, match)) {
      std::vector<Fragment> stay, move;
      std::vector<int> stay_match, move_match;
      for (std::size_t i = 0; i < line.cells.size(); ++i) {
        const bool new_row = match[i] == -2;
        (new_row ? move : stay).push_back(line.cells[i]);
        (new_row ? move_match : stay_match).push_back(new_row ? -1 : match[i]);
      }
      add_cells(row, stay, stay_match, line.top);
      if (move.empty()) continue;
      rows.push_back(std::move(row));
      row = Row{};
      add_cells(row, move, move_match, line.top);
      continue;
    }
    if (open) rows.push_back(std::move(row));
    row = Row{};
    add_cells(row, line.cells, std::vector<int>(line.cells.size(), -1), line.top);
    open = true;
  }
  if (open) rows.push_back(std::move(row));
  return rows;
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
          const bool below = std::any_of(
              lines[j].cells.begin(), lines[j].cells.end(),
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
    if (pages[p].empty()) continue;
    geometry[p] = page_geometry(pages[p]);
    lines[p] = group_lines(pages[p], geometry[p]);
    table[p] = table_lines(lines[p], geometry[p]);
    count_starts(lines[p], table[p], geometry[p], starts);
  }
  std::vector<std::vector<Line>> laid(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (pages[p].empty()) continue;
    Geometry& g = geometry[p];
    for (const Start& s : starts)
      if (s.lines >= 2) g.column_starts.push_back(s.x);
    std::sort(g.column_starts.begin(), g.column_starts.end());
    Starts here = starts;  // crossings are counted on this page only
    mark_crossed(lines[p], table[p], g, here);
    Starts own;  // starts of this page alone
    count_starts(lines[p], table[p], g, own);
    mark_crossed(lines[p], table[p], g, own);
    for (std::size_t i = 0; i < lines[p].size(); ++i)
      laid[p].push_back(make_line(lines[p][i], here, own, g));
    for (const Line& line : laid[p])
      for (const Fragment& c : line.cells) {
        auto it = std::find_if(g.reach.begin(), g.reach.end(), [&](const auto& r) {
          return std::abs(r.first - c.left) <= g.align;
        });
        if (it == g.reach.end()) {
          g.reach.push_back({c.left, c.right});
        } else {
          it->second = std::max(it->second, c.right);
        }
      }
  }
  const double pitch = line_pitch(laid, geometry);
  std::vector<std::string> out(pages.size());
  std::vector<double> carried;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (pages[p].empty()) continue;
    Geometry& g = geometry[p];
    g.pitch = pitch > 0 ? std::min(g.wrap, pitch + 0.1 * g.h) : g.wrap;
    out[p] = format_rows(build_rows(laid[p], g), g, carried);
  }
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

}  // namespace auditor::pdf_layout

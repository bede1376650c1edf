// Rows of a page from its lines: which line continues which row, wrapped
// cells joined. Contract in layout_internal.h; docs/formats/pdf.md ("Layout").
#include "importers/layout/layout_internal.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace auditor::text_layout {
namespace {

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
  col.last_box_right = c.box_right;
  col.last_box_left = c.box_left;
}

void add_cells(Row& row, const std::vector<Fragment>& cells, const std::vector<int>& match,
               double top) {
  std::vector<Fragment> taken;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (match[i] >= 0) {
      add_to_column(row, static_cast<std::size_t>(match[i]), cells[i]);
    } else {
      row.columns.push_back({cells[i].left, cells[i].right, cells[i].top, cells[i].text});
      row.columns.back().last_box_right = cells[i].box_right;
      row.columns.back().last_box_left = cells[i].box_left;
    }
    taken.push_back(cells[i]);
  }
  if (!taken.empty()) {
    row.lines.push_back(line_text(taken));
    row.last_top = std::max(row.last_top, top);
  }
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
// column, of the furthest right a cell starting where it starts reaches), or the next line's first
// word would not have fitted there (a Latin word, a number, `〔2024〕43`: anything not starting
// with a Han character, which may break anywhere). A short number under a short number is the next
// row's (`10` / `11`), never a wrap. In a cell box (boxed) the line is full when the room left is
// less than the next line's first character (Han) or word (other), the cell's margin (the text's
// inset from the box's left edge, at most h) and 0.55 h (the corpus writer keeps 2 mm free; a line
// with room for a character and more is no full line). Lines of one character each are a label
// written downwards; a line ending in a colon is a complete label.
// The format gives the block the column's last line is set in (an OFD
// TextObject's Boundary) and it is wider than the text: a cell's box.
bool boxed(const Column& col, const Geometry& g) {
  return col.last_box_right > col.last_right + 0.5 * g.h;
}

// A line of one Han character under another: a label written downwards.
bool downward(const Column& col, const Fragment& c, const Geometry& g) {
  return col.last_right - col.last_left <= 1.3 * g.h && c.right - c.left <= 1.3 * g.h &&
         !col.text.empty() && !c.text.empty() &&
         !is_digit(decode_before(col.text, col.text.size())) && !is_digit(decode_at(c.text, 0));
}

// A number of one to three digits (a row's 序号 or 页号).
bool short_number(const std::string& s) {
  return !s.empty() && s.size() <= 3 &&
         std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

bool wrapped(const Column& col, const Fragment& c, const Geometry& g) {
  if (downward(col, c, g)) return true;
  if (short_number(col.text) && short_number(c.text)) return false;  // `10` / `11`
  if (boxed(col, g) && !c.text.empty()) {  // the room left in the cell is known
    const char32_t first = decode_at(c.text, 0);
    const bool han = (first >= 0x4E00 && first <= 0x9FFF) || (first >= 0x3400 && first <= 0x4DBF);
    // the cell's right margin taken as its left one (text inset in its box)
    const double margin = std::clamp(col.last_left - col.last_box_left, 0.0, g.h);
    const double need = (han ? std::min(c.lead, 0.7 * g.h) : c.lead) + margin;
    return col.last_box_right - col.last_right < need + 0.55 * g.h;
  }
  if (!col.text.empty()) {  // a label ending in a colon is complete
    const char32_t last = decode_before(col.text, col.text.size());
    if (last == U'：' || last == U':') return false;
  }
  double limit = g.page_right;  // the next column start, or how far this column reaches
  if (const double* right = g.reach.last_near(col.last_left, g.align)) limit = *right;
  auto next =
      std::upper_bound(g.column_starts.begin(), g.column_starts.end(), col.last_right - g.align);
  if (next != g.column_starts.end()) limit = *next;
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
       first_wraps = false, only_downward = true, far = false;
  std::vector<int> continued;
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
        continued.push_back(found);
        // (only where the format gives the label's cell box, wider than it)
        if (!downward(col, c, g) || !boxed(col, g)) only_downward = false;
        if (wrapped(col, c, g)) {
          continues = true;
          if (is_first) first_wraps = true;
        } else if (!ends_sentence(col.text)) {
          unwrapped = true;
        }
      }
    }
    if (found == -1) added = true;
    if (found == -2) far = true;
    match[i] = found;
  }
  // A label written downwards in a cell box (OFD) carries no row on alone:
  // the next row's label follows it at once in a form without padding
  // (`立/案/号` then `案/由`). A cell far below its column, or a new cell
  // beside a row that has more columns than the label, starts the next row
  // with the label's line. (A PDF's label centred beside several rows, one
  // character a line, keeps its characters.)
  std::sort(continued.begin(), continued.end());
  continued.erase(std::unique(continued.begin(), continued.end()), continued.end());
  if (matched && only_downward && (far || (added && row.columns.size() > continued.size())))
    return false;
  // The next row of a table without padding: a column's short line followed
  // by more text. After a paragraph ended by 。 the next paragraph of the cell
  // may follow, beside a wrapping column or with the first column empty.
  // A wrapping first column (the label) carries the line whatever the others
  // do (a value written on two lines: `李志强` / `2024年3月12日`).
  if (matched && !first_wraps && (unwrapped || (!continues && first))) return false;
  if (added && !continues && line.top - row.last_top > 0.75 * g.h) return false;
  return true;
}

}  // namespace

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

Row* last_table_row(std::vector<Row>& rows) {
  for (std::size_t i = rows.size(), after = 0; i-- > 0;) {
    if (rows[i].columns.size() >= 2) return &rows[i];
    if (rows[i].lines.size() != 1 || ++after > 2) return nullptr;
  }
  return nullptr;
}

std::vector<Row>::iterator first_table_row(std::vector<Row>& rows) {
  std::size_t before = 0;
  for (auto it = rows.begin(); it != rows.end(); ++it) {
    if (it->columns.size() >= 2) return it;
    if (it->lines.size() != 1 || ++before > 2) break;
  }
  return rows.end();
}

bool continue_over_page(Row& last, const Row& next, const Geometry& g) {
  double x0 = last.columns.front().left;
  for (const Column& c : last.columns) x0 = std::min(x0, c.left);
  std::vector<std::size_t> target;
  bool full = false;
  for (const Column& n : next.columns) {
    if (n.left <= x0 + g.align) return false;  // a first-column cell: a new row
    std::size_t k = 0;
    while (k < last.columns.size() && std::abs(last.columns[k].left - n.left) > g.align) ++k;
    if (k == last.columns.size()) return false;
    const Fragment head{n.left, n.right, n.last_top, n.text, n.right - n.left};
    if (wrapped(last.columns[k], head, g)) {
      full = true;
    } else if (!ends_sentence(last.columns[k].text)) {
      return false;
    }
    target.push_back(k);
  }
  if (!full) return false;
  for (std::size_t i = 0; i < target.size(); ++i)
    append_wrapped(last.columns[target[i]].text, next.columns[i].text);
  return true;
}

}  // namespace auditor::text_layout

// Text of a page's rows: tables aligned on their columns, merged labels moved
// to their first row. Contract in layout_internal.h; docs/formats/pdf.md.
#include "importers/layout/layout_internal.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace auditor::text_layout {
namespace {

std::vector<const Column*> sorted_columns(const Row& row) {
  std::vector<const Column*> cols;
  for (const Column& c : row.columns) cols.push_back(&c);
  std::sort(cols.begin(), cols.end(),
            [](const Column* a, const Column* b) { return a->left < b->left; });
  return cols;
}

// A row whose cells sit in cell boxes (OFD: each with a box, one at least
// wider than its text): an empty cell is a hole of over 1 h between two
// boxes, or between the grid's left edge and the first box. Its text, or
// empty when the row is no such row. `trailing`: pad to the grid's width.
std::string boxed_row(const std::vector<const Column*>& cols, const std::vector<double>& grid,
                      bool trailing, const Geometry& g) {
  bool boxed = false;
  for (const Column* c : cols) {
    if (c->last_box_right <= 0) return {};
    boxed = boxed || c->last_box_right > c->last_right + 0.5 * g.h;
  }
  if (!boxed || grid.empty()) return {};
  std::string s;
  std::size_t cells = 0;
  if (cols.front()->last_box_left > grid.front() + g.h) {
    s += '\t';
    ++cells;
  }
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) {
      s += '\t';
      if (cols[i]->last_box_left > cols[i - 1]->last_box_right + g.h) {
        s += '\t';
        ++cells;
      }
    }
    s += cols[i]->text;
    ++cells;
  }
  if (trailing)
    for (; cells < grid.size(); ++cells) s += '\t';
  return s;
}

// One table row's text, its cells placed under the grid's columns: a grid
// column left of, between or (when `trailing`) after its cells that none of
// its cells spans gets an empty cell, as a DOCX table row has. A row of cell
// boxes is placed by its boxes instead (boxed_row).
std::string grid_row(const Row& row, const std::vector<double>& grid, bool trailing,
                     const Geometry& g) {
  const auto cols = sorted_columns(row);
  if (std::string b = boxed_row(cols, grid, trailing, g); !b.empty()) return b;
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
void lift_merged_labels(std::vector<Row>& rows, std::size_t first, std::size_t end, double x0,
                        const Geometry& g) {
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

}  // namespace

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
      if (rows[i].columns.size() == 1) {      // a label between rows that stayed
        for (const std::string& l : rows[i].lines) out += l + '\n';
        continue;
      }
      out += grid_row(rows[i], grid, list, g) + '\n';
    }
    carried = grid;
  }
  return out;
}

}  // namespace auditor::text_layout

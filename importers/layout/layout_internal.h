// Internal to the text layout (layout.cc, layout_cells.cc, layout_rows.cc,
// layout_tables.cc): the pieces a page's text is rebuilt from and the steps
// between them. See docs/formats/pdf.md ("Layout").
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/layout/layout.h"

namespace auditor::text_layout {

// A cell of one line: its words joined, their x-extent and top.
struct Fragment {
  double left, right, top;
  std::string text;
  double lead = 0;       // width of its first word
  double box_right = 0;  // Word::box_right of its last word
  double box_left = 0;   // Word::box_left of its first word
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
  double last_box_right = 0;  // of the last line it received
  double last_box_left = 0;
};

struct Row {
  double last_top = 0;
  std::vector<Column> columns;
  std::vector<std::string> lines;  // the lines as read, for a one-column row
};

// How far right the cells starting at each left edge of a page reach,
// looked up by position in logarithmic time. Two left edges within `align`
// are one; entries are never within `align` of each other.
class Reach {
 public:
  // Extends the entry within `align` of left (the first added, when two
  // are) to `right`, or adds one.
  void add(double left, double right, double align);
  // The reach of the last entry added within `align` of x; nullptr when none.
  const double* last_near(double x, double align) const;

 private:
  std::vector<std::pair<double, double>> list_;  // left edge -> furthest right
  std::map<double, std::size_t> by_x_;           // left edge -> list_ index
};

struct Geometry {
  double h = 1;           // median word height
  double same_line = 0;   // centres closer than this share a line
  double word_gap = 0;    // a wider gap ends a fragment
  double wide_gap = 0;    // a wider gap is a cell boundary even in an unknown column
  double wrap = 0;        // a wrapped line's top follows the previous one within this
  double pitch = 0;       // ...and within this, when the document shows its line pitch
  double align = 2;       // two left edges closer than this are one column start
  double page_right = 0;  // right edge of the page's text
  std::span<const double> column_starts;  // confirmed column starts, ascending (the document's)
  Reach reach;                            // left edge of cells -> furthest right
};

// LibreOffice's run break between Han text and digits shows as a space
// (0.15 h); a cell boundary there is wider (padding on both sides).
constexpr double kRunBreak = 0.22;

// Column starts: for every left edge of a word that begins a table line or
// follows a visible break on one, the number of table lines holding it (over
// the whole document: a table goes on over pages). Kept in the order found
// and looked up by position in logarithmic time: a document may place its
// words at hundreds of thousands of left edges.
struct Start {
  double x;
  int lines = 0;
};
class Starts {
 public:
  // The first start found within `align` of x, or nullptr. Starts are never
  // within `align` of each other, so at most two are near x.
  const Start* find(double x, double align) const;
  // One table line holding words at `xs`: each start within `align` of one
  // of them (a new start when none) counts the line once.
  void add_line(const std::vector<double>& xs, double align);
  const std::vector<Start>& all() const { return list_; }

 private:
  std::size_t find_index(double x, double align) const;  // list_.size() when none
  std::vector<Start> list_;
  std::map<double, std::size_t> by_x_;  // x -> list_ index
};

// The table lines of one page with a word running across a position x
// (reaching further than `align` on both sides): where many lines cross a
// start, it is a word boundary inside a column rather than a column start.
// Each line's words give open intervals of such x, merged per line, so a
// count is two binary searches.
class Crossings {
 public:
  Crossings(const std::vector<std::vector<const Word*>>& lines, const std::vector<bool>& table,
            double align);
  int at(double x) const;

 private:
  std::vector<double> lo_, hi_;  // interval ends, each ascending
};

using PageLines = std::vector<std::vector<const Word*>>;

// UTF-8 and character classes (layout.cc).
char32_t decode_at(std::string_view s, std::size_t i);
char32_t decode_before(std::string_view s, std::size_t i);
bool is_cjk(char32_t cp);
bool is_digit(char32_t cp);
bool cjk_digit_run(const std::string& before, const std::string& after);

// Lines, column starts and cells (layout_cells.cc).
PageLines group_lines(std::vector<Word>& words, const Geometry& g);
std::vector<bool> table_lines(const PageLines& lines, const Geometry& g);
void count_starts(const PageLines& lines, const std::vector<bool>& table, const Geometry& g,
                  Starts& starts);
// The starts of a page alone that a cell spanning them makes it span
// columns (see spans_column in layout_cells.cc): x ascending.
std::vector<double> spanned_starts(const Starts& page_starts, const Crossings& crossed);
// `starts` are the document's, `crossed` the page's crossings and `spanned`
// its spanned_starts.
Line make_line(const std::vector<const Word*>& words, const Starts& starts,
               const Crossings& crossed, const std::vector<double>& spanned, const Geometry& g);

// Rows of one page from its lines (layout_rows.cc).
std::vector<Row> build_rows(const std::vector<Line>& lines, const Geometry& g);

// A page's last table row, when nothing but two short lines (a footer)
// follows it; a page's first table row, when nothing but two short lines (a
// header) precedes it (end() otherwise).
Row* last_table_row(std::vector<Row>& rows);
std::vector<Row>::iterator first_table_row(std::vector<Row>& rows);

// Whether `next` (the first table row of a page) is the rest of `last` (the
// last one of the page before, laid out with `g`): no first-column cell, each
// cell under one of last's columns, and those columns' last lines full or
// ended by a sentence, one at least full. Then its text is appended to last.
bool continue_over_page(Row& last, const Row& next, const Geometry& g);

// Text of the rows; `carried`: the columns of the last table of the page
// before, updated to this page's last table (layout_tables.cc).
std::string format_rows(std::vector<Row> rows, const Geometry& g, std::vector<double>& carried);

}  // namespace auditor::text_layout

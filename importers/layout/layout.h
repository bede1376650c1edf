// Page text rebuilt from positioned words, for any format that places its
// words (PDF through poppler, OFD from its TextCode positions): lines in x
// order, table cells separated by '\t', a table cell wrapped over several
// lines joined back. Compiled into the core (OFD) and the PDF module alike
// (library auditor_layout). See docs/formats/pdf.md ("Layout").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace auditor::text_layout {

// One word as poppler places it: top-left origin, y grows downwards, in
// points (the thresholds in h scale, but two column starts within 2 units are
// one). The box's height is that of the font's ascent + descent, about
// 1.3 font sizes, as poppler gives it.
struct Word {
  double left = 0, top = 0, right = 0, bottom = 0;
  std::string text;          // UTF-8
  bool space_after = false;  // poppler saw a space after it
  // Right edge of the block the word is set in, when the format tells it (an
  // OFD TextObject's Boundary; 0 for PDF). Text ending over 2 h short of its
  // block's edge is no full line: the line below is no wrap of it.
  double box_right = 0;
  double box_left = 0;  // left edge of that block (meaningful when box_right > 0)
};

// The text of each page from its words, in any order ('\n' after every line,
// '\t' between the cells of a table row). Column starts are learnt over all
// pages, since a table goes on over a page break. An empty page (or one the
// caller reads otherwise, e.g. rotated text) gives an empty text.
std::vector<std::string> page_texts(std::vector<std::vector<Word>> pages);

// LibreOffice starts a new text run where Han text meets ASCII digits and
// poppler shows the gap as one space ("〔2024〕31 号", "2024 年"); drops a
// single such space.
std::string join_cjk_digits(std::string_view s);

}  // namespace auditor::text_layout

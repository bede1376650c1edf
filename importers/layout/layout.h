// Page text rebuilt from positioned words: lines in x order, table cells
// separated by '\t', a table cell wrapped over several lines joined back.
// See docs/formats/pdf.md ("Layout").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace auditor::pdf_layout {

// One word as poppler places it: top-left origin, y grows downwards.
struct Word {
  double left = 0, top = 0, right = 0, bottom = 0;
  std::string text;        // UTF-8
  bool space_after = false;  // poppler saw a space after it
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

}  // namespace auditor::pdf_layout

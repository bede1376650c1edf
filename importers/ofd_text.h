// Text of OFD page descriptions (a page's or a template page's Content.xml).
// Only TextObject/TextCode characters count; glyphs drawn as paths and
// images are not text. See docs/formats/ofd.md for the line rule.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <vector>

namespace auditor::ofd {

// The characters of one TextCode and where they sit, in millimetres: x and
// y are the TextObject's Boundary origin plus the TextCode's X and Y (an
// absent Y repeats the previous TextCode's, an absent X continues after it);
// end is x plus the DeltaX advances plus one font size; size is the font
// size. A TextObject's CTM scale and offset are applied to x, y, the size
// and the advances; one that rotates or skews, a vertical direction
// (ReadDirection/CharDirection) or DeltaY leaves the run not `upright`.
struct TextRun {
  double x = 0;
  double y = 0;
  double end = 0;
  double size = 0;
  std::string text;
  std::vector<double> advances;  // DeltaX per character, expanded ("g N D")
  bool upright = true;
  double box_right = 0;  // Boundary x + width (0 when the width is not positive)
  double box_left = 0;   // Boundary x
  int object = 0;        // ordinal of its TextObject in the page description
};

// Runs of every TextObject under the page's <Content>, in content order
// (layers, page blocks and objects in document order). Clip areas are not
// content and are skipped. Never fails: unreadable numbers count as 0.
std::vector<TextRun> page_runs(pugi::xml_node page_root);

// Lines from runs in order: a run whose y differs from the previous run's by
// more than half the larger font size (at least 1 mm) starts a new line.
// Runs on the same line are joined directly, or with one space when the run
// starts more than a font size to the right of where the previous one ended
// (separate blocks of a form line). Lines are trimmed of ASCII whitespace;
// blank lines are dropped.
std::vector<std::string> runs_to_lines(const std::vector<TextRun>& runs);

// The lines of each page (runs of a page in content order), laid out from
// the characters' positions as the PDF reader lays out poppler's words
// (importers/layout/layout.h): one line per table row, '\t' between cells, a
// wrapped cell joined back; column starts are learnt over all the pages
// given. A page with a run that is not upright, or with more than 6000
// words, is read with runs_to_lines. Blank lines are dropped (ofd_layout.cc).
std::vector<std::vector<std::string>> page_lines(const std::vector<std::vector<TextRun>>& pages);

}  // namespace auditor::ofd

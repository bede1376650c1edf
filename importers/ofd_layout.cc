// OFD page text laid out as rows and cells: the characters of the TextCodes
// become words with boxes, as poppler gives a PDF's, and go through the
// shared layout (importers/layout/layout.h). Contract in ofd_text.h; the
// word rules in docs/formats/ofd.md ("Text").
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "importers/layout/layout.h"

#include "importers/ofd_text.h"
#include "importers/ofd_xml.h"
#include "util/utf8.h"

namespace auditor::ofd {
namespace {

constexpr double kPoints = 72.0 / 25.4;  // per millimetre: the layout counts in points
// A word's box, in font sizes above and below the baseline: a CJK font's as
// poppler gives it (Noto Sans CJK: ascent 1.16, descent 0.29), so that lines
// set at one and a half spacing sit within the layout's wrap distance (1.3 h).
constexpr double kAscent = 1.1;
constexpr double kDescent = 0.35;
constexpr std::size_t kMaxWords = 6000;  // as the PDF reader: more is read in line order

// A character drawn a full em wide (Han, kana, Hangul, CJK punctuation and
// full-width forms); others are taken as half an em.
bool wide(std::string_view ch) {
  const auto c = static_cast<unsigned char>(ch[0]);
  if (c < 0xE1) return false;  // below U+1000
  char32_t cp = c & 0x0F;
  for (std::size_t k = 1; k < ch.size(); ++k) cp = (cp << 6) | (ch[k] & 0x3F);
  return c >= 0xF0 || cp >= 0x1100;
}

bool blank(std::string_view ch) { return ch == " " || ch == "\u3000" || ch == "\u00A0"; }

// The characters of one run as words: a character starts a new word after a
// gap of more than 0.1 font size, or after blanks (space, ideographic space)
// when the gap is over two font sizes more than the blanks' width (the word
// before gets space_after); other blanks stay in the word, since the text of
// one TextCode belongs to one cell (`签字：王建国　　2024年3月4日`). A
// character is as wide as its advance, at most one font size; the last one,
// with no advance, one font size when wide, half one otherwise.
void run_words(const TextRun& run, std::vector<text_layout::Word>& out) {
  const double size = run.size > 0 ? run.size : 3.5;
  const double top = (run.y - kAscent * size) * kPoints;
  const double bottom = (run.y + kDescent * size) * kPoints;
  const double box_right = run.box_right * kPoints;
  double x = run.x;
  if (run.text.find_first_not_of(" ") == std::string::npos && !out.empty() &&
      std::abs(out.back().bottom - bottom) < 0.1 * size * kPoints &&
      std::abs(out.back().right - x * kPoints) <= 0.1 * size * kPoints) {
    // A run of spaces alone (one object per character): part of the word
    // before, so that the word after it joins it (merge_touching).
    double width = 0;
    for (std::size_t i = 0; i < run.text.size(); ++i)
      width += i < run.advances.size() ? run.advances[i] : size / 2;
    out.back().text += run.text;
    out.back().right += width * kPoints;
    return;
  }
  bool open = false;   // the last word in `out` is this run's and may grow
  std::string blanks;  // blanks since the open word's last character
  double blank_width = 0;
  std::size_t index = 0;
  for (std::size_t i = 0; i < run.text.size(); ++index) {
    const std::size_t n = code_point_length(run.text, i);
    const std::string_view ch(run.text.data() + i, n);
    i += n;
    const double natural = wide(ch) ? size : size / 2;
    const bool has_advance = index < run.advances.size();
    const double advance = has_advance ? run.advances[index] : natural;
    const double width = has_advance ? std::clamp(advance, 0.0, size) : natural;
    if (blank(ch)) {
      if (open) {
        blanks += ch;
        blank_width += advance;
      }
    } else {
      const double left = x * kPoints, right = (x + width) * kPoints;
      const double gap = open ? left - out.back().right : 0;
      if (open && (blanks.empty() ? gap <= 0.1 * size * kPoints
                                  : gap <= (blank_width + 2 * size) * kPoints)) {
        out.back().text += blanks;
        out.back().text += ch;
        out.back().right = std::max(out.back().right, right);
      } else {
        if (open && !blanks.empty()) out.back().space_after = true;
        out.push_back(
            {left, top, right, bottom, std::string(ch), false, box_right, run.box_left * kPoints});
        open = true;
      }
      blanks.clear();
      blank_width = 0;
    }
    x += advance;
  }
  if (open && !blanks.empty()) out.back().space_after = true;
}

bool ends_wide(const std::string& text) {
  std::size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return wide(std::string_view(text).substr(start));
}

// Text blocks (TextObjects) set apart on one baseline are separate words, as
// a form's label and value cells: neighbours on a baseline (bottoms within
// 0.1 h) from different objects get a space between them when the gap is
// over 0.1 font size (0.3 after a narrow character, whose width is a guess).
// `object[i]` is the TextObject of words[i].
void space_between_objects(std::vector<text_layout::Word>& words, const std::vector<int>& object) {
  std::vector<std::size_t> order(words.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return words[a].bottom < words[b].bottom; });
  for (std::size_t i = 0; i < order.size();) {
    const double h = words[order[i]].bottom - words[order[i]].top;
    std::size_t j = i + 1;
    while (j < order.size() && words[order[j]].bottom - words[order[i]].bottom <= 0.1 * h) ++j;
    std::sort(order.begin() + static_cast<long>(i), order.begin() + static_cast<long>(j),
              [&](std::size_t a, std::size_t b) { return words[a].left < words[b].left; });
    for (std::size_t k = i + 1; k < j; ++k) {
      text_layout::Word& before = words[order[k - 1]];
      const text_layout::Word& w = words[order[k]];
      if (object[order[k - 1]] == object[order[k]] || before.text.empty()) continue;
      const double size = h / (kAscent + kDescent);
      const double min_gap = (ends_wide(before.text) ? 0.1 : 0.3) * size;
      if (w.left - before.right >= min_gap) before.space_after = true;
    }
    i = j;
  }
}

// Words of consecutive runs on one baseline are one word, as poppler reads a
// word drawn in several runs (one TextObject per character): joined directly
// when they touch, with a space when no more than 0.6 font size apart (a
// space; a table's cells lie further apart) unless the second starts beyond
// the cell box of the first. When the first's block reaches over the second's
// text, the blocks are no cell boxes: the word's box is unknown.
void merge_touching(std::vector<text_layout::Word>& words) {
  std::vector<text_layout::Word> out;
  for (text_layout::Word& w : words) {
    if (!out.empty()) {
      text_layout::Word& p = out.back();
      const double h = p.bottom - p.top;
      const double size = h / (kAscent + kDescent);
      const double gap = w.left - p.right;
      const bool line = std::abs(w.bottom - p.bottom) < 0.1 * h &&
                        std::abs((w.bottom - w.top) - h) < 0.1 * h && gap > -0.1 * h;
      const bool beyond = p.box_right > p.right + 0.3 * size && w.left >= p.box_right - 0.2 * size;
      const bool touch = !p.space_after && gap <= 0.08 * h;
      if (line && !beyond && (touch || gap <= 0.6 * size)) {
        if (!touch) p.text += ' ';
        p.text += w.text;
        p.right = std::max(p.right, w.right);
        // a block reaching over the next one's text is no cell box
        p.box_right = p.box_right > w.left + 0.2 * size ? 0 : w.box_right;
        p.space_after = w.space_after;
        continue;
      }
    }
    out.push_back(std::move(w));
  }
  words = std::move(out);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

std::vector<std::vector<std::string>> page_lines(const std::vector<std::vector<TextRun>>& pages) {
  std::vector<std::vector<text_layout::Word>> words(pages.size());
  std::vector<bool> placed(pages.size(), true);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<int> object;
    for (const TextRun& r : pages[p]) {
      if (!r.upright || !std::isfinite(r.x) || !std::isfinite(r.y) || !std::isfinite(r.size)) {
        placed[p] = false;
        break;
      }
      run_words(r, words[p]);
      object.resize(words[p].size(), r.object);
      if (words[p].size() > kMaxWords) {
        placed[p] = false;
        break;
      }
    }
    if (!placed[p]) words[p].clear();
    space_between_objects(words[p], object);
    merge_touching(words[p]);
    for (text_layout::Word& w : words[p])  // spaces that joined no word
      while (!w.text.empty() && w.text.back() == ' ') {
        w.text.pop_back();
        w.space_after = true;
      }
  }
  const std::vector<std::string> laid = text_layout::page_texts(std::move(words));
  std::vector<std::vector<std::string>> out(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p)
    out[p] = placed[p] ? split_lines(laid[p]) : runs_to_lines(pages[p]);
  return out;
}

}  // namespace auditor::ofd

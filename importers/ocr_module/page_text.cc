#include "importers/ocr_module/page_text.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "util/cn_text.h"
#include "util/utf8.h"

namespace auditor::ocr {
namespace {

// Line heights: a gap this wide between Tesseract's lines of a row, or
// within one of its lines, separates table cells. Word boxes within a line
// are approximate (a two-character word's box is sometimes one character
// wide), hence the wider gap there.
constexpr double kCellGap = 1.5;
constexpr double kCellGapInLine = 3.0;
// A word of nothing but punctuation read this unsure is a speck in a gap
// ("林晓东。2024年3月4日"), dropped.
constexpr double kSpeckConfidence = 60;
constexpr int kUsableConfidence = 40;  // of a page with readable text
constexpr int kMinHan = 4;             // Han characters of a page with readable text
constexpr int kLineConfidence = 30;    // lines below it are dropped

struct Word {
  int left = 0, right = 0, top = 0, bottom = 0;
  std::string text;
  double confidence = 0;
  std::size_t chars = 0;
  bool rule_before = false, rule_after = false;  // a '|' (a table's ruling) beside it
};

// One line as Tesseract found it, in one block.
struct Segment {
  int left = 0, top = 0, right = 0, bottom = 0;
  std::vector<Word> words;
  double centre() const { return (top + bottom) / 2.0; }
  int height() const { return std::max(1, bottom - top); }
};

// Han, CJK punctuation and full-width forms: no space is kept beside them.
bool wide(char32_t c) {
  return cn::is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000;
}

char32_t first_char(const std::string& s) {
  std::size_t i = 0;
  return s.empty() ? 0 : next_code_point(s, i);
}

char32_t last_char(const std::string& s) {
  if (s.empty()) return 0;
  std::size_t i = code_point_before(s, s.size());
  return next_code_point(s, i);
}

bool quote(char32_t c) {
  return c == U'“' || c == U'”' || c == U'‘' || c == U'’' || c == U'"' || c == U'\'';
}

bool digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool cn_numeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}
bool zero_like(char32_t c) {
  return c == U'〇' || c == U'○' || c == U'O' || c == U'o' || c == U'0' || c == U'零';
}

// A run of zero-like glyphs between Chinese numerals ("二O〇二四年") is the
// 〇 of a written-out date: as many 〇 as it holds, or as many as it has
// glyphs when none of them is one (chi_sim sometimes reads one 〇 twice,
// once as a Latin O).
void fix_zeros(std::u32string& w) {
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!zero_like(w[i])) continue;
    std::size_t end = i;
    std::size_t circles = 0;
    for (; end < w.size() && zero_like(w[end]); ++end) circles += w[end] == U'〇' || w[end] == U'○';
    if (i > 0 && cn_numeral(w[i - 1]) && end < w.size() && cn_numeral(w[end])) {
      const std::size_t n = circles ? circles : end - i;
      w.replace(i, end - i, std::u32string(n, U'〇'));
      end = i + n;
    }
    i = end - 1;
  }
}

// A quotation mark right before a date ("陈建国”二〇二四年", "林晓东“2024年")
// is a speck in the gap before it: documents quote no dates.
void drop_date_quotes(std::u32string& w) {
  for (std::size_t i = 0; i + 1 < w.size();)
    if (quote(w[i]) && (digit(w[i + 1]) || cn_numeral(w[i + 1]) || w[i + 1] == U'〇'))
      w.erase(i, 1);
    else
      ++i;
}

// Glyphs chi_sim reads for others, set right where the text leaves no
// doubt: 〈 〉 (angle brackets, which case documents do not use) are the
// full-width parentheses （ ） Tesseract mistook them for ("现场检查〈勘验)笔录");
// a quotation mark after digits at the word's end is a speck in the gap
// after a number.
std::string fix_glyphs(const std::string& word) {
  std::u32string w = decode_utf8(word);
  while (w.size() > 1 && quote(w.back()) && digit(w[w.size() - 2])) w.pop_back();
  for (char32_t& c : w) c = c == U'\u3008' ? U'（' : c == U'\u3009' ? U'）' : c;
  return to_utf8(w);
}

bool punctuation_only(const std::string& word) {
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = next_code_point(word, i);
    if (cn::is_han(c) || c == U'〇' || (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') ||
        (c >= U'a' && c <= U'z'))
      return false;
  }
  return true;
}

std::vector<Segment> segments(tesseract::ResultIterator& it) {
  std::vector<Segment> out;
  it.Begin();
  do {
    if (it.Empty(tesseract::RIL_WORD)) continue;
    if (out.empty() || it.IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      Segment s;
      it.BoundingBox(tesseract::RIL_TEXTLINE, &s.left, &s.top, &s.right, &s.bottom);
      out.push_back(std::move(s));
    }
    const std::unique_ptr<char[]> text(it.GetUTF8Text(tesseract::RIL_WORD));
    if (!text || text[0] == '\0') continue;
    Word w;
    it.BoundingBox(tesseract::RIL_WORD, &w.left, &w.top, &w.right, &w.bottom);
    w.text = valid_utf8(text.get());
    // No whitespace inside a word; a table's ruling read as '|' separates
    // cells (separator()).
    w.text.erase(
        std::remove_if(w.text.begin(), w.text.end(),
                       [](char c) { return c == '\n' || c == '\r' || c == '\t' || c == ' '; }),
        w.text.end());
    w.text = fix_glyphs(w.text);
    w.rule_before = w.text.starts_with('|');
    while (w.text.starts_with('|')) w.text.erase(0, 1);
    w.rule_after = w.text.ends_with('|');
    while (w.text.ends_with('|')) w.text.pop_back();
    w.confidence = it.Confidence(tesseract::RIL_WORD);
    w.chars = code_point_count(w.text);
    if (w.chars > 0 && !(w.confidence < kSpeckConfidence && punctuation_only(w.text))) {
      out.back().words.push_back(std::move(w));
    } else if (w.rule_before && !out.back().words.empty()) {  // a lone '|'
      out.back().words.back().rule_after = true;
    }
  } while (it.Next(tesseract::RIL_WORD));
  std::erase_if(out, [](const Segment& s) { return s.words.empty(); });
  return out;
}

// Rows of segments: a segment joins the row above when each one's middle
// lies within the other's height and it overlaps none of the row's
// segments across.
std::vector<std::vector<Segment>> rows(std::vector<Segment> segs) {
  std::sort(segs.begin(), segs.end(),
            [](const Segment& a, const Segment& b) { return a.centre() < b.centre(); });
  std::vector<std::vector<Segment>> out;
  for (Segment& s : segs) {
    bool joined = false;
    if (!out.empty()) {
      std::vector<Segment>& row = out.back();
      const Segment& last = row.back();
      const bool level = s.centre() >= last.top && s.centre() <= last.bottom &&
                         last.centre() >= s.top && last.centre() <= s.bottom;
      const bool apart = std::none_of(row.begin(), row.end(), [&](const Segment& o) {
        return s.left < o.right && o.left < s.right;
      });
      if (level && apart) {
        row.push_back(std::move(s));
        joined = true;
      }
    }
    if (!joined) out.push_back({std::move(s)});
  }
  for (std::vector<Segment>& row : out)
    std::sort(row.begin(), row.end(),
              [](const Segment& a, const Segment& b) { return a.left < b.left; });
  return out;
}

// What stands between two words of a row: '\t' across a gap wider than
// `cell` pixels or a ruling read as '|', nothing where Han or full-width
// text meets, else a space. (Word boxes are too rough to tell a space
// between Han characters: a two-character word's box is sometimes one
// character wide.)
const char* separator(const Word& before, const Word& w, double cell,
                      const std::vector<Ruling>& rulings) {
  if (w.left - before.right > cell || before.rule_after || w.rule_before) return "\t";
  const int middle = (w.top + w.bottom) / 2, slack = std::max(2, (w.bottom - w.top) / 4);
  for (const Ruling& r : rulings)
    if (r.left >= before.right - slack && r.right <= w.left + slack && r.top <= middle &&
        r.bottom >= middle)
      return "\t";
  if (wide(last_char(before.text)) || wide(first_char(w.text))) return "";
  return " ";
}

// The page's line height: the median of its lines' (a table's or a
// stamp's odd line does not move it).
int line_height(const std::vector<Segment>& segs) {
  std::vector<int> heights;
  for (const Segment& s : segs) heights.push_back(s.height());
  if (heights.empty()) return 1;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

}  // namespace

OcrReading compose_page(tesseract::ResultIterator& it, const std::vector<Ruling>& rulings) {
  OcrReading out;
  double page_sum = 0;
  std::size_t page_chars = 0;
  std::vector<Segment> segs = segments(it);
  const int height = line_height(segs);
  for (const std::vector<Segment>& row : rows(std::move(segs))) {
    std::string line;
    double sum = 0;
    std::size_t chars = 0;
    const Word* before = nullptr;
    for (const Segment& s : row) {
      for (const Word& w : s.words) {
        const double gap = &w == &s.words.front() ? kCellGap : kCellGapInLine;
        if (before) line += separator(*before, w, gap * height, rulings);
        before = &w;
        line += w.text;
        sum += w.confidence * static_cast<double>(w.chars);
        chars += w.chars;
      }
    }
    std::u32string wide_line = decode_utf8(line);
    fix_zeros(wide_line);
    drop_date_quotes(wide_line);
    out.text += to_utf8(wide_line) + '\n';
    const int confidence = chars ? static_cast<int>(std::lround(sum / chars)) : 0;
    out.page.lines.push_back({static_cast<std::uint32_t>(out.text.size()), confidence});
    page_sum += sum;
    page_chars += chars;
  }
  out.page.confidence = page_chars ? static_cast<int>(std::lround(page_sum / page_chars)) : 0;
  out.page.end = out.text.size();
  return out;
}

void drop_unusable(OcrReading& r) {
  std::string kept;
  std::vector<OcrLine> lines;
  std::size_t begin = 0;
  for (const OcrLine& l : r.page.lines) {
    if (l.confidence >= kLineConfidence) {
      kept.append(r.text, begin, l.end - begin);
      lines.push_back({static_cast<std::uint32_t>(kept.size()), l.confidence});
    }
    begin = l.end;
  }
  int han = 0;
  for (std::size_t i = 0; i < kept.size() && han < kMinHan;)
    han += cn::is_han(next_code_point(kept, i)) ? 1 : 0;
  if (r.page.confidence < kUsableConfidence || han < kMinHan) {
    kept.clear();
    lines.clear();
  }
  r.text = std::move(kept);
  r.page.lines = std::move(lines);
  r.page.begin = 0;
  r.page.end = r.text.size();
}

}  // namespace auditor::ocr

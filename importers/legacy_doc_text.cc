#include "importers/legacy_doc_text.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>

#include "importers/doc_limits.h"
#include "importers/legacy_bytes.h"
#include "importers/legacy_doc_papx.h"
#include "util/utf8.h"

namespace auditor {

using legacy::u16;
using legacy::u32;
namespace {

constexpr const char* kDamaged = "DOC 文件损坏：";

// ---- pieces ---------------------------------------------------------------

// A run of characters stored together: CPs [cp, cp_end) at byte `fc` of
// WordDocument, one byte (cp1252) or two (UTF-16LE) per character.
struct Piece {
  std::uint32_t cp = 0, cp_end = 0;
  std::uint32_t fc = 0;
  bool compressed = false;
  std::uint64_t bytes() const { return std::uint64_t{cp_end - cp} * (compressed ? 1 : 2); }
};

// The pieces of the Clx; fails when there is no readable piece table. A
// piece out of order, outside WordDocument or overlapping an earlier one
// ends the list there (noted in `problems`).
Result<std::vector<Piece>> read_pieces(std::string_view word, std::string_view table,
                                       const FcLcb& clx, std::vector<std::string>& problems) {
  const Error broken{"文字分段表（piece table）无法读取"};
  if (clx.lcb == 0 || clx.fc > table.size() || clx.lcb > table.size() - clx.fc) return broken;
  const std::string_view c = table.substr(clx.fc, clx.lcb);
  std::size_t at = 0;
  while (at < c.size() && c[at] == 0x01) {  // Prc: formatting of the pieces, skipped
    if (c.size() - at < 3) return broken;
    const auto cb = static_cast<std::int16_t>(u16(c, at + 1));
    if (cb < 0) return broken;
    at += 3 + static_cast<std::size_t>(cb);
  }
  if (at >= c.size() || c[at] != 0x02 || c.size() - at < 5) return broken;
  const std::uint32_t lcb = u32(c, at + 1);
  if (lcb > c.size() - at - 5 || lcb < 16 || (lcb - 4) % 12 != 0) return broken;
  const std::string_view plc = c.substr(at + 5, lcb);
  const std::size_t n = (lcb - 4) / 12;
  std::vector<Piece> pieces;
  std::map<std::uint64_t, std::uint64_t> used;  // byte ranges of WordDocument: start -> end
  for (std::size_t i = 0; i < n; ++i) {
    Piece p;
    p.cp = u32(plc, 4 * i);
    p.cp_end = u32(plc, 4 * (i + 1));
    const std::uint32_t fc = u32(plc, 4 * (n + 1) + 8 * i + 2);
    p.compressed = (fc & 0x40000000u) != 0;
    p.fc = p.compressed ? (fc & 0x3FFFFFFFu) / 2 : fc & 0x3FFFFFFFu;
    const char* why = nullptr;
    if (p.cp_end <= p.cp || (!pieces.empty() && p.cp != pieces.back().cp_end)) {
      why = "分段顺序错乱";
    } else if (p.fc > word.size() || p.bytes() > word.size() - p.fc) {
      why = "分段超出 WordDocument 流";
    } else {
      const std::uint64_t begin = p.fc, end = begin + p.bytes();
      auto next = used.lower_bound(begin);
      const bool overlaps = (next != used.end() && next->first < end) ||
                            (next != used.begin() && std::prev(next)->second > begin);
      if (overlaps)
        why = "分段相互重叠";
      else
        used.emplace(begin, end);
    }
    if (why) {
      problems.push_back(std::string("文字分段表损坏（") + why + "），其后的文字未读取");
      break;
    }
    pieces.push_back(p);
  }
  if (pieces.empty() && problems.empty()) return broken;
  return pieces;
}

// ---- characters to text ---------------------------------------------------

// cp1252's 0x80-0x9F, as compressed pieces store them (MS-DOC 2.4.1); the
// other bytes are Latin-1.
char32_t cp1252(unsigned char b) {
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  return b >= 0x80 && b < 0xA0 ? kHigh[b - 0x80] : b;
}

constexpr std::size_t kMaxGap = 256;

// Turns the characters of a story into lines (docs/formats/doc.md), as the
// DOCX reader lays out the same document: a table row on one line, its
// cells joined by tabs, a cell's own paragraphs by spaces.
class TextBuilder {
 public:
  explicit TextBuilder(Paragraphs& paragraphs) : paragraphs_(paragraphs) {}

  // One UTF-16 code unit (or cp1252 byte) stored at byte `fc`.
  void add(char16_t c, std::uint32_t fc) {
    if (paragraph_start_) {
      paragraph_start_ = false;
      const std::optional<ParagraphProps> props = paragraphs_.at(fc);
      if (props && props->page_break_before && !props->in_table) page_break();
    }
    if (high_ && (c < 0xDC00 || c > 0xDFFF)) {
      put(0xFFFD);
      high_ = 0;
    }
    if (c >= 0xD800 && c <= 0xDBFF) {
      high_ = c;
      return;
    }
    if (c >= 0xDC00 && c <= 0xDFFF) {
      put(high_ ? 0x10000 + ((char32_t{high_} - 0xD800) << 10) + (c - 0xDC00) : 0xFFFD);
      high_ = 0;
      return;
    }
    switch (c) {
      case 0x13:  // field begin: its instruction follows
        fields_.push_back(false);
        ++instructions_;
        return;
      case 0x14:  // field separator: its result follows
        if (!fields_.empty() && !fields_.back()) {
          fields_.back() = true;
          --instructions_;
        }
        return;
      case 0x15:  // field end
        if (!fields_.empty()) {
          if (!fields_.back()) --instructions_;
          fields_.pop_back();
        }
        return;
      case 0x0D:
      case 0x07:
        // No field instruction spans a paragraph: an open one is damage.
        fields_.clear();
        instructions_ = 0;
        mark(c, fc);
        previous_ = c;
        paragraph_start_ = true;
        return;
      default:
        break;
    }
    previous_ = c;
    if (instructions_ > 0) return;
    switch (c) {
      case 0x09:
        put('\t');
        return;
      case 0x0B:  // line break
      case 0x0E:  // column break
        if (in_cell_)
          space();
        else
          end_line();
        return;
      case 0x0C:  // page or section break: the next line starts with \f
        if (in_cell_)
          space();
        else
          page_break();
        return;
      case 0x1E:  // non-breaking hyphen
        put('-');
        return;
      default:
        break;
    }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return;  // anchors, optional hyphens, controls
    put(c);
  }

  const std::string& text() const { return out_; }
  bool full() const { return out_.size() > kMaxTextBytes; }

 private:
  void put(char32_t c) {
    if (instructions_ > 0) return;
    out_ += gap_;
    gap_.clear();
    cell_gap_ = false;
    append_utf8(out_, c);
  }

  // A space in a cell, waiting for text; a run of empty paragraphs keeps
  // at most kMaxGap of them.
  void space() {
    if (gap_.size() < kMaxGap) gap_ += ' ';
  }

  void end_line() {
    gap_.clear();
    cell_gap_ = false;
    out_ += '\n';
  }

  // The next line starts with \f: never the first line, never twice.
  void page_break() {
    if (out_.empty() || out_.back() == '\f') return;
    if (out_.back() != '\n') end_line();
    out_ += '\f';
  }

  // A paragraph mark (0x0D) or a cell or row end (0x07). Inside a cell the
  // separators wait in gap_ until text follows, so a cell's last paragraph
  // mark adds nothing and an empty cell still takes its tab.
  void mark(char16_t c, std::uint32_t fc) {
    const std::optional<ParagraphProps> props = paragraphs_.at(fc);
    if (c == 0x0D) {
      in_cell_ = props && props->in_table;
      if (!in_cell_) {
        end_line();
      } else if (props->inner_row_end) {  // a nested table's row: one line with the cell's
        gap_ = " ";
        cell_gap_ = false;
      } else if (props->inner_cell_end) {
        gap_ = "\t";
        cell_gap_ = false;
      } else {
        space();
      }
      return;
    }
    // Without properties, a second end in a row ends the row.
    const bool row_end = props ? props->row_end : previous_ == 0x07;
    if (row_end) {
      end_line();
      in_cell_ = false;
      return;
    }
    if (cell_gap_) out_ += gap_;  // the cell that ends here is empty
    gap_ = "\t";
    cell_gap_ = true;
    in_cell_ = true;
  }

  Paragraphs& paragraphs_;
  std::string out_;
  std::string gap_;           // separators waiting for the next text
  bool cell_gap_ = false;     // gap_ is the tab after a cell
  std::vector<bool> fields_;  // open fields: true once in their result
  std::size_t instructions_ = 0;
  char16_t high_ = 0;      // a high surrogate waiting for its pair
  char16_t previous_ = 0;  // the previous character
  bool in_cell_ = false;
  bool paragraph_start_ = true;
};

// Feeds CPs [from, to) of the pieces to `out`; false when the pieces end
// first.
bool feed(std::string_view word, const std::vector<Piece>& pieces, std::uint32_t from,
          std::uint32_t to, TextBuilder& out) {
  auto it = std::upper_bound(pieces.begin(), pieces.end(), from,
                             [](std::uint32_t cp, const Piece& p) { return cp < p.cp_end; });
  for (std::uint32_t cp = from; cp < to; ++it) {
    if (it == pieces.end() || it->cp > cp) return false;
    const std::uint32_t end = std::min(to, it->cp_end);
    for (; cp < end; ++cp) {
      const std::uint32_t k = cp - it->cp;
      if (it->compressed) {
        out.add(static_cast<char16_t>(cp1252(static_cast<unsigned char>(word[it->fc + k]))),
                it->fc + k);
      } else {
        out.add(static_cast<char16_t>(u16(word, it->fc + 2 * k)), it->fc + 2 * k);
      }
      if (out.full()) return true;
    }
  }
  return true;
}

std::string_view trim_line(std::string_view line) {
  const std::size_t first = line.find_first_not_of(" \t\f");
  if (first == std::string_view::npos) return {};
  return line.substr(first, line.find_last_not_of(" \t") + 1 - first);
}

// Appends the non-blank lines of the story at CPs [from, from + length)
// (each once when `unique`) to `text`, while it is under kMaxTextBytes.
void append_lines(std::string_view word, const std::vector<Piece>& pieces, Paragraphs& paragraphs,
                  std::uint64_t from, std::uint32_t length, bool unique, std::string& text) {
  if (length == 0 || from + length > UINT32_MAX || text.size() > kMaxTextBytes) return;
  TextBuilder story(paragraphs);
  feed(word, pieces, static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(from + length),
       story);
  std::set<std::string_view> seen;
  std::string_view rest = story.text();
  while (!rest.empty() && text.size() <= kMaxTextBytes) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    const std::string_view line = trim_line(rest.substr(0, end));
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (line.empty() || (unique && !seen.insert(line).second)) continue;
    if (!text.empty() && text.back() != '\n') text += '\n';
    text += line;
    text += '\n';
  }
}

}  // namespace

Result<WordFib> read_word_fib(std::string_view word) {
  const Error broken{std::string(kDamaged) + "文件信息块（FIB）不完整"};
  if (word.size() < 34) return broken;
  WordFib fib;
  fib.ident = u16(word, 0);
  fib.nfib = u16(word, 2);
  if (fib.ident != 0xA5EC || fib.nfib < 0x00C0)
    return Error{"Word 95 或更早版本的 DOC 文档，不支持读取；请用 Word 或 WPS 另存为 DOCX 后提供",
                 Code::unsupported};
  const std::uint16_t flags = u16(word, 0x0A);
  fib.encrypted = (flags & 0x0100) != 0;
  fib.table1 = (flags & 0x0200) != 0;
  std::size_t at = 32;
  const std::size_t csw = u16(word, at);
  at += 2 + 2 * csw;
  if (word.size() < at + 2) return broken;
  const std::size_t cslw = u16(word, at);
  at += 2;
  if (cslw < 6 || word.size() < at + 4 * cslw + 2) return broken;
  fib.ccp_text = u32(word, at + 4 * 3);
  fib.ccp_ftn = u32(word, at + 4 * 4);
  fib.ccp_hdd = u32(word, at + 4 * 5);
  if (cslw >= 10) {
    fib.ccp_mcr = u32(word, at + 4 * 6);
    fib.ccp_atn = u32(word, at + 4 * 7);
    fib.ccp_edn = u32(word, at + 4 * 8);
    fib.ccp_txbx = u32(word, at + 4 * 9);
  }
  at += 4 * cslw;
  const std::size_t pairs = u16(word, at);
  at += 2;
  if (pairs < 34 || word.size() < at + 8 * std::size_t{34}) return broken;
  auto pair = [&](std::size_t i) {
    return FcLcb{u32(word, at + 8 * i), u32(word, at + 8 * i + 4)};
  };
  fib.papx = pair(13);
  fib.clx = pair(33);
  return fib;
}

WordText word_text(std::string_view word, std::string_view table, std::string_view data,
                   const WordFib& fib) {
  WordText result;
  Result<std::vector<Piece>> pieces = read_pieces(word, table, fib.clx, result.problems);
  if (!pieces) {
    result.problems.push_back(pieces.error());
    return result;
  }
  Paragraphs paragraphs(word, table, data, fib.papx);
  TextBuilder main(paragraphs);
  const bool whole = feed(word, *pieces, 0, fib.ccp_text, main);
  result.text = main.text();
  if (!whole && result.problems.empty())
    result.problems.push_back("文字分段表短于正文长度，其后的文字未读取");
  // Text boxes, then the header and footer story (its lines once each),
  // after the body, as the DOCX reader appends its header and footer parts.
  const std::uint64_t headers = std::uint64_t{fib.ccp_text} + fib.ccp_ftn;
  const std::uint64_t boxes = headers + fib.ccp_hdd + fib.ccp_mcr + fib.ccp_atn + fib.ccp_edn;
  if (whole && !main.full()) {
    append_lines(word, *pieces, paragraphs, boxes, fib.ccp_txbx, false, result.text);
    append_lines(word, *pieces, paragraphs, headers, fib.ccp_hdd, true, result.text);
  }
  result.capped = cap_text(result.text) || main.full();
  return result;
}

}  // namespace auditor

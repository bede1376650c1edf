// Internal to the fact extractors: the date-label vocabulary (which written
// label means which fact kind, importers/date_labels.tsv, compiled in) and
// the reader that finds the label a date was written under.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/facts_text.h"

namespace auditor::facts {

struct DateLabelEntry {
  std::u32string label;  // normalised as norm_label() does
  std::string kind;      // e.g. "service_date"
};

// The entries of importers/date_labels.tsv, longest label first. Lines that
// are not `label<TAB>kind` are skipped (tests/facts_dates_test.cc checks the
// file has none).
const std::vector<DateLabelEntry>& date_label_entries();
// The raw text of the data file, as compiled in.
std::string_view date_labels_data();

// A label's text for matching: whitespace, ':' and bracket marks removed
// ("受送达人（签名）" -> "受送达人签名"), full width already folded by Text.
std::u32string norm_label(const Text& t, std::size_t b, std::size_t e);
// The kind of the longest entry the label equals or ends with; "" if none.
std::string_view date_label_kind(std::u32string_view norm);
// A signature label: 签名, 签字, 签章, 盖章, 签收 or 印章 in it, or a signing
// role at its end (承办人, 负责人, 审批人, 审核人, 记录人, 申请人, 陈述申辩人,
// 主持人, 见证人, 当事人确认 …).
bool is_signature_label(std::u32string_view norm);

// Text helpers of the vocabulary (facts_labels.cc) shared with the layout
// reader (facts_label_layouts.cc).
namespace label_text {

constexpr std::size_t kMaxLabel = 24;     // code points of a label's normalised text
constexpr std::size_t kMaxName = 24;      // of a signer's name (or organisation) before the date
constexpr std::size_t kMaxHeaderUp = 40;  // rows searched up for a column header
constexpr std::size_t kMaxPiece = 10;     // code points of a wrapped piece of a label
constexpr std::size_t kMaxPieces = 8;     // lines a label may be wrapped over
constexpr std::size_t kMaxPrefix = 160;   // code points read back for a date's label in its cell
constexpr std::size_t kMaxRow = 2000;     // code points of a table row read for its cells

inline bool is_blank(char32_t c) { return c == U' ' || c == U'\t'; }
inline bool is_edge(char32_t c) { return c == 0 || c == U'\n' || c == U'\t'; }
inline bool is_open(char32_t c) { return c == U'(' || c == U'【' || c == U'[' || c == U'〔'; }
inline bool is_close(char32_t c) { return c == U')' || c == U'】' || c == U']' || c == U'〕'; }
inline bool is_punct(char32_t c) {
  return c == U',' || c == U'。' || c == U';' || c == U'!' || c == U'?' || c == U'《' ||
         c == U'》' || c == U'“' || c == U'”';
}
inline bool ends_with(std::u32string_view s, std::u32string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A normalised label that reads as a date's label: short, Han, no digits or
// sentence punctuation, and a date word (日期, 时间, 日, 期), a known label or
// a signature in it.
bool date_label_like(std::u32string_view n);
// Any short Han label without digits or punctuation (before a colon).
bool colon_label_like(std::u32string_view n);
// A signer's name (or nothing) between a signature label and its date.
bool name_like(std::u32string_view n);

// The start of i's cell, at most kMaxPrefix code points back.
std::size_t cell_begin(const Text& t, std::size_t i);
std::size_t cell_end(const Text& t, std::size_t i);
bool starts_line(const Text& t, std::size_t i);
// The start of i's line, or npos when it is more than kMaxRow code points back.
std::size_t row_begin(const Text& t, std::size_t i);
// The cells of the line starting at lb; none when it is wider than kMaxRow.
std::vector<std::pair<std::size_t, std::size_t>> cells_of_line(const Text& t, std::size_t lb);
void trim(const Text& t, std::size_t& b, std::size_t& e);  // blanks off both ends
// The text of [b, e) outside brackets, blanks removed.
std::u32string outside_brackets(const Text& t, std::size_t b, std::size_t e);
bool holds_digit(const Text& t, std::size_t b, std::size_t e);
// [b, e) ends with an organ's seal mark "（印章）", "（公章）", "（盖章）".
bool has_seal_mark(const Text& t, std::size_t b, std::size_t e);
// The cell [cb, pe) holds only an enforcement organ's name (letters are
// signed with the organ's name and the date).
bool signing_organ(const Text& t, std::size_t cb, std::size_t pe);
// "同意立案。 刘卫东" before the date: an opinion closed by its signer's name.
bool signer_before(const Text& t, std::size_t cb, std::size_t pe);

}  // namespace label_text

// Where the label of a date sits relative to it.
enum class LabelAt {
  same_cell,  // "签收日期：2024年4月8日", "签收日期 2024年4月8日"
  prev_cell,  // "签收日期\t2024年4月8日" (also a 4-column row)
  column,     // a header cell above, same column
  prev_line,  // "签收日期：" alone on the line above
};

// The label written for the date at [b, e) of `t`.
struct DateLabel {
  std::size_t b = npos, e = npos;  // the label in t (b == npos: none)
  std::u32string norm;             // norm_label of it
  LabelAt at = LabelAt::same_cell;
  bool named = false;   // a signer's name sits between a signature label and the date
  bool sealed = false;  // the date follows a seal mark "（印章）" or the organ's name
  bool signer = false;  // no label, but a signer's name: "同意。 刘卫东 2024年3月4日"
  bool found() const { return b != npos; }
};
// What label_of_date learnt about one text's table columns: (row start,
// column) -> the header found above it, so that a long table is read once.
struct LabelMemo {
  std::map<std::pair<std::size_t, std::size_t>, DateLabel> column;
};
DateLabel label_of_date(const Text& t, std::size_t b, std::size_t e, LabelMemo& memo);

namespace label_text {
// The label [b, e) (blanks, trailing colons and a leading bracketed note
// trimmed) found at `at`.
DateLabel make(const Text& t, std::size_t b, std::size_t e, LabelAt at);
}  // namespace label_text

}  // namespace auditor::facts

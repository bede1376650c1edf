// case_number, doc_number, cited_number, served_number and served_document:
// every number of the shape `PREFIX〔YYYY〕[第]N号` or year-first
// `〔YYYY〕PREFIX[第]N号` (any of the brackets 〔〕 [] ［］ () （） 【】 〖〗 ﹝﹞,
// 字/第, zero-padded serials, a bracketed prefix like `(杭临)市监处罚`) is found
// once, then classified. Judging a number against the district rule is
// auditor/numbering.cc's job: here every such shape is read as a number.
#include <algorithm>

#include "importers/facts_text.h"
#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kMaxPrefix = 30;  // Han characters before the bracket
constexpr std::size_t kHeadLines = 10;  // a document's own number sits near the top
// Code points of a table row searched for a number's column (head_above):
// a form's row is far shorter, and the bound keeps each number's search
// short on a line megabytes long.
constexpr std::size_t kMaxRowScan = 4096;

struct Token {
  std::size_t b = 0, e = 0;  // value range (prefix start .. 号)
  std::size_t bracket = 0;   // position of the opening bracket
  bool case_label = false;   // after 案号 / 案件编号 / 立案编号
  bool doc_label = false;    // after 文号 / 文书编号
  bool other_label = false;  // after 决定书文号 …: another document's number
  bool has_sui = false;
  bool year_first = false;  // `〔2021〕深南综执罚字第1101号`
  bool served = false;      // named by a 送达回证 as the served document
  std::string head;         // the prefix's part wrapped onto the line above (a table cell)
};

bool is_open(char32_t c) {
  return c == U'〔' || c == U'[' || c == U'(' || c == U'【' || c == U'〖' || c == U'﹝';
}
bool is_close(char32_t c) {
  return c == U'〕' || c == U']' || c == U')' || c == U'】' || c == U'〗' || c == U'﹞';
}

// `〔2024〕12号` (spaces allowed, 第 tolerated) at the open bracket i: end, or npos.
// `blank` is set when the year or the serial is left blank (an unfilled
// template: 穗海赤岗综执罚决〔  〕号); such a number counts only with 穗 or a label.
std::size_t match_tail(const Text& t, std::size_t i, bool& blank) {
  std::size_t j = t.skip_spaces(i + 1);
  const std::size_t year = j;
  while (cn::is_digit(t[j]) && j - year < 5) ++j;
  if (j - year != 4 && j != year) return npos;
  blank = j == year;
  j = t.skip_spaces(j);
  if (!is_close(t[j])) return npos;
  j = t.skip_spaces(j + 1);
  if (t[j] == U'第') j = t.skip_spaces(j + 1);
  std::size_t digits = j;
  while (cn::is_digit(t[j]) && j - digits < 7) ++j;
  if (j - digits > 6) return npos;
  blank = blank || j == digits;
  j = t.skip_spaces(j);
  return t[j] == U'号' ? j + 1 : npos;
}

// `〔2021〕深南综执罚字第1101号` at the open bracket i: the year first, then a
// prefix of Han characters or letters, then [第]serial号. End, or npos.
std::size_t match_year_first(const Text& t, std::size_t i) {
  constexpr std::size_t kMaxWord = 20;
  std::size_t j = t.skip_spaces(i + 1);
  for (int k = 0; k < 4; ++k, ++j)
    if (!cn::is_digit(t[j])) return npos;
  j = t.skip_spaces(j);
  if (!is_close(t[j])) return npos;
  j = t.skip_spaces(j + 1);
  const std::size_t word = j;
  while (j - word < kMaxWord && t[j] != U'第' &&
         (cn::is_han(t[j]) || cn::is_upper(t[j]) || cn::is_lower(t[j])))
    ++j;
  if (j == word || (j - word == kMaxWord && t[j] != U'第' && !cn::is_digit(t[j]))) return npos;
  if (t[j] == U'第') j = t.skip_spaces(j + 1);
  const std::size_t digits = j;
  while (cn::is_digit(t[j]) && j - digits < 7) ++j;
  if (j == digits || j - digits > 6) return npos;
  j = t.skip_spaces(j);
  return t[j] == U'号' ? j + 1 : npos;
}

constexpr Str kCaseLabels[] = {U"案号", U"案件编号", U"立案编号"};
constexpr Str kDocLabels[] = {U"文号", U"文书编号"};

// Does a label from `labels` end exactly at `end`?
template <std::size_t N>
bool label_ends_at(const Text& t, std::size_t end, const Str (&labels)[N]) {
  for (Str l : labels)
    if (end >= l.size() && t.str().substr(end - l.size(), l.size()) == l) return true;
  return false;
}

// A 文号 label ending at `end` that follows a document's name (行政处罚决定书文号,
// 处罚决定文号): the number is that document's, not this one's.
bool names_other(const Text& t, std::size_t end) {
  constexpr std::size_t kLabel = 2;  // 文号
  return end >= kLabel + 1 && t.str().substr(end - kLabel, kLabel) == U"文号" &&
         cn::is_han(t[end - kLabel - 1]);
}

std::size_t back_over_gap(const Text& t, std::size_t i) {
  while (i > 0 && (t[i - 1] == U' ' || t[i - 1] == U'\t' || t[i - 1] == U':')) --i;
  return i;
}

bool is_word(char32_t c) { return cn::is_han(c) || cn::is_upper(c) || cn::is_lower(c); }

// Characters that end the words before a number rather than belong to its
// prefix (…决定书福财罚决字〔2018〕第2号, 依据粤府〔2020〕1号): the prefix starts after
// the last of them.
bool ends_words(char32_t c) {
  static constexpr Str kStops = U"书表录单的据照为及和与于在对已将按见是即号出了达";
  return kStops.find(c) != npos;
}

// Start of a bracketed prefix part `(杭临)` ending right before `r`, or r.
std::size_t bracketed_part(const Text& t, std::size_t r) {
  constexpr std::size_t kMaxInside = 4;
  if (r < 3 || t[r - 1] != U')') return r;
  std::size_t k = r - 1;
  while (k > 0 && r - 1 - k < kMaxInside && cn::is_han(t[k - 1])) --k;
  return k > 0 && k < r - 1 && t[k - 1] == U'(' ? k - 1 : r;
}

// The part of a number's prefix wrapped onto the line above, in the same
// table column (cells are tab-separated): 穗海琶洲综执 above 罚决〔2024〕33号, or
// 穗海赤岗综执罚决 above 〔2024〕3号. The prefix on this line is [r, i) and
// starts its cell. Taken when it brings the 穗 the prefix lacks (from the 穗
// on), or, when this line has no prefix at all, its words after the last word
// ending a phrase (福财罚决字 above 〔2018〕第2号; a title above gives none).
// Only a run of words; empty otherwise.
std::string head_above(const Text& t, std::size_t r, std::size_t i) {
  const std::size_t lb = t.line_begin(r);
  if (lb < 2 || (r > lb && t[r - 1] != U'\t')) return {};
  if (r - lb > kMaxRowScan) return {};
  if (t.str().substr(r, i - r).find(U'穗') != npos) return {};
  std::size_t column = 0;
  for (std::size_t k = lb; k < r; ++k) column += t[k] == U'\t' ? 1 : 0;
  std::size_t b = t.line_begin(lb - 1), e = lb - 1;  // the line above, without its '\n'
  const bool clipped = e - b > kMaxRowScan;
  if (clipped) e = b + kMaxRowScan;
  for (std::size_t c = 0; c < column && b < e; ++b)
    if (t[b] == U'\t') ++c;
  const std::size_t window = e;
  for (std::size_t k = b; k < e; ++k)
    if (t[k] == U'\t') e = k;
  if (clipped && e == window) return {};  // the cell runs past the window: no form's row
  std::size_t from = t.str().substr(b, e - b).find(U'穗');
  if (from != npos) {
    from += b;
  } else if (r == i) {
    from = b;
    for (std::size_t k = e; k > b; --k)
      if (ends_words(t[k - 1])) {
        from = k;
        break;
      }
  } else {
    return {};
  }
  if (from >= e || e - from > kMaxPrefix) return {};
  for (std::size_t k = from; k < e; ++k)
    if (!is_word(t[k]) && t[k] != U' ') return {};
  return t.original(from, e);
}

// Finds the prefix of the number whose bracket is at i and the label before it.
bool read_prefix(const Text& t, std::size_t i, Token& tok) {
  std::size_t r = i;
  for (bool more = true; more;) {  // words, and bracketed parts between them: 津(粮)罚
    while (r > 0 && i - r < kMaxPrefix &&
           (is_word(t[r - 1]) || (t[r - 1] == U' ' && r > 1 && cn::is_han(t[r - 2]))))
      --r;
    const std::size_t part = r < i ? bracketed_part(t, r) : r;
    more = part < r && i - part < kMaxPrefix;
    if (more) r = part;
  }
  tok.head = head_above(t, r, i);
  std::size_t start = npos;
  for (std::size_t k = i; k > r; --k) {  // the last label inside the run wins
    if (label_ends_at(t, k, kCaseLabels))
      tok.case_label = true;
    else if (label_ends_at(t, k, kDocLabels))
      tok.doc_label = true, tok.other_label = names_other(t, k);
    else
      continue;
    start = k;
    break;
  }
  if (start == npos) {
    std::size_t g = back_over_gap(t, r);
    tok.case_label = label_ends_at(t, g, kCaseLabels);
    tok.doc_label = !tok.case_label && label_ends_at(t, g, kDocLabels);
    tok.other_label = tok.doc_label && names_other(t, g);
    start = r;
  }
  std::size_t sui = t.str().substr(start, i - start).find(U'穗');
  tok.has_sui = sui != npos || tok.head.find("穗") != std::string::npos;
  if (tok.has_sui) {
    start += sui;
  } else {
    for (std::size_t k = i; k > start; --k)
      if (ends_words(t[k - 1]) || t[k - 1] == U' ') {
        start = k;
        break;
      }
  }
  tok.b = t.skip_spaces(start);
  return tok.b < i || !tok.head.empty() || tok.case_label || tok.doc_label;
}

std::vector<Token> find_tokens(const Text& t) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!is_open(t[i])) continue;
    Token tok;
    tok.bracket = i;
    bool blank = false;
    std::size_t e = match_tail(t, i, blank);
    if (e != npos && !read_prefix(t, i, tok)) e = npos;
    if (e != npos && blank && !tok.has_sui && !tok.case_label && !tok.doc_label) e = npos;
    if (e == npos) {
      e = match_year_first(t, i);
      if (e == npos) continue;
      tok = Token{};
      tok.bracket = i;
      tok.year_first = true;
      tok.b = i;
      const std::size_t g = back_over_gap(t, i);
      tok.case_label = label_ends_at(t, g, kCaseLabels);
      tok.doc_label = !tok.case_label && label_ends_at(t, g, kDocLabels);
      tok.other_label = tok.doc_label && names_other(t, g);
    }
    tok.e = e;
    out.push_back(tok);
    i = e - 1;
  }
  return out;
}

constexpr std::initializer_list<Str> kServedLabels = {
    U"送达文书名称及文号", U"送达文书名称及编号", U"送达文书名称", U"送达文书及文号",
    U"送达文书文号",       U"送达文书",           U"受送达文书",   U"送达文件名称"};

// The first token starting in [from, to), or nullptr. Tokens are found left
// to right and a prefix never reaches back over the 号 ending the token
// before (号 ends words), so their starts ascend: a binary search.
Token* first_token_in(std::vector<Token>& tokens, std::size_t from, std::size_t to) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), from,
                             [](const Token& tok, std::size_t at) { return tok.b < at; });
  return it != tokens.end() && it->b < to ? &*it : nullptr;
}

// Marks the served number after each served-document label and emits the
// served document's title.
void mark_served(const Text& t, std::vector<Token>& tokens, Sink& out) {
  for (std::size_t i = t.find_any(kServedLabels); i != npos; i = t.find_any(kServedLabels, i + 1)) {
    std::size_t e = t.match_any(i, kServedLabels);
    std::size_t v = t.skip_label_gap(e);
    if (v == e && t[v] != U'《') continue;  // running text, not a form field
    std::size_t end = t.line_end(v);
    Token* served = first_token_in(tokens, v, end);
    if (!served && end < t.size()) served = first_token_in(tokens, end + 1, t.line_end(end + 1));
    if (served) {
      served->served = true;
      out.add(served->b, served->e, "served_number",
              served->head + t.original(served->b, served->e));
    }
    std::size_t title = t[v] == U'《' ? v + 1 : v;
    std::size_t stop = scan_name(t, title, {U"》", U"文号"}, 40);
    if (served && served->b >= title && served->b < stop) stop = served->b;
    std::size_t han = 0;
    for (std::size_t k = title; k < stop; ++k) han += cn::is_han(t[k]) ? 1 : 0;
    if (han >= 3) out.add(title, stop, "served_document", t.original(title, stop));
    i = e - 1;
  }
}

// Standing alone on its line, labelled 文号, or near the top and not quoted
// nor inside a sentence (right after a function word: 依据粤府〔2020〕1号,
// …作出的穗海…罚决〔2024〕3号决定书 are cited); a number without 穗 near the
// top must begin its line or follow a colon, a tab, spaces or a title's end.
bool own_number_position(const Text& t, const Token& tok, std::size_t line_index) {
  if (tok.doc_label) return true;
  std::size_t lb = t.line_begin(tok.b), le = t.line_end(tok.e - 1);
  bool alone = t.blank(lb, tok.b, true) && t.blank(tok.e, le);
  if (alone) return true;
  std::size_t before = tok.b;
  while (before > 0 && t[before - 1] == U' ') --before;
  char32_t c = before > 0 ? t[before - 1] : 0;
  // Inside a sentence (…作出的穗海…罚决〔2024〕3号行政处罚决定书: right after a
  // function word) a number is cited; one after a title (行政处罚决定书穗海…号,
  // a header line the reader joined, or set apart by spaces) is not.
  static constexpr Str kSentenceWords = U"的据照为及和与于在对已将按见是即出了达经依";
  const bool spaced = before < tok.b;
  if (!spaced && before > lb && kSentenceWords.find(c) != npos) return false;
  static constexpr Str kAfterTitle = U":\t书表录单证";  // 行政处罚决定书福财罚决字〔2018〕第2号
  if (!tok.has_sui && before > lb && !spaced && kAfterTitle.find(c) == npos) return false;
  return line_index < kHeadLines && c != U'(' && c != U'《' && c != U'“';
}

}  // namespace

void extract_numbers(const Text& t, Sink& out) {
  std::vector<Token> tokens = find_tokens(t);
  mark_served(t, tokens, out);
  bool have_own = false;
  std::size_t line_index = 0, counted_to = 0;
  for (const Token& tok : tokens) {
    for (; counted_to < tok.b; ++counted_to)  // non-empty lines before the token
      if (t[counted_to] == U'\n' && counted_to > 0 && t[counted_to - 1] != U'\n') ++line_index;
    if (tok.served) continue;
    std::string value = tok.head + t.original(tok.b, tok.e);
    bool is_case = tok.case_label || t.str().substr(tok.b, tok.e - tok.b).find(U'立') != npos ||
                   tok.head.find("立") != std::string::npos;
    if (is_case) {
      out.add(tok.b, tok.e, "case_number", value);
    } else if (tok.other_label) {
      out.add(tok.b, tok.e, "cited_number", value);
    } else if (!have_own && own_number_position(t, tok, line_index)) {
      have_own = true;
      out.add(tok.b, tok.e, "doc_number", value);
    } else {
      out.add(tok.b, tok.e, "cited_number", value);
    }
  }
}

}  // namespace auditor::facts

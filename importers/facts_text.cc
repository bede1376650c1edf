#include "importers/facts_text.h"

#include "util/utf8.h"

#include <algorithm>

#include "util/cn_text.h"

namespace auditor::facts {
namespace {

constexpr std::size_t kSnippetMax = 80;
constexpr std::size_t kMinWrapWidth = 40;  // display columns of the widest line
constexpr std::size_t kWrapPercent = 85;   // of the widest line, for a full line
constexpr std::size_t kMinProseHan = 10;

bool is_blank(char32_t c) { return c == U' ' || c == U'\t'; }

struct Line {
  std::size_t a, b;       // [a, b) of the raw text, b at '\n' or the end
  bool spaced = false;    // characters spaced out one by one
  std::size_t width = 0;  // display columns: CJK 2, others 1
  bool tab = false;       // a table row
  bool prose = false;     // running text: enough Han, no run of spaces between cells
};

std::vector<Line> split_lines(const std::u32string& raw) {
  std::vector<Line> out;
  for (std::size_t a = 0; a <= raw.size();) {
    std::size_t b = raw.find(U'\n', a);
    if (b == std::u32string::npos) b = raw.size();
    Line l{a, b};
    std::size_t solid = 0, single_gaps = 0, han = 0;
    bool gap = false;
    for (std::size_t k = a; k < b; ++k) {
      char32_t c = raw[k];
      l.width += c >= 0x1100 ? 2 : 1;
      l.tab = l.tab || c == U'\t';
      han += cn::is_han(c) ? 1 : 0;
      gap = gap || (c == U' ' && k + 1 < b && raw[k + 1] == U' ' && k > a);
      if (!is_blank(c))
        ++solid;
      else if (c == U' ' && k > a && k + 1 < b && !is_blank(raw[k - 1]) && !is_blank(raw[k + 1]))
        ++single_gaps;
    }
    l.spaced = solid >= 4 && 2 * single_gaps + 1 >= solid;
    l.prose = han >= kMinProseHan && !gap;
    out.push_back(l);
    a = b + 1;
  }
  return out;
}

// Lines a PDF broke only because the page was full: prose, no
// table cells, nearly as wide as the widest line, not ending a sentence or
// a label, and followed by a line that does not start indented.
// A line opening with a short label and a colon ("处罚内容：…", "送达地点:")
// starts a new field: the line before it did not wrap into it.
bool starts_with_label(const std::u32string& raw, const Line& l) {
  constexpr std::size_t kMaxLabel = 12;
  std::size_t k = l.a;
  while (k < l.b && k - l.a <= kMaxLabel &&
         (cn::is_han(raw[k]) || raw[k] == U' ' || raw[k] == U'(' || raw[k] == U')'))
    ++k;
  return k - l.a >= 2 && k < l.b && raw[k] == U':';
}

std::vector<bool> soft_wraps(const std::u32string& raw, const std::vector<Line>& lines) {
  std::vector<bool> out(lines.size(), false);
  std::size_t widest = 0;
  for (const Line& l : lines)
    if (!l.tab) widest = std::max(widest, l.width);
  if (widest < kMinWrapWidth) return out;
  for (std::size_t n = 0; n + 1 < lines.size(); ++n) {
    const Line& l = lines[n];
    const Line& next = lines[n + 1];
    if (l.tab || !l.prose || l.width * 100 < widest * kWrapPercent || next.tab ||
        next.a == next.b || is_blank(raw[next.a]))
      continue;
    std::size_t last = l.b;
    while (last > l.a && is_blank(raw[last - 1])) --last;
    char32_t c = last > l.a ? raw[last - 1] : 0;
    out[n] = !(c == U'。' || c == U':' || c == U';' || c == U'!' || c == U'?' || c == 0) &&
             !starts_with_label(raw, next);
  }
  return out;
}

}  // namespace

Text::Text(std::string_view utf8) : orig_(utf8) {
  std::u32string raw;
  std::vector<std::uint32_t> rb, re;
  raw.reserve(utf8.size());  // at most one code point per byte
  rb.reserve(utf8.size());
  re.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    std::size_t start = i;
    char32_t c = cn::fold_width(next_code_point(utf8, i));
    if (c == U'\r') continue;
    // A page break (a form feed starting a PDF page, importers/pdf_module)
    // is a line break: dropped after one, a new line elsewhere.
    if (c == U'\f') {
      if (raw.empty() || raw.back() == U'\n') continue;
      c = U'\n';
    }
    if (c == U'\v') c = U' ';
    raw += c;
    rb.push_back(static_cast<std::uint32_t>(start));
    re.push_back(static_cast<std::uint32_t>(i));
  }
  s_.reserve(raw.size());
  begin_.reserve(raw.size());
  end_.reserve(raw.size());
  auto keep = [&](std::size_t k) {
    s_ += raw[k];
    begin_.push_back(rb[k]);
    end_.push_back(re[k]);
  };
  std::vector<Line> lines = split_lines(raw);
  std::vector<bool> wrapped = soft_wraps(raw, lines);
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const Line& l = lines[n];
    for (std::size_t k = l.a; k < l.b; ++k) {
      if (l.spaced && raw[k] == U' ') {
        bool run = (k + 1 < l.b && raw[k + 1] == U' ') && (k == l.a || raw[k - 1] != U' ');
        if (!run) continue;  // a single space, or the rest of a run
      }
      keep(k);
    }
    if (l.b < raw.size() && !wrapped[n]) {
      breaks_.push_back(static_cast<std::uint32_t>(s_.size()));
      keep(l.b);
    }
  }
}

std::string Text::original(std::size_t b, std::size_t e, bool strip) const {
  if (b >= e || b >= s_.size()) return {};
  e = std::min(e, s_.size());
  std::string_view bytes = orig_.substr(begin_[b], end_[e - 1] - begin_[b]);
  if (!strip) return std::string(bytes);
  std::string out;
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t start = i;
    char32_t c = cn::fold_width(next_code_point(bytes, i));
    if (c != U' ' && c != U'\t' && c != U'\n' && c != U'\r' && c != U'\f')
      out.append(bytes.substr(start, i - start));
  }
  return out;
}

bool Text::blank(std::size_t b, std::size_t e, bool from_end) const {
  e = std::min(e, s_.size());
  for (std::size_t n = b; n < e; ++n) {
    const std::size_t k = from_end ? e - 1 - (n - b) : n;
    std::size_t at = begin_[k];
    const char32_t c = cn::fold_width(next_code_point(orig_, at));
    if (c != U' ' && c != U'\t' && c != U'\n' && c != U'\r' && c != U'\f') return false;
  }
  return true;
}

bool is_clause_end(char32_t c) {
  return c == U'。' || c == U';' || c == U'!' || c == U'?' || c == U'\n';
}

std::string Text::snippet(std::size_t b, std::size_t e) const {
  e = std::min(std::max(e, b + 1), s_.size());
  std::size_t lo = b, hi = e;
  // The sentence; when too long, the clauses (cut at commas) holding the match.
  for (bool commas : {false, true}) {
    auto edge = [&](std::size_t i) {  // not the comma of "3,000"
      return is_clause_end(s_[i]) ||
             (commas && s_[i] == U',' &&
              !(i > 0 && cn::is_digit(s_[i - 1]) && cn::is_digit((*this)[i + 1])));
    };
    lo = b;
    hi = e;
    while (lo > 0 && !edge(lo - 1) && b - lo <= kSnippetMax) --lo;
    while (hi < s_.size() && !edge(hi) && hi - lo <= kSnippetMax) ++hi;
    if (hi - lo <= kSnippetMax) break;
  }
  if (hi - lo > kSnippetMax) {  // keep the match, trim the context evenly
    std::size_t room = kSnippetMax > e - b ? kSnippetMax - (e - b) : 0;
    lo = std::max(lo, b > room / 2 ? b - room / 2 : 0);
    hi = std::max(e, std::min(hi, lo + kSnippetMax));
  }
  std::string text = original(lo, hi, false);
  std::erase(text, '\n');  // only soft-wrapped line breaks lie inside a snippet
  std::erase(text, '\r');
  std::erase(text, '\f');  // a page start (importers/pdf_module) inside a wrapped sentence
  for (char& c : text)
    if (c == '\t') c = ' ';
  std::size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) return original(b, e, false);
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::size_t Text::match(std::size_t i, Str label) const {
  std::size_t j = i;
  for (std::size_t k = 0; k < label.size(); ++k) {
    if (k > 0 && (*this)[j] == U' ' && (*this)[j + 1] == label[k]) ++j;
    if ((*this)[j] != label[k]) return npos;
    ++j;
  }
  return j;
}

std::size_t Text::find(Str label, std::size_t from) const {
  if (label.empty()) return npos;
  for (std::size_t i = s_.find(label[0], from); i != npos; i = s_.find(label[0], i + 1))
    if (match(i, label) != npos) return i;
  return npos;
}

std::size_t Text::match_any(std::size_t i, std::initializer_list<Str> labels) const {
  std::size_t best = npos;
  const char32_t first = (*this)[i];
  for (Str l : labels) {
    if (l.empty() || l[0] != first) continue;  // most positions end here
    std::size_t e = match(i, l);
    if (e != npos && (best == npos || e > best)) best = e;
  }
  return best;
}

std::size_t Text::find_any(std::initializer_list<Str> labels, std::size_t from) const {
  // Code points that start a label, each hashed to one bit.
  const auto bit = [](char32_t c) { return std::uint64_t{1} << (c & 63); };
  std::uint64_t firsts = 0;
  for (Str l : labels)
    if (!l.empty()) firsts |= bit(l[0]);
  for (std::size_t i = from; i < s_.size(); ++i)
    if ((firsts & bit(s_[i])) != 0 && match_any(i, labels) != npos) return i;
  return npos;
}

std::size_t Text::line_begin(std::size_t i) const {
  // the last break before i
  auto it = std::lower_bound(breaks_.begin(), breaks_.end(), i);
  return it == breaks_.begin() ? 0 : *(it - 1) + 1;
}

std::size_t Text::line_end(std::size_t i) const {
  auto it = std::lower_bound(breaks_.begin(), breaks_.end(), i);
  return it == breaks_.end() ? s_.size() : *it;
}

std::size_t Text::skip_spaces(std::size_t i) const {
  while ((*this)[i] == U' ') ++i;
  return i;
}

std::size_t Text::skip_label_gap(std::size_t i) const {
  while (is_blank((*this)[i])) ++i;
  if ((*this)[i] == U':') ++i;
  while (is_blank((*this)[i])) ++i;
  return i;
}

void Sink::add(std::size_t b, std::size_t e, std::string kind, std::string value) {
  hits_.push_back({b, Fact{std::move(kind), std::move(value), t_.snippet(b, e)}});
}

}  // namespace auditor::facts

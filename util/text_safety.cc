#include "util/text_safety.h"

#include "util/utf8.h"

namespace auditor {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Lead bytes whose sequence may be forbidden or a bidirectional control:
// C2 (U+0080..U+00BF), D8 (U+061C), E2 (U+200E..U+2069), EF (U+FDD0..U+FFFF)
// and the four-byte leads (U+nFFFE). Han text (E3..E9) skips the decoding.
bool may_be_special(unsigned char lead) {
  return lead == 0xC2 || lead == 0xD8 || lead == 0xE2 || lead == 0xEF || lead >= 0xF0;
}

// Bytes of the code point at s[i] when it is printable ASCII or a
// well-formed three-byte sequence from U+3000 to U+CFFF (Han, kana, Hangul,
// CJK punctuation: never special), else 0. The fast path of the loops below.
inline std::size_t plain_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b >= 0x20 && b < 0x7F) return 1;
  if (b < 0xE3 || b > 0xEC || i + 2 >= s.size()) return 0;
  const auto c1 = static_cast<unsigned char>(s[i + 1]), c2 = static_cast<unsigned char>(s[i + 2]);
  return (c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80 ? 3 : 0;
}

// Appends `s` to `out`, ill-formed bytes as U+FFFD. Each code point c that
// is a control (below U+0020, or DEL) or may be special is offered to
// `act(out, c)`: true when act wrote its replacement (or nothing: dropped),
// false to copy c as it is. Everything else is copied in runs.
template <typename Act>
void rewrite(std::string& out, std::string_view s, Act act) {
  std::size_t plain = 0, i = 0;
  while (i < s.size()) {
    if (const std::size_t n = plain_length(s, i)) {
      i += n;
      continue;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : utf8_sequence_length(s, i);
    if (n == 0) {
      out.append(s.substr(plain, i - plain)).append(kReplacement);
      plain = ++i;
      continue;
    }
    if (b >= 0x80 && !may_be_special(b)) {
      i += n;
      continue;
    }
    std::size_t next = i;
    const char32_t c = next_code_point(s, next);
    out.append(s.substr(plain, i - plain));
    if (!act(out, c)) out.append(s.substr(i, n));
    plain = i = next;
  }
  out.append(s.substr(plain));
}

constexpr char kHex[] = "0123456789ABCDEF";

void append_hex4(std::string& out, char32_t c, const char* digits) {
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(c >> shift) & 0xF];
}

// "⟨U+202E⟩"
void append_marker(std::string& out, char32_t c) {
  out += "\xE2\x9F\xA8U+";
  append_hex4(out, c, kHex);
  out += "\xE2\x9F\xA9";
}

bool show(std::string& out, char32_t c) {
  if (is_forbidden_char(c)) return true;  // dropped
  if (!is_bidi_control(c)) return false;
  append_marker(out, c);
  return true;
}

}  // namespace

bool is_forbidden_char(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
  if (c >= 0x7F && c <= 0x9F) return true;
  if (c >= 0xD800 && c <= 0xDFFF) return true;
  if (c >= 0xFDD0 && c <= 0xFDEF) return true;
  return (c & 0xFFFE) == 0xFFFE || c > 0x10FFFF;
}

bool is_bidi_control(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

bool is_xml_safe(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t n = plain_length(s, i)) {
      i += n;
      continue;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : utf8_sequence_length(s, i);
    if (n == 0) return false;
    if (b < 0x80 || may_be_special(b)) {
      std::size_t next = i;
      if (is_forbidden_char(next_code_point(s, next))) return false;
    }
    i += n;
  }
  return true;
}

std::string xml_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  rewrite(out, s, [](std::string&, char32_t c) { return is_forbidden_char(c); });
  return out;
}

std::string display_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  rewrite(out, s, show);
  return out;
}

std::string one_line_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  rewrite(out, s, [](std::string& o, char32_t c) {
    if (c != '\t' && c != '\n' && c != '\r') return show(o, c);
    o += ' ';
    return true;
  });
  return out;
}

std::string json_text_safe(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  append_json_text_safe(out, json);
  return out;
}

void append_json_text_safe(std::string& out, std::string_view json) {
  rewrite(out, json, [](std::string& o, char32_t c) {
    if (c < 0x80 || !(is_forbidden_char(c) || is_bidi_control(c))) return false;
    static constexpr char kLower[] = "0123456789abcdef";
    if (c > 0xFFFF) {  // a surrogate pair
      const char32_t v = c - 0x10000;
      o += "\\u";
      append_hex4(o, 0xD800 + (v >> 10), kLower);
      c = 0xDC00 + (v & 0x3FF);
    }
    o += "\\u";
    append_hex4(o, c, kLower);
    return true;
  });
}

}  // namespace auditor

// The one UTF-8 implementation: strict well-formedness (Unicode table 3-7:
// no overlongs, surrogates or values above U+10FFFF), decoding, sanitising
// and encoding. Every ill-formed byte decodes as U+FFFD and counts as one
// code point. Pure functions; none throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace auditor {

// Length of the well-formed sequence at s[i], 0 when there is none; i < s.size().
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// The code point at s[i], advancing i past it; an ill-formed byte gives
// U+FFFD and advances one byte. i < s.size().
char32_t next_code_point(std::string_view s, std::size_t& i);

// Bytes next_code_point advances from s[i]: the sequence length, 1 for an
// ill-formed byte.
inline std::size_t code_point_length(std::string_view s, std::size_t i) {
  const std::size_t n = utf8_sequence_length(s, i);
  return n ? n : 1;
}

// The start of the code point holding byte i - 1 (0 < i <= size): at a
// boundary, the code point that ends right before i. An ill-formed byte is
// its own code point.
std::size_t code_point_before(std::string_view s, std::size_t i);

// Code points in `s` (an ill-formed byte is one).
std::size_t code_point_count(std::string_view s);

bool is_valid_utf8(std::string_view s);

// `s` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view s);

std::u32string decode_utf8(std::string_view s);  // ill-formed bytes → U+FFFD
void append_utf8(std::string& out, char32_t c);
std::string to_utf8(std::u32string_view s);

}  // namespace auditor

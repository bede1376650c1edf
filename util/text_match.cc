#include "util/text_match.h"

#include "util/utf8.h"

namespace auditor {
namespace {

// The Unicode White_Space property.
bool is_space(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// Maps a full-width digit, letter or bracket to its ASCII matching form.
char32_t fold_for_match(char32_t cp) {
  if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
      (cp >= 0xFF41 && cp <= 0xFF5A)) {
    return cp - 0xFEE0;  // the full-width block mirrors ASCII 0x21..0x7E
  }
  switch (cp) {
    case U'〔':
    case U'【':
    case U'［':
      return U'[';
    case U'〕':
    case U'】':
    case U'］':
      return U']';
    case U'（':
      return U'(';
    case U'）':
      return U')';
    default:
      return cp;
  }
}

}  // namespace

std::string normalize_for_match(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    if (utf8_sequence_length(utf8, i) == 0) {  // kept as is: matching stays byte-exact
      out += utf8[i++];
      continue;
    }
    const char32_t cp = next_code_point(utf8, i);
    if (!is_space(cp)) append_utf8(out, fold_for_match(cp));
  }
  return out;
}

}  // namespace auditor

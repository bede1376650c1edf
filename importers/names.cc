#include "importers/names.h"

#include "importers/cn_text.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace auditor {
namespace {

// Decodes one code point at `s[i]`, strictly (no overlongs, surrogates or
// values above U+10FFFF). Returns the sequence length, or 0 when invalid.
std::size_t next_code_point(std::string_view s, std::size_t i, char32_t& cp) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(s[k]);
  };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (s.size() - i < len) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// The Unicode White_Space property.
bool is_space(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 ||
         cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

// Maps a full-width digit, letter or bracket to its ASCII matching form.
char32_t fold_for_match(char32_t cp) {
  if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
      (cp >= 0xFF41 && cp <= 0xFF5A)) {
    return cp - 0xFEE0;  // the full-width block mirrors ASCII 0x21..0x7E
  }
  switch (cp) {
    case U'〔': case U'【': case U'［': return U'[';
    case U'〕': case U'】': case U'］': return U']';
    case U'（': return U'(';
    case U'）': return U')';
    default: return cp;
  }
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  char32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    // XML markup is mostly ASCII: skip it eight bytes at a time.
    std::uint64_t word;
    while (i + sizeof word <= s.size() &&
           (std::memcpy(&word, s.data() + i, sizeof word), (word & 0x8080808080808080ull) == 0))
      i += sizeof word;
    if (i == s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = next_code_point(s, i, cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

NameEncoding decide_name_encoding(const std::vector<std::string>& raw) {
  for (const std::string& name : raw) {
    if (!is_valid_utf8(name)) return NameEncoding::gb18030;
  }
  return NameEncoding::utf8;
}

bool decode_name(std::string_view raw, NameEncoding enc, std::string& utf8) {
  if (enc == NameEncoding::gb18030) {
    bool ok = false;
    std::string decoded = gb18030_to_utf8(raw, ok);
    if (ok) {
      utf8 = std::move(decoded);
      return true;
    }
  }
  if (!is_valid_utf8(raw)) return false;
  utf8.assign(raw);
  return true;
}

std::string gb18030_to_utf8(std::string_view s, bool& ok) {
  ok = false;
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return {};
  std::string out;
  out.resize(s.size() * 4 + 4);  // a GB18030 code unit never exceeds 4 UTF-8
  char* in = const_cast<char*>(s.data());
  std::size_t in_left = s.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
  // A second call with no input flushes state; any error means invalid input.
  const bool converted = r != static_cast<std::size_t>(-1) && in_left == 0 &&
      iconv(cd, nullptr, nullptr, &dst, &out_left) != static_cast<std::size_t>(-1);
  iconv_close(cd);
  if (!converted) return {};
  out.resize(out.size() - out_left);
  ok = true;
  return out;
}

std::string hex_bytes(std::string_view raw) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(raw.size() * 3);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto b = static_cast<unsigned char>(raw[i]);
    if (i > 0) out += ' ';
    out += kDigits[b >> 4];
    out += kDigits[b & 0x0F];
  }
  return out;
}

std::string normalize_for_match(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  char32_t cp;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t len = next_code_point(utf8, i, cp);
    if (len == 0) {  // invalid byte: kept as is, matching stays byte-exact
      out += utf8[i++];
      continue;
    }
    i += len;
    if (!is_space(cp)) cn::append_utf8(out, fold_for_match(cp));
  }
  return out;
}

}  // namespace auditor

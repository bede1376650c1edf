#include "importers/names.h"

#include "util/utf8.h"

#include <iconv.h>

#include <cerrno>

namespace auditor {

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
  const bool converted =
      r != static_cast<std::size_t>(-1) && in_left == 0 &&
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

}  // namespace auditor

#include "importers/ofd_seal.h"

#include "util/utf8.h"

#include <cstdint>
#include <optional>
#include <vector>

#include "importers/ofd_xml.h"
#include "util/text_match.h"

namespace auditor::ofd {
namespace {

constexpr unsigned char kInteger = 0x02;
constexpr unsigned char kUtf8String = 0x0C;
constexpr unsigned char kPrintableString = 0x13;
constexpr unsigned char kIa5String = 0x16;
constexpr unsigned char kBmpString = 0x1E;
constexpr unsigned char kSequence = 0x30;
constexpr std::size_t kMaxElements = 16;  // no structure read here has more

struct Tlv {
  unsigned char tag = 0;
  std::string_view value;
};

// The DER element at the start of `in`, which is advanced past it; nullopt
// when the header is malformed or the length runs past `in`.
std::optional<Tlv> next_tlv(std::string_view& in) {
  if (in.size() < 2) return std::nullopt;
  const auto tag = static_cast<unsigned char>(in[0]);
  if ((tag & 0x1F) == 0x1F) return std::nullopt;  // multi-byte tags: not in SESeal
  const auto first = static_cast<unsigned char>(in[1]);
  std::size_t pos = 2;
  std::uint64_t len = first;
  if (first & 0x80) {
    const std::size_t n = first & 0x7F;
    if (n == 0 || n > 4 || in.size() < 2 + n) return std::nullopt;
    len = 0;
    for (std::size_t i = 0; i < n; ++i) len = (len << 8) | static_cast<unsigned char>(in[2 + i]);
    pos += n;
  }
  if (len > in.size() - pos) return std::nullopt;
  Tlv t{tag, in.substr(pos, len)};
  in.remove_prefix(pos + len);
  return t;
}

// The elements inside a constructed value, at most kMaxElements; stops at
// the first malformed one.
std::vector<Tlv> elements(std::string_view content) {
  std::vector<Tlv> out;
  while (!content.empty() && out.size() < kMaxElements) {
    std::optional<Tlv> t = next_tlv(content);
    if (!t) break;
    out.push_back(*t);
  }
  return out;
}

Text decode_string(const Tlv& t) {
  std::string s;
  if (t.tag == kUtf8String || t.tag == kPrintableString || t.tag == kIa5String) {
    s = std::string(t.value);
  } else if (t.tag == kBmpString && t.value.size() % 2 == 0) {
    for (std::size_t i = 0; i < t.value.size(); i += 2) {
      const std::uint32_t cp = (static_cast<unsigned char>(t.value[i]) << 8) |
                               static_cast<unsigned char>(t.value[i + 1]);
      if (cp >= 0xD800 && cp <= 0xDFFF) return std::nullopt;  // UCS-2 only
      append_utf8(s, cp);
    }
  } else {
    return std::nullopt;
  }
  s = trim(s);
  if (s.empty() || !is_valid_utf8(s)) return std::nullopt;
  return s;
}

// `seal` is the content of an SESeal SEQUENCE:
// SESeal { SES_SealInfo { header, esID, property { type, name, ... }, ... }, ... }
Text name_in_seal(std::string_view seal) {
  const std::vector<Tlv> parts = elements(seal);
  if (parts.empty() || parts[0].tag != kSequence) return std::nullopt;
  const std::vector<Tlv> info = elements(parts[0].value);
  if (info.size() < 3 || info[0].tag != kSequence || info[2].tag != kSequence) return std::nullopt;
  const std::vector<Tlv> property = elements(info[2].value);
  if (property.size() < 2 || property[0].tag != kInteger) return std::nullopt;
  return decode_string(property[1]);
}

}  // namespace

Text seal_name_from_der(std::string_view der) {
  std::optional<Tlv> top = next_tlv(der);
  if (!top || top->tag != kSequence) return std::nullopt;
  if (Text name = name_in_seal(top->value)) return name;
  // SES_Signature { TBS_Sign { version INTEGER, eseal SESeal, ... }, ... }
  const std::vector<Tlv> signature = elements(top->value);
  if (signature.empty() || signature[0].tag != kSequence) return std::nullopt;
  const std::vector<Tlv> tbs = elements(signature[0].value);
  if (tbs.size() < 2 || tbs[0].tag != kInteger || tbs[1].tag != kSequence) return std::nullopt;
  return name_in_seal(tbs[1].value);
}

}  // namespace auditor::ofd

#include "testdata/generator/util.h"

#include <array>
#include <cstdio>
#include <cstdlib>

namespace testdata {
namespace {

void put_be32(std::string& s, std::uint32_t v) {
  for (int i = 3; i >= 0; --i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint32_t crc32(std::string_view bytes) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

void chunk(std::string& png, std::string_view type, std::string_view data) {
  put_be32(png, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type) + std::string(data);
  png += body;
  put_be32(png, crc32(body));
}

// A zlib stream of stored (uncompressed) deflate blocks.
std::string zlib_stored(std::string_view raw) {
  std::string out = "\x78\x01";
  std::size_t at = 0;
  do {
    const std::size_t n = std::min<std::size_t>(raw.size() - at, 65535);
    out += static_cast<char>(at + n == raw.size() ? 1 : 0);
    out += static_cast<char>(n & 0xFF);
    out += static_cast<char>(n >> 8);
    out += static_cast<char>(~n & 0xFF);
    out += static_cast<char>((~n >> 8) & 0xFF);
    out.append(raw.substr(at, n));
    at += n;
  } while (at < raw.size());
  std::uint32_t a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  put_be32(out, b << 16 | a);
  return out;
}

int value_of(char c) { return c >= '0' && c <= '9' ? c - '0' : c - 'A' + 10; }

}  // namespace

void die(const std::string& why) {
  std::fprintf(stderr, "make_testdata: %s\n", why.c_str());
  std::exit(1);
}

std::string credit_code(std::string_view prefix8, std::string_view org8) {
  static constexpr std::string_view kChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr int kOrgWeights[] = {3, 7, 9, 10, 5, 8, 4, 2};
  if (prefix8.size() != 8 || org8.size() != 8) die("credit code parts must be 8 + 8 characters");
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += value_of(org8[i]) * kOrgWeights[i];
  const int org_check = 11 - sum % 11;
  std::string code = std::string(prefix8) + std::string(org8) +
                     (org_check == 10   ? 'X'
                      : org_check == 11 ? '0'
                                        : char('0' + org_check));
  sum = 0;
  int weight = 1;
  for (char c : code) {
    const std::size_t v = kChars.find(c);
    if (v == std::string_view::npos) die("character not allowed in a credit code: " + code);
    sum += static_cast<int>(v) * weight;
    weight = weight * 3 % 31;
  }
  return code + kChars[(31 - sum % 31) % 31];
}

std::string id_number(std::string_view first17) {
  static constexpr int kWeights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  if (first17.size() != 17) die("an ID number body has 17 digits");
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return std::string(first17) + "10X98765432"[sum % 11];
}

std::string yuan_capital(long yuan) {
  static const char* const kDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  static const char* const kUnits[] = {"", "拾", "佰", "仟"};
  if (yuan < 0 || yuan >= 100000000) die("amount out of range");
  if (yuan == 0) return "零元整";
  const auto section = [&](long n) {  // 0 < n < 10000
    std::string out;
    bool zero = false;
    for (int pos = 3, div = 1000; pos >= 0; --pos, div /= 10) {
      const long d = n / div % 10;
      if (d == 0) {
        zero = !out.empty();
        continue;
      }
      if (zero) out += "零";
      zero = false;
      out += std::string(kDigits[d]) + kUnits[pos];
    }
    return out;
  };
  const long high = yuan / 10000, low = yuan % 10000;
  std::string out;
  if (high) out += section(high) + "万";
  if (low) out += (high && low < 1000 ? "零" : "") + section(low);
  return out + "元整";
}

std::string make_png(int width, int height, const std::function<std::uint32_t(int, int)>& pixel) {
  std::string ihdr;
  put_be32(ihdr, static_cast<std::uint32_t>(width));
  put_be32(ihdr, static_cast<std::uint32_t>(height));
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw += '\0';  // filter: none
    for (int x = 0; x < width; ++x) {
      const std::uint32_t p = pixel(x, y);
      raw += static_cast<char>(p >> 16 & 0xFF);
      raw += static_cast<char>(p >> 8 & 0xFF);
      raw += static_cast<char>(p & 0xFF);
    }
  }
  std::string png = "\x89PNG\r\n\x1a\n";
  chunk(png, "IHDR", ihdr);
  chunk(png, "IDAT", zlib_stored(raw));
  chunk(png, "IEND", "");
  return png;
}

}  // namespace testdata

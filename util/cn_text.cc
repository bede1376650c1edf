#include "util/cn_text.h"

#include <array>

#include "util/utf8.h"

namespace auditor::cn {

char32_t fold_width(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;
  if (c == 0x3000 || c == 0x00A0) return U' ';
  if (c == 0xFFE5) return 0x00A5;
  return c;
}

bool is_han(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }

int cn_digit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'○':
    case U'零':
      return 0;
    case U'一':
    case U'壹':
      return 1;
    case U'二':
    case U'两':
    case U'贰':
    case U'貳':
      return 2;
    case U'三':
    case U'叁':
    case U'參':
      return 3;
    case U'四':
    case U'肆':
      return 4;
    case U'五':
    case U'伍':
      return 5;
    case U'六':
    case U'陆':
    case U'陸':
      return 6;
    case U'七':
    case U'柒':
      return 7;
    case U'八':
    case U'捌':
      return 8;
    case U'九':
    case U'玖':
      return 9;
    default:
      return -1;
  }
}

std::int64_t cn_unit(char32_t c) {
  switch (c) {
    case U'十':
    case U'拾':
      return 10;
    case U'百':
    case U'佰':
      return 100;
    case U'千':
    case U'仟':
      return 1000;
    case U'万':
    case U'萬':
      return 10000;
    case U'亿':
    case U'億':
      return 100000000;
    default:
      return 0;
  }
}

std::optional<std::int64_t> parse_cn_integer(std::u32string_view s) {
  if (s.empty() || s.size() > 24) return std::nullopt;
  bool has_unit = false;
  for (char32_t c : s) {
    if (!is_cn_numeral(c)) return std::nullopt;
    has_unit = has_unit || cn_unit(c) > 0;
  }
  if (!has_unit) {  // digit by digit: 二〇二四
    std::int64_t v = 0;
    for (char32_t c : s) v = v * 10 + cn_digit(c);
    return v;
  }
  std::int64_t total = 0, section = 0, number = 0;
  bool has_number = false;
  for (char32_t c : s) {
    int d = cn_digit(c);
    if (d >= 0) {
      number = d;
      has_number = d > 0;
      continue;
    }
    std::int64_t u = cn_unit(c);
    if (u == 100000000) {
      total = (total + section + number) * u;
      section = number = 0;
    } else if (u == 10000) {
      total += (section + number) * u;
      section = number = 0;
    } else {
      if (!has_number && u != 10) return std::nullopt;  // 百 without a digit
      section += (has_number ? number : 1) * u;
      number = 0;
    }
    has_number = false;
  }
  return total + section + number;
}

bool valid_date(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1990 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int limit = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= limit;
}

std::string format_yuan(std::int64_t fen) {
  std::string out = std::to_string(fen / 100);
  int rest = static_cast<int>(fen % 100);
  if (rest != 0) {
    out += '.';
    out += static_cast<char>('0' + rest / 10);
    if (rest % 10 != 0) out += static_cast<char>('0' + rest % 10);
  }
  return out;
}

namespace {

constexpr std::string_view kCreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

}  // namespace

bool valid_credit_code(std::string_view code) {
  static constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                                   29, 25, 13, 8,  24, 10, 30, 28};
  if (code.size() != 18) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    std::size_t v = kCreditAlphabet.find(code[i]);
    if (v == std::string_view::npos) return false;
    sum += static_cast<int>(v) * kWeights[i];
  }
  int check = (31 - sum % 31) % 31;
  return code[17] == kCreditAlphabet[check];
}

bool valid_id_number(std::string_view id) {
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                   3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  if (id.size() != 18) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') return false;
    sum += (id[i] - '0') * kWeights[i];
  }
  return id[17] == kCheck[sum % 11];
}

}  // namespace auditor::cn

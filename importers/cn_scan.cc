// Dates and yuan amounts as written in official text (declared in cn_text.h).
#include <cstdio>

#include "util/cn_text.h"

namespace auditor::cn {
namespace {

using Str = std::u32string_view;

char32_t at(Str s, std::size_t i) { return i < s.size() ? s[i] : 0; }

std::size_t skip_spaces(Str s, std::size_t i) {
  while (at(s, i) == U' ') ++i;
  return i;
}

struct Number {
  std::int64_t value;
  std::size_t end;
};

// Month or day: 1-2 ASCII digits, or a Chinese numeral run (三, 十二, 三十一).
std::optional<Number> scan_small(Str s, std::size_t i) {
  std::size_t j = i;
  if (is_digit(at(s, j))) {
    std::int64_t v = 0;
    while (is_digit(at(s, j)) && j - i < 3) v = v * 10 + (s[j++] - U'0');
    if (j - i > 2) return std::nullopt;
    return Number{v, j};
  }
  while (cn_digit(at(s, j)) >= 0 || cn_unit(at(s, j)) == 10) ++j;
  if (j == i || j - i > 3) return std::nullopt;
  auto v = parse_cn_integer(s.substr(i, j - i));
  if (!v) return std::nullopt;
  return Number{*v, j};
}

// Zero in a Chinese year is also written with a Latin, Greek or Cyrillic O.
bool is_cn_year_digit(char32_t c) {
  return cn_digit(c) >= 0 || c == U'O' || c == U'o' || c == U'0' || c == U'Ｏ' || c == U'Ο' ||
         c == U'О';
}

// Four-digit year in ASCII or Chinese digits ("二〇二四", "二○二四", "二零二四").
std::optional<Number> scan_year(Str s, std::size_t i, bool& chinese) {
  chinese = !is_digit(at(s, i));
  std::int64_t v = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    char32_t c = at(s, i + k);
    if (!chinese && is_digit(c)) {
      v = v * 10 + (c - U'0');
    } else if (chinese && is_cn_year_digit(c) && cn_unit(c) == 0) {
      v = v * 10 + (cn_digit(c) > 0 ? cn_digit(c) : 0);
    } else {
      return std::nullopt;
    }
  }
  char32_t next = at(s, i + 4);
  if (chinese ? is_cn_year_digit(next) : is_digit(next)) return std::nullopt;
  return Number{v, i + 4};
}

std::optional<DateScan> make_date(std::int64_t y, std::int64_t m, std::int64_t d, std::size_t end) {
  if (!valid_date(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)))
    return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                static_cast<int>(d));
  return DateScan{buf, end};
}

}  // namespace

std::optional<DateScan> scan_date(Str s, std::size_t pos) {
  if (pos > 0 && (is_digit(s[pos - 1]) || is_cn_numeral(s[pos - 1]))) return std::nullopt;
  bool chinese = false;
  auto year = scan_year(s, pos, chinese);
  if (!year) return std::nullopt;
  std::size_t i = year->end;
  char32_t sep = at(s, i);
  if (!chinese && (sep == U'-' || sep == U'.' || sep == U'/')) {
    auto month = scan_small(s, i + 1);
    if (!month || !is_digit(s[i + 1]) || at(s, month->end) != sep) return std::nullopt;
    auto day = scan_small(s, month->end + 1);
    if (!day || !is_digit(s[month->end + 1])) return std::nullopt;
    if (at(s, day->end) == sep && is_digit(at(s, day->end + 1))) return std::nullopt;
    return make_date(year->value, month->value, day->value, day->end);
  }
  i = skip_spaces(s, i);
  if (at(s, i) != U'年') return std::nullopt;
  auto month = scan_small(s, skip_spaces(s, i + 1));
  if (!month) return std::nullopt;
  i = skip_spaces(s, month->end);
  if (at(s, i) != U'月') return std::nullopt;
  auto day = scan_small(s, skip_spaces(s, i + 1));
  if (!day) return std::nullopt;
  i = skip_spaces(s, day->end);
  if (at(s, i) != U'日' && at(s, i) != U'号') return std::nullopt;
  return make_date(year->value, month->value, day->value, i + 1);
}

namespace {

constexpr std::int64_t kMaxYuan = 1'000'000'000'000;  // beyond any fine; guards overflow

// Digits with optional thousands commas and decimals, in 1/10^4 yuan.
std::optional<Number> scan_arabic(Str s, std::size_t i) {
  std::int64_t whole = 0;
  std::size_t j = i;
  while (is_digit(at(s, j)) || (at(s, j) == U',' && j > i && is_digit(at(s, j + 1)))) {
    if (s[j] != U',') whole = whole * 10 + (s[j] - U'0');
    if (whole > kMaxYuan) return std::nullopt;
    ++j;
  }
  if (j == i) return std::nullopt;
  std::int64_t frac = 0, scale = 1000;
  if (at(s, j) == U'.' && is_digit(at(s, j + 1))) {
    for (++j; is_digit(at(s, j)); ++j, scale /= 10) frac += (s[j] - U'0') * scale;
  }
  return Number{whole * 10000 + frac, j};
}

bool is_yuan(char32_t c) { return c == U'元' || c == U'圆'; }

}  // namespace

std::optional<AmountScan> scan_amount(Str s, std::size_t pos) {
  std::size_t i = pos;
  bool yen = at(s, i) == 0xA5;
  if (yen) i = skip_spaces(s, i + 1);
  if (is_digit(at(s, i))) {
    if (i > 0 && !yen && (is_digit(s[i - 1]) || s[i - 1] == U'.')) return std::nullopt;
    auto n = scan_arabic(s, i);
    if (!n) return std::nullopt;
    std::int64_t units = n->value;  // 1/10^4 yuan
    std::size_t j = skip_spaces(s, n->end);
    std::size_t end = n->end;
    if (at(s, j) == U'万' && is_yuan(at(s, skip_spaces(s, j + 1)))) {
      units *= 10000;
      j = skip_spaces(s, j + 1);
    }
    if (is_yuan(at(s, j))) {
      end = j + 1;
    } else if (!yen) {
      return std::nullopt;
    }
    if (at(s, end) == U'整' || at(s, end) == U'正') ++end;
    return AmountScan{units / 100, end};
  }
  std::size_t j = i;
  while (is_cn_numeral(at(s, j))) ++j;
  if (j == i || (i > 0 && is_cn_numeral(s[i - 1]))) return std::nullopt;
  auto whole = parse_cn_integer(s.substr(i, j - i));
  j = skip_spaces(s, j);
  if (!whole || *whole > kMaxYuan || !is_yuan(at(s, j))) return std::nullopt;
  std::int64_t fen = *whole * 100;
  ++j;
  if (cn_digit(at(s, j)) > 0 && at(s, j + 1) == U'角') {
    fen += cn_digit(s[j]) * 10;
    j += 2;
  }
  if (cn_digit(at(s, j)) == 0 && cn_digit(at(s, j + 1)) > 0) ++j;  // 零
  if (cn_digit(at(s, j)) > 0 && at(s, j + 1) == U'分') {
    fen += cn_digit(s[j]);
    j += 2;
  }
  if (at(s, j) == U'整' || at(s, j) == U'正') ++j;
  return AmountScan{fen, j};
}

}  // namespace auditor::cn

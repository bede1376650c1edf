// Helpers for Simplified Chinese official text: UTF-8 code points, full-width
// folding, Chinese numerals, dates, yuan amounts and the check characters of
// unified social credit codes and citizen ID numbers. Pure functions over
// values; none of them throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/utf8.h"  // code points to and from UTF-8

namespace auditor::cn {

// --- code points (UTF-8 itself: util/utf8.h) ---------------------------------

// Full-width ASCII (U+FF01..U+FF5E) to ASCII, ideographic and no-break space
// to ' ', full-width yen ￥ to ¥; every other code point unchanged.
char32_t fold_width(char32_t c);

bool is_han(char32_t c);  // CJK unified ideographs (basic block + ext. A)
inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool is_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }
inline bool is_lower(char32_t c) { return c >= U'a' && c <= U'z'; }
inline bool is_alnum(char32_t c) { return is_digit(c) || is_upper(c) || is_lower(c); }

// --- numerals --------------------------------------------------------------

// 0..9 for 〇○零 一二两三四五六七八九 壹贰叁肆伍陆柒捌玖; -1 otherwise.
int cn_digit(char32_t c);
// 10, 100, 1000, 10^4, 10^8 for 十拾 百佰 千仟 万萬 亿億; 0 otherwise.
std::int64_t cn_unit(char32_t c);
inline bool is_cn_numeral(char32_t c) { return cn_digit(c) >= 0 || cn_unit(c) > 0; }

// The value of a whole run of Chinese numerals: positional with units
// ("三十一", "壹万贰仟零伍拾") or digit by digit when it has no unit ("二〇二四").
// nullopt when the run is empty, malformed or too long.
std::optional<std::int64_t> parse_cn_integer(std::u32string_view s);

// --- dates and amounts -----------------------------------------------------

bool valid_date(int year, int month, int day);  // Gregorian, years 1990..2099

// A date starting exactly at s[pos]: "2024年3月5日" (spaces allowed between
// parts, 号 for 日), "二〇二四年三月五日" (〇 ○ 零 O 0 for zero), "2024-03-05",
// "2024.3.5", "2024/3/5". Expects half-width digits (fold first). The text
// before pos must not continue the number. nullopt for anything else,
// including invalid calendar dates.
struct DateScan {
  std::string iso;  // yyyy-mm-dd
  std::size_t end;  // one past the last code point of the date
};
std::optional<DateScan> scan_date(std::u32string_view s, std::size_t pos);

// An amount in yuan starting exactly at s[pos]: "3000元", "3,000.00元",
// "5万元", "¥3000", "叁仟元整", "壹佰元伍角", "一千五百元". Without ¥ the
// amount must end in 元 (or 圆). Value in fen (1/100 yuan).
struct AmountScan {
  std::int64_t fen;
  std::size_t end;
};
std::optional<AmountScan> scan_amount(std::u32string_view s, std::size_t pos);

// "3000", "1500.5", "0.35": yuan without trailing zeros or ".0".
std::string format_yuan(std::int64_t fen);

// --- identity codes --------------------------------------------------------

// Unified social credit code (GB 32100-2015): 18 characters from
// 0-9 A-H J-N P-R T U W-Y, the last the mod-31 check character of the first 17.
bool valid_credit_code(std::string_view code);
// Citizen ID number (GB 11643-1999): 17 digits and the ISO 7064 MOD 11-2
// check character (0-9 or X, upper-case).
bool valid_id_number(std::string_view id);

}  // namespace auditor::cn

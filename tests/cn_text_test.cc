#include "util/cn_text.h"

#include <catch2/catch.hpp>

namespace cn = auditor::cn;

namespace {

std::string date_at_start(std::u32string_view s) {
  auto d = cn::scan_date(s, 0);
  return d ? d->iso : "none";
}

std::string amount_at_start(std::u32string_view s) {
  auto a = cn::scan_amount(s, 0);
  return a ? cn::format_yuan(a->fen) : "none";
}

}  // namespace

TEST_CASE("Chinese numerals are read positionally or digit by digit", "[facts]") {
  CHECK(cn::parse_cn_integer(U"三十一") == 31);
  CHECK(cn::parse_cn_integer(U"十二") == 12);
  CHECK(cn::parse_cn_integer(U"十") == 10);
  CHECK(cn::parse_cn_integer(U"一百零五") == 105);
  CHECK(cn::parse_cn_integer(U"壹仟零伍拾") == 1050);
  CHECK(cn::parse_cn_integer(U"叁仟") == 3000);
  CHECK(cn::parse_cn_integer(U"伍万") == 50000);
  CHECK(cn::parse_cn_integer(U"一万二千五百") == 12500);
  CHECK(cn::parse_cn_integer(U"两千") == 2000);
  CHECK(cn::parse_cn_integer(U"壹亿贰仟万") == 120000000);
  CHECK(cn::parse_cn_integer(U"二〇二四") == 2024);
  CHECK(cn::parse_cn_integer(U"二○二四") == 2024);
  CHECK_FALSE(cn::parse_cn_integer(U"百"));
  CHECK_FALSE(cn::parse_cn_integer(U""));
  CHECK_FALSE(cn::parse_cn_integer(U"三x"));
}

TEST_CASE("every written date form gives the same ISO date", "[facts]") {
  CHECK(date_at_start(U"2024年3月5日") == "2024-03-05");
  CHECK(date_at_start(U"2024 年 03 月 05 日") == "2024-03-05");
  CHECK(date_at_start(U"2024年3月5号") == "2024-03-05");
  CHECK(date_at_start(U"二〇二四年三月五日") == "2024-03-05");
  CHECK(date_at_start(U"二○二四年三月五日") == "2024-03-05");
  CHECK(date_at_start(U"二零二四年三月五日") == "2024-03-05");
  CHECK(date_at_start(U"二〇二四年十二月三十一日") == "2024-12-31");
  CHECK(date_at_start(U"2024-03-05") == "2024-03-05");
  CHECK(date_at_start(U"2024.3.5") == "2024-03-05");
  CHECK(date_at_start(U"2024/3/5") == "2024-03-05");
  CHECK(date_at_start(U"2024年3月5日10时30分") == "2024-03-05");
}

TEST_CASE("impossible dates, a year alone and a year-month are no dates", "[facts]") {
  CHECK(date_at_start(U"2024年2月30日") == "none");
  CHECK(date_at_start(U"2023年2月29日") == "none");
  CHECK(date_at_start(U"2024年2月29日") == "2024-02-29");
  CHECK(date_at_start(U"2024年13月1日") == "none");
  CHECK(date_at_start(U"2024年度") == "none");
  CHECK(date_at_start(U"2024年3月") == "none");
  CHECK(date_at_start(U"1890年3月5日") == "none");
  CHECK(date_at_start(U"2024-3/5") == "none");
  CHECK(date_at_start(U"2024.3.5.1") == "none");
  // A longer number is not cut into a date.
  auto inside = cn::scan_date(U"12024年3月5日", 1);
  CHECK_FALSE(inside);
}

TEST_CASE("amounts in digits and capital numerals are read to the fen", "[facts]") {
  CHECK(amount_at_start(U"3000元") == "3000");
  CHECK(amount_at_start(U"3,000.00元") == "3000");
  CHECK(amount_at_start(U"1500.50元") == "1500.5");
  CHECK(amount_at_start(U"0.35元") == "0.35");
  CHECK(amount_at_start(U"5万元") == "50000");
  CHECK(amount_at_start(U"1.5万元") == "15000");
  CHECK(amount_at_start(U"\u00A53000") == "3000");
  CHECK(amount_at_start(U"叁仟元整") == "3000");
  CHECK(amount_at_start(U"伍万元") == "50000");
  CHECK(amount_at_start(U"壹仟零伍拾元伍角") == "1050.5");
  CHECK(amount_at_start(U"壹佰元零伍分") == "100.05");
  CHECK(amount_at_start(U"一千五百元") == "1500");
  CHECK(amount_at_start(U"百分之三") == "none");
  CHECK(amount_at_start(U"3000") == "none");  // neither 元 nor ¥: not an amount
}

// Check characters computed by hand, independently of the implementation:
//
// Credit code 91440101MA5CL8RB0?  (alphabet 0-9 A-H J-N P-R T U W-Y; M=21 A=10
// C=12 L=20 R=25 B=11), weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
//   9 + 3 + 36 + 108 + 0 + 26 + 0 + 17 + 420 + 290 + 125 + 156 + 160 + 192
//   + 250 + 330 + 0 = 2122; 2122 mod 31 = 14; 31 - 14 = 17 -> 'H'.
// Credit code 92440105MA9W3K7T1?  (W=28 K=19 T=26):
//   9 + 6 + 36 + 108 + 0 + 26 + 0 + 85 + 420 + 290 + 225 + 364 + 24 + 456
//   + 70 + 780 + 28 = 2927; 2927 mod 31 = 13; 31 - 13 = 18 -> 'J'.
// ID 44010619800101123?, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
//   28 + 36 + 0 + 5 + 0 + 24 + 2 + 9 + 48 + 0 + 0 + 9 + 0 + 5 + 8 + 8 + 6
//   = 188; 188 mod 11 = 1 -> "10X98765432"[1] = '0'.
// ID 44010519900315003?:
//   28 + 36 + 0 + 5 + 0 + 20 + 2 + 9 + 54 + 0 + 0 + 27 + 10 + 25 + 0 + 0 + 6
//   = 222; 222 mod 11 = 2 -> 'X'.
TEST_CASE("check characters of credit codes and ID numbers are verified", "[facts]") {
  CHECK(cn::valid_credit_code("91440101MA5CL8RB0H"));
  CHECK(cn::valid_credit_code("92440105MA9W3K7T1J"));
  CHECK_FALSE(cn::valid_credit_code("91440101MA5CL8RB0J"));
  CHECK_FALSE(cn::valid_credit_code("91440101MO5CL8RB0H"));  // O is not a code character
  CHECK_FALSE(cn::valid_credit_code("91440101MA5CL8RB0"));
  CHECK(cn::valid_id_number("440106198001011230"));
  CHECK(cn::valid_id_number("44010519900315003X"));
  CHECK_FALSE(cn::valid_id_number("440106198001011231"));
  CHECK_FALSE(cn::valid_id_number("44010519900315003x"));  // callers upper-case first
  CHECK_FALSE(cn::valid_id_number("4401061980010112"));
}

TEST_CASE("full-width characters fold to half-width, others stay", "[facts]") {
  CHECK(cn::fold_width(U'０') == U'0');
  CHECK(cn::fold_width(U'：') == U':');
  CHECK(cn::fold_width(U'（') == U'(');
  CHECK(cn::fold_width(U'Ａ') == U'A');
  CHECK(cn::fold_width(U'\u3000') == U' ');
  CHECK(cn::fold_width(U'〔') == U'〔');
  CHECK(cn::fold_width(U'张') == U'张');
  CHECK(auditor::to_utf8(U"案号：〔2024〕") == "案号：〔2024〕");
}

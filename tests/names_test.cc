#include "importers/names.h"
#include "util/text_match.h"
#include "util/utf8.h"

#include <catch2/catch.hpp>

#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

using testing::to_gb18030;

TEST_CASE("archives whose unflagged names are all UTF-8 decode as UTF-8", "[zip]") {
  CHECK(decide_name_encoding({}) == NameEncoding::utf8);
  CHECK(decide_name_encoding({"a.txt", "word/document.xml"}) == NameEncoding::utf8);
  CHECK(decide_name_encoding({"立案审批表.docx", "a.txt"}) == NameEncoding::utf8);
}

TEST_CASE("one non-UTF-8 unflagged name makes the archive GB18030", "[zip]") {
  CHECK(decide_name_encoding({"立案审批表.docx", to_gb18030("决定书.pdf")}) ==
        NameEncoding::gb18030);
}

TEST_CASE("UTF-8 validation is strict", "[zip]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("中文 abc \xF0\x9F\x98\x80"));
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xE4\xB8"));          // truncated
  CHECK_FALSE(is_valid_utf8("\x80"));              // lone continuation
  CHECK_FALSE(is_valid_utf8(to_gb18030("行政处罚")));
}

TEST_CASE("UTF-8 validation sees bad bytes after and between long ASCII runs", "[zip]") {
  const std::string ascii(13, 'a');
  CHECK(is_valid_utf8(ascii + "中" + ascii + "文" + std::string(16, 'b')));
  CHECK_FALSE(is_valid_utf8(ascii + "\xE4\xB8"));                    // truncated at the end
  CHECK_FALSE(is_valid_utf8(std::string(8, 'a') + "\x80" + ascii));  // on a word boundary
  CHECK_FALSE(is_valid_utf8(ascii + "\xC0\xAF" + ascii));
}

TEST_CASE("GB18030 names decode, including four-byte sequences", "[zip]") {
  std::string out;
  REQUIRE(decode_name(to_gb18030("06-行政处罚事先告知书.docx"), NameEncoding::gb18030, out));
  CHECK(out == "06-行政处罚事先告知书.docx");
  const std::string rare = "𠀀㐀€";  // four-byte and GBK-external characters
  bool ok = false;
  CHECK(gb18030_to_utf8(to_gb18030(rare), ok) == rare);
  CHECK(ok);
}

TEST_CASE("invalid GB18030 is refused, not replaced", "[zip]") {
  bool ok = true;
  CHECK(gb18030_to_utf8("\x81", ok).empty());  // truncated lead byte
  CHECK_FALSE(ok);
  ok = true;
  gb18030_to_utf8("a\x81\x20", ok);  // lead byte with an ASCII trail
  CHECK_FALSE(ok);
  ok = true;
  gb18030_to_utf8("\xFF", ok);
  CHECK_FALSE(ok);
}

TEST_CASE("a name invalid in GB18030 falls back to UTF-8", "[zip]") {
  std::string out;
  // "中" is e4 b8 ad: e4 b8 is a GBK character, then ad is a dangling lead.
  REQUIRE(decode_name("中", NameEncoding::gb18030, out));
  CHECK(out == "中");
}

TEST_CASE("a name invalid in both encodings does not decode", "[zip]") {
  std::string out = "untouched";
  CHECK_FALSE(decode_name("\xFF\xFE\x80", NameEncoding::gb18030, out));
  CHECK_FALSE(decode_name("\xFF\xFE\x80", NameEncoding::utf8, out));
  CHECK_FALSE(decode_name(to_gb18030("告知书"), NameEncoding::utf8, out));
}

TEST_CASE("hex_bytes spells raw names byte by byte", "[zip]") {
  CHECK(hex_bytes("中") == "e4 b8 ad");
  CHECK(hex_bytes(std::string("\x00\xFF", 2)) == "00 ff");
  CHECK(hex_bytes("") == "");
}

TEST_CASE("numbers in full-width and bracket variants normalise alike", "[zip]") {
  const std::string expected = "穗海赤岗综执罚决[2024]31号";
  CHECK(normalize_for_match("穗海赤岗综执罚决〔２０２４〕３１号") == expected);
  CHECK(normalize_for_match("穗海赤岗综执罚决【2024】31号") == expected);
  CHECK(normalize_for_match("穗海赤岗综执罚决［2024］31号") == expected);
  CHECK(normalize_for_match("穗海赤岗 综执罚决 [2024] 31 号") == expected);
  CHECK(normalize_for_match("ＡＢＣｘｙｚ（一）") == "ABCxyz(一)");
}

TEST_CASE("normalising removes every kind of whitespace only", "[zip]") {
  CHECK(normalize_for_match(" a\tb\r\n\u3000c\u00A0d\u2003e ") == "abcde");
  CHECK(normalize_for_match("行政处罚决定书") == "行政处罚决定书");
  CHECK(normalize_for_match("（2024）") != normalize_for_match("[2024]"));
  // Invalid bytes pass through unchanged so matching stays byte-exact.
  CHECK(normalize_for_match("\xFF"
                            "a b") ==
        "\xFF"
        "ab");
}

}  // namespace
}  // namespace auditor

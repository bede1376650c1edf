#include "util/text_safety.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "util/utf8.h"

namespace auditor {
namespace {

std::string cp(char32_t c) {
  std::string s;
  append_utf8(s, c);
  return s;
}

TEST_CASE("characters XML 1.0 and HTML5 forbid are classified as forbidden", "[text_safety]") {
  for (char32_t c : {0x00, 0x01, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F, 0xD800,
                     0xDFFF, 0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF})
    CHECK(is_forbidden_char(c));
  for (char32_t c :
       {0x09, 0x0A, 0x0D, 0x20, 0x7E, 0xA0, 0x4E2D, 0xFDCF, 0xFDF0, 0xFFFD, 0x1F600, 0x10FFFD})
    CHECK_FALSE(is_forbidden_char(c));
}

TEST_CASE("embeddings, overrides, isolates and marks are bidirectional controls", "[text_safety]") {
  for (char32_t c : {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
                     0x2068, 0x2069})
    CHECK(is_bidi_control(c));
  for (char32_t c : {0x200B, 0x200D, 0x2029, 0x2065, 0x206A, 0x3008, 0xFEFF})
    CHECK_FALSE(is_bidi_control(c));
}

TEST_CASE("a right-to-left override in a case number is shown, not obeyed", "[text_safety]") {
  const std::string number = "穗海赤岗综执立〔2024〕" + cp(0x202E) + "号21";
  CHECK(display_safe(number) == "穗海赤岗综执立〔2024〕⟨U+202E⟩号21");
  CHECK(display_safe(cp(0x2066) + "甲" + cp(0x2069) + cp(0x200F) + cp(0x061C)) ==
        "⟨U+2066⟩甲⟨U+2069⟩⟨U+200F⟩⟨U+061C⟩");
}

TEST_CASE("noncharacters, controls and ill-formed bytes leave the shown text", "[text_safety]") {
  const std::string party = "甲" + cp(0xFFFE) + "乙" + cp(0xFFFF) + "公司" + cp(0x1FFFE) +
                            cp(0xFDD0) + cp(0x85) + "\x01\x1b[31m\x7f";
  CHECK(display_safe(party) == "甲乙公司[31m");
  CHECK(xml_safe(party) == "甲乙公司[31m");
  // Each ill-formed byte is one U+FFFD, as util/utf8.h decodes it.
  CHECK(display_safe("坏\xff字\xe4\xb8") == "坏\xEF\xBF\xBD字\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK_FALSE(is_xml_safe(party));
  CHECK_FALSE(is_xml_safe("坏\xff"));
}

TEST_CASE("xml_safe keeps bidirectional controls for writers of documents", "[text_safety]") {
  const std::string s = "a" + cp(0x202E) + "b";
  CHECK(is_xml_safe(s));
  CHECK(xml_safe(s) == s);
}

TEST_CASE("ordinary Chinese text passes every filter unchanged", "[text_safety]") {
  const std::string text =
      "穗海赤岗综执立〔2024〕12号\t当事人：广州市某某餐饮有限公司（统一社会信用代码 "
      "91440101MA5XXXXX1X）\r\n罚款 ¥5,000.00 元；《中华人民共和国行政处罚法》第四十四条 "
      "😀 ０１２ — “引号” ‘单’ …";
  CHECK(is_xml_safe(text));
  CHECK(xml_safe(text) == text);
  CHECK(display_safe(text) == text);
  CHECK(json_text_safe(text) == text);
  CHECK(display_safe("") == "");
}

TEST_CASE("a console line stays one line", "[text_safety]") {
  CHECK(one_line_safe("a\nb\tc\rd" + cp(0x202E) + "e\x1b") == "a b c d⟨U+202E⟩e");
}

TEST_CASE("JSON text escapes what would reorder or break a viewer, values unchanged",
          "[text_safety]") {
  const std::string value =
      "〔2024〕" + cp(0x202E) + "号21" + cp(0xFFFE) + cp(0x85) + cp(0x1FFFF) + cp(0x2067) + "中文";
  const std::string dumped = nlohmann::json{{"party", value}}.dump();
  const std::string safe = json_text_safe(dumped);
  CHECK(safe == "{\"party\":\"〔2024〕\\u202e号21\\ufffe\\u0085\\ud83f\\udfff\\u2067中文\"}");
  CHECK(nlohmann::json::parse(safe).at("party") == value);
}

}  // namespace
}  // namespace auditor

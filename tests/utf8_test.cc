// The one UTF-8 implementation (util/utf8.h) and the digest (util/hash.h).
#include "util/utf8.h"

#include <catch2/catch.hpp>

#include "util/hash.h"

namespace auditor {
namespace {

TEST_CASE("decoding reads every ill-formed byte as one U+FFFD and goes on", "[utf8]") {
  CHECK(decode_utf8("案a") == U"案a");
  CHECK(decode_utf8("\xE6\xA1") == U"\uFFFD\uFFFD");            // truncated
  CHECK(decode_utf8("\xC0\xAF/") == U"\uFFFD\uFFFD/");          // overlong
  CHECK(decode_utf8("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");  // surrogate
  CHECK(decode_utf8("\xF0\x9F\x98\x80") == U"\U0001F600");
}

TEST_CASE("the code point before a boundary is found from its last byte", "[utf8]") {
  const std::string s = "a案\xF0\x9F\x98\x80";
  CHECK(code_point_before(s, 1) == 0);
  CHECK(code_point_before(s, 4) == 1);
  CHECK(code_point_before(s, s.size()) == 4);
  CHECK(code_point_before(s, 3) == 1);           // inside 案: its start
  CHECK(code_point_before("\x80\x80", 2) == 1);  // stray continuation bytes: one each
}

TEST_CASE("counting and lengths agree with decoding", "[utf8]") {
  const std::string s =
      "案号\xFF"
      "1";
  CHECK(code_point_count(s) == decode_utf8(s).size());
  CHECK(code_point_length(s, 0) == 3);
  CHECK(code_point_length(s, 6) == 1);
  CHECK(to_utf8(decode_utf8("〔2024〕第3号")) == "〔2024〕第3号");
  CHECK(valid_utf8(s) ==
        "案号\xEF\xBF\xBD"
        "1");
}

TEST_CASE("an unknown digest algorithm gives an empty digest instead of throwing", "[hash]") {
  Hasher h("NO-SUCH-DIGEST");
  CHECK_FALSE(h.ok());
  h.update("abc");
  CHECK(h.finish_hex().empty());
  Hasher sha;
  CHECK(sha.ok());
  sha.update("abc");
  CHECK(sha.finish_hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace auditor

// ZipReader against lying sizes, limits, bombs and damaged bytes.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "importers/zip_reader.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

using testing::make_raw_zip;
using testing::make_zip;
using testing::Member;
using testing::RawMember;
using testing::set_declared_size;

// The reader keeps pointing into `zip`, which must outlive it.
std::unique_ptr<ZipReader> open_ok(const std::string& zip, const ZipLimits& limits = {}) {
  auto reader = ZipReader::open(zip, limits);
  INFO((reader.ok() ? std::string() : reader.error()));
  REQUIRE(reader.ok());
  return std::move(*reader);
}
std::unique_ptr<ZipReader> open_ok(std::string&&, const ZipLimits& = {}) = delete;

// The number after `label` in a reason, e.g. the bytes streamed so far.
std::uint64_t number_after(const std::string& text, const std::string& label) {
  const std::size_t at = text.find(label);
  REQUIRE(at != std::string::npos);
  return std::stoull(text.substr(at + label.size()));
}

TEST_CASE("stored member larger than its declared size is rejected", "[zip]") {
  RawMember liar("liar.txt", std::string(100, 'a'));
  liar.declared_size = 10;
  const std::string zip = make_raw_zip({liar});
  const auto reader = open_ok(zip);
  auto r = reader->read(0);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("超过其声明的 10 字节"));
}

TEST_CASE("deflated member larger than its declared size is rejected", "[zip]") {
  std::string zip = make_zip({Member("big.xml", std::string(200000, 'a'))});
  set_declared_size(zip, 0, 1000);
  const auto reader = open_ok(zip);
  CHECK(reader->entries()[0].size == 1000);
  auto r = reader->read(0);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("超过其声明的 1000 字节"));
}

TEST_CASE("member shorter than its declared size is rejected", "[zip]") {
  RawMember shortie("short.txt", "only this");
  shortie.declared_size = 5000;
  const std::string zip = make_raw_zip({shortie});
  const auto reader = open_ok(zip);
  auto r = reader->read(0);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("少于声明的 5000 字节"));
}

TEST_CASE("member over the per-member byte limit is rejected", "[zip]") {
  ZipLimits limits;
  limits.max_member_bytes = 100000;
  const std::string zip = make_zip(
      {Member("small", std::string(100000, 'b')), Member("large", std::string(100001, 'b'))});
  const auto reader = open_ok(zip, limits);
  CHECK(reader->read(0).ok());
  auto r = reader->read(1);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("单个成员上限 100000 字节"));
}

TEST_CASE("a deflated ratio bomb is rejected on its declared size", "[zip]") {
  const std::uint64_t size = 50ull << 20;
  const std::string zip = make_zip({Member("bomb.xml", std::string(size, '\0'))});
  const auto reader = open_ok(zip);
  REQUIRE(reader->entries()[0].size == size);
  auto r = reader->read(0);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("压缩比超过上限 200:1"));
  CHECK(number_after(r.error(), "解压后至少 ") == size);
}

TEST_CASE("a bzip2 ratio bomb is rejected while streaming, long before its size", "[zip]") {
  const std::uint64_t size = 50ull << 20;
  Member bomb("bomb.xml", std::string(size, '\0'));
  bomb.method = Member::Method::bzip2;
  const std::string zip = make_zip({bomb});
  const auto reader = open_ok(zip);
  REQUIRE(reader->entries()[0].size == size);
  auto r = reader->read(0);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("压缩比超过上限 200:1"));
  // Stopped at the first chunk past the 1 MB floor, not at 50 MB.
  CHECK(number_after(r.error(), "解压后至少 ") < 2ull << 20);
}

TEST_CASE("a bzip2 member reads back through the streaming path", "[zip]") {
  std::string text;
  for (int i = 0; text.size() < 300000; ++i) text += "第" + std::to_string(i) + "行\n";
  Member m("notes.txt", text);
  m.method = Member::Method::bzip2;
  const std::string zip = make_zip({m, Member("b.txt", "deflated")});
  const auto reader = open_ok(zip);
  CHECK(reader->read(0).value() == text);
  CHECK(reader->read(1).value() == "deflated");
}

TEST_CASE("a deflated member whose data fails its CRC is rejected", "[zip]") {
  std::string zip = make_zip({Member("doc.xml", std::string(5000, 'x'))});
  zip[16] ^= 0x01;  // the CRC-32 in the local header
  const std::size_t central = zip.find("PK\x01\x02");
  REQUIRE(central != std::string::npos);
  zip[central + 16] ^= 0x01;  // and in the central record
  const auto reader = open_ok(zip);
  auto r = reader->read(0);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("CRC 校验失败"));
}

TEST_CASE("small highly compressible XML is not mistaken for a bomb", "[zip]") {
  std::string xml;
  while (xml.size() < 900000) xml += "<w:p><w:r><w:t></w:t></w:r></w:p>";
  const std::string zip = make_zip({Member("word/document.xml", xml)});
  const auto reader = open_ok(zip);
  REQUIRE(reader->entries()[0].size / reader->entries()[0].comp_size > 200);
  CHECK(reader->read(0).value() == xml);
}

TEST_CASE("reads stop once the reader's total byte limit is passed", "[zip]") {
  ZipLimits limits;
  limits.max_total_bytes = 6000;
  const std::string zip =
      make_zip({Member("a", std::string(4000, 'a')), Member("b", std::string(4000, 'b'))});
  const auto reader = open_ok(zip, limits);
  CHECK(reader->read(0).ok());
  auto r = reader->read(1);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("总量上限 6000 字节"));
}

TEST_CASE("corrupt deflate data fails the member, not the archive", "[zip]") {
  std::string data;
  std::mt19937 rng(7);
  for (int i = 0; i < 20000; ++i) data += static_cast<char>('a' + rng() % 4);
  std::string zip = make_zip({Member("doc.xml", data), Member("ok.txt", "fine")});
  zip[60] ^= 0x55;  // inside the first member's compressed data
  const auto reader = open_ok(zip);
  CHECK_FALSE(reader->read(0).ok());
  CHECK(reader->read(1).value() == "fine");
}

TEST_CASE("empty, random and non-zip bytes are refused with a reason", "[zip]") {
  std::string random(4096, '\0');
  std::mt19937 rng(42);
  for (char& c : random) c = static_cast<char>(rng());
  for (const std::string& bytes : {std::string(), std::string("PK"), random,
                                   std::string("<html>not a zip</html>"), std::string(100, '\0')}) {
    auto r = ZipReader::open(bytes, {});
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.error(), Catch::Contains("不是有效的 ZIP 压缩包"));
  }
}

TEST_CASE("a truncated zip is refused as damaged", "[zip]") {
  const std::string zip = make_zip({Member("a.txt", std::string(3000, 'z'))});
  auto r = ZipReader::open(zip.substr(0, zip.size() / 2), {});
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("压缩包已截断或损坏"));
}

TEST_CASE("every truncation and byte flip of a zip fails cleanly", "[zip]") {
  Member stored("b.txt", "stored member");
  stored.method = Member::Method::stored;
  const std::string zip = make_zip({Member("a.xml", std::string(300, 'q')), stored});
  const auto exercise = [](const std::string& bytes) {
    auto r = ZipReader::open(bytes, {});
    if (!r.ok()) return;
    for (std::size_t i = 0; i < (*r)->entries().size(); ++i) {
      auto content = (*r)->read(i);
      if (content.ok()) CHECK(content->size() == (*r)->entries()[i].size);
    }
  };
  for (std::size_t n = 0; n < zip.size(); ++n) exercise(zip.substr(0, n));
  for (std::size_t at = 0; at < zip.size(); ++at) {
    for (unsigned char flip : {0x01, 0x80, 0xFF}) {
      std::string bent = zip;
      bent[at] = static_cast<char>(bent[at] ^ flip);
      exercise(bent);
    }
  }
}

}  // namespace
}  // namespace auditor

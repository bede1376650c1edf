#include "reports/zip_writer.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "importers/zip_reader.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

struct Central {
  std::string name;
  std::uint16_t flags;
  std::uint16_t method;
  std::uint16_t dos_time;
  std::uint16_t dos_date;
};

std::uint16_t u16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s.at(at)) |
                                    static_cast<unsigned char>(s.at(at + 1)) << 8);
}

// The central directory records, read straight from the bytes.
std::vector<Central> central_records(const std::string& zip) {
  std::vector<Central> out;
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 46)) {
    const std::uint16_t name_len = u16(zip, at + 28);
    out.push_back({zip.substr(at + 46, name_len), u16(zip, at + 8), u16(zip, at + 10),
                   u16(zip, at + 12), u16(zip, at + 14)});
  }
  return out;
}

ZipMember legacy(std::string name, std::string data) {
  ZipMember m(std::move(name), std::move(data));
  m.utf8_name = false;
  return m;
}

std::string write_ok(const std::vector<ZipMember>& members) {
  Result<std::string> zip = write_zip(members);
  INFO((zip.ok() ? std::string() : zip.error()));
  REQUIRE(zip.ok());
  return *zip;
}

TEST_CASE("GBK member names are stored raw without the UTF-8 flag", "[testdata]") {
  const std::string gbk = testing::to_gb18030("03告知/06-行政处罚事先告知书.docx");
  const std::string zip = write_ok({legacy(gbk, "x"), ZipMember("01立案/01-立案审批表.docx", "y")});
  const std::vector<Central> records = central_records(zip);
  REQUIRE(records.size() == 2);
  CHECK(records[0].name == gbk);
  CHECK((records[0].flags & (1u << 11)) == 0);
  CHECK(records[1].name == "01立案/01-立案审批表.docx");
  CHECK((records[1].flags & (1u << 11)) != 0);

  auto reader = ZipReader::open(zip, {});
  REQUIRE(reader.ok());
  CHECK((*reader)->entries()[0].name == "03告知/06-行政处罚事先告知书.docx");
}

TEST_CASE("members read back with their data, method and fixed time", "[testdata]") {
  const std::string big(20000, 'a');
  ZipMember stored("stored.txt", "stored bytes");
  stored.deflate = false;
  stored.time = ZipTime(2024, 3, 1, 9, 30, 10);
  ZipMember dir("dir/");
  dir.directory = true;
  const std::string zip = write_ok({stored, dir, ZipMember("dir/deflated.txt", big)});
  const std::vector<Central> records = central_records(zip);
  REQUIRE(records.size() == 3);
  CHECK(records[0].method == 0);
  CHECK(records[2].method == 8);
  CHECK(records[0].dos_date == ((2024 - 1980) << 9 | 3 << 5 | 1));
  CHECK(records[0].dos_time == (9 << 11 | 30 << 5 | 5));
  CHECK(records[2].dos_date == (0 << 9 | 1 << 5 | 1));  // default: 1980-01-01

  auto reader = ZipReader::open(zip, {});
  REQUIRE(reader.ok());
  const auto& entries = (*reader)->entries();
  REQUIRE(entries.size() == 3);
  CHECK(entries[1].is_dir);
  CHECK(*(*reader)->read(0) == "stored bytes");
  CHECK(*(*reader)->read(2) == big);
}

TEST_CASE("a member given in pieces reads back as their concatenation at any level", "[testdata]") {
  const std::string head = "<doc>", body(50000, 'b'), tail = "</doc>";
  ZipMember pieces("doc.xml");
  pieces.pieces = {head, body, tail};
  ZipMember fast("fast.xml", head + body + tail);
  fast.level = 1;
  const std::string zip = write_ok({pieces, fast});
  auto reader = ZipReader::open(zip, {});
  REQUIRE(reader.ok());
  CHECK(*(*reader)->read(0) == head + body + tail);
  CHECK(*(*reader)->read(1) == head + body + tail);
}

TEST_CASE("the same members give identical bytes", "[testdata]") {
  const std::vector<ZipMember> members = {ZipMember("a.xml", "<a/>"), ZipMember("照片.png", "png")};
  CHECK(write_ok(members) == write_ok(members));
}

TEST_CASE("a duplicate member name is refused with a reason", "[testdata]") {
  Result<std::string> zip = write_zip({ZipMember("a.txt", "1"), ZipMember("a.txt", "2")});
  REQUIRE_FALSE(zip.ok());
  CHECK(zip.error().find("a.txt") != std::string::npos);
}

TEST_CASE("a legacy name that is valid UTF-8 is refused", "[testdata]") {
  CHECK_FALSE(write_zip({legacy("照片.png", "x")}).ok());
}

TEST_CASE("an archive written to a file equals the one written to memory", "[testdata]") {
  const std::vector<ZipMember> members = {ZipMember("a.txt", "hello")};
  const auto path = std::filesystem::temp_directory_path() / "auditor_zip_writer_test.zip";
  REQUIRE(write_zip_file(path, members).ok());
  std::ifstream f(path, std::ios::binary);
  const std::string on_disk((std::istreambuf_iterator<char>(f)), {});
  std::filesystem::remove(path);
  CHECK(on_disk == write_ok(members));
  CHECK_FALSE(write_zip_file("/nonexistent-dir/x.zip", members).ok());
}

}  // namespace
}  // namespace auditor

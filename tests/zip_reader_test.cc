#include "importers/zip_reader.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "importers/zip_central.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

using testing::make_raw_zip;
using testing::make_zip;
using testing::Member;
using testing::RawMember;
using testing::to_gb18030;

// The reader keeps pointing into `zip`, which must outlive it.
std::unique_ptr<ZipReader> open_ok(const std::string& zip, const ZipLimits& limits = {}) {
  auto reader = ZipReader::open(zip, limits);
  INFO((reader.ok() ? std::string() : reader.error()));
  REQUIRE(reader.ok());
  return std::move(*reader);
}
std::unique_ptr<ZipReader> open_ok(std::string&&, const ZipLimits& = {}) = delete;

Member stored(std::string name, std::string data) {
  Member m(std::move(name), std::move(data));
  m.method = Member::Method::stored;
  return m;
}

TEST_CASE("members of a plain zip are listed and read back", "[zip]") {
  const std::string zip =
      make_zip({Member("a.txt", "hello"), Member("dir/b.xml", std::string(5000, 'x')),
                stored("c.bin", "stored bytes")});
  const auto reader = open_ok(zip);
  const auto& entries = reader->entries();
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].name == "a.txt");
  CHECK(entries[1].name == "dir/b.xml");
  CHECK(entries[1].size == 5000);
  CHECK(entries[1].comp_size < 5000);
  for (const ZipEntry& e : entries) CHECK(e.unsafe_reason.empty());
  CHECK(reader->read(0).value() == "hello");
  CHECK(reader->read(1).value() == std::string(5000, 'x'));
  CHECK(reader->read(2).value() == "stored bytes");
  CHECK_FALSE(reader->read(3).ok());
}

TEST_CASE("GBK names without the UTF-8 flag decode to Chinese", "[zip]") {
  const std::string notice = "06-行政处罚事先告知书.docx";
  const std::string staged = "03告知/送达回证.pdf";
  const std::string zip = make_zip({Member(to_gb18030(notice), "n"),
                                    Member(to_gb18030(staged), "s"), Member("readme.txt", "r")});
  const auto reader = open_ok(zip);
  const auto& entries = reader->entries();
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].name == notice);
  CHECK(entries[0].raw_name == to_gb18030(notice));
  CHECK(entries[0].name_ok);
  CHECK(entries[1].name == staged);
  CHECK(entries[2].name == "readme.txt");
  CHECK(reader->read(0).value() == "n");
}

TEST_CASE("UTF-8 names are kept whether flagged or not", "[zip]") {
  RawMember flagged("立案审批表.docx", "a");
  flagged.flags = kFlagUtf8;
  const std::string zip = make_raw_zip({flagged, RawMember("决定书.pdf", "b")});
  const auto records = read_central_directory(zip, 10).value();
  CHECK((records[0].flags & kFlagUtf8) != 0);
  CHECK((records[1].flags & kFlagUtf8) == 0);
  const auto reader = open_ok(zip);
  CHECK(reader->entries()[0].name == "立案审批表.docx");
  CHECK(reader->entries()[1].name == "决定书.pdf");
}

TEST_CASE("flagged UTF-8 and unflagged GBK names mix in one archive", "[zip]") {
  Member flagged("询问笔录.docx", "a");
  flagged.utf8_flag = true;
  const std::string zip = make_zip({flagged, Member(to_gb18030("现场检查笔录.docx"), "b")});
  const auto reader = open_ok(zip);
  CHECK(reader->entries()[0].name == "询问笔录.docx");
  CHECK(reader->entries()[1].name == "现场检查笔录.docx");
}

TEST_CASE("an Info-ZIP Unicode path field names a legacy-encoded member", "[zip]") {
  const std::string raw = to_gb18030("结案审批表.docx");
  const std::string utf8 = "结案审批表.docx";
  RawMember m(raw, "x");
  const std::uint32_t crc = zip_crc32(raw);
  std::string field = "\x75\x70";
  field += static_cast<char>(5 + utf8.size());
  field += '\0';
  field += '\x01';
  for (int i = 0; i < 4; ++i) field += static_cast<char>(crc >> (8 * i));
  field += utf8;
  m.central_extra = field;
  const std::string zip = make_raw_zip({m});
  const auto reader = open_ok(zip);
  CHECK(reader->entries()[0].name == utf8);
}

TEST_CASE("an undecodable name is reported with name_ok false", "[zip]") {
  const std::string zip = make_zip({Member("\xff\xfe\x80.txt", "x"), Member("ok.txt", "y")});
  const auto reader = open_ok(zip);
  const ZipEntry& bad = reader->entries()[0];
  CHECK_FALSE(bad.name_ok);
  CHECK(bad.name.empty());
  CHECK(bad.raw_name == "\xff\xfe\x80.txt");
  CHECK(reader->entries()[1].name == "ok.txt");
  CHECK(reader->read(0).value() == "x");  // an odd name alone is not unsafe
}

TEST_CASE("path traversal and absolute names are unsafe and unreadable", "[zip]") {
  const std::string zip =
      make_zip({Member("../evil.txt", "1"), Member("/etc/passwd", "2"), Member("..\\x", "3"),
                Member("C:/x.txt", "4"), Member("a/../../b", "5"), Member("\\abs", "6"),
                Member("a\\..\\b", "7")});
  const auto reader = open_ok(zip);
  for (const ZipEntry& e : reader->entries()) {
    INFO(e.raw_name);
    CHECK_FALSE(e.unsafe_reason.empty());
    CHECK_FALSE(reader->read(e.index).ok());
  }
}

TEST_CASE("names that merely contain dots or GBK 0x5C bytes stay safe", "[zip]") {
  // 乗 is 81 5c in GBK: the second byte is a backslash but no separator.
  const std::string zip = make_zip(
      {Member("a/..hidden/b..txt", "1"), Member("v1.2/x", "2"), Member(to_gb18030("乗/..x"), "3")});
  const auto reader = open_ok(zip);
  for (const ZipEntry& e : reader->entries()) {
    INFO(e.name);
    CHECK(e.unsafe_reason.empty());
  }
  CHECK(reader->entries()[2].name == "乗/..x");
}

TEST_CASE("a name with a NUL byte is unsafe", "[zip]") {
  const std::string zip =
      make_raw_zip({RawMember(std::string("a.txt\0.exe", 10), "x"), RawMember("b.txt", "y")});
  const auto reader = open_ok(zip);
  CHECK_FALSE(reader->entries()[0].unsafe_reason.empty());
  CHECK(reader->entries()[0].raw_name.size() == 10);
  CHECK_FALSE(reader->read(0).ok());
  CHECK(reader->read(1).value() == "y");
}

TEST_CASE("a name longer than the limit is unsafe", "[zip]") {
  ZipLimits limits;
  limits.max_name_length = 10;
  const std::string zip = make_zip({Member("short.txt", "1"), Member("much-longer-name.txt", "2")});
  const auto reader = open_ok(zip, limits);
  CHECK(reader->entries()[0].unsafe_reason.empty());
  CHECK_THAT(reader->entries()[1].unsafe_reason, Catch::Contains("20"));
}

TEST_CASE("a symlink member is marked and not read", "[zip]") {
  Member link("link", "/etc/passwd");
  link.symlink = true;
  const std::string zip = make_zip({link, Member("file.txt", "f")});
  const auto reader = open_ok(zip);
  CHECK(reader->entries()[0].symlink);
  CHECK_FALSE(reader->entries()[0].unsafe_reason.empty());
  CHECK_FALSE(reader->read(0).ok());
  CHECK_FALSE(reader->entries()[1].symlink);
}

TEST_CASE("an encrypted member is reported and not read", "[zip]") {
  Member secret("secret.docx", "classified");
  secret.password = "1234";
  const std::string zip = make_zip({secret, Member("open.txt", "o")});
  const auto reader = open_ok(zip);
  const ZipEntry& e = reader->entries()[0];
  CHECK(e.encrypted);
  CHECK(e.unsafe_reason == "成员已加密，无法读取");
  auto r = reader->read(0);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("已加密"));
  CHECK(reader->read(1).value() == "o");
}

TEST_CASE("a directory entry is listed but not readable nor unsafe", "[zip]") {
  Member dir("03告知/");
  dir.directory = true;
  dir.utf8_flag = true;
  const std::string zip = make_zip({dir});
  const auto reader = open_ok(zip);
  CHECK(reader->entries()[0].is_dir);
  CHECK(reader->entries()[0].unsafe_reason.empty());
  CHECK_FALSE(reader->read(0).ok());
}

TEST_CASE("an archive with more entries than the limit is rejected", "[zip]") {
  ZipLimits limits;
  limits.max_entries = 3;
  const std::string zip =
      make_zip({Member("1", "1"), Member("2", "2"), Member("3", "3"), Member("4", "4")});
  auto r = ZipReader::open(zip, limits);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("4 个条目") && Catch::Contains("上限 3"));
  limits.max_entries = 4;
  CHECK(ZipReader::open(zip, limits).ok());
}

TEST_CASE("entries whose data overlap reject the archive", "[zip]") {
  RawMember alias("copy.txt");
  alias.alias_of = 0;
  auto r = ZipReader::open(make_raw_zip({RawMember("a.txt", "data"), alias}), {});
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error(), Catch::Contains("重叠") && Catch::Contains("copy.txt"));
}

TEST_CASE("members written with data descriptors read back", "[zip]") {
  RawMember streamed("word/document.xml", "<w:document/>");
  streamed.data_descriptor = true;
  RawMember next("[Content_Types].xml", "<Types/>");
  next.data_descriptor = true;
  const std::string zip = make_raw_zip({streamed, next});
  const auto reader = open_ok(zip);
  CHECK(reader->read(0).value() == "<w:document/>");
  CHECK(reader->read(1).value() == "<Types/>");
}

TEST_CASE("an archive comment, even one holding a fake end record, is skipped", "[zip]") {
  testing::RawArchive archive;
  archive.comment = "PK\x05\x06 junk that is no directory";
  const std::string zip = make_raw_zip({RawMember("a.txt", "alpha")}, archive);
  const auto reader = open_ok(zip);
  REQUIRE(reader->entries().size() == 1);
  CHECK(reader->read(0).value() == "alpha");
}

TEST_CASE("a local header that differs harmlessly from its central record is read", "[zip]") {
  std::string zip = make_zip({Member("a.txt", "hello")});
  zip[10] ^= 0x01;  // local header modification time
  const auto reader = open_ok(zip);
  CHECK(reader->read(0).value() == "hello");
}

TEST_CASE("a zip64 end of central directory is followed", "[zip]") {
  testing::RawArchive zip64;
  zip64.zip64 = true;
  const std::string zip =
      make_raw_zip({RawMember("a.txt", "alpha"), RawMember("b.txt", "beta")}, zip64);
  const auto reader = open_ok(zip);
  REQUIRE(reader->entries().size() == 2);
  CHECK(reader->read(1).value() == "beta");
}

std::string read_realdata(const std::string& name) {
  std::ifstream in(std::string(AUDITOR_REALDATA) + "/ofd/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST_CASE("real OFD packages open and every member reads back", "[zip]") {
  for (const char* name :
       {"ofdrw-converter__h.ofd", "ofdrw-converter__n.ofd", "ofdrw-reader__SESV4SignDoc.ofd",
        "ofdrw-reader__chineseDir.ofd", "ofdrw-reader__helloworld.ofd",
        "ofdrw-reader__path_unstd.ofd", "ofdrw-sign__namespace_no_std.ofd"}) {
    INFO(name);
    const std::string zip = read_realdata(name);
    const auto reader = open_ok(zip);
    CHECK(reader->entries().size() >= 7);
    for (const ZipEntry& e : reader->entries()) {
      INFO(e.name);
      CHECK(e.name_ok);
      CHECK(e.unsafe_reason.empty());
      if (e.is_dir) continue;
      auto content = reader->read(e.index);
      INFO((content.ok() ? std::string() : content.error()));
      REQUIRE(content.ok());
      CHECK(content->size() == e.size);
    }
  }
}

TEST_CASE("a real OFD with mixed flagged Chinese names decodes them", "[zip]") {
  const std::string zip = read_realdata("ofdrw-reader__chineseDir.ofd");
  const auto reader = open_ok(zip);
  std::vector<std::string> names;
  for (const ZipEntry& e : reader->entries()) names.push_back(e.name);
  CHECK_THAT(names, Catch::VectorContains(std::string("Doc_0/Res/这是一个中文目录/数据文件.txt")));
}

}  // namespace
}  // namespace auditor

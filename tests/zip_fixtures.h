// Zip archives built in memory for tests: through libzip (real writer
// behaviour, deflate, encryption) or byte by byte (crafted directories that
// no writer produces). Helpers throw std::runtime_error when libzip fails.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace auditor::testing {

struct Member {
  Member(std::string n, std::string d = {}) : name(std::move(n)), data(std::move(d)) {}
  std::string name;  // bytes as written
  std::string data;
  // Sets general purpose bit 11. libzip sets it on its own for non-ASCII
  // UTF-8 names: use make_raw_zip for unflagged UTF-8.
  bool utf8_flag = false;
  enum class Method { stored, deflate, bzip2 };
  Method method = Method::deflate;
  std::string password;    // non-empty: traditional PKWARE encryption
  bool symlink = false;    // Unix host, mode S_IFLNK
  bool directory = false;  // added as a directory entry (name ends in '/')
};

// A zip written by libzip with the members in order.
std::string make_zip(const std::vector<Member>& members);

// A stored member written byte by byte, with overrides for crafted archives.
struct RawMember {
  RawMember(std::string n, std::string d = {}) : name(std::move(n)), data(std::move(d)) {}
  std::string name;
  std::string data;
  std::uint16_t flags = 0;     // general purpose bits
  std::uint16_t made_by = 20;  // host MS-DOS, version 2.0
  std::uint32_t external_attr = 0;
  std::string central_extra;                   // extra field bytes of the central record
  std::optional<std::uint32_t> declared_size;  // uncompressed size written
  // Streamed writer style: bit 3 set, zeros in the local header, sizes in a
  // data descriptor after the data (and in the central record).
  bool data_descriptor = false;
  // Central record only, pointing at the local header of member `alias_of`
  // (which must come earlier); `data` is ignored.
  std::optional<std::size_t> alias_of;
};

struct RawArchive {
  // End with zip64 end records and a classic record whose fields all say
  // "see zip64", as writers of large archives do.
  bool zip64 = false;
  std::string comment;  // archive comment after the end record
};

std::string make_raw_zip(const std::vector<RawMember>& members, const RawArchive& archive = {});

// Overwrites the uncompressed size that central record `index` (and its local
// header) declares.
void set_declared_size(std::string& zip, std::size_t index, std::uint32_t size);

// UTF-8 to GB18030 (a superset of GBK) through iconv.
std::string to_gb18030(std::string_view utf8);

}  // namespace auditor::testing

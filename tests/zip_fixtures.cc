#include "tests/zip_fixtures.h"

#include <iconv.h>
#include <zip.h>

#include <cstdio>
#include <stdexcept>

#include "importers/zip_central.h"
#include "util/text_match.h"
#include "util/utf8.h"

namespace auditor::testing {
namespace {

[[noreturn]] void fail(const std::string& what, zip_error_t* err) {
  throw std::runtime_error(what + ": " + zip_error_strerror(err));
}

void add_member(zip_t* za, const Member& m) {
  // CP437 keeps legacy bytes as given and leaves bit 11 clear; libzip refuses
  // it for valid UTF-8 and flags guessed non-ASCII UTF-8 names anyway.
  const zip_flags_t enc = m.utf8_flag             ? ZIP_FL_ENC_UTF_8
                          : is_valid_utf8(m.name) ? ZIP_FL_ENC_GUESS
                                                  : ZIP_FL_ENC_CP437;
  if (m.directory) {
    if (zip_dir_add(za, m.name.c_str(), enc) < 0) fail("zip_dir_add", zip_get_error(za));
    return;
  }
  zip_source_t* data = zip_source_buffer(za, m.data.data(), m.data.size(), 0);
  const zip_int64_t i = zip_file_add(za, m.name.c_str(), data, enc);
  if (i < 0) {
    zip_source_free(data);
    fail("zip_file_add", zip_get_error(za));
  }
  const auto idx = static_cast<zip_uint64_t>(i);
  const zip_int32_t method = m.method == Member::Method::stored  ? ZIP_CM_STORE
                             : m.method == Member::Method::bzip2 ? ZIP_CM_BZIP2
                                                                 : ZIP_CM_DEFLATE;
  if (zip_set_file_compression(za, idx, method, 0) != 0 ||
      (!m.password.empty() &&
       zip_file_set_encryption(za, idx, ZIP_EM_TRAD_PKWARE, m.password.c_str()) != 0) ||
      (m.symlink &&
       zip_file_set_external_attributes(za, idx, 0, ZIP_OPSYS_UNIX, 0120777u << 16) != 0)) {
    fail("member options", zip_get_error(za));
  }
}

std::string drain(zip_source_t* src) {
  std::string out;
  if (zip_source_open(src) != 0) fail("zip_source_open", zip_source_error(src));
  char buf[1 << 16];
  zip_int64_t n;
  while ((n = zip_source_read(src, buf, sizeof buf)) > 0) out.append(buf, n);
  zip_source_close(src);
  if (n < 0) fail("zip_source_read", zip_source_error(src));
  return out;
}

void put(std::string& s, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

std::string make_zip(const std::vector<Member>& members) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (src == nullptr) fail("zip_source_buffer_create", &err);
  zip_source_keep(src);  // survives zip_close, which writes the archive into it
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (za == nullptr) {
    zip_source_free(src);
    fail("zip_open_from_source", &err);
  }
  try {
    for (const Member& m : members) add_member(za, m);
  } catch (...) {
    zip_discard(za);
    zip_source_free(src);
    throw;
  }
  if (zip_close(za) != 0) {
    zip_discard(za);
    zip_source_free(src);
    throw std::runtime_error("zip_close failed");
  }
  std::string out = drain(src);
  zip_source_free(src);
  return out;
}

std::string make_raw_zip(const std::vector<RawMember>& members, const RawArchive& archive) {
  const bool zip64 = archive.zip64;
  std::string body, central;
  std::vector<std::uint64_t> offsets;
  for (const RawMember& m : members) {
    const RawMember& d = m.alias_of ? members.at(*m.alias_of) : m;
    const std::uint32_t crc = zip_crc32(d.data);
    const std::uint64_t size = d.declared_size.value_or(d.data.size());
    std::uint64_t offset;
    if (m.alias_of) {
      offset = offsets.at(*m.alias_of);
    } else {
      offset = body.size();
      const bool dd = m.data_descriptor;
      put(body, 0x04034b50, 4);
      put(body, 20, 2);
      put(body, m.flags | (dd ? 8 : 0), 2);
      put(body, 0, 2);     // stored
      put(body, 0, 2);     // time
      put(body, 0x21, 2);  // date 1980-01-01
      put(body, dd ? 0 : crc, 4);
      put(body, dd ? 0 : m.data.size(), 4);
      put(body, dd ? 0 : size, 4);
      put(body, m.name.size(), 2);
      put(body, 0, 2);
      body += m.name;
      body += m.data;
      if (dd) {
        put(body, 0x08074b50, 4);
        put(body, crc, 4);
        put(body, m.data.size(), 4);
        put(body, size, 4);
      }
    }
    offsets.push_back(offset);
    put(central, 0x02014b50, 4);
    put(central, m.made_by, 2);
    put(central, 20, 2);
    put(central, d.flags | (d.data_descriptor ? 8 : 0), 2);
    put(central, 0, 2);
    put(central, 0, 2);
    put(central, 0x21, 2);
    put(central, crc, 4);
    put(central, d.data.size(), 4);
    put(central, size, 4);
    put(central, m.name.size(), 2);
    put(central, m.central_extra.size(), 2);
    put(central, 0, 2);  // comment
    put(central, 0, 2);  // disk
    put(central, 0, 2);  // internal attributes
    put(central, m.external_attr, 4);
    put(central, offset, 4);
    central += m.name;
    central += m.central_extra;
  }
  std::string out = body + central;
  if (zip64) {
    const std::uint64_t z64 = out.size();
    put(out, 0x06064b50, 4);
    put(out, 44, 8);  // size of the rest of this record
    put(out, 45, 2);  // made by
    put(out, 45, 2);  // needed
    put(out, 0, 8);   // disk numbers
    put(out, members.size(), 8);
    put(out, members.size(), 8);
    put(out, central.size(), 8);
    put(out, body.size(), 8);
    put(out, 0x07064b50, 4);  // locator
    put(out, 0, 4);
    put(out, z64, 8);
    put(out, 1, 4);  // total disks
  }
  put(out, 0x06054b50, 4);
  put(out, 0, 4);  // disk numbers
  put(out, zip64 ? 0xFFFF : members.size(), 2);
  put(out, zip64 ? 0xFFFF : members.size(), 2);
  put(out, zip64 ? 0xFFFFFFFF : central.size(), 4);
  put(out, zip64 ? 0xFFFFFFFF : body.size(), 4);
  put(out, archive.comment.size(), 2);
  return out + archive.comment;
}

void set_declared_size(std::string& zip, std::size_t index, std::uint32_t size) {
  const auto u32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(zip.at(at + i));
    return v;
  };
  const auto store = [&](std::size_t at) {
    for (int i = 0; i < 4; ++i) zip.at(at + i) = static_cast<char>(size >> (8 * i));
  };
  std::size_t at = zip.find("PK\x01\x02");
  for (std::size_t i = 0; i < index && at != std::string::npos; ++i) {
    at = zip.find("PK\x01\x02", at + 46);
  }
  if (at == std::string::npos) throw std::runtime_error("no such central record");
  store(at + 24);
  store(u32(at + 42) + 22);
}

std::string to_gb18030(std::string_view utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open");
  std::string out(utf8.size() * 4 + 4, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) throw std::runtime_error("iconv");
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace auditor::testing

#include "reports/zip_writer.h"

#include <zip.h>

#include <ctime>
#include <optional>
#include <vector>

#include "util/atomic_file.h"

namespace auditor {
namespace {

std::string libzip_reason(const char* what, zip_error_t* err) {
  return std::string("写入压缩包失败（") + what + "）：" + zip_error_strerror(err);
}

// The time_t that libzip's localtime() conversion turns back into `t`.
std::optional<std::time_t> to_time_t(const ZipTime& t) {
  if (t.year < 1980 || t.year > 2107) return std::nullopt;
  std::tm tm{};
  tm.tm_year = t.year - 1900;
  tm.tm_mon = t.month - 1;
  tm.tm_mday = t.day;
  tm.tm_hour = t.hour;
  tm.tm_min = t.minute;
  tm.tm_sec = t.second;
  tm.tm_isdst = -1;
  const std::time_t v = std::mktime(&tm);
  if (v == static_cast<std::time_t>(-1)) return std::nullopt;
  return v;
}

Status add_member(zip_t* za, const ZipMember& m) {
  // CP437 makes libzip keep the bytes as given and leave bit 11 clear.
  const zip_flags_t enc = m.utf8_name ? ZIP_FL_ENC_UTF_8 : ZIP_FL_ENC_CP437;
  zip_int64_t i;
  if (m.directory) {
    i = zip_dir_add(za, m.name.c_str(), enc);
  } else {
    std::vector<zip_buffer_fragment_t> fragments;  // libzip copies the list, not the bytes
    for (std::string_view p : m.pieces)
      fragments.push_back({reinterpret_cast<zip_uint8_t*>(const_cast<char*>(p.data())), p.size()});
    zip_source_t* src = m.pieces.empty()
                            ? zip_source_buffer(za, m.data.data(), m.data.size(), 0)
                            : zip_source_buffer_fragment(za, fragments.data(), fragments.size(), 0);
    if (src == nullptr) return Status::failure(libzip_reason("数据源", zip_get_error(za)));
    i = zip_file_add(za, m.name.c_str(), src, enc);
    if (i < 0) zip_source_free(src);
  }
  if (i < 0) {
    return Status::failure(libzip_reason("添加成员", zip_get_error(za)) + "：" + m.name);
  }
  const auto idx = static_cast<zip_uint64_t>(i);
  const std::optional<std::time_t> mtime = to_time_t(m.time);
  if (!mtime) return Status::failure("写入压缩包失败：成员时间无效：" + m.name);
  if (zip_file_set_mtime(za, idx, *mtime, 0) != 0 ||
      (!m.directory &&
       zip_set_file_compression(za, idx, m.deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                m.deflate ? static_cast<zip_uint32_t>(m.level) : 0) != 0)) {
    return Status::failure(libzip_reason("成员属性", zip_get_error(za)) + "：" + m.name);
  }
  return Status::success();
}

Result<std::string> drain(zip_source_t* src) {
  if (zip_source_open(src) != 0) return Error{libzip_reason("读取输出", zip_source_error(src))};
  std::string out;
  char buf[1 << 16];
  zip_int64_t n;
  while ((n = zip_source_read(src, buf, sizeof buf)) > 0) out.append(buf, n);
  zip_source_close(src);
  if (n < 0) return Error{libzip_reason("读取输出", zip_source_error(src))};
  return out;
}

}  // namespace

Result<std::string> write_zip(const std::vector<ZipMember>& members) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (out == nullptr) return Error{libzip_reason("创建缓冲区", &err)};
  zip_source_keep(out);  // survives zip_close, which writes the archive into it
  zip_t* za = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  if (za == nullptr) {
    std::string reason = libzip_reason("打开缓冲区", &err);
    zip_source_free(out);
    return Error{reason};
  }
  for (const ZipMember& m : members) {
    Status s = add_member(za, m);
    if (!s.ok()) {
      zip_discard(za);
      zip_source_free(out);
      return Error{s.reason};
    }
  }
  if (zip_close(za) != 0) {
    std::string reason = libzip_reason("关闭", zip_get_error(za));
    zip_discard(za);
    zip_source_free(out);
    return Error{reason};
  }
  Result<std::string> bytes = drain(out);
  zip_source_free(out);
  return bytes;
}

Status write_zip_file(const std::filesystem::path& path, const std::vector<ZipMember>& members) {
  Result<std::string> bytes = write_zip(members);
  if (!bytes) return Status::failure(bytes.error());
  return write_file_atomic(path, *bytes);
}

}  // namespace auditor

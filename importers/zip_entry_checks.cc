#include "importers/zip_entry_checks.h"

#include <algorithm>
#include <map>

#include "importers/names.h"
#include "util/utf8.h"

namespace auditor {
namespace {

constexpr std::uint32_t kUnixTypeMask = 0170000;
constexpr std::uint32_t kUnixSymlink = 0120000;
constexpr int kHostUnix = 3;

bool is_separator(char c, bool backslash) { return c == '/' || (backslash && c == '\\'); }

// Chinese reason when `name` is absolute or climbs out with "..", else empty.
// `backslash`: whether '\' separates components (not on raw legacy bytes,
// where 0x5C can be the second byte of a GBK character).
std::string path_problem(std::string_view name, bool backslash) {
  if (!name.empty() && is_separator(name[0], backslash)) {
    return "文件名是绝对路径";
  }
  if (name.size() >= 2 && name[1] == ':' &&
      ((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z'))) {
    return "文件名带盘符（绝对路径）";
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && !is_separator(name[i], backslash)) continue;
    if (name.substr(start, i - start) == "..") {
      return "文件名含“..”路径（可能越出目录）";
    }
    start = i + 1;
  }
  return {};
}

void decode(const CentralRecord& r, NameEncoding enc, ZipEntry& e) {
  if (r.flags & kFlagUtf8) {
    e.name_ok = is_valid_utf8(r.raw_name);
    if (e.name_ok) e.name = r.raw_name;
  } else if (!r.unicode_path.empty() && is_valid_utf8(r.unicode_path)) {
    e.name = r.unicode_path;
  } else {
    e.name_ok = decode_name(r.raw_name, enc, e.name);
  }
  if (!e.name_ok) e.name.clear();
}

std::string unsafe_reason(const CentralRecord& r, const ZipEntry& e, const ZipLimits& limits) {
  if (r.raw_name.size() > limits.max_name_length) {
    return "文件名长度 " + std::to_string(r.raw_name.size()) + " 字节，超过上限 " +
           std::to_string(limits.max_name_length) + " 字节";
  }
  if (r.raw_name.find('\0') != std::string::npos) return "文件名含空字符（NUL）";
  std::string problem = path_problem(r.raw_name, !e.name_ok);
  if (problem.empty() && e.name_ok) problem = path_problem(e.name, true);
  if (!problem.empty()) return problem;
  if (e.symlink) return "成员是符号链接";
  if (e.encrypted) return "成员已加密，无法读取";
  if (!r.local_header_ok) return "成员的本地文件头缺失或损坏";
  return {};
}

}  // namespace

std::vector<ZipEntry> describe_entries(const std::vector<CentralRecord>& records,
                                       const ZipLimits& limits) {
  std::vector<std::string> unflagged;
  for (const CentralRecord& r : records) {
    if (!(r.flags & kFlagUtf8)) unflagged.push_back(r.raw_name);
  }
  const NameEncoding enc = decide_name_encoding(unflagged);

  std::vector<ZipEntry> entries;
  entries.reserve(records.size());
  std::map<std::string, std::size_t> first_with_name;  // decoded file names
  for (std::size_t i = 0; i < records.size(); ++i) {
    const CentralRecord& r = records[i];
    ZipEntry e;
    e.index = i;
    e.raw_name = r.raw_name;
    e.size = r.size;
    e.comp_size = r.comp_size;
    decode(r, enc, e);
    e.is_dir = !r.raw_name.empty() && r.raw_name.back() == '/';
    e.encrypted = (r.flags & kFlagEncrypted) != 0;
    e.symlink =
        (r.made_by >> 8) == kHostUnix && ((r.external_attr >> 16) & kUnixTypeMask) == kUnixSymlink;
    e.unsafe_reason = unsafe_reason(r, e, limits);
    // A later file with the name of an earlier one is flagged, never merged:
    // readers look members up by name and could not tell the two apart.
    if (!e.is_dir && e.name_ok) {
      const auto [first, fresh] = first_with_name.emplace(e.name, i);
      if (!fresh && e.unsafe_reason.empty()) {
        e.unsafe_reason =
            "与第 " + std::to_string(first->second + 1) + " 个成员同名（重复的文件名），未读取";
      }
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

std::string display_name(const ZipEntry& e) {
  return e.name_ok ? e.name : "（无法解码的文件名：" + hex_bytes(e.raw_name) + "）";
}

std::string limit_breach(const ZipEntry& e, std::uint64_t got, std::uint64_t total,
                         const ZipLimits& limits, std::uint64_t ratio_floor) {
  const auto n = [](std::uint64_t v) { return std::to_string(v); };
  if (got > e.size) {
    return "解压数据已达 " + n(got) + " 字节，超过其声明的 " + n(e.size) + " 字节（声明大小不实）";
  }
  if (got > limits.max_member_bytes) {
    return "解压后至少 " + n(got) + " 字节，超过单个成员上限 " + n(limits.max_member_bytes) +
           " 字节";
  }
  if (total > limits.max_total_bytes) {
    return "本压缩包累计解压至少 " + n(total) + " 字节，超过总量上限 " + n(limits.max_total_bytes) +
           " 字节";
  }
  const std::uint64_t comp = std::max<std::uint64_t>(e.comp_size, 1);
  if (got > ratio_floor && got / comp > limits.max_ratio) {
    return "压缩比超过上限 " + n(limits.max_ratio) + ":1（压缩数据 " + n(e.comp_size) +
           " 字节，解压后至少 " + n(got) + " 字节），疑似压缩炸弹";
  }
  return {};
}

}  // namespace auditor

#include "importers/zip_central.h"

#include <libdeflate.h>

#include <algorithm>

namespace auditor {
namespace {

constexpr std::uint32_t kLocalSig = 0x04034b50;
constexpr std::uint32_t kCentralSig = 0x02014b50;
constexpr std::uint32_t kEocdSig = 0x06054b50;
constexpr std::uint32_t kZip64LocatorSig = 0x07064b50;
constexpr std::uint32_t kZip64EocdSig = 0x06064b50;
constexpr std::size_t kEocdSize = 22;
constexpr std::size_t kCentralSize = 46;
constexpr std::size_t kLocalSize = 30;
constexpr std::size_t kMaxComment = 0xFFFF;

const char kNotZip[] = "不是有效的 ZIP 压缩包（未找到中央目录）";
const char kDamaged[] = "压缩包已截断或损坏";

// Little-endian field access; `fits` must be checked before reading.
struct Bytes {
  std::string_view s;
  bool fits(std::uint64_t at, std::uint64_t n) const {
    return at <= s.size() && n <= s.size() - at;
  }
  std::uint64_t le(std::uint64_t at, int n) const {
    std::uint64_t v = 0;
    for (int i = n - 1; i >= 0; --i) {
      v = (v << 8) | static_cast<unsigned char>(s[at + i]);
    }
    return v;
  }
  std::uint16_t u16(std::uint64_t at) const { return le(at, 2); }
  std::uint32_t u32(std::uint64_t at) const { return le(at, 4); }
  std::uint64_t u64(std::uint64_t at) const { return le(at, 8); }
};

Error damaged(const std::string& what) { return Error{std::string(kDamaged) + "（" + what + "）"}; }

// Applies the zip64 extended information extra field (0x0001) and the
// Info-ZIP Unicode path field (0x7075). A truncated last field (padding) is
// ignored. False when a 0xFFFFFFFF field has no zip64 value.
bool read_extra(std::string_view extra, CentralRecord& r) {
  const Bytes b{extra};
  bool need_size = r.size == 0xFFFFFFFF;
  bool need_comp = r.comp_size == 0xFFFFFFFF;
  bool need_offset = r.local_offset == 0xFFFFFFFF;
  for (std::uint64_t at = 0; b.fits(at, 4);) {
    const std::uint16_t id = b.u16(at);
    const std::uint16_t len = b.u16(at + 2);
    at += 4;
    if (!b.fits(at, len)) break;
    if (id == 0x0001) {
      std::uint64_t p = at;
      const std::uint64_t end = at + len;
      for (auto [need, field] :
           {std::pair{&need_size, &r.size}, std::pair{&need_comp, &r.comp_size},
            std::pair{&need_offset, &r.local_offset}}) {
        if (!*need || p + 8 > end) continue;
        *field = b.u64(p);
        *need = false;
        p += 8;
      }
    } else if (id == 0x7075 && len > 5 && b.s[at] == 1 && b.u32(at + 1) == zip_crc32(r.raw_name)) {
      r.unicode_path.assign(extra.substr(at + 5, len - 5));
    }
    at += len;
  }
  return !need_size && !need_comp && !need_offset;
}

void read_local_header(const Bytes& zip, CentralRecord& r) {
  if (!zip.fits(r.local_offset, kLocalSize) || zip.u32(r.local_offset) != kLocalSig) {
    r.local_header_size = kLocalSize + r.raw_name.size();
    return;
  }
  r.local_header_size = kLocalSize + zip.u16(r.local_offset + 26) + zip.u16(r.local_offset + 28);
  r.local_header_ok = zip.fits(r.local_offset, r.local_header_size);
}

// Parses the directory named by the EOCD record at `eocd`.
Result<std::vector<CentralRecord>> parse_from_eocd(const Bytes& zip, std::uint64_t eocd,
                                                   std::uint64_t max_entries) {
  std::uint64_t count = zip.u16(eocd + 10);
  std::uint64_t cd_size = zip.u32(eocd + 12);
  std::uint64_t cd_offset = zip.u32(eocd + 16);
  std::uint64_t cd_limit = eocd;  // the directory must end before this
  if (eocd >= 20 && zip.u32(eocd - 20) == kZip64LocatorSig) {
    const std::uint64_t z64 = zip.u64(eocd - 20 + 8);
    if (!zip.fits(z64, 56) || z64 > eocd - 20 || zip.u32(z64) != kZip64EocdSig) {
      return damaged("zip64 目录结束记录缺失");
    }
    count = zip.u64(z64 + 32);
    cd_size = zip.u64(z64 + 40);
    cd_offset = zip.u64(z64 + 48);
    cd_limit = z64;
  }
  if (count > max_entries) {
    return Error{"压缩包包含 " + std::to_string(count) + " 个条目，超过上限 " +
                 std::to_string(max_entries) + " 个，拒绝读取"};
  }
  if (cd_offset > cd_limit || cd_size > cd_limit - cd_offset || count > cd_size / kCentralSize) {
    return damaged("中央目录超出文件范围");
  }
  std::vector<CentralRecord> records;
  records.reserve(count);
  std::uint64_t at = cd_offset;
  const std::uint64_t end = cd_offset + cd_size;
  for (std::uint64_t i = 0; i < count; ++i) {
    if (at + kCentralSize > end || zip.u32(at) != kCentralSig) {
      return damaged("第 " + std::to_string(i + 1) + " 个中央目录记录无效");
    }
    CentralRecord r;
    r.made_by = zip.u16(at + 4);
    r.flags = zip.u16(at + 8);
    r.method = zip.u16(at + 10);
    r.crc32 = zip.u32(at + 16);
    r.comp_size = zip.u32(at + 20);
    r.size = zip.u32(at + 24);
    const std::uint64_t name_len = zip.u16(at + 28);
    const std::uint64_t extra_len = zip.u16(at + 30);
    const std::uint64_t comment_len = zip.u16(at + 32);
    r.external_attr = zip.u32(at + 38);
    r.local_offset = zip.u32(at + 42);
    const std::uint64_t next = at + kCentralSize + name_len + extra_len + comment_len;
    if (next > end) {
      return damaged("第 " + std::to_string(i + 1) + " 个中央目录记录越界");
    }
    r.raw_name.assign(zip.s.substr(at + kCentralSize, name_len));
    if (!read_extra(zip.s.substr(at + kCentralSize + name_len, extra_len), r)) {
      return damaged("第 " + std::to_string(i + 1) + " 个中央目录记录缺少 zip64 大小字段");
    }
    read_local_header(zip, r);
    records.push_back(std::move(r));
    at = next;
  }
  return records;
}

}  // namespace

Result<std::vector<CentralRecord>> read_central_directory(std::string_view zip,
                                                          std::uint64_t max_entries) {
  const Bytes b{zip};
  if (zip.size() < kEocdSize) return Error{kNotZip};
  // Candidates from the end backwards; a comment may hide a fake signature,
  // so the first one that parses wins (the caller cross-checks with libzip).
  const std::uint64_t last = zip.size() - kEocdSize;
  const std::uint64_t first = last > kMaxComment ? last - kMaxComment : 0;
  std::optional<Error> first_failure;
  for (std::uint64_t pos = last + 1; pos-- > first;) {
    if (b.u32(pos) != kEocdSig) continue;
    auto parsed = parse_from_eocd(b, pos, max_entries);
    if (parsed.ok()) return parsed;
    if (!first_failure) first_failure = Error{parsed.error()};
  }
  if (first_failure) return *first_failure;
  if (zip.substr(0, 4) == "PK\x03\x04") return damaged("未找到中央目录");
  return Error{kNotZip};
}

std::optional<std::pair<std::size_t, std::size_t>> find_overlap(
    const std::vector<CentralRecord>& records) {
  struct Span {
    std::uint64_t begin, end;
    std::size_t index;
  };
  std::vector<Span> spans;
  spans.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const CentralRecord& r = records[i];
    // Saturating: a huge declared size still yields a comparable span.
    const std::uint64_t len = r.local_header_size + r.comp_size;
    const std::uint64_t end =
        len < r.comp_size || r.local_offset + len < len ? UINT64_MAX : r.local_offset + len;
    spans.push_back({r.local_offset, end, i});
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  // Track the span reaching furthest so far: it overlaps any later begin.
  for (std::size_t i = 1, reach = 0; i < spans.size(); ++i) {
    if (spans[i].begin < spans[reach].end) {
      return std::pair{spans[reach].index, spans[i].index};
    }
    if (spans[i].end > spans[reach].end) reach = i;
  }
  return std::nullopt;
}

std::uint32_t zip_crc32(std::string_view bytes) {
  return libdeflate_crc32(0, bytes.data(), bytes.size());
}

}  // namespace auditor

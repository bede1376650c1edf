#include "importers/legacy_ole.h"

#include "importers/legacy_bytes.h"

#include <cstdint>
#include <iterator>
#include <optional>
#include <vector>

namespace auditor {

using legacy::u16;
using legacy::u32;
namespace {

// Sector numbers with a meaning (MS-CFB 2.1).
constexpr std::uint32_t kMaxRegularSector = 0xFFFFFFFA;
constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kNoStream = 0xFFFFFFFF;
constexpr std::size_t kHeaderDifat = 109;
constexpr std::size_t kEntryBytes = 128;

class Sectors {
 public:
  explicit Sectors(std::string_view bytes) : bytes_(bytes) {}

  // Reads the header and the allocation table's sector list; false when
  // they do not hold.
  bool open() {
    if (bytes_.size() < 512 || !bytes_.starts_with(kOleMagic) || u16(bytes_, 0x1C) != 0xFFFE)
      return false;
    const std::uint16_t shift = u16(bytes_, 0x1E);
    if (shift != 9 && shift != 12) return false;
    size_ = std::size_t{1} << shift;
    count_ = bytes_.size() / size_ - 1;  // the header takes the first sector's room
    // The allocation table's sectors: 109 in the header, then a chain of
    // DIFAT sectors, each listing size/4 - 1 more and the next one's number.
    const std::uint32_t fat_sectors = u32(bytes_, 0x2C);
    if (fat_sectors == 0 || fat_sectors > count_) return false;
    for (std::size_t i = 0; i < kHeaderDifat && fat_.size() < fat_sectors; ++i)
      if (!add_fat_sector(u32(bytes_, 0x4C + 4 * i))) return false;
    std::uint32_t difat = u32(bytes_, 0x44);
    for (std::size_t hops = 0; fat_.size() < fat_sectors; ++hops) {
      if (hops >= count_ || !in_file(difat)) return false;
      const std::size_t at = offset(difat);
      for (std::size_t i = 0; i + 1 < size_ / 4 && fat_.size() < fat_sectors; ++i)
        if (!add_fat_sector(u32(bytes_, at + 4 * i))) return false;
      difat = u32(bytes_, at + size_ - 4);
    }
    return true;
  }

  // The sector after `sector` in its chain; nullopt when the table does not
  // say (out of the table or the file).
  std::optional<std::uint32_t> next(std::uint32_t sector) const {
    const std::size_t per_sector = size_ / 4;
    const std::size_t fat_index = sector / per_sector;
    if (fat_index >= fat_.size()) return std::nullopt;
    return u32(bytes_, offset(fat_[fat_index]) + 4 * (sector % per_sector));
  }

  bool in_file(std::uint32_t sector) const { return sector < count_; }
  std::size_t offset(std::uint32_t sector) const { return (std::size_t{sector} + 1) * size_; }
  std::size_t size() const { return size_; }
  std::size_t count() const { return count_; }

 private:
  bool add_fat_sector(std::uint32_t sector) {
    if (sector > kMaxRegularSector || !in_file(sector)) return false;
    fat_.push_back(sector);
    return true;
  }

  std::string_view bytes_;
  std::size_t size_ = 512;
  std::size_t count_ = 0;
  std::vector<std::uint32_t> fat_;
};

// The directory stream's sectors, in chain order; empty when the chain
// leaves the file or the table, or loops (more links than sectors).
std::vector<std::uint32_t> directory_chain(const Sectors& s, std::uint32_t first) {
  std::vector<std::uint32_t> chain;
  for (std::uint32_t at = first; at != kEndOfChain;) {
    if (!s.in_file(at) || chain.size() >= s.count()) return {};
    chain.push_back(at);
    const std::optional<std::uint32_t> next = s.next(at);
    if (!next) return {};
    at = *next;
  }
  return chain;
}

char16_t ascii_upper(char16_t c) { return c >= u'a' && c <= u'z' ? c - u'a' + u'A' : c; }

bool name_is(std::u16string_view name, std::u16string_view want) {
  if (name.size() != want.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (ascii_upper(name[i]) != ascii_upper(want[i])) return false;
  return true;
}

}  // namespace

bool for_each_root_name(std::string_view bytes,
                        const std::function<void(std::u16string_view)>& name) {
  Sectors s(bytes);
  if (!s.open()) return false;
  const std::vector<std::uint32_t> chain = directory_chain(s, u32(bytes, 0x30));
  if (chain.empty()) return false;
  const std::size_t per_sector = s.size() / kEntryBytes;
  const std::size_t entries = chain.size() * per_sector;
  auto entry = [&](std::size_t i) {
    return bytes.substr(s.offset(chain[i / per_sector]) + (i % per_sector) * kEntryBytes,
                        kEntryBytes);
  };
  const std::string_view root_entry = entry(0);
  if (root_entry[0x42] != 5) return false;  // not a root storage
  // The root's children form a tree through the left and right links of
  // its first child; each entry is visited once whatever the links say.
  std::vector<bool> seen(entries, false);
  seen[0] = true;
  std::vector<std::uint32_t> stack{u32(root_entry, 0x4C)};
  while (!stack.empty()) {
    const std::uint32_t i = stack.back();
    stack.pop_back();
    if (i == kNoStream) continue;
    if (i >= entries || seen[i]) return false;
    seen[i] = true;
    const std::string_view e = entry(i);
    const std::size_t name_bytes = u16(e, 0x40);
    if (name_bytes < 2 || name_bytes > 64 || name_bytes % 2 != 0) return false;
    char16_t chars[32];
    const std::size_t length = name_bytes / 2 - 1;
    for (std::size_t k = 0; k < length; ++k) chars[k] = static_cast<char16_t>(u16(e, 2 * k));
    name(std::u16string_view(chars, length));
    stack.push_back(u32(e, 0x44));
    stack.push_back(u32(e, 0x48));
  }
  return true;
}

OleKind ole_kind(std::string_view bytes) {
  static constexpr std::u16string_view kNames[] = {
      u"EncryptionInfo", u"EncryptedPackage",    u"WordDocument", u"Workbook",
      u"Book",           u"PowerPoint Document", u"MN0",          u"CONTENTS",
      u"Quill"};
  constexpr std::size_t kCount = std::size(kNames);
  bool found[kCount] = {};
  const bool readable = for_each_root_name(bytes, [&](std::u16string_view n) {
    for (std::size_t i = 0; i < kCount; ++i) found[i] |= name_is(n, kNames[i]);
  });
  if (!readable) return OleKind::damaged;
  auto has = [&](std::u16string_view want) {
    for (std::size_t i = 0; i < kCount; ++i)
      if (kNames[i] == want) return found[i];
    return false;
  };
  // An encrypted OOXML package may carry a stub WordDocument stream.
  if (has(u"EncryptionInfo") && has(u"EncryptedPackage")) return OleKind::encrypted;
  if (has(u"WordDocument")) return OleKind::word;
  if (has(u"Workbook") || has(u"Book")) return OleKind::workbook;
  if (has(u"PowerPoint Document")) return OleKind::presentation;
  // Works 4 keeps its text in MN0, Works 2000-9 in CONTENTS; Publisher has a
  // Contents stream too, beside its Quill storage.
  if (has(u"MN0") || (has(u"CONTENTS") && !has(u"Quill"))) return OleKind::works;
  return OleKind::other;
}

std::string ole_format(OleKind kind) {
  switch (kind) {
    case OleKind::word:
      return "doc";
    case OleKind::workbook:
      return "xls";
    case OleKind::presentation:
      return "ppt";
    case OleKind::works:
      return "works";
    default:
      return "ole2";
  }
}

std::string ole_unread_reason(OleKind kind) {
  switch (kind) {
    case OleKind::word:
      return {};
    case OleKind::workbook:
      return "表格文件（Excel 或 WPS 表格的 XLS/ET 格式），未读取其内容；如为案卷文书，请提供 "
             "DOCX、OFD 或 PDF 版本";
    case OleKind::presentation:
      return "演示文稿文件（PowerPoint 或 WPS 演示的 PPT/DPS 格式），未读取其内容；如为案卷文书，"
             "请提供 DOCX、OFD 或 PDF 版本";
    case OleKind::works:
      return "Microsoft Works 文字处理文档（与金山 WPS 文字的 .wps "
             "不是同一种格式），不支持读取；请提供 DOCX、OFD 或 PDF 版本";
    case OleKind::encrypted:
      return "文件已加密（设置了打开密码的 Office 文档），需要密码才能打开，无法读取内容；"
             "请提供未加密的版本";
    case OleKind::other:
      return "复合文档（OLE2）不是 Word 97-2003 或 WPS 文字文档，类型无法识别，未读取其内容；"
             "请提供 DOCX、OFD 或 PDF 版本";
    case OleKind::damaged:
      break;
  }
  return "文件损坏：旧版 Office 复合文档（OLE2，如 DOC/WPS/XLS）的文件头或目录无法读取，"
         "未能读取内容";
}

}  // namespace auditor

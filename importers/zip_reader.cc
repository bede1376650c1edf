#include "importers/zip_reader.h"

#include <zip.h>

#include <algorithm>

#include "importers/names.h"
#include "importers/zip_central.h"
#include "importers/zip_entry_checks.h"

namespace auditor {
namespace {

constexpr std::size_t kChunk = 64 << 10;
constexpr std::uint64_t kRatioFloor = 1 << 20;  // below: ratio not checked
constexpr std::uint64_t kMaxReserve = 4 << 20;

std::string libzip_reason(int code) {
  switch (code) {
    case ZIP_ER_NOZIP:
      return "不是有效的 ZIP 压缩包";
    case ZIP_ER_MULTIDISK:
      return "不支持分卷 ZIP 压缩包";
    case ZIP_ER_CRC:
      return "CRC 校验失败，数据已损坏";
    case ZIP_ER_COMPRESSED_DATA:
      return "压缩数据损坏，无法解压";
    case ZIP_ER_COMPNOTSUPP:
      return "不支持的压缩方法";
    case ZIP_ER_ENCRNOTSUPP:
    case ZIP_ER_NOPASSWD:
    case ZIP_ER_WRONGPASSWD:
      return "成员已加密，无法读取";
    case ZIP_ER_INCONS:
      return "数据与压缩包目录记录不一致";
    case ZIP_ER_MEMORY:
      return "内存不足";
    default:
      return "压缩包已截断或损坏（libzip 错误码 " + std::to_string(code) + "）";
  }
}

// True when libzip sees the same directory as our own parser: same count,
// names and sizes in the same order. libzip shows NUL bytes as spaces and
// substitutes a valid Info-ZIP Unicode path for the raw name.
bool same_directory(zip_t* za, const std::vector<CentralRecord>& records) {
  if (zip_get_num_entries(za, 0) != static_cast<zip_int64_t>(records.size())) {
    return false;
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    zip_stat_t st;
    if (zip_stat_index(za, i, ZIP_FL_ENC_RAW, &st) != 0) return false;
    std::string ours = records[i].raw_name;
    std::replace(ours.begin(), ours.end(), '\0', ' ');
    if (st.name == nullptr ||
        (ours != st.name && records[i].unicode_path != st.name) ||
        st.size != records[i].size ||
        st.comp_size != records[i].comp_size) {
      return false;
    }
  }
  return true;
}

}  // namespace

struct ZipReader::Impl {
  zip_t* za = nullptr;
  ZipLimits limits;
  std::uint64_t total_read = 0;
  ~Impl() {
    if (za != nullptr) zip_discard(za);  // read-only: nothing to write
  }
};

ZipReader::~ZipReader() = default;

Result<std::unique_ptr<ZipReader>> ZipReader::open(std::string_view bytes,
                                                   const ZipLimits& limits) {
  if (bytes.empty()) return Error{"不是有效的 ZIP 压缩包（文件为空）"};
  auto records = read_central_directory(bytes, limits.max_entries);
  if (!records) return Error{records.error()};

  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src != nullptr) impl->za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (impl->za == nullptr) {
    if (src != nullptr) zip_source_free(src);
    const int code = zip_error_code_zip(&err);
    zip_error_fini(&err);
    return Error{libzip_reason(code)};
  }
  zip_error_fini(&err);
  if (!same_directory(impl->za, *records)) {
    return Error{"压缩包目录结构异常（与 libzip 解析结果不一致），拒绝读取"};
  }
  std::vector<ZipEntry> entries = describe_entries(*records, limits);
  if (auto overlap = find_overlap(*records)) {
    return Error{"压缩包内条目数据相互重叠（疑似压缩炸弹），拒绝读取：「" +
                 display_name(entries[overlap->first]) + "」与「" +
                 display_name(entries[overlap->second]) + "」"};
  }

  std::unique_ptr<ZipReader> reader(new ZipReader());
  reader->impl_ = std::move(impl);
  reader->entries_ = std::move(entries);
  return reader;
}

Result<std::string> ZipReader::read(std::size_t i) {
  if (i >= entries_.size()) {
    return Error{"成员序号 " + std::to_string(i) + " 超出范围"};
  }
  const ZipEntry& e = entries_[i];
  const std::string who = "成员「" + display_name(e) + "」";
  if (!e.unsafe_reason.empty()) return Error{who + "不能读取：" + e.unsafe_reason};
  if (e.is_dir) return Error{who + "是目录，没有内容"};

  zip_file_t* zf = zip_fopen_index(impl_->za, i, 0);
  if (zf == nullptr) {
    return Error{who + "无法打开：" +
                 libzip_reason(zip_error_code_zip(zip_get_error(impl_->za)))};
  }
  const ZipLimits& lim = impl_->limits;
  std::string out;
  out.reserve(std::min({e.size, lim.max_member_bytes, std::uint64_t{kMaxReserve}}));
  std::string chunk(kChunk, '\0');
  std::string failure;
  std::uint64_t got = 0;
  int lib_error = ZIP_ER_OK;
  while (failure.empty()) {
    const zip_int64_t n = zip_fread(zf, chunk.data(), chunk.size());
    if (n < 0) {
      lib_error = zip_error_code_zip(zip_file_get_error(zf));
      break;
    }
    if (n == 0) break;
    got += n;
    std::uint64_t& total = lim.shared_total ? *lim.shared_total : impl_->total_read;
    total += n;
    failure = streaming_limit_breach(e, got, total, lim,
                                     kRatioFloor);
    if (failure.empty()) out.append(chunk.data(), n);
  }
  const int close_error = zip_fclose(zf);
  if (lib_error == ZIP_ER_OK) lib_error = close_error;
  // libzip reports data shorter than declared as an inconsistency.
  if (failure.empty() && lib_error != ZIP_ER_OK &&
      (lib_error != ZIP_ER_INCONS || got >= e.size)) {
    failure = "读取失败：" + libzip_reason(lib_error);
  }
  if (failure.empty() && got < e.size) {
    failure = "实际只有 " + std::to_string(got) + " 字节，少于声明的 " +
              std::to_string(e.size) + " 字节（数据已截断或损坏）";
  }
  if (!failure.empty()) return Error{who + failure};
  return out;
}

}  // namespace auditor

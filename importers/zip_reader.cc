#include "importers/zip_reader.h"

#include <libdeflate.h>
#include <zip.h>

#include <algorithm>

#include "importers/zip_central.h"
#include "importers/zip_entry_checks.h"
#include "util/text_match.h"

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
    if (st.name == nullptr || (ours != st.name && records[i].unicode_path != st.name) ||
        st.size != records[i].size || st.comp_size != records[i].comp_size) {
      return false;
    }
  }
  return true;
}

}  // namespace

struct ZipReader::Impl {
  std::string_view bytes;
  std::vector<CentralRecord> records;
  zip_t* za = nullptr;
  libdeflate_decompressor* inflater = nullptr;
  ZipLimits limits;
  std::uint64_t total_read = 0;
  ~Impl() {
    if (za != nullptr) zip_discard(za);  // read-only: nothing to write
    libdeflate_free_decompressor(inflater);
  }
  std::uint64_t& total() { return limits.shared_total ? *limits.shared_total : total_read; }
  std::string read_whole(const ZipEntry& e, const CentralRecord& r, std::string& out);
  std::string read_streamed(std::size_t i, const ZipEntry& e, std::string& out);
  std::string open_libzip();
};

// Opens the archive with libzip, which reads what libdeflate cannot, and
// refuses it unless libzip sees the same directory as our parser. Returns
// the reason of a failure, empty on success.
std::string ZipReader::Impl::open_libzip() {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (src != nullptr) za = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (za == nullptr) {
    if (src != nullptr) zip_source_free(src);
    const int code = zip_error_code_zip(&err);
    zip_error_fini(&err);
    return libzip_reason(code);
  }
  zip_error_fini(&err);
  if (!same_directory(za, records))
    return "压缩包目录结构异常（与 libzip 解析结果不一致），拒绝读取";
  return {};
}

// Stored and deflated members (what zip writers produce) are read in one
// piece: the output buffer is exactly the declared size, so the declared
// sizes bind and the limits are checked on them before anything inflates.
// Returns the reason of a failure, empty on success.
std::string ZipReader::Impl::read_whole(const ZipEntry& e, const CentralRecord& r,
                                        std::string& out) {
  const auto n = [](std::uint64_t v) { return std::to_string(v); };
  if (std::string why = limit_breach(e, e.size, total() += e.size, limits, kRatioFloor);
      !why.empty())
    return why;
  const std::uint64_t at = r.local_offset + r.local_header_size;
  if (!r.local_header_ok || at > bytes.size() || r.comp_size > bytes.size() - at)
    return "读取失败：压缩包已截断或损坏（成员数据超出文件范围）";
  const std::string_view data = bytes.substr(at, r.comp_size);
  std::size_t got = data.size();
  if (r.method == 0) {
    if (got > e.size)
      return "数据有 " + n(got) + " 字节，超过其声明的 " + n(e.size) + " 字节（声明大小不实）";
    out.assign(data);
  } else {
    if (inflater == nullptr && (inflater = libdeflate_alloc_decompressor()) == nullptr)
      return "读取失败：" + libzip_reason(ZIP_ER_MEMORY);
    out.resize(e.size);
    switch (libdeflate_deflate_decompress(inflater, data.data(), data.size(), out.data(),
                                          out.size(), &got)) {
      case LIBDEFLATE_SUCCESS:
        break;
      case LIBDEFLATE_INSUFFICIENT_SPACE:
        return "解压数据超过其声明的 " + n(e.size) + " 字节（声明大小不实）";
      default:
        return "读取失败：" + libzip_reason(ZIP_ER_COMPRESSED_DATA);
    }
  }
  if (got < e.size)
    return "实际只有 " + n(got) + " 字节，少于声明的 " + n(e.size) + " 字节（数据已截断或损坏）";
  if (zip_crc32(out) != r.crc32) return "读取失败：" + libzip_reason(ZIP_ER_CRC);
  return {};
}

// Other compression methods (bzip2, LZMA, zstd...) stream through libzip,
// with every limit checked on the bytes as they come.
std::string ZipReader::Impl::read_streamed(std::size_t i, const ZipEntry& e, std::string& out) {
  if (za == nullptr)
    if (std::string why = open_libzip(); !why.empty()) return "无法打开：" + why;
  zip_file_t* zf = zip_fopen_index(za, i, 0);
  if (zf == nullptr) return "无法打开：" + libzip_reason(zip_error_code_zip(zip_get_error(za)));
  out.reserve(std::min({e.size, limits.max_member_bytes, std::uint64_t{kMaxReserve}}));
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
    failure = limit_breach(e, got, total() += n, limits, kRatioFloor);
    if (failure.empty()) out.append(chunk.data(), n);
  }
  const int close_error = zip_fclose(zf);
  if (lib_error == ZIP_ER_OK) lib_error = close_error;
  // libzip reports data shorter than declared as an inconsistency.
  if (failure.empty() && lib_error != ZIP_ER_OK && (lib_error != ZIP_ER_INCONS || got >= e.size)) {
    failure = "读取失败：" + libzip_reason(lib_error);
  }
  if (failure.empty() && got < e.size) {
    failure = "实际只有 " + std::to_string(got) + " 字节，少于声明的 " + std::to_string(e.size) +
              " 字节（数据已截断或损坏）";
  }
  return failure;
}

ZipReader::~ZipReader() = default;

Result<std::unique_ptr<ZipReader>> ZipReader::open(std::string_view bytes,
                                                   const ZipLimits& limits) {
  if (bytes.empty()) return Error{"不是有效的 ZIP 压缩包（文件为空）"};
  auto records = read_central_directory(bytes, limits.max_entries);
  if (!records) return Error{records.error()};

  auto impl = std::make_unique<Impl>();
  impl->limits = limits;
  std::vector<ZipEntry> entries = describe_entries(*records, limits);
  if (auto overlap = find_overlap(*records)) {
    return Error{"压缩包内条目数据相互重叠（疑似压缩炸弹），拒绝读取：「" +
                 display_name(entries[overlap->first]) + "」与「" +
                 display_name(entries[overlap->second]) + "」"};
  }

  impl->bytes = bytes;
  impl->records = std::move(*records);
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
  const CentralRecord& r = impl_->records[i];
  std::string out;
  const std::string failure = r.method == 0 || r.method == 8 ? impl_->read_whole(e, r, out)
                                                             : impl_->read_streamed(i, e, out);
  if (!failure.empty()) return Error{who + failure};
  return out;
}

}  // namespace auditor

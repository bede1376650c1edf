#include "auditor/cli/limit_options.h"

#include <cstdint>
#include <functional>
#include <string>

namespace auditor::cli {
namespace {

constexpr long long kMaxMegabytes = 1ll << 20;  // 1 TiB: no overflow below

// A signed value so that "-1" is refused, not wrapped to a huge limit.
po::typed_value<long long>* bounded(const char* name, long long current, long long min,
                                    long long max, std::function<void(long long)> set) {
  return po::value<long long>()->default_value(current)->notifier(
      [name, min, max, set = std::move(set)](long long v) {
        if (v < min || v > max) {
          throw po::error(std::string("--") + name + " 必须是 " + std::to_string(min) + " 到 " +
                          std::to_string(max) + " 之间的整数，收到 " + std::to_string(v));
        }
        set(v);
      });
}

long long megabytes(std::uint64_t bytes) { return static_cast<long long>(bytes >> 20); }

}  // namespace

// Help lines stay short: Boost wraps descriptions by bytes, which would cut
// a Chinese character in two.
void add_limit_options(po::options_description& desc, ImportOptions& opt) {
  ZipLimits& z = opt.limits;
  const long long count_max = 100'000'000;
  desc.add_options()("max-entries",
                     bounded("max-entries", static_cast<long long>(z.max_entries), 1, count_max,
                             [&z](long long v) { z.max_entries = v; }),
                     "每个压缩包最多条目数")(
      "max-member-mb",
      bounded("max-member-mb", megabytes(z.max_member_bytes), 1, kMaxMegabytes,
              [&z](long long v) { z.max_member_bytes = std::uint64_t(v) << 20; }),
      "单个成员解压后上限（MB）")(
      "max-total-mb",
      bounded("max-total-mb", megabytes(z.max_total_bytes), 1, kMaxMegabytes,
              [&z](long long v) { z.max_total_bytes = std::uint64_t(v) << 20; }),
      "每个压缩包累计解压上限（MB）")("max-ratio",
                                      bounded("max-ratio", static_cast<long long>(z.max_ratio), 1,
                                              count_max, [&z](long long v) { z.max_ratio = v; }),
                                      "成员压缩比上限（防压缩炸弹）")(
      "max-name-length",
      bounded("max-name-length", static_cast<long long>(z.max_name_length), 1, 65535,
              [&z](long long v) { z.max_name_length = v; }),
      "成员文件名长度上限（字节）")(
      "max-archive-mb",
      bounded("max-archive-mb", megabytes(opt.max_archive_bytes), 1, kMaxMegabytes,
              [&opt](long long v) { opt.max_archive_bytes = std::uint64_t(v) << 20; }),
      "压缩包文件大小上限（MB）")(
      "max-nesting",
      bounded("max-nesting", opt.max_nesting, 0, 16,
              [&opt](long long v) { opt.max_nesting = static_cast<int>(v); }),
      "嵌套压缩包层数上限，0 表示不读")(
      "max-doc-seconds",
      bounded("max-doc-seconds", opt.max_doc_seconds, 1, 3600,
              [&opt](long long v) { opt.max_doc_seconds = static_cast<int>(v); }),
      "单个文书解析的 CPU 时间上限（秒）")(
      "max-doc-mb",
      bounded("max-doc-mb", opt.max_doc_mb, 64, 1 << 20,
              [&opt](long long v) { opt.max_doc_mb = static_cast<int>(v); }),
      "单个文书解析进程的内存上限（MB）")(
      "ocr",
      po::value<std::string>()
          ->default_value(opt.ocr == OcrMode::on ? "on" : "off")
          ->notifier([&opt](const std::string& v) {
            if (v != "on" && v != "off") throw po::error("--ocr 必须是 on 或 off，收到 " + v);
            opt.ocr = v == "on" ? OcrMode::on : OcrMode::off;
          }),
      "扫描件文字识别（OCR）：on 或 off")(
      "max-ocr-pages",
      bounded("max-ocr-pages", opt.max_ocr_pages, 0, 1'000'000,
              [&opt](long long v) { opt.max_ocr_pages = static_cast<int>(v); }),
      "每个压缩包最多识别的扫描页数");
}

}  // namespace auditor::cli

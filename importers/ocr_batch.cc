#include "importers/ocr_batch.h"

#include <chrono>
#include <map>

#include "importers/ocr.h"
#include "importers/ocr_read.h"
#include "importers/sandbox.h"
#include "util/hash.h"

namespace auditor {
namespace {

using Clock = std::chrono::steady_clock;

// One page to read by OCR: its document (index into the jobs) and number.
struct Pending {
  std::size_t job = 0;
  int page = 0;
};

// "第 2、3 页" (or "" for a one-page document).
std::string pages_phrase(const std::vector<int>& pages, const Document& d) {
  if (d.pages.value_or(1) <= 1 && pages.size() == 1) return "";
  std::string out = "第 ";
  for (std::size_t i = 0; i < pages.size(); ++i) out += (i ? "、" : "") + std::to_string(pages[i]);
  return out + " 页";
}

// One problem per reason: "第 2、3 页文字识别失败：<reason>".
void report_failures(ScanJob& job, const std::map<std::string, std::vector<int>>& failed) {
  for (const auto& [reason, pages] : failed)
    job.problems.push_back(pages_phrase(pages, *job.doc) + "文字识别失败：" + reason);
}

}  // namespace

bool ScanReader::wanted(const Document& d) const {
  return opt_.ocr == OcrMode::on && !pages_to_ocr(d).empty();
}

void ScanReader::read(std::span<ScanJob> jobs) {
  if (opt_.ocr != OcrMode::on) return;
  std::vector<std::vector<OcrReading>> readings(jobs.size());
  std::vector<std::string> hashes(jobs.size());
  std::vector<Pending> pending;
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    const std::vector<int> pages = pages_to_ocr(*jobs[k].doc);
    if (pages.empty()) continue;
    hashes[k] = sha256_hex(jobs[k].bytes);
    for (const int page : pages) {
      if (pages_read_ >= opt_.max_ocr_pages) {
        jobs[k].problems.push_back("扫描页超过每个压缩包 " + std::to_string(opt_.max_ocr_pages) +
                                   " 页的识别上限（--max-ocr-pages），自第 " +
                                   std::to_string(page) + " 页起未识别文字");
        break;
      }
      ++pages_read_;
      OcrReading cached;
      if (opt_.ocr_lookup && opt_.ocr_lookup(hashes[k], page, cached)) {
        cached.page.page = page;
        readings[k].push_back(std::move(cached));
        continue;
      }
      pending.push_back({k, page});
    }
  }
  if (!pending.empty() && opt_.ocr_progress) opt_.ocr_progress(static_cast<int>(pending.size()), 0);
  std::vector<std::map<std::string, std::vector<int>>> failed(jobs.size());
  auto take = [&](const Pending& p, Result<OcrReading> r) {
    if (opt_.ocr_progress) opt_.ocr_progress(0, 1);
    if (!r) {
      failed[p.job][r.error()].push_back(p.page);
      return;
    }
    r->page.page = p.page;
    r->page.fresh = true;
    readings[p.job].push_back(std::move(*r));
  };
  if (!opt_.isolate) {
    for (const Pending& p : pending)
      take(p, read_page_by_ocr(jobs[p.job].bytes, jobs[p.job].doc->format, p.page));
  } else if (!pending.empty()) {
    // Each page a request of its own: its own CPU and memory limits, and an
    // answer (and a progress step) as soon as it is read.
    std::vector<Document> scratch(pending.size());
    std::vector<ParseJob> requests;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      scratch[i].format = jobs[pending[i].job].doc->format;
      requests.push_back({jobs[pending[i].job].bytes, &scratch[i], {}, pending[i].page});
    }
    const int seconds = 3 * opt_.max_doc_seconds + kParseGraceSeconds +
                        kOcrPageSeconds * static_cast<int>(pending.size());
    ArchiveParseBudget budget;
    budget.deadline = Clock::now() + std::chrono::seconds(seconds);
    const std::string over =
        "本压缩包的扫描件文字识别累计超过时间上限（" + std::to_string(seconds) + " 秒：每页 " +
        std::to_string(kOcrPageSeconds) + " 秒，另加 --max-doc-seconds 的 3 倍）";
    std::size_t next = 0;
    parse_isolated(requests, opt_, budget, [&](ParseJob& j) {
      const std::size_t i = next++;
      Document& d = *j.doc;
      if (!j.status.ok()) {
        take(pending[i], Error{Clock::now() >= *budget.deadline ? over : j.status.reason});
      } else if (d.ocr_pages.size() != 1) {
        take(pending[i], Error{"解析进程的文字识别结果不完整", Code::internal});
      } else {
        OcrReading r{std::move(d.ocr_pages.front()), std::move(d.text)};
        take(pending[i], std::move(r));
      }
    });
  }
  for (std::size_t k = 0; k < jobs.size(); ++k) {
    report_failures(jobs[k], failed[k]);
    if (readings[k].empty()) continue;
    for (OcrReading& r : readings[k]) r.page.image_sha256 = hashes[k];
    merge_ocr(*jobs[k].doc, std::move(readings[k]));
  }
}

}  // namespace auditor

// The OCR step of one archive's import (importers/parse_batch.h): after a
// group of documents was parsed, the pages found without text
// (pages_to_ocr) are read — from the store's cache when they were read
// before (ImportOptions::ocr_lookup), else one request a page in the calling
// thread's parse process (importers/sandbox.h; in this process when
// isolation is off) — and merged into their documents (merge_ocr).
//
// Cost bounds: each page is one request under the per-document limits
// (--max-doc-seconds of CPU, --max-doc-mb; importers/sandbox.h gives a page
// three times the CPU limit of wall-clock time); the pages of an archive
// share a wall-clock budget of one page's plus kOcrPageSeconds a page, and
// at most ImportOptions::max_ocr_pages of them are read.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/model.h"
#include "importers/import.h"

namespace auditor {

// Wall-clock seconds a page is allowed in an archive's OCR budget: a page
// takes 1-2 s of CPU (4 s when it lies on its side or upside down), more
// wall-clock time on a busy machine.
inline constexpr int kOcrPageSeconds = 12;

// A parsed document whose scanned pages are to be read; `problems` gets a
// Chinese reason for each page (or group of pages) that could not be read.
struct ScanJob {
  Document* doc = nullptr;
  std::string_view bytes;
  std::vector<std::string> problems;
};

// The OCR of one archive: pages counted against max_ocr_pages across its
// groups. Not thread-safe: one per archive import.
class ScanReader {
 public:
  explicit ScanReader(const ImportOptions& opt) : opt_(opt) {}
  // Whether `d` has pages to read (OCR on and pages_to_ocr not empty).
  bool wanted(const Document& d) const;
  // Reads and merges the pages of each job's document.
  void read(std::span<ScanJob> jobs);

 private:
  const ImportOptions& opt_;
  int pages_read_ = 0;  // of this archive, cached or read
};

}  // namespace auditor

// Turns a case archive (or one standalone document) into a Case. Never throws
// and never writes to disk: a broken archive gives a rejected Case with a
// Chinese reason; a broken member gives an ImportIssue and import goes on.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "auditor/model.h"
#include "importers/ocr.h"
#include "importers/zip_reader.h"
#include "util/status.h"

namespace auditor {

struct ImportOptions {
  ZipLimits limits;
  std::uint64_t max_archive_bytes = 2ull << 30;
  int max_nesting = 1;  // zip inside zip (a nested case folder) depth
  // Each document is parsed in a parse process under these budgets
  // (importers/sandbox.h; docs/hostile-input.md gives the measurements).
  // CPU seconds per document (counted in whole seconds: up to 2 more); the
  // wall-clock limit is 5 s more, and one archive's documents share twice
  // that, so a hostile archive holds a worker at most 40 s. A 2,000-page
  // PDF of 1,500 glyphs a page takes 0.9 s.
  int max_doc_seconds = 15;
  // Address space of the parse process, MB. That 2,000-page PDF peaks at
  // 130 MB, the DOCX and OFD readers' XML trees stop at 128 MB
  // (importers/doc_limits.h); with --jobs 2 the program and both processes
  // stay under 1 GiB even when one document runs into the limit.
  int max_doc_mb = 768;
  std::uint64_t max_doc_output_bytes = 64ull << 20;  // text and metadata of one document
  bool isolate = true;  // false: parse in this process (tests, benchmarks)
  // Scanned pages (images, PDF pages without text) read by OCR
  // (importers/ocr.h); off: not read, as before OCR existed (--ocr off).
  OcrMode ocr = OcrMode::on;
  // The most pages of one archive read by OCR; pages beyond stay unread
  // and an issue says so. A scanned case file runs to 50-150 pages.
  int max_ocr_pages = 500;
  // Readings made before (store/ocr_cache.h): fills `out` and returns true
  // when page `page` of the member whose bytes hash to `sha256` was read
  // with kOcrSettings. Called from worker threads. Empty: no cache.
  std::function<bool(const std::string& sha256, int page, OcrReading& out)> ocr_lookup;
  // For a progress display: pages found to read (queued) and pages read
  // (done), as they happen, from worker threads. May be empty.
  std::function<void(int queued, int done)> ocr_progress;
};

// An archive file read once: its bytes, their sha256 (hashed while
// reading) and the file's stamp, taken before reading.
struct ArchiveFile {
  std::string bytes;
  std::string sha256;
  FileStamp stamp;
};

// The stamp of `path`; nullopt when it cannot be read.
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);

// Fails (Chinese reason) when the file cannot be read or is larger than
// opt.max_archive_bytes (checked while reading, should the file grow).
Result<ArchiveFile> read_archive_file(const std::filesystem::path& path, const ImportOptions& opt);

// Imports an archive already read or, when reading failed, gives a rejected
// Case with the reason; `label` becomes Case::archive.
Case import_archive_file(std::string label, const Result<ArchiveFile>& file,
                         const ImportOptions& opt);

// import_archive_file(path, read_archive_file(path)).
Case import_archive(const std::filesystem::path& path, const ImportOptions& opt);

// Same, from bytes already in memory; `label` becomes Case::archive.
Case import_archive_bytes(std::string label, std::string_view bytes, const ImportOptions& opt);

// Parses one document (format detected from content) and extracts its facts.
// Problems are appended to `issues`.
Document read_document(std::string path, std::string_view bytes, const ImportOptions& opt,
                       std::vector<ImportIssue>& issues);

}  // namespace auditor

// bench_ocr: the cost of OCR (docs/formats/ocr.md, docs/ocr-accuracy.md),
// in one run on the same images:
//   1. per page, the library as the parse process uses it (read_page_by_ocr:
//      the module opened once, Tesseract initialised once) against the
//      `tesseract` command started for the page with the same settings
//      (chi_sim, --psm 4, no table finder, global threshold), both on one
//      thread (OMP_THREAD_LIMIT=1); over all pages, and over the pages the
//      library read as they lie (a turned page it reads twice);
//   2. the audit of the scan corpus into a fresh database, then again with
//      --full (every archive parsed again, every scan from the cache), then
//      unchanged (the incremental default).
//
// Usage: bench_ocr <scan-corpus-dir> [--pages N] [--jobs J]
//   <scan-corpus-dir> as scripts/make-scan-corpus.py writes it (its scan/
//   folder of archives); the page images are the JPEG and PNG members of
//   those archives, at most N (default 20).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/audit.h"
#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "bench/children.h"
#include "importers/ocr_read.h"
#include "importers/zip_reader.h"

namespace {

using namespace auditor;
using namespace auditor::bench;
namespace fs = std::filesystem;

struct Page {
  fs::path file;
  std::string bytes;
};

// The JPEG and PNG members of the corpus archives, written to `work`.
std::vector<Page> pages_of(const fs::path& scans, const fs::path& work, std::size_t most) {
  std::vector<fs::path> archives;
  for (const auto& e : fs::directory_iterator(scans))
    if (e.path().extension() == ".zip") archives.push_back(e.path());
  std::sort(archives.begin(), archives.end());
  std::vector<Page> out;
  for (const fs::path& a : archives) {
    std::ifstream in(a, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(bytes, ZipLimits{});
    if (!zip) continue;
    for (std::size_t i = 0; i < (*zip)->entries().size() && out.size() < most; ++i) {
      const std::string ext = fs::path((*zip)->entries()[i].name).extension().string();
      if (ext != ".jpg" && ext != ".png") continue;
      Result<std::string> member = (*zip)->read(i);
      if (!member) continue;
      Page p{work / ("page" + std::to_string(out.size()) + ext), std::move(*member)};
      std::ofstream(p.file, std::ios::binary) << p.bytes;
      out.push_back(std::move(p));
    }
  }
  return out;
}

double audit_seconds(const fs::path& scans, const fs::path& db, bool full, int jobs,
                     const Checklist& checklist, int& pages_read) {
  AuditRequest request;
  request.inputs = {scans.string()};
  request.db = db;
  request.round = "bench";
  request.tool_version = "bench";
  request.full = full;
  request.jobs = jobs;
  pages_read = 0;
  request.import.ocr_progress = [&pages_read](int, int read) { pages_read += read; };
  const double start = now_seconds();
  Result<AuditOutcome> out = audit_round(request, checklist, AuditObserver{});
  if (!out) {
    std::fprintf(stderr, "bench_ocr: %s\n", out.error().c_str());
    std::exit(1);
  }
  return now_seconds() - start;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_ocr <scan-corpus-dir> [--pages N] [--jobs J]\n");
    return 2;
  }
  const fs::path corpus = argv[1];
  std::size_t most = 20;
  int jobs = 2;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--pages") == 0) most = std::strtoul(argv[i + 1], nullptr, 10);
    if (std::strcmp(argv[i], "--jobs") == 0) jobs = std::atoi(argv[i + 1]);
  }
  setenv("OMP_THREAD_LIMIT", "1", 1);  // both sides on one thread, as in the parse process
  const fs::path work = fs::temp_directory_path() / ("bench-ocr-" + std::to_string(getpid()));
  fs::create_directories(work);
  const std::vector<Page> pages = pages_of(corpus / "scan", work, most);
  if (pages.empty()) {
    std::fprintf(stderr, "bench_ocr: no JPEG or PNG page in %s/scan\n", corpus.c_str());
    return 1;
  }

  // Warm-up: the module and chi_sim loaded, the command's files cached.
  const double init_start = now_seconds();
  if (!read_page_by_ocr(pages[0].bytes, "image", 1)) {
    std::fprintf(stderr, "bench_ocr: OCR failed on %s\n", pages[0].file.c_str());
    return 1;
  }
  const double first_page = now_seconds() - init_start;
  const std::vector<std::string> command = {"tesseract",
                                            "",
                                            "-",
                                            "-l",
                                            "chi_sim",
                                            "--psm",
                                            "4",
                                            "-c",
                                            "textord_tabfind_find_tables=0",
                                            "-c",
                                            "thresholding_method=0"};
  auto cli = [&](const Page& p) {
    std::vector<std::string> args = command;
    args[1] = p.file.string();
    return run_child(args);
  };
  cli(pages[0]);

  // Seconds of each side, over all pages and over the pages the library
  // read as they lie (the command reads every page as it lies; a turned page
  // costs the library the orientation check and a second reading).
  struct Sides {
    double library = 0, tesseract = 0;
    int pages = 0;
  } all, upright;
  for (const Page& p : pages) {
    const double start = now_seconds();
    Result<OcrReading> read = read_page_by_ocr(p.bytes, "image", 1);
    const double library = now_seconds() - start;
    const double tesseract = cli(p).seconds;
    for (Sides* side : {&all, &upright}) {
      if (side == &upright && (!read || read->page.rotation != 0)) continue;
      side->library += library;
      side->tesseract += tesseract;
      ++side->pages;
    }
  }
  std::printf("pages: %zu (JPEG/PNG of %s)\n", pages.size(), (corpus / "scan").c_str());
  std::printf("library, first page (module, chi_sim and osd loaded): %.2f s\n", first_page);
  std::printf("library, per page: %.2f s\n", all.library / all.pages);
  std::printf("tesseract command, per page: %.2f s\n", all.tesseract / all.pages);
  std::printf("library / command: %.2f\n", all.library / all.tesseract);
  if (upright.pages > 0 && upright.pages < all.pages)
    std::printf("library / command on the %d pages the library read as they lie: %.2f\n",
                upright.pages, upright.library / upright.tesseract);

  Result<Checklist> checklist = load_audit_checklist(default_checklist_dir());
  if (!checklist) {
    std::fprintf(stderr, "bench_ocr: %s\n", checklist.error().c_str());
    return 1;
  }
  int read_first = 0, read_full = 0, read_unchanged = 0;
  const fs::path db = work / "bench.db";
  const double first = audit_seconds(corpus / "scan", db, true, jobs, *checklist, read_first);
  const double full = audit_seconds(corpus / "scan", db, true, jobs, *checklist, read_full);
  const double unchanged =
      audit_seconds(corpus / "scan", db, false, jobs, *checklist, read_unchanged);
  std::printf("audit --jobs %d, first: %.1f s (%d pages read by OCR)\n", jobs, first, read_first);
  std::printf("re-audit --full (scans from the cache): %.2f s (%d pages read), %.3f x first\n",
              full, read_full, full / first);
  std::printf("re-audit unchanged: %.2f s (%d pages read), %.3f x first\n", unchanged,
              read_unchanged, unchanged / first);
  fs::remove_all(work);
  return 0;
}

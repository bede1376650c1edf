// bench_audit: times the audit of a corpus against two baselines in one run
// and prints the ratios the targets are stated in (docs/performance.md).
//
// Usage: bench_audit <corpus-dir> [--auditor PATH] [--work DIR] [--repeat N]
//   1. `unzip -tq` over every archive, one after another (as a user would);
//   2. a plain read + sha256 pass over every archive, in this process;
//   3. `auditor audit --jobs 1` and `--jobs 2`, each on a fresh database;
//   4. on the --jobs 2 database: an unchanged re-audit (the CLI's default,
//      incremental), a re-audit after a checklist change (`--profile
//      mee-2024` changes the checklist hash: every case is re-checked from
//      the store) and a `--full` re-audit that parses everything again.
// Each timed step runs N times (--repeat, default 3; the re-check once, as
// only its first run re-checks) after a warm-up read, so every step sees the
// archives in the page cache; the median time is reported, and the ratios
// are of medians. Peak RSS is the largest of wait4's over the runs.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "app/pipeline.h"
#include "bench/children.h"
#include "util/hash.h"

namespace {

using namespace auditor;
using namespace auditor::bench;
namespace fs = std::filesystem;

double read_and_hash(const std::vector<fs::path>& archives) {
  const double start = now_seconds();
  std::vector<char> buf(1 << 16);
  for (const fs::path& p : archives) {
    std::ifstream in(p, std::ios::binary);
    Hasher h;
    while (in.read(buf.data(), buf.size()) || in.gcount() > 0)
      h.update(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
    h.finish_hex();
  }
  return now_seconds() - start;
}

// Runs `step` `times` times: the median time and the largest peak RSS.
ChildRun median_of(int times, const std::function<ChildRun()>& step) {
  std::vector<ChildRun> runs;
  for (int i = 0; i < times; ++i) runs.push_back(step());
  std::sort(runs.begin(), runs.end(),
            [](const ChildRun& a, const ChildRun& b) { return a.seconds < b.seconds; });
  ChildRun m = runs[runs.size() / 2];
  for (const ChildRun& r : runs) {
    m.max_rss_kb = std::max(m.max_rss_kb, r.max_rss_kb);
    if (r.exit_code != m.exit_code) m.exit_code = std::max(m.exit_code, r.exit_code);
  }
  return m;
}

void row(const char* what, double s, long rss_kb, std::size_t n) {
  std::printf("%-34s %8.2f s %8.1f archives/s %8.1f MB peak RSS\n", what, s, n / s,
              rss_kb / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: bench_audit <corpus-dir> [--auditor PATH] [--work DIR] [--repeat N]\n");
    return 2;
  }
  const std::string corpus = argv[1];
  std::string auditor_bin = AUDITOR_BINARY;
  fs::path work = fs::temp_directory_path() / "auditor-bench";
  int repeat = 3;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--auditor") == 0) auditor_bin = argv[i + 1];
    if (std::strcmp(argv[i], "--work") == 0) work = argv[i + 1];
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
  }
  Result<std::vector<fs::path>> archives = collect_archives({corpus});
  if (!archives || archives->empty()) {
    std::fprintf(stderr, "bench_audit: no archives in %s\n", corpus.c_str());
    return 1;
  }
  const std::size_t n = archives->size();
  fs::create_directories(work);
  std::uintmax_t bytes = 0;
  for (const fs::path& p : *archives) bytes += fs::file_size(p);
  std::printf("corpus %s: %zu archives, %.1f MB; median of %d runs per step\n", corpus.c_str(), n,
              bytes / 1048576.0, repeat);
  read_and_hash(*archives);  // warm-up: every step below sees a warm cache

  int unzip_bad = 0;
  const ChildRun unzip = median_of(repeat, [&] {
    ChildRun all;
    const double start = now_seconds();
    for (const fs::path& p : *archives) {
      ChildRun r = run_child({"unzip", "-tq", p.string()});
      all.max_rss_kb = std::max(all.max_rss_kb, r.max_rss_kb);
      unzip_bad += r.exit_code != 0;
    }
    all.seconds = now_seconds() - start;
    all.exit_code = 0;
    return all;
  });
  const double unzip_s = unzip.seconds;
  const double hash_s = median_of(repeat, [&] {
                          ChildRun r;
                          r.seconds = read_and_hash(*archives);
                          return r;
                        }).seconds;

  auto audit = [&](int jobs, const fs::path& db, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {auditor_bin, "audit",     "--jobs", std::to_string(jobs),
                                     "--db",      db.string(), corpus};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_child(args);
  };
  const auto fresh = [](const fs::path& db) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(db.string() + suffix);
  };
  const fs::path db1 = work / "jobs1.db", db2 = work / "jobs2.db";
  const ChildRun j1 = median_of(repeat, [&] { return fresh(db1), audit(1, db1); });
  const ChildRun j2 = median_of(repeat, [&] { return fresh(db2), audit(2, db2); });
  const ChildRun again = median_of(repeat, [&] { return audit(2, db2); });
  const ChildRun recheck = audit(2, db2, {"--profile", "mee-2024"});
  const ChildRun full = median_of(repeat, [&] { return audit(2, db2, {"--full"}); });

  std::printf("\n%-34s %10s %19s %21s\n", "step", "wall", "rate", "");
  row("unzip -tq, sequential", unzip_s, unzip.max_rss_kb, n);
  row("read + sha256 (in process)", hash_s, 0, n);
  row("auditor audit --jobs 1", j1.seconds, j1.max_rss_kb, n);
  row("auditor audit --jobs 2", j2.seconds, j2.max_rss_kb, n);
  row("unchanged re-audit", again.seconds, again.max_rss_kb, n);
  row("re-check, checklist changed", recheck.seconds, recheck.max_rss_kb, n);
  row("re-audit --full (parses again)", full.seconds, full.max_rss_kb, n);
  // Exit status 1 means "some archive rejected", which a corpus may hold.
  std::printf(
      "\nexit codes: unzip failures %d, audit j1 %d, j2 %d, unchanged %d, re-check %d,"
      " --full %d\n",
      unzip_bad, j1.exit_code, j2.exit_code, again.exit_code, recheck.exit_code, full.exit_code);
  std::printf("audit --jobs 2 / unzip -tq        %6.3f  (target <= 0.4)\n", j2.seconds / unzip_s);
  std::printf("audit --jobs 1 / unzip -tq        %6.3f\n", j1.seconds / unzip_s);
  std::printf("audit --jobs 2 / read+sha256      %6.3f\n", j2.seconds / hash_s);
  std::printf("unchanged / audit --jobs 2        %6.3f  (target <= 0.05)\n",
              again.seconds / j2.seconds);
  std::printf("re-check / audit --jobs 2         %6.3f\n", recheck.seconds / j2.seconds);
  std::printf("scaling jobs 1 -> 2               %6.2fx\n", j1.seconds / j2.seconds);
  return 0;
}

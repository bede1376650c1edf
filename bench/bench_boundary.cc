// bench_boundary: what the parse boundary (importers/sandbox.h) costs in a
// full audit. Audits a corpus with audit_round into a fresh database, in a
// forked process each time (it loads the PDF module, and its workers start
// their parse processes, as a run of `auditor audit` does): once with the
// documents parsed in that process (ImportOptions::isolate off) and once in
// parse processes, alternating, N times each, with --jobs 1 and 2. Prints
// the median wall and CPU time of each mode (CPU of the process and of its
// parse processes) and the median of the paired differences, which other
// load on the machine disturbs least. Then, for the largest document of each
// format, the least time of one read_document call in each mode (one round
// trip each).
//
// Usage: bench_boundary <corpus-dir> [--repeat N] [--work DIR]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "app/audit.h"
#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/pipeline.h"
#include "bench/children.h"
#include "importers/formats.h"
#include "importers/import.h"
#include "importers/zip_reader.h"

namespace {

using namespace auditor;
namespace fs = std::filesystem;

double cpu_seconds() {
  auto secs = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  rusage self{}, children{};
  getrusage(RUSAGE_SELF, &self);
  getrusage(RUSAGE_CHILDREN, &children);
  return secs(self.ru_utime) + secs(self.ru_stime) + secs(children.ru_utime) +
         secs(children.ru_stime);
}

struct Run {
  double wall = 0, cpu = 0;
};

// One audit of `corpus` with `jobs` workers into a fresh database under
// `work`, in a forked process; zero times when it failed.
Run audit(const std::string& corpus, const fs::path& work, const Checklist& checklist, int jobs,
          bool isolate) {
  int out[2];
  if (pipe(out) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    AuditRequest request;
    request.inputs = {corpus};
    request.db = work / ("boundary-" + std::to_string(getpid()) + ".db");
    request.import.isolate = isolate;
    request.jobs = jobs;
    request.round = "bench";
    request.tool_version = "bench";
    request.full = true;
    Run run;
    const double cpu0 = cpu_seconds(), wall0 = bench::now_seconds();
    const bool ok = audit_round(request, checklist, AuditObserver{}).ok();
    run.wall = bench::now_seconds() - wall0;
    run.cpu = cpu_seconds() - cpu0;  // the parse processes are reaped by now
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(request.db.string() + suffix);
    if (ok) (void)!write(out[1], &run, sizeof run);
    _exit(0);
  }
  close(out[1]);
  Run run;
  if (read(out[0], &run, sizeof run) != sizeof run) run = {};
  close(out[0]);
  waitpid(pid, nullptr, 0);
  return run;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// The largest member of each parsed format found in the archives.
std::map<std::string, std::pair<std::string, std::string>> samples(
    const std::vector<fs::path>& archives) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  for (const fs::path& path : archives) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string bytes = buf.str();
    Result<std::unique_ptr<ZipReader>> zip = ZipReader::open(bytes, ZipLimits{});
    if (!zip) continue;
    for (std::size_t i = 0; i < (*zip)->entries().size(); ++i) {
      Result<std::string> member = (*zip)->read(i);
      if (!member) continue;
      const std::string& name = (*zip)->entries()[i].name;
      const std::string format = detect_format(*member, name);
      if (format != "docx" && format != "ofd" && format != "pdf" && format != "image") continue;
      auto& [largest, largest_bytes] = out[format];
      if (member->size() > largest_bytes.size()) largest = name, largest_bytes = std::move(*member);
    }
  }
  return out;
}

// The least time of one read_document call, over batches of `calls`.
double per_call(const std::string& name, const std::string& bytes, bool isolate, int calls) {
  ImportOptions opt;
  opt.isolate = isolate;
  double best = 1e9;
  std::thread([&] {
    std::vector<ImportIssue> issues;
    read_document(name, bytes, opt, issues);  // starts the parse process
    for (int batch = 0; batch < 5; ++batch) {
      const double start = bench::now_seconds();
      for (int i = 0; i < calls; ++i) read_document(name, bytes, opt, issues);
      best = std::min(best, (bench::now_seconds() - start) / calls);
    }
  }).join();
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_boundary <corpus-dir> [--repeat N] [--work DIR]\n");
    return 2;
  }
  const std::string corpus = argv[1];
  int repeat = 7;
  fs::path work = fs::temp_directory_path();
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
    if (std::strcmp(argv[i], "--work") == 0) work = argv[i + 1];
  }
  Result<std::vector<fs::path>> archives = collect_archives({corpus});
  Result<Checklist> checklist = load_audit_checklist(default_checklist_dir());
  if (!archives || archives->empty() || !checklist) {
    std::fprintf(stderr, "bench_boundary: no archives in %s, or no checklist\n", corpus.c_str());
    return 1;
  }
  fs::create_directories(work);
  audit(corpus, work, *checklist, 1, false);  // warm-up: the page cache
  std::printf("%zu archives; full audits, median of %d runs per mode, fresh database each\n\n",
              archives->size(), repeat);
  std::printf("%-8s %-14s %9s %9s\n", "jobs", "documents", "wall", "cpu");
  for (int jobs : {1, 2}) {
    std::vector<double> wall[2], cpu[2], wall_diff, cpu_diff;
    for (int i = 0; i < repeat; ++i) {
      Run runs[2];
      for (int isolate : {0, 1}) {
        runs[isolate] = audit(corpus, work, *checklist, jobs, isolate == 1);
        wall[isolate].push_back(runs[isolate].wall);
        cpu[isolate].push_back(runs[isolate].cpu);
      }
      wall_diff.push_back(runs[1].wall - runs[0].wall);
      cpu_diff.push_back(runs[1].cpu - runs[0].cpu);
    }
    for (int isolate : {0, 1})
      std::printf("%-8d %-14s %8.3fs %8.3fs\n", jobs, isolate ? "parse process" : "in process",
                  median(wall[isolate]), median(cpu[isolate]));
    std::printf("%-8d %-14s %8.3fs %8.3fs  (%+.1f%% wall, %+.1f%% cpu)\n\n", jobs, "boundary",
                median(wall_diff), median(cpu_diff), median(wall_diff) / median(wall[0]) * 100,
                median(cpu_diff) / median(cpu[0]) * 100);
  }
  std::printf("%-8s %10s %12s %14s %12s\n", "format", "bytes", "in process", "parse process",
              "boundary");
  for (const auto& [format, sample] : samples(*archives)) {
    const double a = per_call(sample.first, sample.second, false, 50);
    const double b = per_call(sample.first, sample.second, true, 50);
    std::printf("%-8s %10zu %10.1fus %12.1fus %10.1fus\n", format.c_str(), sample.second.size(),
                a * 1e6, b * 1e6, (b - a) * 1e6);
  }
  return 0;
}

// bench_reports: times all reports of one large round against a baseline in
// the same run and prints the ratios (docs/reports.md "Performance").
//
// Usage: bench_reports [cases] [--work DIR]
//   cases defaults to 100000: one round of that many fixed cases of 20
//   documents, 40 checks and 0–5 findings each, saved through
//   Store::save_case into DIR/reports-<cases>.db. An existing database of
//   the same size is reused (filling 100,000 cases takes minutes); without
//   --work a fresh temporary directory is used and removed.
// Timed steps, each once:
//   baseline  every row of the round read with the loader's plain sqlite3
//             queries, then as many bytes as the reports take written with
//             fwrite;
//   load, summary, html, docx, xlsx, json  each step alone, one after
//             another, as the default --sheets auto does them (without
//             per-case sheets above kMaxCasesWithSheets cases), its output
//             written to DIR/each;
//   total     write_round_reports with all four formats into DIR/all (the
//             real entry point: load, summary, the formats on their threads),
//             default sheet mode;
//   total all the same with SheetMode::all (every per-case sheet) into
//             DIR/sheets.
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/round_reports.h"
#include "reports/report.h"
#include "store/round_reader.h"
#include "store/store_internal.h"

namespace {

using namespace auditor;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kRound = "大轮次";

constexpr const char* kStreets[] = {"赤岗", "新港",   "昌岗", "江南中", "滨江",   "素社",
                                    "海幢", "南华西", "龙凤", "沙园",   "南石头", "凤阳",
                                    "瑞宝", "江海",   "琶洲", "南洲",   "华洲",   "官洲"};

Case perf_case(int i) {
  Case c;
  c.archive = "case-" + std::to_string(i) + ".zip";
  c.sha256 = std::string(64, 'a' + i % 6);
  c.info.street = kStreets[i % 18];
  c.info.case_number = "穗海赤岗综执立〔2024〕" + std::to_string(i) + "号";
  c.info.party = "广州市某某餐饮有限公司";
  for (int d = 1; d <= 20; ++d) {
    Document doc;
    doc.path = "0" + std::to_string(d) + "-文书.docx";
    doc.format = "docx";
    doc.type = d == 1 ? "filing_approval" : d == 20 ? "closing_approval" : "evidence";
    doc.stage = 1 + (d - 1) * 8 / 20;
    doc.date = "2024-03-01";
    if (d == 1) doc.facts = {{"filing_date", "2024-03-01", "立案日期"}};
    c.documents.push_back(doc);
  }
  return c;
}

Audit perf_audit(int i) {
  Audit a;
  for (int f = 0; f < i % 6; ++f) {
    Finding x;
    x.rule = "RULE-" + std::to_string((i + f) % 30);
    x.kind = f == 0 ? "missing_document" : f == 1 ? "manual_check" : "deadline";
    x.severity = f == 1 ? "info" : f == 2 ? "major" : "minor";
    x.stage = 1 + f;
    x.message = "第3阶段（告知权利）缺少《行政处罚事先告知书》，未告知即作出处罚决定";
    x.basis = "《中华人民共和国行政处罚法》第四十四条";
    x.evidence = {"05-行政处罚决定书.docx：2024-04-02", "07-送达回证.docx：2024-04-20"};
    x.deduction = 5;
    a.findings.push_back(x);
  }
  for (int k = 0; k < 40; ++k) a.checks.push_back({"RULE-" + std::to_string(k), Outcome::passed});
  a.score = 100 - 5 * (i % 6);
  a.grade = a.score >= 90 ? "优秀" : "合格";
  return a;
}

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "bench_reports: %s\n", what.c_str());
  std::exit(1);
}

long long count_cases(sqlite3* db) {
  sqlite3_stmt* s = nullptr;
  long long n = -1;
  if (sqlite3_prepare_v2(db,
                         "SELECT count(*) FROM cases c JOIN rounds r ON r.id = c.round_id"
                         " WHERE r.name = ?1",
                         -1, &s, nullptr) == SQLITE_OK &&
      sqlite3_bind_text(s, 1, kRound, -1, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_step(s) == SQLITE_ROW)
    n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return n;
}

// The store at `file` holding exactly `n` bench cases, filled when needed.
std::unique_ptr<Store> prepared_store(const fs::path& file, int n) {
  Result<std::unique_ptr<Store>> store = Store::open(file);
  if (!store) die(store.error());
  sqlite3* db = StoreAccess::db(**store);
  if (count_cases(db) == n) return std::move(*store);
  store->reset();
  fs::remove(file);
  store = Store::open(file);
  if (!store) die(store.error());
  db = StoreAccess::db(**store);
  sqlite3_exec(db, "PRAGMA synchronous = OFF", nullptr, nullptr, nullptr);
  Result<long long> run =
      (*store)->begin_run({"0.1.0", "g", "1", "ff", "", kRound, "inspection", ""});
  if (!run) die(run.error());
  std::fprintf(stderr, "filling %d cases into %s\n", n, file.c_str());
  for (int i = 0; i < n; ++i)
    if (Status s = (*store)->save_case(*run, perf_case(i), perf_audit(i)); !s.ok()) die(s.reason);
  if (Status s = (*store)->end_run(*run); !s.ok()) die(s.reason);
  return std::move(*store);
}

// Every column of every row the loader reads, stepped with plain sqlite3;
// returns the number of rows (so nothing is optimised away).
long long read_all_rows(sqlite3* db, long long round) {
  static constexpr const char* kQueries[] = {
      "SELECT * FROM audit_runs WHERE round_id = ?1",
      "SELECT * FROM cases WHERE round_id = ?1",
      "SELECT * FROM documents WHERE case_id IN (SELECT id FROM cases WHERE "
      "round_id = ?1)",
      "SELECT f.* FROM facts f JOIN documents d ON d.id = f.document_id"
      " WHERE d.case_id IN (SELECT id FROM cases WHERE round_id = ?1)",
      "SELECT * FROM findings WHERE case_id IN (SELECT id FROM cases WHERE "
      "round_id = ?1)",
      "SELECT * FROM checks WHERE case_id IN (SELECT id FROM cases WHERE "
      "round_id = ?1)",
  };
  long long rows = 0, bytes = 0;
  for (const char* sql : kQueries) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) die(sqlite3_errmsg(db));
    sqlite3_bind_int64(s, 1, round);
    while (sqlite3_step(s) == SQLITE_ROW) {
      ++rows;
      for (int c = 0, n = sqlite3_column_count(s); c < n; ++c) {
        sqlite3_column_text(s, c);
        bytes += sqlite3_column_bytes(s, c);
      }
    }
    sqlite3_finalize(s);
  }
  return rows + (bytes < 0 ? 1 : 0);
}

void write_bytes(const fs::path& file, std::uintmax_t size) {
  std::FILE* f = std::fopen(file.c_str(), "wb");
  if (f == nullptr) die("cannot write " + file.string());
  const std::string chunk(1 << 20, 'x');
  for (std::uintmax_t left = size; left > 0;) {
    const std::size_t n = left < chunk.size() ? static_cast<std::size_t>(left) : chunk.size();
    if (std::fwrite(chunk.data(), 1, n, f) != n) die("cannot write " + file.string());
    left -= n;
  }
  std::fclose(f);
}

void write_string(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) die("cannot write " + file.string());
}

// User + system CPU seconds of this process so far (all threads).
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Stopwatch {
  Clock::time_point start = Clock::now();
  double lap() {
    const Clock::time_point now = Clock::now();
    const double s = std::chrono::duration<double>(now - start).count();
    start = now;
    return s;
  }
};

struct Steps {
  double load, summary, html, docx, xlsx, json;
  double sum() const { return load + summary + html + docx + xlsx + json; }
};

// Each renderer on its own, one after another, its output written to `dir`;
// with or without the per-case sheets.
Steps each_step(Store& store, const RoundInfo& round, const fs::path& dir, bool sheets) {
  Steps t{};
  Stopwatch w;
  Result<RoundData> data = load_round(store, round, sheets);
  if (!data) die(data.error());
  t.load = w.lap();
  const RoundSummary summary = summarize(*data, nullptr);
  t.summary = w.lap();
  const Vocabulary names;
  const ReportInput in{*data, summary, names, sheets, "2026-12-01"};
  write_string(dir / "report.html", html_report(in));
  t.html = w.lap();
  Result<std::string> docx = docx_report(in);
  if (!docx) die(docx.error());
  write_string(dir / "report.docx", *docx);
  t.docx = w.lap();
  if (Status s = write_xlsx_report(in, dir / "report.xlsx"); !s.ok()) die(s.reason);
  t.xlsx = w.lap();
  if (Status s = write_json_report(*data, dir / "report.json", sheets); !s.ok()) die(s.reason);
  t.json = w.lap();
  return t;
}

std::uintmax_t dir_size(const fs::path& dir) {
  std::uintmax_t total = 0;
  for (const char* name : {"report.html", "report.docx", "report.xlsx", "report.json"})
    total += fs::file_size(dir / name);
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  int n = 100000;
  fs::path work;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--work") == 0 && i + 1 < argc)
      work = argv[++i];
    else if (std::atoi(argv[i]) > 0)
      n = std::atoi(argv[i]);
    else
      die("usage: bench_reports [cases] [--work DIR]");
  }
  const bool temporary = work.empty();
  if (temporary)
    work = fs::temp_directory_path() / ("auditor-bench-reports-" + std::to_string(getpid()));
  fs::create_directories(work / "each");
  fs::create_directories(work / "all");
  fs::create_directories(work / "sheets");

  std::unique_ptr<Store> store = prepared_store(work / ("reports-" + std::to_string(n) + ".db"), n);
  sqlite3* db = StoreAccess::db(*store);
  Result<std::optional<RoundInfo>> round = find_round(*store, kRound);
  if (!round || !*round) die("round missing");

  const bool sheets = sheets_for(static_cast<std::size_t>(n), SheetMode::automatic);

  // The entry point, all formats: the default sheet mode, then every sheet.
  struct Total {
    double wall, cpu;
    long peak_kb;  // peak RSS of the process so far (ru_maxrss)
  };
  const auto entry_point = [&](SheetMode mode, const fs::path& dir) {
    ReportRequest request;
    request.round = kRound;
    request.dir = dir;
    request.formats = {true, true, true, true};
    request.sheets = mode;
    const double cpu_before = cpu_seconds();
    Stopwatch w;
    if (Status s = write_round_reports(*store, request); !s.ok()) die(s.reason);
    const double wall = w.lap();
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return Total{wall, cpu_seconds() - cpu_before, u.ru_maxrss};
  };
  // First, so that its peak RSS is not that of a later step (the peak of
  // the filling, when the database was filled by this run, is included).
  const Total total = entry_point(SheetMode::automatic, work / "all");
  const Steps each = each_step(*store, **round, work / "each", sheets);
  const Total total_all = entry_point(SheetMode::all, work / "sheets");
  const std::uintmax_t bytes = dir_size(work / "all");

  // The baseline: read every row, write as many bytes.
  Stopwatch w;
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  const long long rows = read_all_rows(db, (*round)->id);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  const double t_read = w.lap();
  write_bytes(work / "baseline.bin", bytes);
  const double t_write = w.lap();
  const double t_base = t_read + t_write;

  const auto mb = [&](const char* name) {
    return static_cast<double>(fs::file_size(work / "all" / name)) / 1e6;
  };
  std::printf("%d cases, %lld rows, %.1f MB of reports (%s per-case sheets)\n", n, rows,
              bytes / 1e6, sheets ? "with" : "without");
  std::printf("baseline  %6.2f s  (read rows %.2f s, fwrite %.2f s)\n", t_base, t_read, t_write);
  std::printf("load      %6.2f s\n", each.load);
  std::printf("summary   %6.2f s\n", each.summary);
  std::printf("html      %6.2f s  %7.1f MB\n", each.html, mb("report.html"));
  std::printf("docx      %6.2f s  %7.1f MB\n", each.docx, mb("report.docx"));
  std::printf("xlsx      %6.2f s  %7.1f MB\n", each.xlsx, mb("report.xlsx"));
  std::printf("json      %6.2f s  %7.1f MB\n", each.json, mb("report.json"));
  std::printf("steps sum %6.2f s  %5.1fx baseline\n", each.sum(), each.sum() / t_base);
  std::printf(
      "total     %6.2f s  %5.1fx baseline  (write_round_reports, all formats; %.2f s CPU;"
      " peak RSS %.2f GB)\n",
      total.wall, total.wall / t_base, total.cpu, total.peak_kb / 1e6);
  std::printf(
      "total all %6.2f s  %5.1fx baseline  (--sheets all: %.1f MB; %.2f s CPU;"
      " peak RSS %.2f GB)\n",
      total_all.wall, total_all.wall / t_base, dir_size(work / "sheets") / 1e6, total_all.cpu,
      total_all.peak_kb / 1e6);
  store.reset();
  if (temporary) fs::remove_all(work);
  return 0;
}

// bench_serve: the workbench under load (docs/performance.md, "The workbench
// under load"). Drives the real `auditor serve` binary over loopback with a
// copy of a benchmark database (bench/make_serve_db.cc) and reports the
// latency of each kind of request with and without uploads being audited.
//
// Usage: bench_serve <db> [--auditor PATH] [--work DIR] [--clients 50]
//          [--seconds 30] [--warm-up 10] [--think 1000] [--uploads 2]
//          [--upload-archives 20] [--no-keep-alive] [--solo 20] [--seed 1]
//   The database is copied to DIR/serve.db (the uploads change the copy,
//   never <db>) and migrated to this build's schema; the server's data
//   folder is DIR/data, its stderr DIR/server.log. Without --work a
//   temporary folder is used and removed.
// Clients, each a thread with its own httplib::Client (keep-alive, as a
// browser) signed in as its own session: 2 in 5 as an inspector, the others
// as a street user, cycling through the database's users. Each browses
// (bench/bench_serve_clients.cc) with a pause of 0.5–1.5 × --think ms after
// each action (0: none, as fast as the server answers; TCP_NODELAY, as
// browsers set it). Steps, one after another in the same invocation and the
// same server:
//   alone     one client, nothing else running: each kind of request --solo
//             times in a row as the first inspector and as the first street
//             user, with the server's CPU per request (/proc/PID/stat);
//   warm-up   all clients browsing, not counted;
//   baseline  browsing, no upload;
//   load      browsing while --uploads inspectors each upload
//             --upload-archives fresh archives to their round, poll the job
//             until it is done and upload again.
// Reported per phase and kind: answered requests, errors (no answer or not
// the expected status), p50/p95/p99/max latency in ms as the client sees it;
// the load phase's p95 over the baseline's; the CPU the server and the
// clients used; the machine's load average before and after. The goal (issue 17): p95 < 100 ms for
// pages and API reads during the load phase, and no error.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "app/users.h"
#include "bench/bench_serve.h"
#include "bench/make_serve_db.h"
#include "store/store.h"

namespace {

using namespace auditor;
using namespace auditor::bench;
namespace fs = std::filesystem;

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "bench_serve: %s\n", what.c_str());
  std::exit(1);
}

struct Options {
  fs::path db, work;
  std::string auditor = AUDITOR_BINARY;
  int clients = 50, seconds = 30, warm_up = 10, think_ms = 1000, uploads = 2, archives = 20;
  int solo = 20;
  bool keep_alive = true;
  unsigned seed = 1;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool more = i + 1 < argc;
    if (a == "--auditor" && more)
      o.auditor = argv[++i];
    else if (a == "--work" && more)
      o.work = argv[++i];
    else if (a == "--clients" && more)
      o.clients = std::atoi(argv[++i]);
    else if (a == "--seconds" && more)
      o.seconds = std::atoi(argv[++i]);
    else if (a == "--warm-up" && more)
      o.warm_up = std::atoi(argv[++i]);
    else if (a == "--think" && more)
      o.think_ms = std::atoi(argv[++i]);
    else if (a == "--uploads" && more)
      o.uploads = std::atoi(argv[++i]);
    else if (a == "--upload-archives" && more)
      o.archives = std::atoi(argv[++i]);
    else if (a == "--solo" && more)
      o.solo = std::atoi(argv[++i]);
    else if (a == "--seed" && more)
      o.seed = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (a == "--no-keep-alive")
      o.keep_alive = false;
    else if (o.db.empty() && a[0] != '-')
      o.db = a;
    else
      die("usage: bench_serve <db> [--auditor PATH] [--work DIR] [--clients N] [--seconds N]"
          " [--warm-up N] [--think MS] [--uploads N] [--upload-archives N] [--no-keep-alive]"
          " [--solo N] [--seed N]");
  }
  if (o.db.empty() || o.clients < 1 || o.seconds < 1 || o.uploads < 0 || o.archives < 1)
    die("usage: bench_serve <db> ... (see the source's header)");
  return o;
}

// The value at rank p (nearest rank) of sorted `v`.
float rank(const std::vector<float>& v, double p) {
  if (v.empty()) return 0;
  std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size()) + 0.999999);
  return v[std::min(v.size(), std::max<std::size_t>(i, 1)) - 1];
}

struct Row {
  std::vector<float> ms;
  int errors = 0;
};

Row row_of(const Tally& t, bool (*keep)(Kind)) {
  Row r;
  for (std::size_t k = 0; k < kKinds; ++k) {
    if (!keep(static_cast<Kind>(k))) continue;
    r.ms.insert(r.ms.end(), t.ms[k].begin(), t.ms[k].end());
    r.errors += t.errors[k];
  }
  std::sort(r.ms.begin(), r.ms.end());
  return r;
}

void print_row(const char* phase, const char* name, const Row& r) {
  if (r.ms.empty() && r.errors == 0) return;
  std::printf("%-8s  %-15s %6zu %4d %7.1f %7.1f %7.1f %7.1f\n", phase, name, r.ms.size(), r.errors,
              rank(r.ms, 0.5), rank(r.ms, 0.95), rank(r.ms, 0.99),
              r.ms.empty() ? 0.f : r.ms.back());
}

// The first two fields of /proc/loadavg ("0.42 0.61"): how busy the machine
// was besides the benchmark.
std::string load_average() {
  std::FILE* f = std::fopen("/proc/loadavg", "r");
  char buf[64] = {};
  if (f != nullptr) {
    if (std::fgets(buf, sizeof buf, f) == nullptr) buf[0] = 0;
    std::fclose(f);
  }
  std::string s = buf;
  const std::size_t second = s.find(' ', s.find(' ') + 1);
  return second == std::string::npos ? s : s.substr(0, second);
}

double own_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  const std::string load_before = load_average();
  const bool temporary = o.work.empty();
  const fs::path work =
      temporary ? fs::temp_directory_path() / ("auditor-bench-serve-" + std::to_string(getpid()))
                : o.work;
  fs::remove_all(work / "data");
  fs::create_directories(work);
  const fs::path db = work / "serve.db";
  for (const char* suffix : {"", "-wal", "-shm", ".lock"}) {
    fs::remove(db.string() + suffix);
    if ((suffix[0] == 0 || suffix[1] == 'w') && fs::exists(o.db.string() + suffix))
      fs::copy_file(o.db.string() + suffix, db.string() + suffix);
  }
  // A database made by an older build is migrated, as `auditor audit` would.
  if (Result<std::unique_ptr<Store>> store = Store::open(db); !store) die(store.error());
  Result<std::vector<User>> users = list_users(db);
  if (!users) die(users.error());
  std::vector<User> inspectors, streets;
  for (const User& u : *users) {
    if (u.role == UserRole::inspector) inspectors.push_back(u);
    if (u.role == UserRole::street) streets.push_back(u);
  }
  if (inspectors.empty() || streets.empty()) die("the database needs inspectors and street users");

  ServerProcess server(o.auditor, db, work / "data", work / "server.log");
  const auto t_sign_in = std::chrono::steady_clock::now();
  std::vector<ClientSetup> setups;
  int n_inspectors = 0;
  for (int i = 0; i < o.clients + o.uploads; ++i) {
    const bool uploader = i >= o.clients;
    const bool inspector = uploader || i % 5 < 2;
    const User& u = inspector ? inspectors[(n_inspectors++) % inspectors.size()]
                              : streets[static_cast<std::size_t>(i) % streets.size()];
    ClientSetup s;
    s.port = server.port();
    s.login = sign_in(server.port(), u.name, kServeBenchPassword);
    s.street = u.street.value_or("");
    s.seed = o.seed * 1000 + static_cast<unsigned>(i);
    s.think_ms = o.think_ms;
    s.keep_alive = o.keep_alive;
    setups.push_back(s);
  }
  const double sign_in_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t_sign_in).count();

  // Each kind alone, as the first inspector and the first street user.
  std::vector<std::vector<SoloRow>> solos;
  const auto cpu_so_far = [&] { return server.cpu_seconds(); };
  if (o.solo > 0 && o.clients > 2)
    for (std::size_t i : {std::size_t{0}, std::size_t{2}})
      solos.push_back(solo(setups[i], o.solo, cpu_so_far));

  std::atomic<int> phase{Phase::warm_up};
  std::vector<Tallies> tallies(setups.size());
  std::vector<UploadStats> stats(static_cast<std::size_t>(o.uploads));
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < setups.size(); ++i) {
    if (static_cast<int>(i) < o.clients) {
      threads.emplace_back(browse, std::cref(setups[i]), std::cref(phase), std::ref(tallies[i]));
    } else {
      const std::size_t k = i - static_cast<std::size_t>(o.clients);
      threads.emplace_back(upload_loop, std::cref(setups[i]), o.archives,
                           100000000 + static_cast<int>(k) * 10000000, std::cref(phase),
                           std::ref(tallies[i]), std::ref(stats[k]));
    }
  }
  double server_cpu[kPhases] = {}, client_cpu[kPhases] = {};
  const int lengths[] = {o.warm_up, o.seconds, o.seconds};
  for (int p = Phase::warm_up; p < Phase::done; ++p) {
    const double s0 = server.cpu_seconds(), c0 = own_cpu_seconds();
    std::this_thread::sleep_for(std::chrono::seconds(lengths[p]));
    server_cpu[p] = server.cpu_seconds() - s0;
    client_cpu[p] = own_cpu_seconds() - c0;
    phase = p + 1;
  }
  for (std::thread& t : threads) t.join();
  const long peak_kb = server.stop();
  const std::string load_after = load_average();

  Tallies all;
  for (const Tallies& t : tallies)
    for (int p = 0; p < kPhases; ++p) all[p].add(t[p]);
  std::printf(
      "auditor serve over %s (a copy), %d clients (%d as inspectors), think %d ms, %s; %d "
      "uploads of %d archives in the load phase; phases %d s; %zu sign-ins %.1f s\n",
      o.db.c_str(), o.clients, n_inspectors - o.uploads, o.think_ms,
      o.keep_alive ? "keep-alive" : "a connection per request", o.uploads, o.archives, o.seconds,
      setups.size(), sign_in_s);
  std::printf("load average (1 and 5 min) before %s, after %s (the benchmark's own included)\n",
              load_before.c_str(), load_after.c_str());
  for (std::size_t i = 0; i < solos.size(); ++i) {
    std::printf(
        "alone (%s, %d requests of each kind in a row): p50 ms / server CPU ms per request\n",
        i == 0 ? "an inspector" : "a street user", o.solo);
    for (const SoloRow& r : solos[i]) {
      std::vector<float> ms = r.ms;
      std::sort(ms.begin(), ms.end());
      std::printf("  %-15s %7.1f %7.1f%s\n", kind_name(r.kind), rank(ms, 0.5), r.server_cpu_ms,
                  r.errors ? "  (errors)" : "");
    }
  }
  std::printf("%-8s  %-15s %6s %4s %7s %7s %7s %7s\n", "phase", "kind", "n", "err", "p50", "p95",
              "p99", "max");
  int errors = 0;
  for (int p = Phase::baseline; p <= Phase::load; ++p) {
    for (std::size_t k = 0; k < kKinds; ++k) {
      Row r{all[p].ms[k], all[p].errors[k]};
      std::sort(r.ms.begin(), r.ms.end());
      print_row(phase_name(p), kind_name(static_cast<Kind>(k)), r);
    }
    print_row(phase_name(p), "= pages", row_of(all[p], is_page));
    print_row(phase_name(p), "= API reads", row_of(all[p], is_api_read));
    const auto reads = [](Kind k) { return is_page(k) || is_api_read(k); };
    const std::size_t n_all = row_of(all[p], [](Kind) { return true; }).ms.size();
    const std::size_t n_reads = row_of(all[p], reads).ms.size();
    std::printf(
        "%-8s  %.0f requests/s (%.0f pages and API reads); server CPU %.2f cores, %.1f ms per page"
        " or API read; clients %.2f cores\n",
        phase_name(p), static_cast<double>(n_all) / lengths[p],
        static_cast<double>(n_reads) / lengths[p], server_cpu[p] / lengths[p],
        n_reads ? server_cpu[p] * 1000 / static_cast<double>(n_reads) : 0.0,
        client_cpu[p] / lengths[p]);
  }
  for (int p = 0; p < kPhases; ++p) {
    const int e = row_of(all[p], [](Kind) { return true; }).errors;
    errors += e;
    if (e > 0 && (p == Phase::warm_up || p == Phase::done)) {
      std::printf("%s: %d errors (", phase_name(p), e);
      for (std::size_t k = 0; k < kKinds; ++k)
        if (all[p].errors[k])
          std::printf(" %s %d", kind_name(static_cast<Kind>(k)), all[p].errors[k]);
      std::printf(" )\n");
    }
  }
  UploadStats up;
  for (const UploadStats& s : stats) {
    up.jobs += s.jobs, up.archives += s.archives, up.failed += s.failed;
    up.job_seconds.insert(up.job_seconds.end(), s.job_seconds.begin(), s.job_seconds.end());
  }
  std::sort(up.job_seconds.begin(), up.job_seconds.end());
  std::printf(
      "uploads: %d jobs done, %d archives audited, %d failed; upload to done p50 %.2f s,"
      " max %.2f s; server peak RSS %.0f MB\n",
      up.jobs, up.archives, up.failed, rank(up.job_seconds, 0.5),
      up.job_seconds.empty() ? 0.f : up.job_seconds.back(), peak_kb / 1024.0);
  const auto p95 = [&](int p, bool (*keep)(Kind)) { return rank(row_of(all[p], keep).ms, 0.95); };
  const float pages = p95(Phase::load, is_page), api = p95(Phase::load, is_api_read);
  std::printf("p95 load / baseline: pages %.2fx, API reads %.2fx, static files %.2fx\n",
              pages / p95(Phase::baseline, is_page), api / p95(Phase::baseline, is_api_read),
              p95(Phase::load, [](Kind k) { return k == Kind::static_file; }) /
                  p95(Phase::baseline, [](Kind k) { return k == Kind::static_file; }));
  std::printf(
      "goal (load phase p95 < 100 ms, no error): pages %.1f ms %s, API reads %.1f ms %s,"
      " %d errors %s\n",
      pages, pages < 100 ? "met" : "NOT MET", api, api < 100 ? "met" : "NOT MET", errors,
      errors == 0 ? "met" : "NOT MET");
  if (temporary) fs::remove_all(work);
  return 0;
}

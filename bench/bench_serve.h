// The load benchmark of `auditor serve` (bench/bench_serve.cc,
// docs/performance.md "The workbench under load"): the request kinds it
// times, the latencies each client records, the server process it drives
// and the clients (people browsing, inspectors uploading).
#pragma once

#include <sys/types.h>

#include <array>
#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace auditor::bench {

enum class Kind {
  rounds_page,      // GET /rounds
  round_page,       // GET /rounds/{id}, its first page
  round_page_n,     // GET /rounds/{id}?page=N
  round_filtered,   // GET /rounds/{id}?street=|grade=|severity=|undecided=|overdue= or sort=
  case_page,        // GET /cases/{id}
  api_rounds,       // GET /api/rounds
  api_round_cases,  // GET /api/rounds/{id}/cases?offset=N&limit=50
  api_case,         // GET /api/cases/{id}
  static_file,      // GET /static/... (the files a page names, as a browser loads them)
  job_poll,         // GET /api/jobs/{id}
  upload,           // POST /api/rounds/{id}/archives
  count
};
constexpr std::size_t kKinds = static_cast<std::size_t>(Kind::count);
const char* kind_name(Kind k);
bool is_page(Kind k);
bool is_api_read(Kind k);  // the API reads of the goal (not job polls)

// The phases of a run; a request counts in the phase it started in.
enum Phase { warm_up, baseline, load, done, kPhases };
const char* phase_name(int p);

// What one client recorded in one phase.
struct Tally {
  std::array<std::vector<float>, kKinds> ms;  // latency of each answered request
  std::array<int, kKinds> errors{};           // transport failure or unexpected status
  void add(const Tally& o);
};
using Tallies = std::array<Tally, kPhases>;

// A signed-in session: the cookie pair and the CSRF token.
struct Login {
  std::string cookie, csrf;
};

// `auditor serve` as a child process on 127.0.0.1, a free port.
class ServerProcess {
 public:
  // Starts `binary serve --db db --data data --listen 127.0.0.1:0` (stderr to
  // `log`) and waits for the address it prints; exits the benchmark on failure.
  ServerProcess(const std::string& binary, const std::filesystem::path& db,
                const std::filesystem::path& data, const std::filesystem::path& log);
  ~ServerProcess();
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // User + system CPU seconds of the server so far (/proc/PID/stat).
  double cpu_seconds() const;
  // SIGINT and reap; returns the peak RSS in kB (ru_maxrss).
  long stop();

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  int port_ = 0;
};

// Signs `user` in (POST /api/session); exits the benchmark on failure.
Login sign_in(int port, const std::string& user, const std::string& password);

struct ClientSetup {
  int port = 0;
  Login login;
  std::string street;  // a street user's street, "" otherwise
  unsigned seed = 1;
  int think_ms = 1000;  // mean pause between actions (uniform 0.5x..1.5x)
  bool keep_alive = true;
};

// A person browsing until `phase` is done: the rounds, a round's pages with
// and without filters, case pages, and the API reads a page's script or
// another system makes; each page followed by its static files.
void browse(const ClientSetup& setup, const std::atomic<int>& phase, Tallies& out);

// One client alone on the server: each kind `n` times in a row (the pages
// without their static files) in its first round, with the server's CPU per
// request from `server_cpu` (seconds so far).
struct SoloRow {
  Kind kind;
  std::vector<float> ms;
  int errors = 0;
  double server_cpu_ms = 0;
};
std::vector<SoloRow> solo(const ClientSetup& setup, int n,
                          const std::function<double()>& server_cpu);

// An inspector uploading during the load phase: `archives` fresh generated
// archives per upload into their first round, then polling the job every
// 200 ms until it is done; again until the phase ends. `first_serial` keeps
// the case numbers of different uploaders apart.
struct UploadStats {
  int jobs = 0, archives = 0, failed = 0;
  std::vector<float> job_seconds;  // from POST to state done
};
void upload_loop(const ClientSetup& setup, int archives, int first_serial,
                 const std::atomic<int>& phase, Tallies& out, UploadStats& stats);

}  // namespace auditor::bench

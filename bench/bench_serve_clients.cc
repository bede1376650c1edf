// The clients of the serve benchmark: people browsing and inspectors
// uploading (bench/bench_serve.h).
#include <httplib.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "bench/bench_serve.h"
#include "testdata/generator/archives.h"

namespace auditor::bench {

const char* kind_name(Kind k) {
  static constexpr const char* kNames[] = {
      "rounds page",    "round page", "round page N", "round filter", "case page", "api rounds",
      "api round list", "api case",   "static file",  "job poll",     "upload"};
  return kNames[static_cast<std::size_t>(k)];
}

bool is_page(Kind k) { return k <= Kind::case_page; }

bool is_api_read(Kind k) { return k >= Kind::api_rounds && k <= Kind::api_case; }

const char* phase_name(int p) {
  static constexpr const char* kNames[] = {"warm-up", "baseline", "load", "done"};
  return kNames[p];
}

void Tally::add(const Tally& o) {
  for (std::size_t k = 0; k < kKinds; ++k) {
    ms[k].insert(ms[k].end(), o.ms[k].begin(), o.ms[k].end());
    errors[k] += o.errors[k];
  }
}

namespace {

using Clock = std::chrono::steady_clock;

// The numbers after each `prefix` in `html` up to a closing quote:
// href="/cases/12" gives 12, href="/cases/12/sheet" nothing.
std::vector<long long> linked_ids(const std::string& html, const std::string& prefix) {
  std::vector<long long> out;
  for (std::size_t at = html.find(prefix); at != std::string::npos;
       at = html.find(prefix, at + 1)) {
    std::size_t end = at + prefix.size();
    long long v = 0;
    while (end < html.size() && html[end] >= '0' && html[end] <= '9')
      v = v * 10 + (html[end++] - '0');
    if (end > at + prefix.size() && end < html.size() && html[end] == '"') out.push_back(v);
  }
  return out;
}

// The /static/ files a page names (href= or src=), as a browser loads them.
std::vector<std::string> static_files(const std::string& html) {
  std::vector<std::string> out;
  for (std::size_t at = html.find("\"/static/"); at != std::string::npos;
       at = html.find("\"/static/", at + 1)) {
    const std::size_t end = html.find('"', at + 1);
    if (end != std::string::npos) out.push_back(html.substr(at + 1, end - at - 1));
  }
  return out;
}

// Says on stderr why a request counted as an error (the first 20 of a run):
// no answer (httplib's reason) or the status and the start of the body.
void report_error(Kind kind, const std::string& path, const httplib::Result& r) {
  static std::atomic<int> told{0};
  if (told++ >= 20) return;
  if (!r)
    std::fprintf(stderr, "error: %s %s: no answer (%s)\n", kind_name(kind), path.c_str(),
                 httplib::to_string(r.error()).c_str());
  else
    std::fprintf(stderr, "error: %s %s: status %d %s\n", kind_name(kind), path.c_str(), r->status,
                 r->body.substr(0, 200).c_str());
}

class Client {
 public:
  Client(const ClientSetup& s, const std::atomic<int>& phase, Tallies& out)
      : s_(s), phase_(phase), out_(out), http_("127.0.0.1", s.port), rng_(s.seed) {
    http_.set_keep_alive(s.keep_alive);
    http_.set_tcp_nodelay(true);  // as browsers do
    http_.set_connection_timeout(30);
    http_.set_read_timeout(120);
    headers_ = {{"Cookie", s.login.cookie}, {"X-CSRF-Token", s.login.csrf}};
  }

  // GET `path`, timed as `kind`; the answer when it is `want`, else nullopt
  // (counted as an error).
  std::optional<httplib::Response> get(Kind kind, const std::string& path, int want = 200) {
    const int phase = phase_.load();
    const Clock::time_point t = Clock::now();
    httplib::Result r = http_.Get(path, headers_);
    const float ms = std::chrono::duration<float, std::milli>(Clock::now() - t).count();
    Tally& tally = out_[phase];
    if (!r || r->status != want) {
      ++tally.errors[static_cast<std::size_t>(kind)];
      report_error(kind, path, r);
      return std::nullopt;
    }
    tally.ms[static_cast<std::size_t>(kind)].push_back(ms);
    return std::move(r.value());
  }

  // A page and then each static file it names.
  std::optional<httplib::Response> page(Kind kind, const std::string& path) {
    std::optional<httplib::Response> r = get(kind, path);
    if (r)
      for (const std::string& file : static_files(r->body)) get(Kind::static_file, file);
    return r;
  }

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  template <class T>
  T pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(pick(static_cast<int>(v.size())))];
  }

  void think() {
    if (s_.think_ms <= 0) return;
    std::uniform_int_distribution<int> d(s_.think_ms / 2, s_.think_ms * 3 / 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(d(rng_)));
  }

  const ClientSetup& s_;
  const std::atomic<int>& phase_;
  Tallies& out_;
  httplib::Client http_;
  httplib::Headers headers_;
  std::mt19937 rng_;
};

// What a person browsing has in front of them.
struct Browsing {
  std::vector<long long> rounds;
  long long round = 0;
  std::size_t total = 0;         // the round's cases the user sees
  std::vector<long long> cases;  // on the last list
};

// The filters and sort orders of a round page a person tries; a street user
// never filters by another street (their list holds only their own).
constexpr const char* kFilters[] = {
    "grade=优秀",     "grade=合格", "grade=不合格", "undecided=1",
    "severity=major", "overdue=1",  "sort=score",   "sort=number&order=desc"};
constexpr const char* kStreets[] = {"赤岗", "新港", "南石头", "琶洲", "昌岗"};

// Every byte of `v` but letters and digits as %XX.
std::string percent(const std::string& v) {
  std::string out;
  for (unsigned char ch : v) {
    if (std::isalnum(ch)) {
      out += static_cast<char>(ch);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", ch);
      out += hex;
    }
  }
  return out;
}

std::string filter_query(Client& c, const std::string& own_street) {
  constexpr int n_filters = sizeof kFilters / sizeof *kFilters;
  const int n = c.pick(own_street.empty() ? n_filters + 1 : n_filters);
  if (n == n_filters) return "?street=" + percent(kStreets[c.pick(5)]);
  std::string query;
  std::string f = kFilters[n];
  for (std::size_t at = 0; at < f.size();) {  // percent-encode each value
    const std::size_t eq = f.find('=', at), amp = std::min(f.find('&', at), f.size());
    query += (query.empty() ? "?" : "&") + f.substr(at, eq + 1 - at) +
             percent(f.substr(eq + 1, amp - eq - 1));
    at = amp + 1;
  }
  return query;
}

}  // namespace

void browse(const ClientSetup& setup, const std::atomic<int>& phase, Tallies& out) {
  Client c(setup, phase, out);
  Browsing b;
  const auto rounds_page = [&] {
    if (auto r = c.page(Kind::rounds_page, "/rounds")) b.rounds = linked_ids(r->body, "/rounds/");
  };
  const auto list = [&](std::size_t offset) {
    const std::string path = "/api/rounds/" + std::to_string(b.round) +
                             "/cases?offset=" + std::to_string(offset) + "&limit=50";
    if (auto r = c.get(Kind::api_round_cases, path)) {
      b.total = std::strtoull(r->get_header_value("X-Total-Count").c_str(), nullptr, 10);
      b.cases.clear();
      for (const auto& item : nlohmann::json::parse(r->body)) b.cases.push_back(item["id"]);
    }
  };
  const auto round_page = [&](Kind kind, const std::string& query) {
    std::string path = "/rounds/" + std::to_string(b.round) + query;
    if (auto r = c.page(kind, path)) {
      std::vector<long long> ids = linked_ids(r->body, "/cases/");
      if (!ids.empty()) b.cases = std::move(ids);
    }
  };
  // People do not all arrive in the same millisecond.
  if (setup.think_ms > 0)
    std::this_thread::sleep_for(std::chrono::milliseconds(c.pick(2 * setup.think_ms)));
  while (phase.load() != Phase::done) {
    if (b.rounds.empty()) {
      rounds_page();
    } else if (b.round == 0 || b.cases.empty()) {
      b.round = c.pick(b.rounds);
      round_page(Kind::round_page, "");
      list(0);
    } else {
      const std::size_t pages = (b.total + 49) / 50;
      const int action = c.pick(100);
      if (action < 6) {
        rounds_page();
        b.round = 0;
      } else if (action < 16) {
        round_page(Kind::round_page, "");
      } else if (action < 26) {
        round_page(Kind::round_page_n, "?page=" + std::to_string(1 + c.pick(int(pages))));
      } else if (action < 36) {
        round_page(Kind::round_filtered, filter_query(c, setup.street));
      } else if (action < 62) {
        c.page(Kind::case_page, "/cases/" + std::to_string(c.pick(b.cases)));
      } else if (action < 66) {
        c.get(Kind::api_rounds, "/api/rounds");
      } else if (action < 81) {
        list(50 * static_cast<std::size_t>(c.pick(int(pages))));
      } else {
        c.get(Kind::api_case, "/api/cases/" + std::to_string(c.pick(b.cases)));
      }
    }
    c.think();
  }
}

std::vector<SoloRow> solo(const ClientSetup& setup, int n,
                          const std::function<double()>& server_cpu) {
  std::atomic<int> phase{Phase::baseline};
  Tallies tallies;
  Client c(setup, phase, tallies);
  std::optional<httplib::Response> rounds = c.get(Kind::rounds_page, "/rounds");
  const std::vector<long long> ids =
      rounds ? linked_ids(rounds->body, "/rounds/") : std::vector<long long>();
  if (ids.empty()) return {};
  const std::string round = std::to_string(ids.front());
  std::optional<httplib::Response> list =
      c.get(Kind::api_round_cases, "/api/rounds/" + round + "/cases?offset=0&limit=50");
  if (!list) return {};
  const std::size_t total =
      std::strtoull(list->get_header_value("X-Total-Count").c_str(), nullptr, 10);
  std::vector<long long> cases;
  for (const auto& item : nlohmann::json::parse(list->body)) cases.push_back(item["id"]);
  if (cases.empty()) return {};
  const std::string middle = std::to_string((total / 50 / 2) * 50);
  const std::pair<Kind, std::string> kinds[] = {
      {Kind::rounds_page, "/rounds"},
      {Kind::round_page, "/rounds/" + round},
      {Kind::round_page_n, "/rounds/" + round + "?page=" + std::to_string(total / 50 / 2 + 1)},
      {Kind::round_filtered, "/rounds/" + round + "?grade=" + percent("合格")},
      {Kind::case_page, "/cases/"},
      {Kind::api_rounds, "/api/rounds"},
      {Kind::api_round_cases, "/api/rounds/" + round + "/cases?offset=" + middle + "&limit=50"},
      {Kind::api_case, "/api/cases/"},
      {Kind::static_file, "/static/app.css"}};
  std::vector<SoloRow> out;
  for (const auto& [kind, path] : kinds) {
    tallies[Phase::load] = Tally();
    phase = Phase::load;
    const double before = server_cpu();
    for (int i = 0; i < n; ++i) {
      const bool per_case = path.back() == '/';
      c.get(kind, per_case
                      ? path + std::to_string(cases[static_cast<std::size_t>(i) % cases.size()])
                      : path);
    }
    SoloRow row{kind, tallies[Phase::load].ms[static_cast<std::size_t>(kind)],
                tallies[Phase::load].errors[static_cast<std::size_t>(kind)],
                (server_cpu() - before) * 1000 / n};
    out.push_back(std::move(row));
  }
  return out;
}

void upload_loop(const ClientSetup& setup, int archives, int first_serial,
                 const std::atomic<int>& phase, Tallies& out, UploadStats& stats) {
  Client c(setup, phase, out);
  while (phase.load() < Phase::load) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  std::optional<httplib::Response> rounds = c.get(Kind::api_rounds, "/api/rounds");
  if (!rounds) return;
  const nlohmann::json list = nlohmann::json::parse(rounds->body);
  if (list.empty()) return;
  const std::string path =
      "/api/rounds/" + std::to_string(list[0]["id"].get<long long>()) + "/archives";
  for (int serial = first_serial; phase.load() == Phase::load;) {
    httplib::MultipartFormDataItems items;
    while (static_cast<int>(items.size()) < archives) {
      serial += 1000;
      for (testdata::Archive& a : testdata::build_archives(serial))
        if (a.bytes.rfind("PK", 0) == 0 && static_cast<int>(items.size()) < archives)
          items.push_back({"archive", std::move(a.bytes), a.file, "application/zip"});
    }
    const int at = phase.load();
    const Clock::time_point t = Clock::now();
    httplib::Result r = c.http_.Post(path.c_str(), c.headers_, items);
    const float ms = std::chrono::duration<float, std::milli>(Clock::now() - t).count();
    if (!r || r->status != 202) {
      ++out[at].errors[static_cast<std::size_t>(Kind::upload)];
      ++stats.failed;
      continue;
    }
    out[at].ms[static_cast<std::size_t>(Kind::upload)].push_back(ms);
    const std::string job =
        "/api/jobs/" + std::to_string(nlohmann::json::parse(r->body)["job"].get<long long>());
    for (int misses = 0; misses < 10;) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      std::optional<httplib::Response> j = c.get(Kind::job_poll, job);
      if (!j && ++misses) continue;
      const std::string state = nlohmann::json::parse(j->body)["state"];
      if (state == "running") continue;
      ++stats.jobs;
      stats.archives += archives;
      if (state != "done") ++stats.failed;
      stats.job_seconds.push_back(std::chrono::duration<float>(Clock::now() - t).count());
      break;
    }
  }
}

}  // namespace auditor::bench

#include "server/jobs.h"

#include "app/serve_self_check.h"
#include "server/sessions.h"

namespace auditor::server {
namespace {

// The import findings an archive's result names at most (the case page
// lists them all).
constexpr std::size_t kMaxIssues = 20;
// How often a job's case ids are read while some are unknown.
constexpr auto kResolveEvery = std::chrono::milliseconds(500);

void fill(JobCase& c, const CaseResult& r) {
  c.done = true;
  c.stored = true;
  c.sha256 = r.c.sha256;
  c.rejected = r.c.rejected;
  c.error = r.c.error;
  c.case_number = r.c.info.case_number;
  c.issues.clear();
  for (const Finding& f : r.audit.findings)
    if (f.kind == "import" && c.issues.size() < kMaxIssues) c.issues.push_back(f.message);
  if (!r.c.rejected) {
    c.score = r.audit.score;
    c.grade = r.audit.grade;
  }
}

// `upload` kept as folder/name: linked (else copied) to a temporary file,
// then renamed over what was there. The kept path; `upload` when it fails.
std::string keep_as(const std::string& upload, const std::filesystem::path& folder,
                    const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(folder, ec);
  const std::string token = random_token();
  if (ec || token.empty()) return upload;
  const fs::path temp = folder / (".keep-" + token + ".tmp");
  fs::create_hard_link(upload, temp, ec);
  if (ec) {
    ec.clear();
    fs::copy_file(upload, temp, ec);
  }
  if (!ec) fs::rename(temp, folder / name, ec);
  if (ec) {
    fs::remove(temp, ec);
    return upload;
  }
  return (folder / name).string();
}

nlohmann::json text_json(const Text& t) { return t ? nlohmann::json(*t) : nlohmann::json(); }

}  // namespace

nlohmann::json job_json(const JobState& j) {
  using nlohmann::json;
  json cases = json::array();
  for (const JobCase& c : j.cases) {
    if (!c.done) continue;
    cases.push_back({{"index", c.index},
                     {"name", c.name},
                     {"sha256", c.sha256.empty() ? json() : json(c.sha256)},
                     {"status", c.rejected ? "rejected" : "audited"},
                     {"error", c.rejected ? json(c.error) : json()},
                     {"issues", c.issues},
                     {"case_number", text_json(c.case_number)},
                     {"score", c.score ? json(*c.score) : json()},
                     {"grade", c.grade.empty() ? json() : json(c.grade)},
                     {"case", c.case_id ? json(c.case_id) : json()}});
  }
  return {{"id", j.id},
          {"round", j.round_id},
          {"kind", j.kind},
          {"state", j.state},
          {"done", j.done},
          {"total", j.total},
          {"error", j.error.empty() ? json() : json(j.error)},
          {"cases", cases}};
}

Jobs::Jobs(JobSetup setup, const Checklist& checklist)
    : setup_(std::move(setup)), checklist_(checklist), worker_([this] { run(); }) {}

Jobs::~Jobs() { stop(); }

long long Jobs::submit(JobRequest r, const User& user) {
  std::lock_guard<std::mutex> hold(mutex_);
  const long long id = next_id_++;
  JobState s;
  s.id = id;
  s.user_id = user.id;
  s.round_id = r.round_id;
  s.kind = r.kind;
  s.total = r.archives.size();
  for (std::size_t i = 0; i < r.archives.size(); ++i) {
    JobCase c;
    c.index = i;
    c.name = r.archives[i].name;
    c.archive = r.archives[i].path;
    // Stored uploads are named by their digest.
    const std::string stem = std::filesystem::path(c.archive).stem().string();
    if (stem.size() == 64) c.sha256 = stem;
    s.cases.push_back(std::move(c));
  }
  if (stopping_) {
    s.state = "failed";
    s.error = "服务正在停止，未审查";
    states_[id] = std::move(s);
    return id;
  }
  states_[id] = std::move(s);
  queue_.push_back({id, std::move(r), user.name});
  wake_.notify_one();
  return id;
}

std::optional<JobState> Jobs::get(long long id) {
  long long round = 0;
  {
    std::lock_guard<std::mutex> hold(mutex_);
    auto it = states_.find(id);
    if (it == states_.end()) return std::nullopt;
    bool unknown = false;
    for (const JobCase& c : it->second.cases) unknown |= c.done && c.stored && c.case_id == 0;
    const auto now = std::chrono::steady_clock::now();
    auto& last = resolved_at_[id];
    if (unknown && now - last >= kResolveEvery) {
      last = now;
      round = it->second.round_id;
    }
  }
  if (round != 0) resolve_case_ids(id, round);
  std::lock_guard<std::mutex> hold(mutex_);
  return states_.at(id);
}

void Jobs::resolve_case_ids(long long id, long long round) {
  // Committed cases only: a batch's cases appear once it commits.
  Result<std::map<std::string, long long>> ids = case_ids_by_archive(setup_.db, round);
  if (!ids) return;
  update(id, [&](JobState& s) {
    for (JobCase& c : s.cases)
      if (c.done && c.stored && c.case_id == 0)
        if (auto found = ids->find(c.archive); found != ids->end()) c.case_id = found->second;
  });
}

void Jobs::stop() {
  {
    std::lock_guard<std::mutex> hold(mutex_);
    stopping_ = true;
    for (const Pending& p : queue_) {
      states_[p.id].state = "failed";
      states_[p.id].error = "服务已停止，未审查";
    }
    queue_.clear();
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

template <class F>
void Jobs::update(long long id, F&& change) {
  std::lock_guard<std::mutex> hold(mutex_);
  change(states_[id]);
}

void Jobs::run() {
  for (;;) {
    Pending p;
    {
      std::unique_lock<std::mutex> hold(mutex_);
      wake_.wait(hold, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      p = std::move(queue_.front());
      queue_.pop_front();
    }
    run_one(p);
  }
}

void Jobs::run_one(const Pending& p) {
  const std::vector<JobArchive>& archives = p.request.archives;
  std::vector<bool> audit_it(archives.size(), true);
  Pending run = p;
  if (p.request.street) {
    // A street's self-check round stores only that street's cases: each
    // archive is read first, outside the run lock, and another street's,
    // one naming no street or an unreadable one is not stored.
    std::vector<std::string> paths;
    for (const JobArchive& a : archives) paths.push_back(a.path);
    const std::vector<Screened> seen =
        screen_archives(paths, *p.request.street, checklist_, setup_.import, setup_.threads);
    for (std::size_t i = 0; i < seen.size(); ++i)
      if (seen[i].refusal.empty() && seen[i].case_number)
        run.request.archives[i].path =
            keep_as(archives[i].path, p.request.keep_folder,
                    self_check_file_name(*p.request.street, *seen[i].case_number));
    update(p.id, [&](JobState& s) {
      for (std::size_t i = 0; i < seen.size(); ++i) {
        JobCase& c = s.cases[i];
        c.archive = run.request.archives[i].path;
        if (seen[i].refusal.empty()) continue;
        audit_it[i] = false;
        c.done = true;
        c.rejected = true;
        c.error = seen[i].refusal;
        ++s.done;
      }
    });
  }
  const std::pair<std::string, std::string> end = audit(run, audit_it);
  // Every case id known before a poller sees the job done.
  resolve_case_ids(p.id, p.request.round_id);
  update(p.id, [&](JobState& s) {
    s.state = end.first;
    s.error = end.second;
  });
}

std::pair<std::string, std::string> Jobs::audit(const Pending& p,
                                                const std::vector<bool>& audit_it) {
  AuditRequest request;
  std::vector<std::size_t> index;  // audit input → job case
  for (std::size_t i = 0; i < audit_it.size(); ++i)
    if (audit_it[i]) {
      request.inputs.push_back(p.request.archives[i].path);
      index.push_back(i);
    }
  if (index.empty()) return {"done", ""};
  request.db = setup_.db;
  request.import = setup_.import;
  request.jobs = setup_.threads;
  request.round = p.request.round;
  request.mode = "";  // the round's own
  request.inspector = p.inspector;
  request.tool_version = AUDITOR_VERSION;
  std::size_t next = 0;
  AuditObserver observer;
  observer.case_done = [&](const CaseResult& r, Reuse) {
    const std::size_t at = index.at(next++);
    update(p.id, [&](JobState& s) {
      fill(s.cases[at], r);
      ++s.done;
    });
  };
  observer.rescored = [&](const CaseResult& r, const std::string&) {
    update(p.id, [&](JobState& s) {
      for (std::size_t i : index)
        if (s.cases[i].archive == r.c.archive) fill(s.cases[i], r);
    });
  };
  // A decision holds the run lock for a moment: wait for it.
  const auto give_up = std::chrono::steady_clock::now() + setup_.lock_wait;
  for (;;) {
    next = 0;
    Result<AuditOutcome> out = audit_round(request, checklist_, observer);
    if (out) {
      if (out->store_failed) return {"failed", "部分案卷未能存入数据库"};
      return {"done", ""};
    }
    if (out.code() != Code::busy || std::chrono::steady_clock::now() >= give_up)
      return {"failed", out.error()};
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace auditor::server

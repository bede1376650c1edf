#include "server/jobs.h"

namespace auditor::server {

Jobs::Jobs(JobSetup setup, const Checklist& checklist)
    : setup_(std::move(setup)), checklist_(checklist), worker_([this] { run(); }) {}

Jobs::~Jobs() { stop(); }

long long Jobs::submit(const std::string& round, long long round_id, const User& user,
                       std::vector<std::string> archives) {
  std::lock_guard<std::mutex> hold(mutex_);
  const long long id = next_id_++;
  JobState s;
  s.id = id;
  s.user_id = user.id;
  s.round_id = round_id;
  s.total = archives.size();
  if (stopping_) {
    s.state = "failed";
    s.error = "服务正在停止，未审查";
    states_[id] = s;
    return id;
  }
  states_[id] = s;
  queue_.push_back({id, round, user.name, std::move(archives)});
  wake_.notify_one();
  return id;
}

std::optional<JobState> Jobs::get(long long id) const {
  std::lock_guard<std::mutex> hold(mutex_);
  auto it = states_.find(id);
  if (it == states_.end()) return std::nullopt;
  return it->second;
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
  AuditRequest request;
  request.inputs = p.archives;
  request.db = setup_.db;
  request.import = setup_.import;
  request.jobs = setup_.threads;
  request.round = p.round;
  request.mode = "";  // the round's own
  request.inspector = p.inspector;
  request.tool_version = AUDITOR_VERSION;
  AuditObserver observer;
  observer.started = [&](std::size_t n) { update(p.id, [&](JobState& s) { s.total = n; }); };
  observer.case_done = [&](const CaseResult& r, Reuse) {
    JobCase c;
    c.sha256 = r.c.sha256;
    c.rejected = r.c.rejected;
    c.error = r.c.error;
    c.case_number = r.c.info.case_number;
    if (!r.c.rejected) c.score = r.audit.score;
    update(p.id, [&](JobState& s) {
      s.cases.push_back(std::move(c));
      ++s.done;
    });
  };
  // A decision holds the run lock for a moment: wait for it.
  const auto give_up = std::chrono::steady_clock::now() + setup_.lock_wait;
  for (;;) {
    Result<AuditOutcome> out = audit_round(request, checklist_, observer);
    if (out) {
      update(p.id, [&](JobState& s) {
        s.state = out->store_failed ? "failed" : "done";
        if (out->store_failed) s.error = "部分案卷未能存入数据库";
      });
      return;
    }
    if (out.code() != Code::busy || std::chrono::steady_clock::now() >= give_up) {
      update(p.id, [&](JobState& s) {
        s.state = "failed";
        s.error = out.error();
      });
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

}  // namespace auditor::server

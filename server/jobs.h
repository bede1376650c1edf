// The background audits of `auditor serve`: one worker thread runs the
// uploaded batches one after another through audit_round (app/audit.h), so
// the server holds the database's run lock only while a batch is audited and
// requests never wait for it (reads open the database read-only). A batch
// that finds the run lock taken (a decision being written) waits for it up
// to `lock_wait`. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/audit.h"
#include "app/users.h"
#include "auditor/checklist.h"

namespace auditor::server {

// One archive of a job as it came out.
struct JobCase {
  std::string sha256;
  bool rejected = false;
  std::string error;  // Chinese, when rejected
  Text case_number;
  std::optional<double> score;
};

struct JobState {
  long long id = 0;
  long long user_id = 0;  // who submitted it
  long long round_id = 0;
  std::string state = "running";  // running | done | failed
  std::size_t done = 0, total = 0;
  std::string error;  // Chinese, when failed
  std::vector<JobCase> cases;
};

struct JobSetup {
  std::filesystem::path db;
  ImportOptions import;
  int threads = 1;
  std::chrono::seconds lock_wait{30};
};

class Jobs {
 public:
  // `checklist` must outlive the Jobs.
  Jobs(JobSetup setup, const Checklist& checklist);
  // stop().
  ~Jobs();
  Jobs(const Jobs&) = delete;
  Jobs& operator=(const Jobs&) = delete;

  // Queues the audit of `archives` (stored files) into round `round` for
  // `user` (named in the run as its inspector). Returns the job's id.
  long long submit(const std::string& round, long long round_id, const User& user,
                   std::vector<std::string> archives);
  // The job `id`; nullopt when unknown.
  std::optional<JobState> get(long long id) const;
  // Stops taking jobs: the running batch finishes (each case is committed
  // whole or not at all), queued ones are marked failed; joins the worker.
  void stop();

 private:
  struct Pending {
    long long id;
    std::string round;
    std::string inspector;
    std::vector<std::string> archives;
  };
  void run();
  void run_one(const Pending& p);
  template <class F>
  void update(long long id, F&& change);

  JobSetup setup_;
  const Checklist& checklist_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  std::map<long long, JobState> states_;
  long long next_id_ = 1;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace auditor::server

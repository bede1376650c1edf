// The background audits of `auditor serve`: one worker thread runs the
// uploaded batches one after another through audit_round (app/audit.h), so
// the server holds the database's run lock only while a batch is audited and
// requests never wait for it (reads open the database read-only). A batch
// that finds the run lock taken (a decision being written) waits for it up
// to `lock_wait`. Each archive's result is in the job's state as soon as it
// is done. Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/audit.h"
#include "app/users.h"
#include "auditor/checklist.h"

namespace auditor::server {

// One archive of a job: what the client sent and, once done, what came out.
struct JobCase {
  std::size_t index = 0;  // its place in the job's archives
  std::string name;       // the client's file name (shown escaped, never a path)
  std::string archive;    // the stored file (server side; never sent to a client)
  std::string sha256;
  bool done = false;
  bool rejected = false;            // unreadable, or refused by the self-check screen
  bool stored = false;              // a case row exists (or will, once its batch commits)
  std::string error;                // Chinese, when rejected
  std::vector<std::string> issues;  // Chinese: the import findings (members not read and why)
  Text case_number;
  std::optional<double> score;
  std::string grade;
  long long case_id = 0;  // 0 until known (read once its batch is committed)
};

struct JobState {
  long long id = 0;
  long long user_id = 0;  // who submitted it
  long long round_id = 0;
  std::string kind = "upload";    // upload | submission
  std::string state = "running";  // running | done | failed
  std::size_t done = 0, total = 0;
  std::string error;           // Chinese, when failed
  std::vector<JobCase> cases;  // one per archive, in the job's order
};

// The job as GET /api/jobs/{id} states it: id, round, kind, state, done,
// total, error and `cases`, the archives finished so far in the job's order,
// each with index, name, sha256, status (audited | rejected), error,
// issues, case_number, score, grade and case (its id; null until known or
// when not stored). Never a server path.
nlohmann::json job_json(const JobState& j);

struct JobSetup {
  std::filesystem::path db;
  ImportOptions import;
  int threads = 1;
  std::chrono::seconds lock_wait{30};
};

// An archive to audit: the stored file and the name the client gave it.
struct JobArchive {
  std::string path;
  std::string name;
};

struct JobRequest {
  std::string round;  // its name
  long long round_id = 0;
  std::string kind = "upload";
  std::vector<JobArchive> archives;
  // A street's self-check round: only archives whose case is of this street
  // are audited into it (screen_archives, app/serve_self_check.h); the
  // others finish rejected with the Chinese reason, not stored. An accepted
  // archive with a case number is audited as the file
  // keep_folder/self_check_file_name(street, number) (a hard link to the
  // upload, else a copy, renamed over the case's earlier version).
  std::optional<std::string> street;
  std::filesystem::path keep_folder;
};

class Jobs {
 public:
  // `checklist` must outlive the Jobs.
  Jobs(JobSetup setup, const Checklist& checklist);
  // stop().
  ~Jobs();
  Jobs(const Jobs&) = delete;
  Jobs& operator=(const Jobs&) = delete;

  // Queues the audit of `r.archives` for `user` (named in the run as its
  // inspector). Returns the job's id.
  long long submit(JobRequest r, const User& user);
  // The job `id` with the case id of each stored archive known so far (read
  // from the database when some finished archive's is not yet known);
  // nullopt when unknown.
  std::optional<JobState> get(long long id);
  // Stops taking jobs: the running batch finishes (each case is committed
  // whole or not at all), queued ones are marked failed; joins the worker.
  void stop();

 private:
  struct Pending {
    long long id = 0;
    JobRequest request;
    std::string inspector;
  };
  void run();
  void run_one(const Pending& p);
  // Audits `p`'s archives flagged in `audit_it` (the others are done
  // already); the job's final state and error.
  std::pair<std::string, std::string> audit(const Pending& p, const std::vector<bool>& audit_it);
  // Fills the unknown case ids of job `id` from round `round`'s stored cases.
  void resolve_case_ids(long long id, long long round);
  template <class F>
  void update(long long id, F&& change);

  JobSetup setup_;
  const Checklist& checklist_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  std::map<long long, JobState> states_;
  // When each job's case ids were last read (get reads at most every 500 ms).
  std::map<long long, std::chrono::steady_clock::time_point> resolved_at_;
  long long next_id_ = 1;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace auditor::server

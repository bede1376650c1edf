// The audit of a batch: import, classify and check archives on worker
// threads, handing each result to one consumer as it completes.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "importers/import.h"
#include "reports/json_report.h"

namespace auditor {

// Archives named by `inputs`: a .zip file as given, or every .zip below a
// folder (recursively, case-insensitive extension), sorted by path.
// Fails with a Chinese reason when an input does not exist.
Result<std::vector<std::filesystem::path>> collect_archives(const std::vector<std::string>& inputs);

// Classifies and checks an imported case (a rejected one only gets its
// checks' outcomes); `history` the stored cases by party (auditor/repeat.h),
// nullptr without a store. Never throws.
CaseResult audit_case(Case c, const Checklist& checklist, const PartyHistory* history = nullptr);

// Imports, classifies and checks one archive. Never throws.
CaseResult audit_archive(const std::filesystem::path& archive, const Checklist& checklist,
                         const ImportOptions& opt);

// Runs `work(i)` for every i < n on `jobs` worker threads and hands each
// result to `consume(i, result)` on the calling thread as soon as it is done
// (completion order): a slow item holds back no other. At most
// kAheadPerJob x jobs items are started and not yet consumed, so memory is
// bounded by the archives in flight, not by n. `work` must not throw.
constexpr std::size_t kAheadPerJob = 4;
void run_as_completed(std::size_t n, int jobs, const std::function<CaseResult(std::size_t)>& work,
                      const std::function<void(std::size_t, CaseResult&&)>& consume);

// Puts results that arrive in any order back into index order: put(i, r)
// holds r until every index below i was put, then hands each on to `emit`
// in index order. Holds only what arrived early.
class InOrder {
 public:
  explicit InOrder(std::function<void(std::size_t, CaseResult&&)> emit) : emit_(std::move(emit)) {}
  void put(std::size_t i, CaseResult&& r);

 private:
  std::function<void(std::size_t, CaseResult&&)> emit_;
  std::map<std::size_t, CaseResult> early_;
  std::size_t next_ = 0;
};

// Audits `archives` with `jobs` worker threads. `consume(i, result)` is
// called on the calling thread, once per archive, in completion order (i is
// the archive's index in `archives`). `history` as for audit_case.
void audit_batch(const std::vector<std::filesystem::path>& archives, const Checklist& checklist,
                 const ImportOptions& opt, int jobs,
                 const std::function<void(std::size_t, CaseResult&&)>& consume,
                 const PartyHistory* history = nullptr);

}  // namespace auditor

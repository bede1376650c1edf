// The audit of a batch: import, classify and check archives on worker
// threads, handing each result to one consumer in input order.
#pragma once

#include <filesystem>
#include <functional>
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
// checks' outcomes). Never throws.
CaseResult audit_case(Case c, const Checklist& checklist);

// Imports, classifies and checks one archive. Never throws.
CaseResult audit_archive(const std::filesystem::path& archive, const Checklist& checklist,
                         const ImportOptions& opt);

// Runs `work(i)` for every i < n on `jobs` worker threads and hands each
// result to `consume(i, result)` on the calling thread, in index order.
// Workers run at most kAheadPerJob x jobs items ahead of the consumer, so
// memory is bounded by the archives in flight, not by n. `work` must not
// throw.
constexpr std::size_t kAheadPerJob = 4;
void run_ordered(std::size_t n, int jobs, const std::function<CaseResult(std::size_t)>& work,
                 const std::function<void(std::size_t, CaseResult&&)>& consume);

// Audits `archives` with `jobs` worker threads. `consume` is called on the
// calling thread, once per archive, in input order.
void audit_batch(const std::vector<std::filesystem::path>& archives, const Checklist& checklist,
                 const ImportOptions& opt, int jobs,
                 const std::function<void(CaseResult&&)>& consume);

}  // namespace auditor

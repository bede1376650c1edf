// Auditing a batch of archives into a round: the front door every front end
// (command line, web workbench) calls. Takes the database's run lock, opens
// the store, records the run, audits (incrementally unless `full`), commits
// in batches, runs the cross-case numbering pass and closes the run.
// Progress and per-case results go to an observer, in input order, on the
// calling thread.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/incremental.h"
#include "auditor/case_result.h"
#include "auditor/checklist.h"
#include "importers/import.h"
#include "reports/console.h"
#include "util/status.h"

namespace auditor {

struct AuditRequest {
  std::vector<std::string> inputs;  // archives or folders (collect_archives)
  std::filesystem::path db;
  ImportOptions import;
  int jobs = 1;
  std::string round;  // empty: default_round_name(today, local time)
  // As stored: inspection | self_check; empty: the round's own mode when it
  // exists, else inspection.
  std::string mode = "inspection";
  std::string inspector;  // empty: not stated
  std::string tool_version;
  bool full = false;          // parse every archive, reuse nothing stored
  bool keep_results = false;  // return every case (without document texts)
};

// Each member may be empty.
struct AuditObserver {
  // Once, before the first case: how many archives the inputs hold.
  std::function<void(std::size_t archives)> started;
  // Once per archive, in input order (each case is saved as soon as it is
  // done, before the cases ahead of it are reported); `reuse` says whether
  // it was parsed. The case comes without its document texts.
  std::function<void(const CaseResult& r, Reuse reuse)> case_done;
  // A case re-scored by a pass across cases, in input order, after every
  // case_done; `why` names the pass: 编号重复 (a number another case uses) or
  // 同一当事人前案 (a case of the same party audited in this run).
  std::function<void(const CaseResult& r, const std::string& why)> rescored;
  // A case or batch that could not be stored (the audit goes on).
  std::function<void(const std::string& reason)> store_failed;
};

struct AuditOutcome {
  std::string round;  // the round's name
  BatchTotals totals;
  std::vector<CaseResult> results;  // with keep_results, in input order
  bool store_failed = false;        // some case or batch was not stored
};

// Fails (Chinese reason) before auditing anything when an input does not
// exist (not_found), the database is locked by another run (busy) or cannot
// be opened or written (its code). A failure to store one case goes to the
// observer and the outcome, and the audit goes on.
Result<AuditOutcome> audit_round(const AuditRequest& request, const Checklist& checklist,
                                 const AuditObserver& observer);

}  // namespace auditor

// A round (审查轮次): the audit runs that added to it and its cases, as plain
// values the reports render; the store reads them (store/round_reader.h).
// The round's mode and its names live here once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auditor/case_result.h"
#include "auditor/checklist.h"
#include "auditor/draw.h"
#include "auditor/review.h"
#include "util/status.h"

namespace auditor {

// The stored mode for a --mode value: "inspection", "self-check" (or
// "self_check") → "self_check"; fails (Chinese reason) otherwise.
Result<std::string> round_mode(const std::string& value);
// The Chinese name of a stored mode: 部门检查 / 街道自查.
std::string mode_label(const std::string& mode);
// The round name used when none is given: "2026-11-25 审查" for that date.
std::string default_round_name(const std::string& date);

struct RoundInfo {
  long long id = 0;
  std::string name;
  std::string mode;        // inspection | self_check
  std::string created_at;  // ISO 8601 UTC, the start of its first run
};

// One `auditor audit` invocation that added to the round.
struct RoundRun {
  long long id = 0;
  Text inspector;
  std::string started_at;
  Text finished_at;  // nullopt: the run was interrupted
  std::string tool_version;
  std::string checklist_id, checklist_version, checklist_sha256;
};

// Values derived from one stored case, as the JSON result states them.
struct CaseFacts {
  Text case_number, street, party;  // declared, else the first fact
  bool filed = false;               // a 立案审批表 or a stated filing date
  bool closed = false;              // a 结案审批表
  long long run_id = 0;
  std::string audited_at;
};

struct RoundData {
  RoundInfo round;
  std::vector<RoundRun> runs;     // in start order
  std::vector<CaseResult> cases;  // in the order they were saved
  std::vector<CaseFacts> facts;   // same index as `cases`
  std::string as_of;              // the latest audit of the round: the report's time

  // The inspection record (docs/formats/review.md): empty when the round has
  // none, else the record of each case, same index as `cases`.
  std::vector<Record> records;
  bool second_review = false;  // the round asks for a 复核人's sign-off
  // Filled by review_round: each case's reviewed state when the round has a
  // record (same index as `cases`; nullopt for a rejected case); else empty.
  std::vector<std::optional<ReviewedCase>> reviewed;

  // The round's plan and latest draw with their assignments (auditor/draw.h),
  // when recorded; the reports' reader fills them (app/round_reports.h).
  std::optional<RoundPlan> plan;
  std::optional<Draw> draw;
  std::vector<Assignment> assignments;
  // With a draw: how many cases the round held before keep_drawn.
  std::size_t submitted = 0;

  const RoundRun* run(long long id) const;
  bool has_record() const { return !records.empty(); }
  // Case i's record; empty when the round has none.
  const Record& record(std::size_t i) const;
  // The inspector the case with key `key` is assigned to, nullptr if none.
  const Assignment* assignment(const std::string& key) const;
};

// Keeps only the cases `data.draw` drew (every per-case vector alike, in
// order) and records the count before in data.submitted; nothing without a
// draw.
void keep_drawn(RoundData& data);

// Fills data.reviewed from data.records (review_case with `checklist`, the
// checklist and profile the round is scored with); leaves it empty when the
// round has no record.
void review_round(RoundData& data, const Checklist& checklist);

}  // namespace auditor

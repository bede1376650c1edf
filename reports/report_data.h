// One round (审查轮次) read back from the SQLite store into plain values, for
// the round reports. Reading uses one query per table, never one per case.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

#include "auditor/result.h"
#include "reports/json_report.h"

namespace auditor {

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

  const RoundRun* run(long long id) const;
};

// The round named `name`, or the most recently created one when `name` is
// empty; nullopt when there is no such round.
Result<std::optional<RoundInfo>> find_round(sqlite3* db, const std::string& name);

// The number of cases of `round`, without reading them.
Result<std::size_t> case_count(sqlite3* db, const RoundInfo& round);

// Everything the reports show about `round`. With `full` false only the case
// rows, the facts behind the case numbers and filing dates, the types of the
// filing and closing documents and the findings are read: enough for the
// notification, the case list and comparing rounds. Documents and checks
// then stay empty; RoundData::facts is complete either way.
Result<RoundData> load_round(sqlite3* db, const RoundInfo& round, bool full = true);

// The latest round created before `current` whose set of streets (the
// non-empty streets of its cases) equals the current one's; nullopt when
// none has the same scope.
Result<std::optional<RoundInfo>> previous_round(sqlite3* db, const RoundData& current);

}  // namespace auditor

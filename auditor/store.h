// The SQLite store: rounds, audit runs, cases, documents, facts and
// findings. Schema versions and migrations: docs/formats/database.md. Every
// write happens in one transaction; re-auditing an archive in the same round
// replaces its results, in another round it is a separate record.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/model.h"
#include "auditor/result.h"

struct sqlite3;

namespace auditor {

struct RunInfo {
  std::string tool_version;
  std::string checklist_id, checklist_version, checklist_sha256;
  std::string started_at;  // ISO 8601 UTC; empty = the time of begin_run
  // The round (审查轮次) the run adds to, created by its first run; empty =
  // "<date of started_at> 审查".
  std::string round;
  std::string mode = "inspection";  // inspection | self_check
  std::string inspector;            // empty = not stated
};

// How a document's type was found, as stored: "manifest", "title", "name",
// "folder"; nullptr for Source::none. source_from is its inverse (none for
// anything else).
const char* source_name(Source s);
Source source_from(std::string_view name);

// The round name used when none is given: "2026-11-25 审查" for that date.
std::string default_round_name(const std::string& date);

// One open database. Not thread-safe: the pipeline has a single writer.
class Store {
 public:
  // Creates the file if needed and migrates it to the current schema.
  static Result<std::unique_ptr<Store>> open(const std::filesystem::path& file);
  ~Store();

  // Fails (Chinese reason) when the round exists with another mode, or the
  // mode is not one of the two.
  Result<long long> begin_run(const RunInfo& run);
  // Stores the case, its documents, facts and findings for `run`, replacing
  // any earlier results for the same archive path in the run's round. One
  // transaction. A case read back from the run's round (Case::stored_id) with
  // the documents it was stored with is updated in place: the case row, the
  // documents' types and stages, the findings and checks; its document texts,
  // facts and signatures are kept as stored.
  Status save_case(long long run, const Case& c, const Audit& audit);
  Status end_run(long long run);

  // Groups the save_case calls that follow into one transaction until
  // commit_batch(): the pages shared by every case (indexes, the tables'
  // last pages) are written once per batch instead of once per case. Each
  // case stays all-or-nothing (a savepoint), so a failing one is rolled back
  // alone. A process killed mid-batch loses that batch's cases, which the
  // next run audits again; the database stays valid. commit_batch fails
  // (Chinese reason) when the commit does, after rolling the batch back.
  Status begin_batch();
  Status commit_batch();

  // The sha256 stored for `archive` by its latest audit (any round); nullopt
  // when the archive was never stored or its hash is unknown.
  Result<std::optional<std::string>> archive_sha256(const std::string& archive);

  int schema_version() const;
  sqlite3* handle() { return db_; }

  struct CaseStatements;  // save_case's statements, prepared on first use

 private:
  explicit Store(sqlite3* db);
  sqlite3* db_ = nullptr;
  std::unique_ptr<CaseStatements> statements_;
};

}  // namespace auditor

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
#include "util/status.h"

struct sqlite3;

namespace auditor {

struct RunInfo {
  std::string tool_version;
  std::string checklist_id, checklist_version, checklist_sha256;
  std::string started_at;  // ISO 8601 UTC; empty = the time of begin_run
  // The round (审查轮次) the run adds to, created by its first run; empty =
  // "<date of started_at> 审查".
  std::string round;
  // inspection | self_check; empty: the round's own mode when it exists,
  // else inspection.
  std::string mode = "inspection";
  std::string inspector;  // empty = not stated
};

// How a document's type was found, as stored: "manifest", "title", "name",
// "folder"; nullptr for Source::none. source_from is its inverse (none for
// anything else).
const char* source_name(Source s);
Source source_from(std::string_view name);

std::string default_round_name(const std::string& date);

// One open database. A Store is used by one thread at a time.
//
// Locking rule: one writer per database file — a process that writes holds
// the file's RunLock (store/run_lock.h) for the whole run, and a second
// writer is refused (Code::busy). Any number of readers (open_read_only) may
// run beside the writer: the database is in WAL mode, so a reader sees the
// batches committed before its read began and never blocks the writer; the
// writer's checkpoints wait for no reader (SQLite's WAL rules).
class Store {
 public:
  // For writing: creates the file if needed, migrates it to the current
  // schema and stamps the tool's application_id (store/schema.h). Refuses,
  // leaving it byte for byte as it was, a file that is not this tool's
  // database (check_database_owner: Code::invalid, Chinese reason).
  static Result<std::unique_ptr<Store>> open(const std::filesystem::path& file);
  // For reading beside a writer: never creates, migrates or writes the file.
  // Fails (Code::not_found) when the file does not exist, when it is not this
  // tool's database (as open), and when its schema is not this build's (run
  // `auditor audit` once to migrate it).
  static Result<std::unique_ptr<Store>> open_read_only(const std::filesystem::path& file);
  // What open and open_read_only decide about `file` first (this tool's
  // database, a new or an empty file, or refused: Code::invalid), without
  // changing it: for a caller that would create a file beside it before
  // opening it (the run lock, "<db>.lock").
  static Status check_file(const std::filesystem::path& file);
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

  struct CaseStatements;  // save_case's statements, prepared on first use

 private:
  friend struct StoreAccess;  // the readers in store/ (store/store_internal.h)
  explicit Store(sqlite3* db);
  sqlite3* db_ = nullptr;
  std::unique_ptr<CaseStatements> statements_;
};

}  // namespace auditor

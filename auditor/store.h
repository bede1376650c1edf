// The SQLite store: cases, documents, facts, audit runs and findings.
// Schema versions and migrations: docs/formats/database.md. Every write
// happens in one transaction; re-auditing an archive replaces its results.
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
  std::string started_at;  // ISO 8601 UTC
};

// One open database. Not thread-safe: the pipeline has a single writer.
class Store {
 public:
  // Creates the file if needed and migrates it to the current schema.
  static Result<std::unique_ptr<Store>> open(const std::filesystem::path& file);
  ~Store();

  Result<long long> begin_run(const RunInfo& run);
  // Stores the case, its documents, facts and findings for `run`, replacing
  // any earlier results for the same archive path. One transaction.
  Status save_case(long long run, const Case& c, const Audit& audit);
  Status end_run(long long run);

  // The sha256 stored for `archive` by its latest audit; nullopt when the
  // archive was never stored or its hash is unknown.
  Result<std::optional<std::string>> archive_sha256(const std::string& archive);

  int schema_version() const;
  sqlite3* handle() { return db_; }

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

}  // namespace auditor

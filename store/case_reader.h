// Reading stored audits back, for the incremental audit: plain SQL over the
// store's connection, so the store's writer stays untouched.
// Everything the store keeps comes back; Document::metadata is not kept and
// stays empty. Import issues come back from the stored `import` findings.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "auditor/case_result.h"
#include "store/store.h"

namespace auditor {

// The latest stored audit of one archive path.
struct StoredAudit {
  long long case_id = 0;
  std::string sha256;            // empty when unknown
  std::string checklist_sha256;  // of the run that stored it
  std::string round;             // name of its round
  // Stored with the document texts and declared case data a re-check needs
  // (schema 3 and later).
  bool complete = false;
  std::optional<FileStamp> stamp;  // of the archive file when it was stored
};

// The latest stored audit of every archive path in the store (one query).
Result<std::map<std::string, StoredAudit>> load_stored_index(Store& store);

// What CaseLoader::load reads: everything; or what reporting the case again
// needs (console, JSON, reports): the case row, its documents without texts,
// type sources, facts and signatures, its findings and check outcomes; or
// only the case row and the rule, kind and severity of each finding (the
// console line and the totals).
enum class Load { full, summary, findings };

// Reads stored cases; its queries are prepared once, for all the cases it
// reads. Used like the Store it reads: by one thread at a time.
class CaseLoader {
 public:
  explicit CaseLoader(Store& store);
  ~CaseLoader();
  // The stored case `case_id`. Fails (Chinese reason) on a database error.
  Result<CaseResult> load(long long case_id, Load what = Load::full);

 private:
  struct Queries;
  sqlite3* db_;
  std::unique_ptr<Queries> q_;
};

}  // namespace auditor

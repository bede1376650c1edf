// Reading stored audits back, for the incremental audit. Free functions over
// Store::handle() and plain SQL, so the store's writer stays untouched.
// Everything the store keeps comes back; Document::metadata is not kept and
// stays empty. Import issues come back from the stored `import` findings.
#pragma once

#include <map>
#include <string>

#include "auditor/store.h"
#include "reports/json_report.h"

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

// What load_case reads: everything, or what reporting the case again needs
// (console, JSON, reports): the case row, its documents without texts, facts
// and signatures, its findings and check outcomes.
enum class Load { full, summary };

// The stored case `case_id`. Fails (Chinese reason) on a database error.
Result<CaseResult> load_case(Store& store, long long case_id, Load what = Load::full);

}  // namespace auditor

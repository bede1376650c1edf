// Moving a round's inspection record between databases (two laptops on
// site, one database in the office): export it as a JSON file
// (docs/formats/review.md, "Export file", format "auditor-review/1") and
// import one. Nothing is overwritten: a row already present is skipped, a
// conflicting one is reported and left out.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/review.h"
#include "util/status.h"

namespace auditor {

// Writes the round's decisions, added findings, sign-offs, reopens and
// settings, in trail order, to `file` (written whole and renamed into
// place). Reads the database read-only. Returns the number of entries.
Result<std::size_t> export_record(const ReviewScope& scope, const std::filesystem::path& file);

struct ImportReport {
  std::string round;
  std::size_t added = 0;    // rows appended (each with its trail row)
  std::size_t skipped = 0;  // already present with the same content
  // One Chinese line per entry left out: a decision on a case and finding
  // whose decision in this database is another one (neither replaces the
  // other), or a change to a case this database has signed.
  std::vector<std::string> conflicts;
};

// Imports `file` into the round of the same name (scope.round, when given,
// names another) of scope.db, under its run lock, all in one transaction.
// Entries are applied in the file's order. A decision is added when the
// case and finding have no decision here, or when the one in force here is
// the one it replaced in the exporting database; it is skipped when the
// same decision (finding, verdict, reason, changed values, inspector, time)
// is here; otherwise it is a conflict. An added finding, sign-off or reopen
// is skipped when the same one is here, else added (a decision or added
// finding on a case signed here is a conflict). When anything was added or
// left out, one "import" trail row records the file and the counts. Fails
// (nothing written) on a file that is not an "auditor-review/1" document
// (Code::invalid, or unsupported for another format version), naming the
// first bad entry; on a round that does not exist here (not_found).
Result<ImportReport> import_record(const ReviewScope& scope, const std::filesystem::path& file);

}  // namespace auditor

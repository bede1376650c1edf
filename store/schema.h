// The database schema and its migrations (docs/formats/database.md).
// Versions are counted in PRAGMA user_version; each migration moves the
// database up by one version in its own transaction.
#pragma once

#include <sqlite3.h>

#include <string>

#include "util/status.h"

namespace auditor {

// The Chinese reason for the last error on `db`, with SQLite's own message.
std::string sqlite_reason(sqlite3* db);
// The code of the last error on `db`: corrupt for a damaged or foreign file,
// busy for a lock, io otherwise.
Code sqlite_code(sqlite3* db);
// Error{"<what>：<sqlite_reason>", sqlite_code}.
Error sqlite_error(sqlite3* db, const std::string& what);

// The schema version this build writes and reads.
int latest_schema_version();

// The database's PRAGMA user_version, or a Chinese reason when unreadable
// (e.g. the file is not an SQLite database).
Result<int> read_schema_version(sqlite3* db);

// Applies every migration above the database's version, up to `target`, in
// order. Refuses, without touching the file, a database newer than this
// build. A failed migration is rolled back; the versions applied before it
// stay. Foreign key enforcement is off while migrating and restored after.
Status migrate(sqlite3* db, int target = latest_schema_version());

}  // namespace auditor

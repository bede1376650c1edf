// The database schema and its migrations (docs/formats/database.md).
// Versions are counted in PRAGMA user_version; each migration moves the
// database up by one version in its own transaction. The tool's files carry
// PRAGMA application_id kApplicationId.
#pragma once

#include <sqlite3.h>

#include <filesystem>
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

// The PRAGMA application_id of this tool's databases: "AUDT" in ASCII.
constexpr int kApplicationId = 0x41554454;

// Whether `file` may be opened as this tool's database: it does not exist,
// is empty (no bytes, or an SQLite file without a table and with
// user_version 0), carries kApplicationId, or is one of this tool from
// before the id (application_id 0, user_version above 0 and the tables of
// version 1). Otherwise (another program's database, or not an SQLite file)
// Code::invalid with a Chinese reason naming the file, or Code::corrupt when
// its header can be read but not its schema. Decided without changing the
// file or creating any beside it: the file is read through an immutable
// connection (no lock, no journal, no -wal or -shm), so only what is in the
// main file counts. Call it before a connection that may write opens `file`
// (while no other connection writes: the main file of a database in WAL mode
// is consistent only between checkpoints).
Status check_database_owner(const std::filesystem::path& file);

// The same decision through `db`, a connection already open on `file`: it
// sees the database as committed, whatever the writers do, but opening it
// may have added -shm beside `file`.
Status check_database_owner(sqlite3* db, const std::filesystem::path& file);

// Sets kApplicationId on `db` unless it is set (a write transaction).
Status stamp_application_id(sqlite3* db);

// Applies every migration above the database's version, up to `target`, in
// order. Refuses, without touching the file, a database newer than this
// build. A failed migration is rolled back; the versions applied before it
// stay. Foreign key enforcement is off while migrating and restored after.
Status migrate(sqlite3* db, int target = latest_schema_version());

}  // namespace auditor

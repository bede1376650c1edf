#include "store/schema.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

namespace auditor {
namespace {

struct Migration {
  int version;      // user_version after the migration
  const char* sql;  // applied in one transaction
};

// Ordered, append-only: a released migration is never edited, a change to
// the schema is a new entry.
constexpr Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE audit_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  tool_version TEXT NOT NULL,
  checklist_id TEXT NOT NULL,
  checklist_version TEXT NOT NULL,
  checklist_sha256 TEXT NOT NULL
);
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  archive TEXT NOT NULL UNIQUE,
  sha256 TEXT,
  run_id INTEGER NOT NULL REFERENCES audit_runs(id),
  status TEXT NOT NULL CHECK (status IN ('audited', 'rejected')),
  error TEXT,
  case_number TEXT,
  street TEXT,
  party TEXT,
  party_id TEXT,
  procedure TEXT,
  fine REAL,
  score REAL,
  grade TEXT,
  audited_at TEXT NOT NULL
);
CREATE INDEX cases_by_sha256 ON cases(sha256);
CREATE INDEX cases_by_run ON cases(run_id);
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  path TEXT NOT NULL,
  format TEXT NOT NULL,
  type TEXT,
  stage INTEGER CHECK (stage BETWEEN 1 AND 8),
  number TEXT,
  date TEXT,
  pages INTEGER,
  seal TEXT,
  has_text INTEGER NOT NULL CHECK (has_text IN (0, 1)),
  title TEXT,
  UNIQUE (case_id, ord)
);
CREATE TABLE facts (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  snippet TEXT
);
CREATE INDEX facts_by_document ON facts(document_id);
CREATE INDEX facts_by_kind ON facts(kind);
CREATE TABLE signatures (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sig_id TEXT NOT NULL,
  type TEXT NOT NULL,
  page INTEGER,
  time TEXT,
  provider TEXT,
  seal_name TEXT,
  refs INTEGER NOT NULL,
  digests_ok INTEGER NOT NULL
);
CREATE INDEX signatures_by_document ON signatures(document_id);
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  rule TEXT NOT NULL,
  kind TEXT NOT NULL,
  severity TEXT NOT NULL,
  stage INTEGER CHECK (stage BETWEEN 1 AND 8),
  document TEXT,
  message TEXT NOT NULL,
  basis TEXT,
  evidence TEXT NOT NULL CHECK (json_valid(evidence) AND json_type(evidence) = 'array'),
  deduction REAL NOT NULL,
  UNIQUE (case_id, ord)
);
CREATE INDEX findings_by_rule ON findings(rule);
CREATE TABLE checks (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  rule TEXT NOT NULL,
  outcome TEXT NOT NULL
    CHECK (outcome IN ('passed', 'failed', 'not_applicable', 'not_checkable'))
);
CREATE INDEX checks_by_case ON checks(case_id);
CREATE INDEX checks_by_rule ON checks(rule);
)sql"},
    // Rounds (审查轮次): every run belongs to one; an archive is unique per
    // round, so rounds can be compared. Earlier runs form one round. Runs
    // and cases are rebuilt (foreign keys are off during migrations).
    {2, R"sql(
CREATE TABLE rounds (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  mode TEXT NOT NULL CHECK (mode IN ('inspection', 'self_check')),
  created_at TEXT NOT NULL
);
INSERT INTO rounds (id, name, mode, created_at)
  SELECT 1, '升级前的审查', 'inspection', min(started_at) FROM audit_runs HAVING count(*) > 0;
CREATE TABLE audit_runs_v2 (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  inspector TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  tool_version TEXT NOT NULL,
  checklist_id TEXT NOT NULL,
  checklist_version TEXT NOT NULL,
  checklist_sha256 TEXT NOT NULL,
  UNIQUE (id, round_id)
);
INSERT INTO audit_runs_v2 (id, round_id, inspector, started_at, finished_at, tool_version,
                           checklist_id, checklist_version, checklist_sha256)
  SELECT id, 1, NULL, started_at, finished_at, tool_version, checklist_id, checklist_version,
         checklist_sha256 FROM audit_runs;
DROP TABLE audit_runs;
ALTER TABLE audit_runs_v2 RENAME TO audit_runs;
CREATE INDEX audit_runs_by_round ON audit_runs(round_id);
CREATE TABLE cases_v2 (
  id INTEGER PRIMARY KEY,
  round_id INTEGER REFERENCES rounds(id),
  archive TEXT NOT NULL,
  sha256 TEXT,
  run_id INTEGER NOT NULL REFERENCES audit_runs(id),
  status TEXT NOT NULL CHECK (status IN ('audited', 'rejected')),
  error TEXT,
  case_number TEXT,
  street TEXT,
  party TEXT,
  party_id TEXT,
  procedure TEXT,
  fine REAL,
  score REAL,
  grade TEXT,
  audited_at TEXT NOT NULL,
  UNIQUE (round_id, archive),
  FOREIGN KEY (run_id, round_id) REFERENCES audit_runs(id, round_id)
);
INSERT INTO cases_v2 (id, round_id, archive, sha256, run_id, status, error, case_number, street,
                      party, party_id, procedure, fine, score, grade, audited_at)
  SELECT id, 1, archive, sha256, run_id, status, error, case_number, street, party, party_id,
         procedure, fine, score, grade, audited_at FROM cases;
DROP TABLE cases;
ALTER TABLE cases_v2 RENAME TO cases;
CREATE INDEX cases_by_sha256 ON cases(sha256);
CREATE INDEX cases_by_run ON cases(run_id);
CREATE INDEX cases_by_archive ON cases(archive);
)sql"},
    // What a re-check needs besides facts: each document's full text and
    // the case data only a manifest declares (JSON: has_manifest, dates,
    // flags), and how each document's type was found. NULL in rows stored
    // before: such a case is parsed again. And the archive file's size and
    // mtime, to skip reading unchanged files.
    {3, R"sql(
ALTER TABLE documents ADD COLUMN text TEXT;
ALTER TABLE documents ADD COLUMN type_source TEXT;
ALTER TABLE cases ADD COLUMN declared TEXT;
ALTER TABLE cases ADD COLUMN file_size INTEGER;
ALTER TABLE cases ADD COLUMN file_mtime_ns INTEGER;
)sql"},
    // Indexes no query of the tool uses: every fact and check row paid a
    // B-tree insert for them (about 175 per case). Queries by kind or rule
    // scan the table or go through the case first.
    {4, R"sql(
DROP INDEX facts_by_kind;
DROP INDEX checks_by_rule;
)sql"},
    // An unchanged re-audit reads each case's findings as rule, kind and
    // severity only (store_load.cc): from this index alone, without the
    // table pages that hold the messages and evidence (a page or two per case).
    {5, R"sql(
CREATE INDEX findings_by_case ON findings(case_id, ord, rule, kind, severity);
)sql"},
    // Cases are saved as they complete: the position of each in its run's
    // input, so that a round lists them in input order (NULL before: by id).
    {6, R"sql(
ALTER TABLE cases ADD COLUMN input_ord INTEGER;
)sql"},
    // The inspection record (docs/formats/review.md): decisions on findings,
    // added findings, sign-offs and reopens per round and case (the case
    // number, else the archive path, so a re-audit keeps them), round
    // settings, and the append-only trail whose rows chain a SHA-256. Record
    // rows are never updated or deleted: a new decision replaces an old one.
    {7, R"sql(
CREATE TABLE trail (
  seq INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  action TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  at TEXT NOT NULL,
  prev_sha256 TEXT NOT NULL,
  sha256 TEXT NOT NULL
);
CREATE TABLE round_settings (
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  trail_seq INTEGER NOT NULL REFERENCES trail(seq),
  PRIMARY KEY (round_id, name)
);
CREATE TABLE review_decisions (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  case_key TEXT NOT NULL,
  archive TEXT NOT NULL,
  finding_key TEXT NOT NULL,
  verdict TEXT NOT NULL
    CHECK (verdict IN ('confirmed', 'dismissed', 'changed', 'passed', 'failed')),
  reason TEXT,
  severity TEXT CHECK (severity IN ('veto', 'major', 'minor', 'info')),
  deduction REAL CHECK (deduction >= 0),
  message TEXT,
  inspector TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  replaces INTEGER REFERENCES review_decisions(id),
  trail_seq INTEGER NOT NULL UNIQUE REFERENCES trail(seq)
);
CREATE INDEX review_decisions_by_round ON review_decisions(round_id, case_key);
CREATE TABLE review_added (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  case_key TEXT NOT NULL,
  archive TEXT NOT NULL,
  rule TEXT NOT NULL,
  stage INTEGER CHECK (stage BETWEEN 1 AND 8),
  document TEXT,
  page INTEGER CHECK (page >= 1),
  severity TEXT NOT NULL CHECK (severity IN ('veto', 'major', 'minor', 'info')),
  deduction REAL NOT NULL CHECK (deduction >= 0),
  basis TEXT,
  text TEXT NOT NULL,
  inspector TEXT NOT NULL,
  added_at TEXT NOT NULL,
  trail_seq INTEGER NOT NULL UNIQUE REFERENCES trail(seq)
);
CREATE INDEX review_added_by_round ON review_added(round_id, case_key);
CREATE TABLE review_signoffs (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  case_key TEXT NOT NULL,
  archive TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('评查人', '复核人')),
  name TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  trail_seq INTEGER NOT NULL UNIQUE REFERENCES trail(seq)
);
CREATE INDEX review_signoffs_by_round ON review_signoffs(round_id, case_key);
CREATE TABLE review_reopens (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  case_key TEXT NOT NULL,
  archive TEXT NOT NULL,
  reason TEXT NOT NULL,
  name TEXT NOT NULL,
  reopened_at TEXT NOT NULL,
  trail_seq INTEGER NOT NULL UNIQUE REFERENCES trail(seq)
);
CREATE INDEX review_reopens_by_round ON review_reopens(round_id, case_key);
CREATE TRIGGER trail_no_update BEFORE UPDATE ON trail
  BEGIN SELECT RAISE(ABORT, 'trail is append-only'); END;
CREATE TRIGGER trail_no_delete BEFORE DELETE ON trail
  BEGIN SELECT RAISE(ABORT, 'trail is append-only'); END;
CREATE TRIGGER review_decisions_no_update BEFORE UPDATE ON review_decisions
  BEGIN SELECT RAISE(ABORT, 'review record is append-only'); END;
CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions
  BEGIN SELECT RAISE(ABORT, 'review record is append-only'); END;
CREATE TRIGGER review_added_no_update BEFORE UPDATE ON review_added
  BEGIN SELECT RAISE(ABORT, 'review record is append-only'); END;
CREATE TRIGGER review_added_no_delete BEFORE DELETE ON review_added
  BEGIN SELECT RAISE(ABORT, 'review record is append-only'); END;
CREATE TRIGGER review_signoffs_no_update BEFORE UPDATE ON review_signoffs
  BEGIN SELECT RAISE(ABORT, 'review record is append-only'); END;
CREATE TRIGGER review_signoffs_no_delete BEFORE DELETE ON review_signoffs
  BEGIN SELECT RAISE(ABORT, 'review record is append-only'); END;
CREATE TRIGGER review_reopens_no_update BEFORE UPDATE ON review_reopens
  BEGIN SELECT RAISE(ABORT, 'review record is append-only'); END;
CREATE TRIGGER review_reopens_no_delete BEFORE DELETE ON review_reopens
  BEGIN SELECT RAISE(ABORT, 'review record is append-only'); END;
)sql"},
    // The users of `auditor serve` (store/users.h): a unique name, a role
    // (a street user belongs to one street, the others to none), an Argon2id
    // hash (util/password.h), a disabled flag. Changes to a user are trail
    // rows of no round: the trail is rebuilt with round_id nullable (NULL,
    // hashed as 0) and its append-only triggers restored.
    {8, R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
  role TEXT NOT NULL CHECK (role IN ('admin', 'inspector', 'street')),
  street TEXT CHECK (street IS NULL OR length(street) BETWEEN 1 AND 64),
  password_hash TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((role = 'street') = (street IS NOT NULL))
);
CREATE TABLE trail_v8 (
  seq INTEGER PRIMARY KEY,
  round_id INTEGER REFERENCES rounds(id),
  action TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  at TEXT NOT NULL,
  prev_sha256 TEXT NOT NULL,
  sha256 TEXT NOT NULL
);
INSERT INTO trail_v8 (seq, round_id, action, payload, at, prev_sha256, sha256)
  SELECT seq, round_id, action, payload, at, prev_sha256, sha256 FROM trail;
DROP TABLE trail;
ALTER TABLE trail_v8 RENAME TO trail;
CREATE TRIGGER trail_no_update BEFORE UPDATE ON trail
  BEGIN SELECT RAISE(ABORT, 'trail is append-only'); END;
CREATE TRIGGER trail_no_delete BEFORE DELETE ON trail
  BEGIN SELECT RAISE(ABORT, 'trail is append-only'); END;
)sql"},
    // What `auditor serve` reads on every request (store/case_access.h):
    // a round's stamp (its cases' count, ids and runs; its last trail row)
    // and which streets a round holds, from the indexes alone.
    {9, R"sql(
CREATE INDEX cases_by_round ON cases(round_id, street, run_id);
CREATE INDEX trail_by_round ON trail(round_id);
)sql"},
    // OCR of scans (docs/formats/ocr.md): which bytes of a document's text
    // OCR made, per page with its confidence and lines (JSON, NULL: none),
    // each fact's page and line confidence when read from them, and the
    // cache of readings by the SHA-256 of the member the page image came
    // from, its page and the settings it was read with (store/ocr_cache.h):
    // an unchanged scan is never read twice.
    {10, R"sql(
ALTER TABLE documents ADD COLUMN ocr TEXT CHECK (ocr IS NULL OR json_valid(ocr));
ALTER TABLE facts ADD COLUMN ocr_page INTEGER CHECK (ocr_page IS NULL OR ocr_page >= 1);
ALTER TABLE facts ADD COLUMN ocr_confidence INTEGER
  CHECK (ocr_confidence IS NULL OR ocr_confidence BETWEEN 0 AND 100);
CREATE TABLE ocr_cache (
  image_sha256 TEXT NOT NULL,
  page INTEGER NOT NULL CHECK (page >= 1),
  settings TEXT NOT NULL,
  text TEXT NOT NULL,
  confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  rotation INTEGER NOT NULL CHECK (rotation IN (0, 90, 180, 270)),
  skew REAL NOT NULL,
  lines TEXT NOT NULL CHECK (json_valid(lines)),
  read_at TEXT NOT NULL,
  PRIMARY KEY (image_sha256, page, settings)
) WITHOUT ROWID;
)sql"},
    // Version 11: typical cases (典型案例, docs/formats/typical.md): an
    // inspector marks a case, or one finding of it, as typical with a note;
    // an unmark is a new row (marked 0) replacing the latest one on the same
    // case and finding. Each row has its trail row (action "typical").
    // Append-only like the review tables.
    {11, R"sql(
CREATE TABLE typical_marks (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds(id),
  case_key TEXT NOT NULL,
  archive TEXT NOT NULL,
  rule TEXT,
  finding_key TEXT,
  marked INTEGER NOT NULL CHECK (marked IN (0, 1)),
  note TEXT,
  inspector TEXT NOT NULL,
  marked_at TEXT NOT NULL,
  replaces INTEGER REFERENCES typical_marks(id),
  trail_seq INTEGER NOT NULL UNIQUE REFERENCES trail(seq),
  CHECK ((rule IS NULL) = (finding_key IS NULL))
);
CREATE INDEX typical_marks_by_round ON typical_marks(round_id, case_key);
CREATE TRIGGER typical_marks_no_update BEFORE UPDATE ON typical_marks
  BEGIN SELECT RAISE(ABORT, 'review record is append-only'); END;
CREATE TRIGGER typical_marks_no_delete BEFORE DELETE ON typical_marks
  BEGIN SELECT RAISE(ABORT, 'review record is append-only'); END;
)sql"},
};

bool exec(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// True when PRAGMA `query` yields at least one row.
bool yields_row(sqlite3* db, const char* query) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, query, -1, &stmt, nullptr) != SQLITE_OK) return false;
  const bool row = sqlite3_step(stmt) == SQLITE_ROW;
  sqlite3_finalize(stmt);
  return row;
}

bool foreign_keys_on(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA foreign_keys", -1, &stmt, nullptr) != SQLITE_OK) return false;
  const bool on = sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_int(stmt, 0) == 1;
  sqlite3_finalize(stmt);
  return on;
}

// Applies `m` unless another process got there first. One transaction; the
// foreign keys must hold again before it commits.
Status apply(sqlite3* db, const Migration& m) {
  if (!exec(db, "BEGIN IMMEDIATE"))
    return Status::failure("无法开始数据库升级：" + sqlite_reason(db));
  std::string why;
  const std::string failed = "数据库升级到第 " + std::to_string(m.version) + " 版失败：";
  const std::string set_version = "PRAGMA user_version = " + std::to_string(m.version);
  Result<int> version = read_schema_version(db);
  if (!version)
    why = version.error();
  else if (*version < m.version && (!exec(db, m.sql) || !exec(db, set_version.c_str())))
    why = failed + sqlite_reason(db);
  else if (yields_row(db, "PRAGMA foreign_key_check"))
    why = failed + "升级后的数据不满足外键约束";
  else if (!exec(db, "COMMIT"))
    why = "数据库升级提交失败：" + sqlite_reason(db);
  if (why.empty()) return Status::success();
  exec(db, "ROLLBACK");
  return Status::failure(why);
}

// The single integer `sql` yields, nullopt on an error (the reason is on `db`).
std::optional<long long> query_integer(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) return std::nullopt;
  std::optional<long long> value;
  if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return value;
}

// "file:<absolute path, percent-encoded>?mode=ro&immutable=1": the main
// file alone, read-only, without locks, journal, -wal or -shm.
std::string immutable_uri(const std::filesystem::path& file) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(file, ec);
  std::string uri = "file:";
  for (const char ch : (ec ? file : absolute).string()) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        std::strchr("/-._~", c) != nullptr) {
      uri += ch;
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri.append(1, '%').append(1, kHex[c >> 4]).append(1, kHex[c & 15]);
    }
  }
  return uri + "?mode=ro&immutable=1";
}

// The tables of schema version 1, all present in every version since.
constexpr const char* kOwnTablesQuery =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
    "('audit_runs', 'cases', 'documents', 'facts', 'signatures', 'findings', 'checks')";
constexpr long long kOwnTables = 7;

Status not_ours(const std::filesystem::path& file, const std::string& why) {
  return Status::failure("数据库文件 " + file.string() + " " + why +
                             "；为免改动其中的数据，本工具不打开它（文件保持原样）。请指定本工具的"
                             "数据库，或一个新的文件名",
                         Code::invalid);
}

std::string hex_id(long long id) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08llX", static_cast<unsigned long long>(id) & 0xFFFFFFFFull);
  return buf;
}

}  // namespace

Status check_database_owner(const std::filesystem::path& file) {
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(file, ec);
  // A missing file is created; what is not a regular file SQLite refuses
  // with its own reason.
  if (!std::filesystem::is_regular_file(status)) return Status::success();
  if (std::filesystem::file_size(file, ec) == 0 && !ec) return Status::success();
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(immutable_uri(file).c_str(), &db,
                      SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
  const std::unique_ptr<sqlite3, int (*)(sqlite3*)> closer(db, sqlite3_close_v2);
  if (rc != SQLITE_OK)
    return Status::failure(sqlite_error(db, "无法打开数据库文件 " + file.string()));
  return check_database_owner(db, file);
}

Status check_database_owner(sqlite3* db, const std::filesystem::path& file) {
  const std::optional<long long> id = query_integer(db, "PRAGMA application_id");
  if (!id) {
    if (sqlite3_errcode(db) == SQLITE_NOTADB) return not_ours(file, "不是 SQLite 数据库");
    return Status::failure(sqlite_error(db, "无法读取数据库文件 " + file.string()));
  }
  if (*id == kApplicationId) return Status::success();
  if (*id != 0)
    return not_ours(file, "属于另一个程序（SQLite application_id 为 " + hex_id(*id) +
                              "，本工具的数据库为 " + hex_id(kApplicationId) + "）");
  const std::optional<long long> version = query_integer(db, "PRAGMA user_version");
  const std::optional<long long> objects = query_integer(db, "SELECT count(*) FROM sqlite_master");
  const std::optional<long long> own = query_integer(db, kOwnTablesQuery);
  if (!version || !objects || !own)
    return Status::failure(sqlite_error(db, "无法读取数据库文件 " + file.string() + " 的结构"));
  if (*version == 0 && *objects == 0) return Status::success();      // empty
  if (*version > 0 && *own == kOwnTables) return Status::success();  // ours, before the id
  return not_ours(file, "不是本工具的数据库（其中已有别的数据，也没有本工具的标识 application_id " +
                            hex_id(kApplicationId) + "）");
}

Status stamp_application_id(sqlite3* db) {
  const std::optional<long long> id = query_integer(db, "PRAGMA application_id");
  if (id && *id == kApplicationId) return Status::success();
  const std::string sql = "PRAGMA application_id = " + std::to_string(kApplicationId);
  if (!id || !exec(db, sql.c_str()))
    return Status::failure(sqlite_error(db, "无法写入数据库标识 application_id"));
  return Status::success();
}

std::string sqlite_reason(sqlite3* db) {
  if (sqlite3_errcode(db) == SQLITE_NOTADB) return "文件不是 SQLite 数据库";
  return std::string("SQLite 错误：") + sqlite3_errmsg(db);
}

Code sqlite_code(sqlite3* db) {
  switch (sqlite3_errcode(db)) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
      return Code::corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Code::busy;
    default:
      return Code::io;
  }
}

Error sqlite_error(sqlite3* db, const std::string& what) {
  return Error{what + "：" + sqlite_reason(db), sqlite_code(db)};
}

int latest_schema_version() { return std::end(kMigrations)[-1].version; }

Result<int> read_schema_version(sqlite3* db) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) != SQLITE_OK)
    return Error{"无法读取数据库版本：" + sqlite_reason(db)};
  int rc = sqlite3_step(stmt);
  int version = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW) return Error{"无法读取数据库版本：" + sqlite_reason(db)};
  return version;
}

Status migrate(sqlite3* db, int target) {
  Result<int> version = read_schema_version(db);
  if (!version) return Status::failure(version.error());
  if (*version > latest_schema_version())
    return Status::failure("数据库结构版本为 " + std::to_string(*version) +
                           "，高于本工具支持的版本 " + std::to_string(latest_schema_version()) +
                           "：该数据库由更新版本的 auditor 创建，请升级 auditor 后再打开");
  // A table rebuild must not cascade its DROP into the child tables. The
  // pragma is a no-op inside a transaction, so it is switched around them.
  const bool foreign_keys = foreign_keys_on(db);
  if (foreign_keys) exec(db, "PRAGMA foreign_keys = OFF");
  Status result = Status::success();
  for (const Migration& m : kMigrations) {
    if (m.version <= *version || m.version > target) continue;
    if (result = apply(db, m); !result.ok()) break;
  }
  if (foreign_keys) exec(db, "PRAGMA foreign_keys = ON");
  return result;
}

}  // namespace auditor

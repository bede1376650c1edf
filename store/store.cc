#include "store/store.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "auditor/round.h"
#include "store/ocr_cache.h"
#include "store/schema.h"
#include "store/statement.h"

namespace auditor {
namespace {

constexpr int kBusyTimeoutMs = 5000;

bool exec(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// An empty string stands for "unknown" in these model fields.
Text non_empty(const std::string& s) { return s.empty() ? Text() : Text(s); }

// BEGIN IMMEDIATE ... rolled back on destruction unless committed.
// All-or-nothing for a group of statements: a transaction of its own, or,
// inside a batch (begin_batch), a savepoint that rolls back alone.
class Transaction {
 public:
  explicit Transaction(sqlite3* db)
      : db_(db),
        nested_(sqlite3_get_autocommit(db) == 0),
        open_(exec(db, nested_ ? "SAVEPOINT one_case" : "BEGIN IMMEDIATE")) {}
  ~Transaction() {
    if (!open_) return;
    if (nested_)
      exec(db_, "ROLLBACK TO one_case"), exec(db_, "RELEASE one_case");
    else
      exec(db_, "ROLLBACK");
  }
  bool open() const { return open_; }
  bool commit() {
    if (exec(db_, nested_ ? "RELEASE one_case" : "COMMIT")) open_ = false;
    return !open_;
  }

 private:
  sqlite3* db_;
  bool nested_;
  bool open_;
};

std::string evidence_json(const std::vector<std::string>& evidence) {
  return nlohmann::json(evidence).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

constexpr std::pair<Source, const char*> kSources[] = {{Source::manifest, "manifest"},
                                                       {Source::title, "title"},
                                                       {Source::name, "name"},
                                                       {Source::folder, "folder"}};

// The case data a manifest declares that has no column of its own.
std::string declared_json(const Case& c) {
  return nlohmann::json{
      {"has_manifest", c.has_manifest}, {"dates", c.info.dates}, {"flags", c.info.flags}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Rows that repeat per case (facts, checks) go in kRowsPerInsert at a time:
// a statement per row cost more than the row. The statement made here takes
// `columns.size()` parameters per row, row after row; a row whose first
// parameter is left NULL is skipped, so it serves any count up to its size.
constexpr std::size_t kRowsPerInsert = 32;

std::string rows_insert(const char* table, std::initializer_list<const char*> columns) {
  std::string names, picked, row;
  int n = 0;
  for (const char* c : columns) {
    names += (n ? ", " : "") + std::string(c);
    picked += (n ? ", column" : "column") + std::to_string(n + 1);
    row += n++ ? ", ?" : "(?";
  }
  row += ")";
  std::string sql = "INSERT INTO " + std::string(table) + " (" + names + ") SELECT " + picked +
                    " FROM (VALUES " + row;
  for (std::size_t k = 1; k < kRowsPerInsert; ++k) sql += ", " + row;
  return sql + ") WHERE column1 IS NOT NULL";
}

// Inserts rows 0..n-1 through `add` (made by rows_insert): bind_row(i, p)
// binds row i's values from parameter p on. False on the first failure.
template <typename BindRow>
bool insert_rows(Statement& add, std::size_t n, BindRow bind_row) {
  for (std::size_t first = 0; first < n; first += kRowsPerInsert) {
    add.clear();
    bool bound = true;
    for (std::size_t k = first; k < n && k < first + kRowsPerInsert && bound; ++k)
      bound = bind_row(k, static_cast<int>(k - first));
    if (!bound || !add.step()) return false;
  }
  return true;
}

}  // namespace

// The statements save_case runs for every case, prepared once per connection.
struct Store::CaseStatements {
  explicit CaseStatements(sqlite3* db)
      : drop(db,
             "DELETE FROM cases WHERE archive = ?1 AND round_id ="
             " (SELECT round_id FROM audit_runs WHERE id = ?2)"),
        add_case(db,
                 "INSERT INTO cases (round_id, archive, sha256, run_id, status, error, case_number,"
                 " street, party, party_id, procedure, fine, score, grade, declared, file_size,"
                 " file_mtime_ns, input_ord, audited_at) VALUES ((SELECT round_id FROM audit_runs"
                 " WHERE id = ?3), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                 " ?15, ?16, ?17, strftime('%Y-%m-%dT%H:%M:%SZ'))"),
        add_document(db,
                     "INSERT INTO documents (case_id, ord, path, format, type, stage, number, date,"
                     " pages, seal, has_text, title, text, type_source, ocr) VALUES (?1, ?2, ?3,"
                     " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"),
        add_facts(db, rows_insert("facts", {"document_id", "kind", "value", "snippet", "ocr_page",
                                            "ocr_confidence"})
                          .c_str()),
        add_signature(db,
                      "INSERT INTO signatures (document_id, sig_id, type, page, time, provider,"
                      " seal_name, refs, digests_ok) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        add_finding(db,
                    "INSERT INTO findings (case_id, ord, rule, kind, severity, stage, document,"
                    " message, basis, evidence, deduction) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                    " ?8, ?9, ?10, ?11)"),
        add_checks(db, rows_insert("checks", {"case_id", "rule", "outcome"}).c_str()),
        // The case row's values as add_case takes them; ?17 the stored case,
        // which must hold ?18 documents and be of the run's round.
        update_case(db,
                    "UPDATE cases SET sha256 = ?2, run_id = ?3, status = ?4, error = ?5,"
                    " case_number = ?6, street = ?7, party = ?8, party_id = ?9, procedure = ?10,"
                    " fine = ?11, score = ?12, grade = ?13, declared = ?14, file_size = ?15,"
                    " file_mtime_ns = ?16, input_ord = COALESCE(?17, input_ord), audited_at = "
                    "strftime('%Y-%m-%dT%H:%M:%SZ')"
                    " WHERE id = ?18 AND archive = ?1"
                    " AND round_id = (SELECT round_id FROM audit_runs WHERE id = ?3)"
                    " AND (SELECT count(*) FROM documents WHERE case_id = ?18) = ?19"),
        update_document(db,
                        "UPDATE documents SET type = ?3, stage = ?4, type_source = ?5,"
                        " number = ?6, date = ?7 WHERE case_id = ?1 AND ord = ?2 RETURNING id"),
        drop_facts(db, "DELETE FROM facts WHERE document_id = ?1"),
        drop_findings(db, "DELETE FROM findings WHERE case_id = ?1"),
        drop_checks(db, "DELETE FROM checks WHERE case_id = ?1") {}

  Statement drop, add_case, add_document, add_facts, add_signature, add_finding, add_checks;
  Statement update_case, update_document, drop_facts, drop_findings, drop_checks;
};

namespace {

// Runs `st` with the values of case `c`'s row as ?1..?16, in add_case's
// order, followed by `more`.
template <typename... More>
bool run_case_row(Statement& st, long long run, const Case& c, const Audit& audit,
                  const More&... more) {
  const CaseInfo& info = c.info;
  std::optional<long long> size, mtime;
  if (c.stamp) size = static_cast<long long>(c.stamp->size), mtime = c.stamp->mtime_ns;
  return st.run(c.archive, non_empty(c.sha256), run, c.rejected ? "rejected" : "audited",
                c.rejected ? non_empty(c.error) : std::nullopt, info.case_number, info.street,
                info.party, info.party_id, info.procedure, info.fine,
                c.rejected ? std::nullopt : std::optional<double>(audit.score),
                c.rejected ? std::nullopt : non_empty(audit.grade), declared_json(c), size, mtime,
                c.input_ord, more...);
}

// Inserts the findings and check outcomes of case `case_id`.
std::string insert_results(sqlite3* db, Store::CaseStatements& st, long long case_id,
                           const Audit& audit) {
  int ord = 0;
  for (const Finding& f : audit.findings)
    if (!st.add_finding.run(case_id, ++ord, f.rule, f.kind, f.severity, f.stage, f.document,
                            f.message, non_empty(f.basis), evidence_json(f.evidence), f.deduction))
      return sqlite_reason(db);

  Statement& add_check = st.add_checks;
  if (!insert_rows(add_check, audit.checks.size(), [&](std::size_t i, int row) {
        const int p = 3 * row + 1;
        return add_check.set(p, case_id) && add_check.set(p + 1, audit.checks[i].rule) &&
               add_check.set(p + 2, outcome_name(audit.checks[i].outcome));
      }))
    return sqlite_reason(db);
  return {};
}

// Inserts `facts`, each with its document's id.
bool insert_facts(Store::CaseStatements& st,
                  const std::vector<std::pair<long long, const Fact*>>& facts) {
  Statement& add_fact = st.add_facts;
  return insert_rows(add_fact, facts.size(), [&](std::size_t i, int row) {
    const auto& [document_id, f] = facts[i];
    const int p = 6 * row + 1;
    const bool ocr = f->ocr_page != 0;
    return add_fact.set(p, document_id) && add_fact.set(p + 1, f->kind) &&
           add_fact.set(p + 2, f->value) && add_fact.set(p + 3, non_empty(f->snippet)) &&
           add_fact.set(p + 4, ocr ? std::optional<int>(f->ocr_page) : std::nullopt) &&
           add_fact.set(p + 5, ocr ? std::optional<int>(f->ocr_confidence) : std::nullopt);
  });
}

// Inserts the rows of one case. Returns the reason of the first failed
// statement (taken while it is still alive), empty on success.
std::string insert_case(sqlite3* db, Store::CaseStatements& st, long long run, const Case& c,
                        const Audit& audit) {
  if (!run_case_row(st.add_case, run, c, audit)) return sqlite_reason(db);
  const long long case_id = sqlite3_last_insert_rowid(db);

  std::vector<std::pair<long long, const Fact*>> facts;  // with their document's id
  int ord = 0;
  for (const Document& d : c.documents) {
    if (!st.add_document.run(case_id, ++ord, d.path, d.format, d.type, d.stage, d.number, d.date,
                             d.pages, d.seal, d.has_text ? 1 : 0, non_empty(d.title), d.text,
                             source_name(d.type_source), ocr_pages_json(d)))
      return sqlite_reason(db);
    const long long document_id = sqlite3_last_insert_rowid(db);
    for (const Fact& f : d.facts) facts.emplace_back(document_id, &f);
    for (const Signature& s : d.signatures)
      if (!st.add_signature.run(document_id, s.id, s.type, s.page, s.time, s.provider, s.seal_name,
                                s.references, s.digests_ok))
        return sqlite_reason(db);
  }

  if (!insert_facts(st, facts)) return sqlite_reason(db);
  if (std::string why = cache_ocr_readings(db, c); !why.empty()) return why;
  return insert_results(db, st, case_id, audit);
}

// Writes case `c` of `run`. A stored case read back and saved into its own
// round with the documents it was stored with (a re-check, the numbering
// post-pass) is updated in place: its row, its documents' types, numbers,
// dates and facts (a re-check reads the facts of the stored texts again),
// findings and checks; the texts and signatures stay as stored. Any other
// case is inserted, replacing the round's earlier case of the same archive.
std::string write_case(sqlite3* db, Store::CaseStatements& st, long long run, const Case& c,
                       const Audit& audit) {
  if (c.stored_id != 0) {
    if (!run_case_row(st.update_case, run, c, audit, c.stored_id,
                      static_cast<long long>(c.documents.size())))
      return sqlite_reason(db);
    if (sqlite3_changes(db) == 1) {
      int ord = 0;
      std::vector<std::pair<long long, const Fact*>> facts;  // with their document's id
      for (const Document& d : c.documents) {
        if (!st.update_document.run(c.stored_id, ++ord, d.type, d.stage, source_name(d.type_source),
                                    d.number, d.date) ||
            !st.update_document.has_row())
          return sqlite_reason(db);
        const long long document_id = st.update_document.integer(0);
        st.update_document.step();  // to completion
        if (!st.drop_facts.run(document_id)) return sqlite_reason(db);
        for (const Fact& f : d.facts) facts.emplace_back(document_id, &f);
      }
      if (!insert_facts(st, facts)) return sqlite_reason(db);
      if (!st.drop_findings.run(c.stored_id) || !st.drop_checks.run(c.stored_id))
        return sqlite_reason(db);
      return insert_results(db, st, c.stored_id, audit);
    }
  }
  // ON DELETE CASCADE removes the earlier documents, facts, findings, checks.
  if (!st.drop.run(c.archive, run)) return sqlite_reason(db);
  return insert_case(db, st, run, c, audit);
}

// The id of round `name`, created with `mode` (empty: inspection) at
// `created_at` when new. An empty `mode` joins an existing round in its own.
Result<long long> find_or_add_round(sqlite3* db, const std::string& name, const std::string& mode,
                                    const std::string& created_at) {
  Statement find(db, "SELECT id, mode FROM rounds WHERE name = ?1");
  if (!find.run(name)) return sqlite_error(db, "无法查询审查轮次");
  if (find.has_row()) {
    const std::string existing = find.opt_text(1).value_or("");
    if (!mode.empty() && existing != mode)
      return Error{"审查轮次「" + name + "」已按" + mode_label(existing) + "建立，不能再以" +
                   mode_label(mode) + "方式加入；请换一个轮次名称"};
    return find.integer(0);
  }
  Statement add(db, "INSERT INTO rounds (name, mode, created_at) VALUES (?1, ?2, ?3)");
  if (!add.run(name, mode.empty() ? std::string("inspection") : mode, created_at))
    return sqlite_error(db, "无法记录审查轮次");
  return static_cast<long long>(sqlite3_last_insert_rowid(db));
}

}  // namespace

const char* source_name(Source s) {
  for (const auto& [source, name] : kSources)
    if (source == s) return name;
  return nullptr;
}

Source source_from(std::string_view name) {
  for (const auto& [source, stored] : kSources)
    if (name == stored) return source;
  return Source::none;
}

namespace {

// SQLite keeps memory statistics under one global mutex taken on every
// allocation: the threads of `auditor serve` and of a parallel audit queued
// on it. Nothing here reads them. SQLite takes the setting only before it
// initialises (the first open); later calls change nothing.
void configure_sqlite() {
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)configured;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& file) {
  configure_sqlite();
  // Another program's database is refused before anything can write to it.
  if (Status s = check_database_owner(file); !s.ok()) return Error{s.reason, s.code};
  sqlite3* db = nullptr;
  // One thread at a time uses a Store, so the connection needs no mutex.
  int rc =
      sqlite3_open_v2(file.string().c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Store> store(new Store(db));  // a failed open still needs closing
  if (rc != SQLITE_OK) return sqlite_error(db, "无法打开数据库文件 " + file.string());
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (!exec(db, "PRAGMA foreign_keys = ON")) return sqlite_error(db, "无法启用外键约束");
  // WAL before the migrations, so that they commit without a sync each; but
  // a database this build refuses (a newer schema: migrate() says so) is left
  // exactly as found.
  Result<int> version = read_schema_version(db);
  if (version && *version <= latest_schema_version()) {
    if (!exec(db, "PRAGMA journal_mode = WAL")) return sqlite_error(db, "无法启用 WAL 日志模式");
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed
    // process loses nothing committed; a power cut may lose the last commits,
    // never consistency.
    if (!exec(db, "PRAGMA synchronous = NORMAL")) return sqlite_error(db, "无法设置同步模式");
  }
  if (Status s = migrate(db); !s.ok()) return Error{s.reason, s.code};
  if (Status s = stamp_application_id(db); !s.ok()) return Error{s.reason, s.code};
  // Each case of a batch is a savepoint: SQLite keeps the pages it changes
  // in a sub-journal, in memory with this (a few hundred KB per case);
  // otherwise a temporary file took about 8 times the database's size.
  if (!exec(db, "PRAGMA temp_store = MEMORY")) return sqlite_error(db, "无法设置临时存储");
  // A batch changes a few MB of pages: with SQLite's default 2 MB cache they
  // were evicted and read back mid-batch. Pages are allocated as used.
  if (!exec(db, "PRAGMA cache_size = -32768")) return sqlite_error(db, "无法设置数据库缓存");
  return store;
}

Result<std::unique_ptr<Store>> Store::open_read_only(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    return Error{"数据库文件 " + file.string() + " 不存在", Code::not_found};
  configure_sqlite();
  // Another program's database is refused before a connection could add
  // its -shm beside it. A reader may open while an audit checkpoints, and
  // the main file alone is then no snapshot (SQLite: "malformed"): what
  // that check could not read is decided through the connection below.
  const Status owner = check_database_owner(file);
  if (!owner.ok() && owner.code == Code::invalid) return Error{owner.reason, owner.code};
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(file.string().c_str(), &db,
                                 SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<Store> store(new Store(db));
  if (rc != SQLITE_OK) return sqlite_error(db, "无法打开数据库文件 " + file.string());
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (!owner.ok())
    if (Status s = check_database_owner(db, file); !s.ok()) return Error{s.reason, s.code};
  // A reader (one request of `auditor serve`, a report) reads pages through
  // the mapping the operating system shares, not each into its own cache.
  if (!exec(db, "PRAGMA mmap_size = 268435456")) return sqlite_error(db, "无法设置数据库映射");
  Result<int> version = read_schema_version(db);
  if (!version) return Error{version.error(), Code::corrupt};
  if (*version != latest_schema_version())
    return Error{"数据库 " + file.string() + " 的版本（第 " + std::to_string(*version) +
                     " 版）与本程序（第 " + std::to_string(latest_schema_version()) +
                     " 版）不同；请先用本程序的 auditor audit 打开一次以升级",
                 *version > latest_schema_version() ? Code::unsupported : Code::corrupt};
  return store;
}

Status Store::check_file(const std::filesystem::path& file) { return check_database_owner(file); }

Store::Store(sqlite3* db) : db_(db) {}

Store::~Store() {
  statements_.reset();  // finalized before the connection closes
  sqlite3_close_v2(db_);
}

Result<long long> Store::begin_run(const RunInfo& run) {
  if (Result<std::string> mode = round_mode(run.mode);
      !run.mode.empty() && (!mode || *mode != run.mode))
    return Error{mode ? "审查方式应以 inspection 或 self_check 保存，不能是 " + run.mode
                      : mode.error()};
  Transaction tx(db_);
  if (!tx.open()) return sqlite_error(db_, "无法开始数据库事务");
  // An empty started_at is the time of this call; the round shares it.
  Statement clock(db_, "SELECT COALESCE(NULLIF(?1, ''), strftime('%Y-%m-%dT%H:%M:%SZ'))");
  if (!clock.run(run.started_at)) return sqlite_error(db_, "无法读取时间");
  const std::string started = clock.opt_text(0).value_or(run.started_at);
  const std::string name =
      run.round.empty() ? default_round_name(started.substr(0, 10)) : run.round;
  Result<long long> round = find_or_add_round(db_, name, run.mode, started);
  if (!round) return round.failure();
  Statement add_run(
      db_,
      "INSERT INTO audit_runs (round_id, inspector, started_at, tool_version, checklist_id,"
      " checklist_version, checklist_sha256) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!add_run.run(*round, non_empty(run.inspector), started, run.tool_version, run.checklist_id,
                   run.checklist_version, run.checklist_sha256))
    return sqlite_error(db_, "无法记录审查批次");
  const long long id = sqlite3_last_insert_rowid(db_);
  if (!tx.commit()) return sqlite_error(db_, "无法记录审查批次");
  return id;
}

Status Store::save_case(long long run, const Case& c, const Audit& audit) {
  Transaction tx(db_);
  if (!tx.open()) return Status::failure(sqlite_error(db_, "无法开始数据库事务"));
  if (!statements_) statements_ = std::make_unique<CaseStatements>(db_);
  std::string why = write_case(db_, *statements_, run, c, audit);
  if (why.empty() && !tx.commit()) why = sqlite_reason(db_);
  if (!why.empty()) return Status::failure("保存审查结果失败，该案卷原有的结果保持不变：" + why);
  return Status::success();
}

Status Store::begin_batch() {
  if (!exec(db_, "BEGIN IMMEDIATE"))
    return Status::failure(sqlite_error(db_, "无法开始数据库事务"));
  return Status::success();
}

Status Store::commit_batch() {
  if (!exec(db_, "COMMIT")) {
    const std::string why = sqlite_reason(db_);
    exec(db_, "ROLLBACK");
    return Status::failure("保存审查结果失败（本批案卷未写入，下次审查会重新处理）：" + why);
  }
  return Status::success();
}

Status Store::end_run(long long run) {
  Statement finish(
      db_, "UPDATE audit_runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ') WHERE id = ?1");
  if (!finish.run(run)) return Status::failure(sqlite_error(db_, "无法记录批次结束时间"));
  if (sqlite3_changes(db_) == 0)
    return Status::failure("找不到审查批次 " + std::to_string(run), Code::not_found);
  return Status::success();
}

Result<std::optional<std::string>> Store::archive_sha256(const std::string& archive) {
  Statement find(db_, "SELECT sha256 FROM cases WHERE archive = ?1 ORDER BY id DESC LIMIT 1");
  if (!find.run(archive)) return sqlite_error(db_, "无法查询数据库");
  if (!find.has_row()) return std::optional<std::string>();
  return find.opt_text(0);
}

int Store::schema_version() const {
  Result<int> version = read_schema_version(db_);
  return version ? *version : 0;
}

}  // namespace auditor

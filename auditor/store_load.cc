#include "auditor/store_load.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

namespace auditor {
namespace {

// A prepared statement finalized on scope exit.
class Query {
 public:
  Query(sqlite3* db, const char* sql) { ok_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) == SQLITE_OK; }
  ~Query() { sqlite3_finalize(s_); }
  bool ok() const { return ok_; }
  void reset() { sqlite3_reset(s_); }
  void bind(int i, long long v) { sqlite3_bind_int64(s_, i, v); }
  bool step() { return sqlite3_step(s_) == SQLITE_ROW; }
  std::string str(int i) const {
    const unsigned char* t = sqlite3_column_text(s_, i);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, i))
             : std::string();
  }
  Text text(int i) const {
    if (sqlite3_column_type(s_, i) == SQLITE_NULL) return std::nullopt;
    return str(i);
  }
  std::optional<int> integer(int i) const {
    if (sqlite3_column_type(s_, i) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_int(s_, i);
  }
  double real(int i) const { return sqlite3_column_double(s_, i); }
  long long id(int i) const { return sqlite3_column_int64(s_, i); }
  bool null(int i) const { return sqlite3_column_type(s_, i) == SQLITE_NULL; }

 private:
  sqlite3_stmt* s_ = nullptr;
  bool ok_ = false;
};

Error db_error(sqlite3* db) { return Error{std::string("读取数据库失败：") + sqlite3_errmsg(db)}; }

Outcome outcome_from(const std::string& s) {
  for (Outcome o : {Outcome::passed, Outcome::failed, Outcome::not_applicable, Outcome::not_checkable})
    if (s == outcome_name(o)) return o;
  return Outcome::not_checkable;
}

// The string members of object `key` of `j`; others are skipped.
std::map<std::string, std::string> string_map(const nlohmann::json& j, const char* key) {
  std::map<std::string, std::string> out;
  if (auto it = j.find(key); it != j.end() && it->is_object())
    for (const auto& [k, v] : it->items())
      if (v.is_string()) out[k] = v.get<std::string>();
  return out;
}

// Documents in stored order; with Load::full also their texts, facts and
// signatures.
bool load_documents(sqlite3* db, long long case_id, Load what, Case& c) {
  Query docs(db,
             "SELECT id, path, format, type, stage, number, date, pages, seal, has_text, title, text,"
             " type_source FROM documents WHERE case_id = ?1 ORDER BY ord");
  Query facts(db, "SELECT kind, value, snippet FROM facts WHERE document_id = ?1 ORDER BY rowid");
  Query sigs(db,
             "SELECT sig_id, type, page, time, provider, seal_name, refs, digests_ok"
             " FROM signatures WHERE document_id = ?1 ORDER BY rowid");
  if (!docs.ok() || !facts.ok() || !sigs.ok()) return false;
  docs.bind(1, case_id);
  while (docs.step()) {
    Document d;
    d.path = docs.str(1);
    d.format = docs.str(2);
    d.type = docs.text(3);
    d.stage = docs.integer(4);
    d.number = docs.text(5);
    d.date = docs.text(6);
    d.pages = docs.integer(7);
    d.seal = docs.text(8);
    d.has_text = docs.integer(9).value_or(0) == 1;
    d.title = docs.str(10);
    d.type_source = source_from(docs.str(12));
    if (what == Load::summary) {
      c.documents.push_back(std::move(d));
      continue;
    }
    d.text = docs.str(11);
    facts.reset();
    facts.bind(1, docs.id(0));
    while (facts.step()) d.facts.push_back({facts.str(0), facts.str(1), facts.str(2)});
    sigs.reset();
    sigs.bind(1, docs.id(0));
    while (sigs.step()) {
      const Query& s = sigs;
      Signature g;
      g.id = s.str(0);
      g.type = s.str(1);
      g.page = s.integer(2);
      g.time = s.text(3);
      g.provider = s.text(4);
      g.seal_name = s.text(5);
      g.references = s.integer(6).value_or(0);
      g.digests_ok = s.integer(7).value_or(0);
      d.signatures.push_back(std::move(g));
    }
    c.documents.push_back(std::move(d));
  }
  return true;
}

bool load_findings(sqlite3* db, long long case_id, CaseResult& r) {
  Query q(db,
          "SELECT rule, kind, severity, stage, document, message, basis, evidence, deduction"
          " FROM findings WHERE case_id = ?1 ORDER BY ord");
  if (!q.ok()) return false;
  q.bind(1, case_id);
  while (q.step()) {
    Finding f;
    f.rule = q.str(0);
    f.kind = q.str(1);
    f.severity = q.str(2);
    f.stage = q.integer(3);
    f.document = q.text(4);
    f.message = q.str(5);
    f.basis = q.str(6);
    nlohmann::json ev = nlohmann::json::parse(q.str(7), nullptr, false);
    if (ev.is_array())
      for (const auto& e : ev)
        if (e.is_string()) f.evidence.push_back(e.get<std::string>());
    f.deduction = q.real(8);
    if (f.kind == "import" && f.document) {
      // The reason is the last evidence line "原因：…", as the checker writes it.
      std::string reason = f.message;
      const std::string mark = "原因：";
      if (!f.evidence.empty() && f.evidence.back().starts_with(mark))
        reason = f.evidence.back().substr(mark.size());
      r.c.issues.push_back({*f.document, reason});
    }
    r.audit.findings.push_back(std::move(f));
  }
  Query k(db, "SELECT rule, outcome FROM checks WHERE case_id = ?1 ORDER BY rowid");
  if (!k.ok()) return false;
  k.bind(1, case_id);
  while (k.step()) r.audit.checks.push_back({k.str(0), outcome_from(k.str(1))});
  return true;
}

}  // namespace

Result<std::map<std::string, StoredAudit>> load_stored_index(Store& store) {
  sqlite3* db = store.handle();
  // Latest = highest case id per archive path, across rounds.
  Query q(db,
          "SELECT c.archive, c.id, c.sha256, r.checklist_sha256, o.name, c.declared IS NOT NULL,"
          " c.file_size, c.file_mtime_ns FROM cases c"
          " JOIN audit_runs r ON r.id = c.run_id JOIN rounds o ON o.id = c.round_id"
          " WHERE c.id = (SELECT max(id) FROM cases WHERE archive = c.archive)");
  if (!q.ok()) return db_error(db);
  std::map<std::string, StoredAudit> out;
  while (q.step()) {
    StoredAudit& a = out[q.str(0)];
    a = {q.id(1), q.str(2), q.str(3), q.str(4), q.integer(5).value_or(0) == 1, std::nullopt};
    if (!q.null(6) && !q.null(7)) a.stamp = FileStamp{static_cast<std::uintmax_t>(q.id(6)), q.id(7)};
  }
  return out;
}

Result<CaseResult> load_case(Store& store, long long case_id, Load what) {
  sqlite3* db = store.handle();
  Query q(db,
          "SELECT archive, sha256, status, error, case_number, street, party, party_id,"
          " procedure, fine, score, grade, declared, file_size, file_mtime_ns FROM cases"
          " WHERE id = ?1");
  if (!q.ok()) return db_error(db);
  q.bind(1, case_id);
  if (!q.step()) return Error{"数据库中没有编号为 " + std::to_string(case_id) + " 的案卷"};
  CaseResult r;
  r.c.archive = q.str(0);
  r.c.sha256 = q.str(1);
  r.c.rejected = q.str(2) == "rejected";
  r.c.error = q.str(3);
  r.c.info.case_number = q.text(4);
  r.c.info.street = q.text(5);
  r.c.info.party = q.text(6);
  r.c.info.party_id = q.text(7);
  r.c.info.procedure = q.text(8);
  if (!q.null(9)) r.c.info.fine = q.real(9);
  r.audit.score = q.real(10);
  r.audit.grade = q.str(11);
  if (!q.null(13) && !q.null(14))
    r.c.stamp = FileStamp{static_cast<std::uintmax_t>(q.id(13)), q.id(14)};
  const nlohmann::json declared = nlohmann::json::parse(q.str(12), nullptr, false);
  if (declared.is_object()) {
    r.c.has_manifest = declared.contains("has_manifest") && declared["has_manifest"] == true;
    r.c.info.dates = string_map(declared, "dates");
    r.c.info.flags = string_map(declared, "flags");
  }
  if (!load_documents(db, case_id, what, r.c) || !load_findings(db, case_id, r)) return db_error(db);
  return r;
}

}  // namespace auditor

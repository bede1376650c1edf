#include "store/case_reader.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "store/ocr_cache.h"
#include "store/schema.h"
#include "store/statement.h"
#include "store/store_internal.h"

namespace auditor {
namespace {

Error db_error(sqlite3* db) { return sqlite_error(db, "读取数据库失败"); }

// The string members of object `key` of `j`; others are skipped.
std::map<std::string, std::string> string_map(const nlohmann::json& j, const char* key) {
  std::map<std::string, std::string> out;
  if (auto it = j.find(key); it != j.end() && it->is_object())
    for (const auto& [k, v] : it->items())
      if (v.is_string()) out[k] = v.get<std::string>();
  return out;
}

}  // namespace

// The queries of load(), prepared once; each is reset and bound per case.
struct CaseLoader::Queries {
  explicit Queries(sqlite3* db)
      : case_row(db,
                 "SELECT archive, sha256, status, error, case_number, street, party, party_id,"
                 " procedure, fine, score, grade, declared, file_size, file_mtime_ns FROM cases"
                 " WHERE id = ?1"),
        // A summary leaves out the text and what is stored after it
        // (type_source): reaching those columns reads the text's overflow pages.
        docs_full(db,
                  "SELECT id, path, format, type, stage, number, date, pages, seal, has_text,"
                  " title, text, type_source, ocr FROM documents WHERE case_id = ?1 ORDER BY ord"),
        docs_summary(db,
                     "SELECT id, path, format, type, stage, number, date, pages, seal, has_text,"
                     " title FROM documents WHERE case_id = ?1 ORDER BY ord"),
        facts(db,
              "SELECT kind, value, snippet, ocr_page, ocr_confidence FROM facts"
              " WHERE document_id = ?1 ORDER BY rowid"),
        sigs(db,
             "SELECT sig_id, type, page, time, provider, seal_name, refs, digests_ok"
             " FROM signatures WHERE document_id = ?1 ORDER BY rowid"),
        findings(db,
                 "SELECT rule, kind, severity, stage, document, message, basis, evidence,"
                 " deduction FROM findings WHERE case_id = ?1 ORDER BY ord"),
        findings_brief(db,
                       "SELECT rule, kind, severity FROM findings WHERE case_id = ?1"
                       " ORDER BY ord"),
        checks(db, "SELECT rule, outcome FROM checks WHERE case_id = ?1 ORDER BY rowid") {}

  Statement case_row, docs_full, docs_summary, facts, sigs, findings, findings_brief, checks;

  // Documents in stored order; with Load::full also their texts, type
  // sources, facts and signatures.
  bool load_documents(long long case_id, Load what, Case& c);
  // Findings, and the check outcomes; with Load::findings only the rule,
  // kind and severity of each finding.
  bool load_findings(long long case_id, Load what, CaseResult& r);
};

bool CaseLoader::Queries::load_documents(long long case_id, Load what, Case& c) {
  Statement& docs = what == Load::full ? docs_full : docs_summary;
  docs.reset();
  docs.bind(1, case_id);
  while (docs.next()) {
    Document d = document_row(docs, 1);
    if (what == Load::summary) {
      c.documents.push_back(std::move(d));
      continue;
    }
    d.text = docs.text(11);
    d.type_source = source_from(docs.text(12));
    if (!docs.null(13)) d.ocr_pages = ocr_pages_from_json(docs.text(13));
    facts.reset();
    facts.bind(1, docs.integer(0));
    while (facts.next())
      d.facts.push_back({facts.text(0), facts.text(1), facts.text(2), facts.opt_int(3).value_or(0),
                         facts.opt_int(4).value_or(0)});
    sigs.reset();
    sigs.bind(1, docs.integer(0));
    while (sigs.next()) {
      const Statement& s = sigs;
      Signature g;
      g.id = s.text(0);
      g.type = s.text(1);
      g.page = s.opt_int(2);
      g.time = s.opt_text(3);
      g.provider = s.opt_text(4);
      g.seal_name = s.opt_text(5);
      g.references = static_cast<int>(s.integer(6));
      g.digests_ok = static_cast<int>(s.integer(7));
      d.signatures.push_back(std::move(g));
    }
    c.documents.push_back(std::move(d));
  }
  return !docs.failed() && !facts.failed() && !sigs.failed();
}

bool CaseLoader::Queries::load_findings(long long case_id, Load what, CaseResult& r) {
  if (what == Load::findings) {
    findings_brief.reset();
    findings_brief.bind(1, case_id);
    while (findings_brief.next()) {
      Finding f;
      f.rule = findings_brief.text(0);
      f.kind = findings_brief.text(1);
      f.severity = findings_brief.text(2);
      r.audit.findings.push_back(std::move(f));
    }
    return !findings_brief.failed();
  }
  Statement& q = findings;
  q.reset();
  q.bind(1, case_id);
  while (q.next()) {
    Finding f = finding_row(q, 0);
    // An import issue is the finding whose last evidence line is its reason,
    // "原因：…", as the checker writes it; the other import finding, a text
    // document without text (no_text, "格式：…"), is not an issue: the
    // document's has_text says it again on a re-check.
    const std::string mark = "原因：";
    if (f.kind == "import" && f.document && !f.evidence.empty() &&
        f.evidence.back().starts_with(mark))
      r.c.issues.push_back({*f.document, f.evidence.back().substr(mark.size())});
    r.audit.findings.push_back(std::move(f));
  }
  checks.reset();
  checks.bind(1, case_id);
  while (checks.next()) r.audit.checks.push_back({checks.text(0), outcome_named(checks.text(1))});
  return !q.failed() && !checks.failed();
}

Result<std::map<std::string, StoredAudit>> load_stored_index(Store& store) {
  sqlite3* db = StoreAccess::db(store);
  // Latest = highest case id per archive path, across rounds.
  Statement q(
      db,
      "SELECT c.archive, c.id, c.sha256, r.checklist_sha256, o.name, c.declared IS NOT NULL,"
      " c.file_size, c.file_mtime_ns FROM cases c"
      " JOIN audit_runs r ON r.id = c.run_id JOIN rounds o ON o.id = c.round_id"
      " WHERE c.id = (SELECT max(id) FROM cases WHERE archive = c.archive)");
  std::map<std::string, StoredAudit> out;
  while (q.next()) {
    StoredAudit& a = out[q.text(0)];
    a = {q.integer(1), q.text(2), q.text(3), q.text(4), q.integer(5) == 1, std::nullopt};
    if (!q.null(6) && !q.null(7))
      a.stamp = FileStamp{static_cast<std::uintmax_t>(q.integer(6)), q.integer(7)};
  }
  if (q.failed()) return db_error(db);
  return out;
}

CaseLoader::CaseLoader(Store& store)
    : db_(StoreAccess::db(store)), q_(std::make_unique<Queries>(StoreAccess::db(store))) {}

CaseLoader::~CaseLoader() = default;

Result<CaseResult> CaseLoader::load(long long case_id, Load what) {
  Statement& q = q_->case_row;
  q.reset();
  q.bind(1, case_id);
  if (!q.next()) {
    if (q.failed()) return db_error(db_);
    return Error{"数据库中没有编号为 " + std::to_string(case_id) + " 的案卷", Code::not_found};
  }
  CaseResult r;
  r.c.stored_id = case_id;
  r.c.archive = q.text(0);
  r.c.sha256 = q.text(1);
  r.c.rejected = q.text(2) == "rejected";
  r.c.error = q.text(3);
  r.c.info.case_number = q.opt_text(4);
  r.c.info.street = q.opt_text(5);
  r.c.info.party = q.opt_text(6);
  r.c.info.party_id = q.opt_text(7);
  r.c.info.procedure = q.opt_text(8);
  r.c.info.fine = q.opt_real(9);
  r.audit.score = q.real(10);
  r.audit.grade = q.text(11);
  if (!q.null(13) && !q.null(14))
    r.c.stamp = FileStamp{static_cast<std::uintmax_t>(q.integer(13)), q.integer(14)};
  const nlohmann::json declared = nlohmann::json::parse(q.text(12), nullptr, false);
  if (declared.is_object()) {
    r.c.has_manifest = declared.contains("has_manifest") && declared["has_manifest"] == true;
    r.c.info.dates = string_map(declared, "dates");
    r.c.info.flags = string_map(declared, "flags");
  }
  q.reset();  // done with the row: no statement stays open between loads
  const bool documents = what == Load::findings || q_->load_documents(case_id, what, r.c);
  if (!documents || !q_->load_findings(case_id, what, r)) return db_error(db_);
  return r;
}

}  // namespace auditor

#include "store/case_access.h"

#include <sqlite3.h>

#include "auditor/draw.h"
#include "store/record.h"
#include "store/schema.h"
#include "store/statement.h"
#include "store/store_internal.h"

namespace auditor {
namespace {

constexpr char kRounds[] = "SELECT id, name, mode, created_at FROM rounds";

// The case number and street as the JSON result states them: declared, else
// the first fact of that kind in archive order.
constexpr char kCaseRows[] =
    "SELECT c.id, c.round_id, c.archive, c.status, c.error,"
    " COALESCE(c.case_number, (SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id"
    "   WHERE d.case_id = c.id AND f.kind = 'case_number' AND d.type = 'filing_approval'"
    "   ORDER BY d.ord, f.rowid LIMIT 1),"
    " (SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id"
    "   WHERE d.case_id = c.id AND f.kind = 'case_number' ORDER BY d.ord, f.rowid LIMIT 1)),"
    " COALESCE(c.street, (SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id"
    "   WHERE d.case_id = c.id AND f.kind = 'street' ORDER BY d.ord, f.rowid LIMIT 1)),"
    " c.score, c.grade, c.run_id FROM cases c";

RoundInfo round_row(const Statement& r) { return {r.integer(0), r.text(1), r.text(2), r.text(3)}; }

CaseRow case_row(const Statement& r) {
  CaseRow c;
  c.id = r.integer(0);
  c.round_id = r.integer(1);
  c.archive = r.text(2);
  c.rejected = r.text(3) == "rejected";
  c.error = r.opt_text(4);
  c.case_number = r.opt_text(5);
  c.street = r.opt_text(6);
  c.score = r.opt_real(7);
  c.grade = r.opt_text(8);
  c.run_id = r.integer(9);
  return c;
}

bool in_scope(const CaseRow& c, const std::optional<std::string>& street) {
  if (!street) return true;
  return c.street && !c.street->empty() && same_street(*c.street, *street);
}

}  // namespace

Result<std::vector<RoundInfo>> list_rounds(Store& store) {
  sqlite3* db = StoreAccess::db(store);
  Statement rows(db, (std::string(kRounds) + " ORDER BY id").c_str());
  std::vector<RoundInfo> out;
  while (rows.next()) out.push_back(round_row(rows));
  if (rows.failed()) return sqlite_error(db, "无法读取审查轮次");
  return out;
}

Result<std::optional<RoundInfo>> round_by_id(Store& store, long long id) {
  sqlite3* db = StoreAccess::db(store);
  Statement row(db, (std::string(kRounds) + " WHERE id = ?1").c_str());
  row.bind(1, id);
  if (row.next()) return std::optional<RoundInfo>(round_row(row));
  if (row.failed()) return sqlite_error(db, "无法读取审查轮次");
  return std::optional<RoundInfo>();
}

Result<std::optional<RoundInfo>> insert_round(Store& store, const std::string& name,
                                              const std::string& mode) {
  sqlite3* db = StoreAccess::db(store);
  Statement find(db, "SELECT 1 FROM rounds WHERE name = ?1");
  if (!find.run(name)) return sqlite_error(db, "无法查询审查轮次");
  if (find.has_row()) return std::optional<RoundInfo>();
  Result<std::string> now = record_now(store);
  if (!now) return now.failure();
  Statement add(db, "INSERT INTO rounds (name, mode, created_at) VALUES (?1, ?2, ?3)");
  if (!add.run(name, mode, *now)) return sqlite_error(db, "无法记录审查轮次");
  return std::optional<RoundInfo>(
      RoundInfo{static_cast<long long>(sqlite3_last_insert_rowid(db)), name, mode, *now});
}

Result<std::vector<CaseRow>> list_case_rows(Store& store, long long round_id,
                                            const std::optional<std::string>& street) {
  sqlite3* db = StoreAccess::db(store);
  Statement rows(db, (std::string(kCaseRows) + " WHERE c.round_id = ?1 ORDER BY c.id").c_str());
  rows.bind(1, round_id);
  std::vector<CaseRow> out;
  while (rows.next()) {
    CaseRow c = case_row(rows);
    if (in_scope(c, street)) out.push_back(std::move(c));
  }
  if (rows.failed()) return sqlite_error(db, "无法读取案卷");
  return out;
}

Result<std::optional<CaseRow>> find_case_row(Store& store, long long case_id,
                                             const std::optional<std::string>& street) {
  sqlite3* db = StoreAccess::db(store);
  Statement row(db, (std::string(kCaseRows) + " WHERE c.id = ?1").c_str());
  row.bind(1, case_id);
  if (row.next()) {
    CaseRow c = case_row(row);
    if (in_scope(c, street)) return std::optional<CaseRow>(std::move(c));
    return std::optional<CaseRow>();
  }
  if (row.failed()) return sqlite_error(db, "无法读取案卷");
  return std::optional<CaseRow>();
}

Result<std::map<long long, std::vector<Finding>>> load_case_findings(
    Store& store, const std::vector<long long>& case_ids) {
  sqlite3* db = StoreAccess::db(store);
  Statement rows(db,
                 "SELECT rule, kind, severity, stage, document, message, basis, evidence, deduction"
                 " FROM findings WHERE case_id = ?1 ORDER BY ord");
  std::map<long long, std::vector<Finding>> out;
  for (long long id : case_ids) {
    rows.reset();
    rows.bind(1, id);
    while (rows.next()) out[id].push_back(finding_row(rows, 0));
    if (rows.failed()) return sqlite_error(db, "无法读取案卷的问题");
  }
  return out;
}

}  // namespace auditor

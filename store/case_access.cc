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
constexpr char kCaseStreet[] =
    "COALESCE(c.street, (SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id"
    "   WHERE d.case_id = c.id AND f.kind = 'street' ORDER BY d.ord, f.rowid LIMIT 1))";
const std::string kCaseRows =
    "SELECT c.id, c.round_id, c.archive, c.status, c.error,"
    " COALESCE(c.case_number, (SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id"
    "   WHERE d.case_id = c.id AND f.kind = 'case_number' AND d.type = 'filing_approval'"
    "   ORDER BY d.ord, f.rowid LIMIT 1),"
    " (SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id"
    "   WHERE d.case_id = c.id AND f.kind = 'case_number' ORDER BY d.ord, f.rowid LIMIT 1)), " +
    std::string(kCaseStreet) + ", c.score, c.grade, c.run_id FROM cases c";
// Each case's round and street (as kCaseRows states it).
const std::string kCaseStreets = "SELECT c.round_id, " + std::string(kCaseStreet) + " FROM cases c";

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

bool of_street(const std::optional<std::string>& case_street, const std::string& street) {
  return case_street && !case_street->empty() && same_street(*case_street, street);
}

}  // namespace

bool in_scope(const CaseRow& c, const std::optional<std::string>& street) {
  return !street || of_street(c.street, *street);
}

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
  Statement rows(db, (kCaseRows + " WHERE c.round_id = ?1 ORDER BY c.id").c_str());
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
  Statement row(db, (kCaseRows + " WHERE c.id = ?1").c_str());
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

Result<std::map<long long, std::size_t>> case_counts(Store& store,
                                                     const std::optional<std::string>& street) {
  sqlite3* db = StoreAccess::db(store);
  std::map<long long, std::size_t> out;
  if (!street) {
    Statement rows(db, "SELECT round_id, count(*) FROM cases GROUP BY round_id");
    while (rows.next()) out[rows.integer(0)] = static_cast<std::size_t>(rows.integer(1));
    if (rows.failed()) return sqlite_error(db, "无法统计案卷");
    return out;
  }
  Statement rows(db, kCaseStreets.c_str());
  while (rows.next())
    if (of_street(rows.opt_text(1), *street)) ++out[rows.integer(0)];
  if (rows.failed()) return sqlite_error(db, "无法统计案卷");
  return out;
}

Result<bool> round_has_street_case(Store& store, long long round_id, const std::string& street) {
  sqlite3* db = StoreAccess::db(store);
  Statement rows(db, (kCaseStreets + " WHERE c.round_id = ?1").c_str());
  rows.bind(1, round_id);
  while (rows.next())
    if (of_street(rows.opt_text(1), street)) return true;
  if (rows.failed()) return sqlite_error(db, "无法读取案卷");
  return false;
}

Result<std::string> round_stamp(Store& store, long long round_id) {
  sqlite3* db = StoreAccess::db(store);
  Statement row(
      db,
      "SELECT (SELECT count(*) || ' ' || ifnull(max(id), 0) || ' ' || ifnull(sum(run_id), 0)"
      " FROM cases WHERE round_id = ?1) || ' ' ||"
      " (SELECT ifnull(max(seq), 0) FROM trail WHERE round_id = ?1)");
  row.bind(1, round_id);
  if (row.next()) return row.text(0);
  return sqlite_error(db, "无法读取审查轮次的版本");
}

}  // namespace auditor

#include "store/typical.h"

#include <sqlite3.h>

#include <map>

#include "store/record.h"
#include "store/schema.h"
#include "store/statement.h"
#include "store/store_internal.h"
#include "util/utf8.h"

namespace auditor {
namespace {

using nlohmann::json;

constexpr char kMarks[] =
    "SELECT id, case_key, archive, rule, finding_key, marked, note, inspector, marked_at,"
    " replaces, trail_seq, round_id FROM typical_marks";

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

TypicalMark mark_row(const Statement& r) {
  TypicalMark m;
  m.id = r.integer(0);
  m.at = {r.text(1), r.text(2)};
  m.rule = r.text(3);
  m.finding = r.text(4);
  m.marked = r.integer(5) != 0;
  m.note = r.text(6);
  m.inspector = r.text(7);
  m.marked_at = r.text(8);
  if (!r.null(9)) m.replaces = r.integer(9);
  m.seq = r.integer(10);
  return m;
}

std::optional<std::string> text_or_null(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

}  // namespace

json typical_payload(const TypicalMark& m) {
  return {{"case", m.at.key},
          {"archive", m.at.archive},
          {"rule", or_null(m.rule)},
          {"finding", or_null(m.finding)},
          {"marked", m.marked},
          {"note", or_null(m.note)},
          {"inspector", m.inspector},
          {"marked_at", m.marked_at},
          {"replaces", m.replaces ? json(*m.replaces) : json(nullptr)}};
}

Result<TypicalMark> record_typical(Store& store, long long round_id, const TypicalMark& m) {
  sqlite3* db = StoreAccess::db(store);
  TypicalMark out = m;
  out.at = {valid_utf8(m.at.key), valid_utf8(m.at.archive)};
  out.rule = valid_utf8(m.rule);
  out.finding = valid_utf8(m.finding);
  if (out.rule.empty() != out.finding.empty()) out.rule.clear(), out.finding.clear();
  out.note = valid_utf8(m.note);
  out.inspector = valid_utf8(m.inspector);
  if (m.marked_at.empty()) {
    Result<std::string> now = record_now(store);
    if (!now) return now.failure();
    out.marked_at = *now;
  } else {
    out.marked_at = valid_utf8(m.marked_at);
  }
  Result<long long> seq = append_trail(store, round_id, "typical", typical_payload(out));
  if (!seq) return seq.failure();
  out.seq = *seq;
  Statement add(db,
                "INSERT INTO typical_marks (round_id, case_key, archive, rule, finding_key, marked,"
                " note, inspector, marked_at, replaces, trail_seq)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  if (!add.run(round_id, out.at.key, out.at.archive, text_or_null(out.rule),
               text_or_null(out.finding), out.marked ? 1 : 0, text_or_null(out.note), out.inspector,
               out.marked_at, out.replaces, out.seq))
    return sqlite_error(db, "无法写入典型案例标记");
  out.id = sqlite3_last_insert_rowid(db);
  return out;
}

Result<std::vector<TypicalMark>> load_typical_marks(Store& store, long long round_id) {
  sqlite3* db = StoreAccess::db(store);
  Statement rows(db, (std::string(kMarks) + " WHERE round_id = ?1 ORDER BY trail_seq").c_str());
  rows.bind(1, round_id);
  std::vector<TypicalMark> out;
  while (rows.next()) out.push_back(mark_row(rows));
  if (rows.failed()) return sqlite_error(db, "无法读取典型案例标记");
  return out;
}

Result<std::optional<long long>> stored_case_id(Store& store, long long round_id,
                                                const std::string& archive) {
  sqlite3* db = StoreAccess::db(store);
  Statement row(db, "SELECT id FROM cases WHERE round_id = ?1 AND archive = ?2");
  row.bind(1, round_id).bind(2, archive);
  std::optional<long long> id;
  if (row.next()) id = row.integer(0);
  if (row.failed()) return sqlite_error(db, "无法读取案卷");
  return id;
}

Result<std::optional<std::pair<long long, std::string>>> check_typical_marks(Store& store) {
  sqlite3* db = StoreAccess::db(store);
  std::map<long long, std::pair<long long, std::string>> trail;  // seq → (round, payload)
  Statement rows(db, "SELECT seq, round_id, payload FROM trail WHERE action = 'typical'");
  while (rows.next()) trail[rows.integer(0)] = {rows.integer(1), rows.text(2)};
  if (rows.failed()) return sqlite_error(db, "无法读取审计记录");
  std::optional<std::pair<long long, std::string>> first;
  const auto broken = [&](long long seq, const std::string& why) {
    if (!first || seq < first->first) first = std::make_pair(seq, why);
  };
  std::map<long long, bool> claimed;
  Statement marks(db, kMarks);
  while (marks.next()) {
    const TypicalMark m = mark_row(marks);
    const std::string row = "typical_marks 第 " + std::to_string(m.id) + " 行";
    auto it = trail.find(m.seq);
    if (it == trail.end()) {
      broken(m.seq, row + "指向不存在的审计记录第 " + std::to_string(m.seq) + " 条");
      continue;
    }
    claimed[m.seq] = true;
    if (it->second.first != marks.integer(11) ||
        it->second.second != payload_text(typical_payload(m)))
      broken(m.seq, row + "与审计记录第 " + std::to_string(m.seq) + " 条不符（记录被改动）");
  }
  if (marks.failed()) return sqlite_error(db, "无法读取典型案例标记");
  for (const auto& [seq, row] : trail)
    if (!claimed.count(seq))
      broken(seq, "审计记录第 " + std::to_string(seq) + " 条所记的典型案例标记已被删除");
  return first;
}

}  // namespace auditor

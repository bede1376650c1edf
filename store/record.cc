#include "store/record.h"

#include "store/payload_reader.h"

#include <sqlite3.h>

#include <map>

#include "store/schema.h"
#include "store/statement.h"
#include "store/store_internal.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace auditor {
namespace {

using nlohmann::json;

const std::string kGenesis(64, '0');

bool exec(sqlite3* db, const char* sql) {
  return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

Error write_error(sqlite3* db) { return sqlite_error(db, "无法写入评查记录"); }
Error read_error(sqlite3* db) { return sqlite_error(db, "无法读取评查记录"); }

// Empty text is stored as NULL.
std::optional<std::string> or_null(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(valid_utf8(s));
}
std::optional<std::string> clean(const std::optional<std::string>& s) {
  return s ? std::optional<std::string>(valid_utf8(*s)) : std::nullopt;
}
template <typename T>
json or_json_null(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

// The payloads of the record's trail rows, built from the values as stored
// (so verify_trail rebuilds them from the rows).
json decision_payload(const CaseRef& at, const Decision& d, std::optional<long long> replaces) {
  return {{"case", at.key},
          {"archive", at.archive},
          {"finding", d.key},
          {"verdict", verdict_name(d.verdict)},
          {"reason", d.reason.empty() ? json(nullptr) : json(d.reason)},
          {"severity", or_json_null(d.severity)},
          {"deduction", or_json_null(d.deduction)},
          {"message", or_json_null(d.message)},
          {"inspector", d.inspector},
          {"decided_at", d.decided_at},
          {"replaces", or_json_null(replaces)}};
}

json added_payload(const RecordedAdded& a) {
  const Finding& f = a.added.finding;
  return {{"case", a.at.key},
          {"archive", a.at.archive},
          {"rule", f.rule},
          {"stage", or_json_null(f.stage)},
          {"document", or_json_null(f.document)},
          {"page", or_json_null(a.page)},
          {"severity", f.severity},
          {"deduction", f.deduction},
          {"basis", f.basis.empty() ? json(nullptr) : json(f.basis)},
          {"text", f.message},
          {"inspector", a.added.inspector},
          {"added_at", a.added.added_at}};
}

json signoff_payload(const SignOff& s) {
  return {{"case", s.at.key},
          {"archive", s.at.archive},
          {"role", s.role},
          {"name", s.name},
          {"signed_at", s.signed_at}};
}

json reopen_payload(const Reopen& r) {
  return {{"case", r.at.key},
          {"archive", r.at.archive},
          {"reason", r.reason},
          {"name", r.name},
          {"reopened_at", r.reopened_at}};
}

json setting_payload(const std::string& name, const std::string& value) {
  return {{"name", name}, {"value", value}};
}

json objection_payload(const Objection& o) {
  return {{"case", o.at.key},
          {"archive", o.at.archive},
          {"finding", o.finding},
          {"unit", o.unit.empty() ? json(nullptr) : json(o.unit)},
          {"reason", o.reason},
          {"name", o.name},
          {"objected_at", o.objected_at}};
}

json ruling_payload(const Ruling& r) {
  return {{"case", r.at.key},         {"archive", r.at.archive}, {"finding", r.finding},
          {"objection", r.objection}, {"accepted", r.accepted},  {"reason", r.reason},
          {"name", r.name},           {"ruled_at", r.ruled_at}};
}

json rectify_payload(const RectifyItem& it) {
  return {{"case", it.at.key},        {"archive", it.at.archive},    {"finding", it.finding},
          {"rule", it.rule},          {"message", it.message},       {"machine", it.machine},
          {"kind", it.kind},          {"owner", it.owner},           {"due", it.due},
          {"name", it.name},          {"created_at", it.created_at}, {"run", it.run},
          {"keys_then", it.keys_then}};
}

json rectify_update_payload(const RectifyUpdate& u) {
  return {{"case", u.at.key},          {"archive", u.at.archive}, {"item", u.item},
          {"status", u.status},        {"note", u.note},          {"name", u.name},
          {"updated_at", u.updated_at}};
}

// The value a trail row of the trail-only kinds holds.
bool read_entry(const TrailEntry& e, Record& out) {
  PayloadReader p(e.payload);
  if (e.action == "objection") {
    Objection o{p.at(),
                p.text("finding"),
                p.text("unit", true),
                p.text("reason"),
                p.text("name"),
                p.text("objected_at"),
                e.seq};
    out.objections.push_back(std::move(o));
  } else if (e.action == "ruling") {
    Ruling r;
    r.at = p.at();
    r.finding = p.text("finding");
    r.objection = p.integer("objection");
    r.accepted = p.boolean("accepted");
    r.reason = p.text("reason");
    r.name = p.text("name");
    r.ruled_at = p.text("ruled_at");
    r.seq = e.seq;
    out.rulings.push_back(std::move(r));
  } else if (e.action == "rectify") {
    RectifyItem it;
    it.at = p.at();
    it.finding = p.text("finding");
    it.rule = p.text("rule");
    it.message = p.text("message");
    it.machine = p.boolean("machine");
    it.kind = p.text("kind");
    it.owner = p.text("owner");
    it.due = p.text("due");
    it.name = p.text("name");
    it.created_at = p.text("created_at");
    it.run = p.integer("run");
    it.keys_then = p.texts("keys_then");
    it.seq = e.seq;
    out.rectify_items.push_back(std::move(it));
  } else if (e.action == "rectify_update") {
    RectifyUpdate u{p.at(),         p.integer("item"), p.text("status"),
                    p.text("note"), p.text("name"),    p.text("updated_at"),
                    e.seq};
    out.rectify_updates.push_back(std::move(u));
  }
  return p.ok();
}

const std::vector<std::string> kTrailKinds = {"objection", "ruling", "rectify", "rectify_update"};

// The time to stamp: `given` when set, else now.
Result<std::string> stamp(Store& store, const std::string& given) {
  if (!given.empty()) return valid_utf8(given);
  return record_now(store);
}

// The rows of each record table, as load_record and verify_trail read them.
constexpr char kDecisions[] =
    "SELECT id, case_key, archive, finding_key, verdict, reason, severity, deduction, message,"
    " inspector, decided_at, replaces, trail_seq, round_id FROM review_decisions";
constexpr char kAdded[] =
    "SELECT id, case_key, archive, rule, stage, document, page, severity, deduction, basis, text,"
    " inspector, added_at, trail_seq, round_id FROM review_added";
constexpr char kSignoffs[] =
    "SELECT id, case_key, archive, role, name, signed_at, trail_seq, round_id FROM review_signoffs";
constexpr char kReopens[] =
    "SELECT id, case_key, archive, reason, name, reopened_at, trail_seq, round_id FROM "
    "review_reopens";
constexpr char kSettings[] = "SELECT name, value, trail_seq, round_id FROM round_settings";

constexpr char kByRound[] = " WHERE round_id = ?1 ORDER BY trail_seq";

RecordedDecision decision_row(const Statement& r) {
  RecordedDecision d;
  d.id = r.integer(0);
  d.at = {r.text(1), r.text(2)};
  d.decision.key = r.text(3);
  d.decision.verdict = verdict_named(r.text(4)).value_or(FindingVerdict::suggested);
  d.decision.reason = r.text(5);
  d.decision.severity = r.opt_text(6);
  d.decision.deduction = r.opt_real(7);
  d.decision.message = r.opt_text(8);
  d.decision.inspector = r.text(9);
  d.decision.decided_at = r.text(10);
  if (!r.null(11)) d.replaces = r.integer(11);
  d.seq = r.integer(12);
  return d;
}

RecordedAdded added_row(const Statement& r) {
  RecordedAdded a;
  a.id = r.integer(0);
  a.at = {r.text(1), r.text(2)};
  a.added.key = "added-" + std::to_string(a.id);
  Finding& f = a.added.finding;
  f.rule = r.text(3);
  f.kind = "added";
  f.stage = r.opt_int(4);
  f.document = r.opt_text(5);
  a.page = r.opt_int(6);
  f.severity = r.text(7);
  f.deduction = r.real(8);
  f.basis = r.text(9);
  f.message = r.text(10);
  if (a.page) f.evidence.push_back("第 " + std::to_string(*a.page) + " 页");
  a.added.inspector = r.text(11);
  a.added.added_at = r.text(12);
  a.seq = r.integer(13);
  return a;
}

SignOff signoff_row(const Statement& r) {
  return {{r.text(1), r.text(2)}, r.text(3), r.text(4), r.text(5), r.integer(6)};
}

Reopen reopen_row(const Statement& r) {
  return {{r.text(1), r.text(2)}, r.text(3), r.text(4), r.text(5), r.integer(6)};
}

// One trail row as verify_trail reads it.
struct TrailRow {
  long long round_id = 0;
  std::string action, payload;
  bool claimed = false;  // a record row points at it
};

}  // namespace

RecordTransaction::RecordTransaction(Store& store) : store_(store) {
  sqlite3* db = StoreAccess::db(store);
  open_ = exec(db, "BEGIN IMMEDIATE");
  if (!open_) error_ = sqlite_error(db, "无法开始数据库事务").reason;
}

RecordTransaction::~RecordTransaction() {
  if (open_) exec(StoreAccess::db(store_), "ROLLBACK");
}

Status RecordTransaction::status() const {
  return open_ ? Status::success() : Status::failure(error_);
}

Status RecordTransaction::commit() {
  sqlite3* db = StoreAccess::db(store_);
  if (!open_) return Status::failure(error_.empty() ? "数据库事务已结束" : error_);
  if (!exec(db, "COMMIT")) return Status::failure(write_error(db));
  open_ = false;
  return Status::success();
}

Result<std::string> record_now(Store& store) {
  sqlite3* db = StoreAccess::db(store);
  Statement now(db, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ')");
  if (!now.next()) return sqlite_error(db, "无法读取时间");
  return now.text(0);
}

std::string payload_text(const json& payload) {
  return payload.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string trail_row_sha256(const std::string& prev, long long seq, long long round_id,
                             const std::string& action, const std::string& at,
                             const std::string& payload) {
  Hasher h;
  h.update(prev);
  h.update("\n" + std::to_string(seq) + "\n" + std::to_string(round_id) + "\n");
  h.update(action);
  h.update("\n");
  h.update(at);
  h.update("\n");
  h.update(payload);
  return h.finish_hex();
}

Result<long long> append_trail(Store& store, long long round_id, const std::string& action,
                               const json& payload) {
  sqlite3* db = StoreAccess::db(store);
  Statement last(db, "SELECT seq, sha256 FROM trail ORDER BY seq DESC LIMIT 1");
  long long seq = 1;
  std::string prev = kGenesis;
  if (last.next()) seq = last.integer(0) + 1, prev = last.text(1);
  if (last.failed()) return read_error(db);
  Result<std::string> at = record_now(store);
  if (!at) return at.failure();
  const std::string text = payload_text(payload);
  const std::string sha = trail_row_sha256(prev, seq, round_id, action, *at, text);
  Statement add(db,
                "INSERT INTO trail (seq, round_id, action, payload, at, prev_sha256, sha256)"
                " VALUES (?1, NULLIF(?2, 0), ?3, ?4, ?5, ?6, ?7)");  // round 0: NULL, no round
  if (!add.run(seq, round_id, action, text, *at, prev, sha)) return write_error(db);
  return seq;
}

Result<RecordedDecision> record_decision(Store& store, long long round_id, const CaseRef& at,
                                         const Decision& d, std::optional<long long> replaces) {
  sqlite3* db = StoreAccess::db(store);
  if (d.verdict == FindingVerdict::withdrawn)  // only an accepted ruling withdraws a finding
    return Error{decision_problem(Finding{}, d), Code::invalid};
  RecordedDecision out;
  out.at = {valid_utf8(at.key), valid_utf8(at.archive)};
  out.decision = d;
  Decision& s = out.decision;
  s.key = valid_utf8(d.key);
  s.reason = valid_utf8(d.reason);
  s.severity = clean(d.severity);
  s.message = clean(d.message);
  s.inspector = valid_utf8(d.inspector);
  out.replaces = replaces;
  Result<std::string> when = stamp(store, d.decided_at);
  if (!when) return when.failure();
  s.decided_at = *when;
  Result<long long> seq =
      append_trail(store, round_id, "decision", decision_payload(out.at, s, replaces));
  if (!seq) return seq.failure();
  out.seq = *seq;
  Statement add(db,
                "INSERT INTO review_decisions (round_id, case_key, archive, finding_key, verdict,"
                " reason, severity, deduction, message, inspector, decided_at, replaces,"
                " trail_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  if (!add.run(round_id, out.at.key, out.at.archive, s.key, verdict_name(s.verdict),
               or_null(s.reason), s.severity, s.deduction, s.message, s.inspector, s.decided_at,
               replaces, out.seq))
    return write_error(db);
  out.id = sqlite3_last_insert_rowid(db);
  return out;
}

Result<RecordedAdded> record_added(Store& store, long long round_id, const CaseRef& at,
                                   const RecordedAdded& a) {
  sqlite3* db = StoreAccess::db(store);
  RecordedAdded out = a;
  out.at = {valid_utf8(at.key), valid_utf8(at.archive)};
  Finding& f = out.added.finding;
  f.rule = valid_utf8(f.rule);
  f.kind = "added";
  f.document = clean(f.document);
  f.severity = valid_utf8(f.severity);
  f.basis = valid_utf8(f.basis);
  f.message = valid_utf8(f.message);
  f.evidence.clear();
  if (out.page) f.evidence.push_back("第 " + std::to_string(*out.page) + " 页");
  out.added.inspector = valid_utf8(a.added.inspector);
  Result<std::string> when = stamp(store, a.added.added_at);
  if (!when) return when.failure();
  out.added.added_at = *when;
  Result<long long> seq = append_trail(store, round_id, "added", added_payload(out));
  if (!seq) return seq.failure();
  out.seq = *seq;
  Statement add(db,
                "INSERT INTO review_added (round_id, case_key, archive, rule, stage, document,"
                " page, severity, deduction, basis, text, inspector, added_at, trail_seq)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  if (!add.run(round_id, out.at.key, out.at.archive, f.rule, f.stage, f.document, out.page,
               f.severity, f.deduction, or_null(f.basis), f.message, out.added.inspector,
               out.added.added_at, out.seq))
    return write_error(db);
  out.id = sqlite3_last_insert_rowid(db);
  out.added.key = "added-" + std::to_string(out.id);
  return out;
}

Result<SignOff> record_signoff(Store& store, long long round_id, const SignOff& s) {
  sqlite3* db = StoreAccess::db(store);
  SignOff out{{valid_utf8(s.at.key), valid_utf8(s.at.archive)},
              valid_utf8(s.role),
              valid_utf8(s.name),
              {},
              0};
  Result<std::string> when = stamp(store, s.signed_at);
  if (!when) return when.failure();
  out.signed_at = *when;
  Result<long long> seq = append_trail(store, round_id, "signoff", signoff_payload(out));
  if (!seq) return seq.failure();
  out.seq = *seq;
  Statement add(db,
                "INSERT INTO review_signoffs (round_id, case_key, archive, role, name, signed_at,"
                " trail_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!add.run(round_id, out.at.key, out.at.archive, out.role, out.name, out.signed_at, out.seq))
    return write_error(db);
  return out;
}

Result<Reopen> record_reopen(Store& store, long long round_id, const Reopen& r) {
  sqlite3* db = StoreAccess::db(store);
  Reopen out{{valid_utf8(r.at.key), valid_utf8(r.at.archive)},
             valid_utf8(r.reason),
             valid_utf8(r.name),
             {},
             0};
  Result<std::string> when = stamp(store, r.reopened_at);
  if (!when) return when.failure();
  out.reopened_at = *when;
  Result<long long> seq = append_trail(store, round_id, "reopen", reopen_payload(out));
  if (!seq) return seq.failure();
  out.seq = *seq;
  Statement add(db,
                "INSERT INTO review_reopens (round_id, case_key, archive, reason, name,"
                " reopened_at, trail_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!add.run(round_id, out.at.key, out.at.archive, out.reason, out.name, out.reopened_at,
               out.seq))
    return write_error(db);
  return out;
}

namespace {

// Stamps and appends one trail-only record value: `clean` makes its text
// well-formed and returns its time field, `payload` builds its row.
template <class T, class Clean, class Payload>
Result<T> append_kind(Store& store, long long round_id, const char* action, T value,
                      Clean&& clean_text, Payload&& payload) {
  value.at = {valid_utf8(value.at.key), valid_utf8(value.at.archive)};
  std::string& when = clean_text(value);
  Result<std::string> stamped = stamp(store, when);
  if (!stamped) return stamped.failure();
  when = *stamped;
  Result<long long> seq = append_trail(store, round_id, action, payload(value));
  if (!seq) return seq.failure();
  value.seq = *seq;
  return value;
}

}  // namespace

Result<Objection> record_objection(Store& store, long long round_id, const Objection& o) {
  return append_kind(
      store, round_id, "objection", o,
      [](Objection& v) -> std::string& {
        for (std::string* s : {&v.finding, &v.unit, &v.reason, &v.name}) *s = valid_utf8(*s);
        return v.objected_at;
      },
      objection_payload);
}

Result<Ruling> record_ruling(Store& store, long long round_id, const Ruling& r) {
  return append_kind(
      store, round_id, "ruling", r,
      [](Ruling& v) -> std::string& {
        for (std::string* s : {&v.finding, &v.reason, &v.name}) *s = valid_utf8(*s);
        return v.ruled_at;
      },
      ruling_payload);
}

Result<RectifyItem> record_rectify_item(Store& store, long long round_id, const RectifyItem& it) {
  return append_kind(
      store, round_id, "rectify", it,
      [](RectifyItem& v) -> std::string& {
        for (std::string* s : {&v.finding, &v.rule, &v.message, &v.kind, &v.owner, &v.due, &v.name})
          *s = valid_utf8(*s);
        for (std::string& k : v.keys_then) k = valid_utf8(k);
        return v.created_at;
      },
      rectify_payload);
}

Result<RectifyUpdate> record_rectify_update(Store& store, long long round_id,
                                            const RectifyUpdate& u) {
  return append_kind(
      store, round_id, "rectify_update", u,
      [](RectifyUpdate& v) -> std::string& {
        for (std::string* s : {&v.status, &v.note, &v.name}) *s = valid_utf8(*s);
        return v.updated_at;
      },
      rectify_update_payload);
}

Result<Record> load_record(Store& store, long long round_id) {
  sqlite3* db = StoreAccess::db(store);
  Record out;
  Statement decisions(db, (std::string(kDecisions) + kByRound).c_str());
  decisions.bind(1, round_id);
  while (decisions.next()) out.decisions.push_back(decision_row(decisions));
  Statement added(db, (std::string(kAdded) + kByRound).c_str());
  added.bind(1, round_id);
  while (added.next()) out.added.push_back(added_row(added));
  Statement signoffs(db, (std::string(kSignoffs) + kByRound).c_str());
  signoffs.bind(1, round_id);
  while (signoffs.next()) out.signoffs.push_back(signoff_row(signoffs));
  Statement reopens(db, (std::string(kReopens) + kByRound).c_str());
  reopens.bind(1, round_id);
  while (reopens.next()) out.reopens.push_back(reopen_row(reopens));
  if (decisions.failed() || added.failed() || signoffs.failed() || reopens.failed())
    return read_error(db);
  Result<std::vector<TrailEntry>> entries = load_trail_entries(store, round_id, kTrailKinds);
  if (!entries) return entries.failure();
  for (const TrailEntry& e : *entries)
    if (!read_entry(e, out))
      return Error{"评查记录中审计记录第 " + std::to_string(e.seq) + " 条（" + e.action +
                       "）的内容不完整，请用 auditor round verify 检查",
                   Code::corrupt};
  return out;
}

Result<std::string> trail_time(Store& store, long long seq) {
  sqlite3* db = StoreAccess::db(store);
  Statement row(db, "SELECT at FROM trail WHERE seq = ?1");
  row.bind(1, seq);
  if (row.next()) return row.text(0);
  if (row.failed()) return read_error(db);
  return Error{"审计记录中没有第 " + std::to_string(seq) + " 条", Code::not_found};
}

Result<std::vector<TrailEntry>> load_trail_entries(Store& store, long long round_id,
                                                   const std::vector<std::string>& actions) {
  sqlite3* db = StoreAccess::db(store);
  Statement rows(db,
                 "SELECT seq, action, at, payload FROM trail, json_each(?2)"
                 " WHERE round_id = ?1 AND action = json_each.value ORDER BY seq");
  rows.bind(1, round_id).bind(2, json(actions).dump());
  std::vector<TrailEntry> out;
  while (rows.next()) {
    json payload = json::parse(rows.text(3), nullptr, false);
    if (payload.is_discarded()) return Error{"评查记录中有无法解析的内容", Code::corrupt};
    out.push_back({rows.integer(0), rows.text(1), rows.text(2), std::move(payload)});
  }
  if (rows.failed()) return read_error(db);
  return out;
}

Result<std::optional<std::string>> round_setting(Store& store, long long round_id,
                                                 const std::string& name) {
  sqlite3* db = StoreAccess::db(store);
  Statement find(db, "SELECT value FROM round_settings WHERE round_id = ?1 AND name = ?2");
  find.bind(1, round_id).bind(2, name);
  std::optional<std::string> value;
  if (find.next()) value = find.text(0);
  if (find.failed()) return read_error(db);
  return value;
}

Status set_round_setting(Store& store, long long round_id, const std::string& name,
                         const std::string& value) {
  sqlite3* db = StoreAccess::db(store);
  Result<long long> seq = append_trail(store, round_id, "setting",
                                       setting_payload(valid_utf8(name), valid_utf8(value)));
  if (!seq) return Status::failure(seq.failure());
  Statement set(db,
                "INSERT OR REPLACE INTO round_settings (round_id, name, value, trail_seq)"
                " VALUES (?1, ?2, ?3, ?4)");
  if (!set.run(round_id, valid_utf8(name), valid_utf8(value), *seq))
    return Status::failure(write_error(db));
  return Status::success();
}

Result<TrailCheck> verify_trail(Store& store) {
  sqlite3* db = StoreAccess::db(store);
  TrailCheck out;
  std::map<long long, TrailRow> rows;
  // The first problem by trail position.
  const auto broken = [&](long long seq, const std::string& why) {
    if (!out.broken_seq || seq < *out.broken_seq) out.broken_seq = seq, out.why = why;
  };
  if (!exec(db, "BEGIN")) return read_error(db);
  struct End {
    sqlite3* db;
    ~End() { exec(db, "COMMIT"); }
  } end{db};

  Statement trail(db,
                  "SELECT seq, round_id, action, payload, at, prev_sha256, sha256 FROM trail"
                  " ORDER BY seq");
  std::string prev = kGenesis;
  long long expected = 1;
  while (trail.next()) {
    ++out.rows;
    const long long seq = trail.integer(0);
    const std::string name = "审计记录第 " + std::to_string(seq) + " 条";
    TrailRow row{trail.integer(1), trail.text(2), trail.text(3)};
    const std::string at = trail.text(4), row_prev = trail.text(5), sha = trail.text(6);
    if (seq != expected)
      broken(seq, name + "的序号不连续（应为第 " + std::to_string(expected) + " 条）");
    else if (row_prev != prev)
      broken(seq, name + "记载的前一条哈希与前一条不符（前一条被改动或删除）");
    else if (trail_row_sha256(row_prev, seq, row.round_id, row.action, at, row.payload) != sha)
      broken(seq, name + "的内容与其哈希不符（被改动）");
    prev = sha;
    expected = seq + 1;
    rows.emplace(seq, std::move(row));
    if (out.broken_seq) break;  // everything after a broken link is unverified
  }
  if (trail.failed()) return read_error(db);

  // Each record row against the trail row it claims.
  const auto claim_named = [&](const std::string& row_name, long long seq, long long round_id,
                               const char* action, const json& payload) {
    auto it = rows.find(seq);
    if (it == rows.end()) {
      if (!out.broken_seq)
        broken(seq, row_name + "指向不存在的审计记录第 " + std::to_string(seq) + " 条");
      return;
    }
    it->second.claimed = true;
    if (it->second.action != action || it->second.round_id != round_id ||
        it->second.payload != payload_text(payload))
      broken(seq, row_name + "与审计记录第 " + std::to_string(seq) + " 条不符（记录被改动）");
  };
  const auto claim = [&](const char* table, long long id, long long seq, long long round_id,
                         const char* action, const json& payload) {
    claim_named(std::string(table) + " 第 " + std::to_string(id) + " 行", seq, round_id, action,
                payload);
  };
  const auto claim_setting = [&](const std::string& name, const std::string& value, long long seq,
                                 long long round_id) {
    claim_named("round_settings 的 " + name, seq, round_id, "setting",
                setting_payload(name, value));
  };
  Statement decisions(db, kDecisions);
  while (decisions.next()) {
    const RecordedDecision d = decision_row(decisions);
    claim("review_decisions", d.id, d.seq, decisions.integer(13), "decision",
          decision_payload(d.at, d.decision, d.replaces));
  }
  Statement added(db, kAdded);
  while (added.next()) {
    const RecordedAdded a = added_row(added);
    claim("review_added", a.id, a.seq, added.integer(14), "added", added_payload(a));
  }
  Statement signoffs(db, kSignoffs);
  while (signoffs.next())
    claim("review_signoffs", signoffs.integer(0), signoffs.integer(6), signoffs.integer(7),
          "signoff", signoff_payload(signoff_row(signoffs)));
  Statement reopens(db, kReopens);
  while (reopens.next())
    claim("review_reopens", reopens.integer(0), reopens.integer(6), reopens.integer(7), "reopen",
          reopen_payload(reopen_row(reopens)));
  Statement settings(db, kSettings);
  while (settings.next())
    claim_setting(settings.text(0), settings.text(1), settings.integer(2), settings.integer(3));
  if (decisions.failed() || added.failed() || signoffs.failed() || reopens.failed() ||
      settings.failed())
    return read_error(db);
  for (const auto& [seq, row] : rows) {
    const bool has_row = row.action == "decision" || row.action == "added" ||
                         row.action == "signoff" || row.action == "reopen";
    if (has_row && !row.claimed)
      broken(seq, "审计记录第 " + std::to_string(seq) + " 条所记的评查记录行已被删除");
  }
  return out;
}

}  // namespace auditor

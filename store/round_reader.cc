#include "store/round_reader.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>

#include "auditor/case_info.h"
#include "store/record.h"
#include "store/schema.h"
#include "store/statement.h"
#include "store/store_internal.h"

namespace auditor {
namespace {

constexpr char kRounds[] = "SELECT id, name, mode, created_at FROM rounds";

constexpr char kRuns[] =
    "SELECT id, inspector, started_at, finished_at, tool_version, checklist_id,"
    " checklist_version, checklist_sha256 FROM audit_runs WHERE round_id = ?1 ORDER BY id";

constexpr char kCases[] =
    "SELECT id, archive, sha256, run_id, status, error, case_number, street, party, party_id,"
    " procedure, fine, score, grade, audited_at, input_ord FROM cases WHERE round_id = ?1"
    " ORDER BY id";

// The per-case tables are read through "case_id IN (cases of the round)":
// SQLite then walks their case_id index in order, where a join would sort
// millions of rows in a temporary B-tree.
constexpr char kDocuments[] =
    "SELECT d.case_id, d.path, d.format, d.type, "
    "d.stage, d.number, d.date, d.pages, d.seal,"
    " d.has_text, d.title FROM documents d WHERE "
    "d.case_id IN (SELECT id FROM cases"
    " WHERE round_id = ?1) ORDER BY d.case_id, d.ord";

// Only the facts the reports use: the fallbacks of the JSON result and the
// filing date.
constexpr char kFacts[] =
    "SELECT d.case_id, d.ord, d.type, f.kind, f.value, f.snippet FROM cases c"
    " JOIN documents d ON d.case_id = c.id JOIN facts f ON f.document_id = d.id"
    " WHERE c.round_id = ?1 AND f.kind IN ('case_number', 'street', 'party', 'filing_date')"
    " ORDER BY d.case_id, d.ord, f.rowid";

// For a load without documents: the filing and closing documents, which
// make a case filed and closed (CaseFacts). Through the documents' case_id
// index, reading only the head of each row, not its text.
constexpr char kFilingDocuments[] =
    "SELECT d.case_id, d.type FROM documents d"
    " WHERE d.case_id IN (SELECT id FROM cases WHERE round_id = ?1)"
    " AND d.type IN ('filing_approval', 'closing_approval')";

constexpr char kCaseCount[] = "SELECT count(*) FROM cases WHERE round_id = ?1";

// The findings and checks of the cases of round ?1; with ?2 (not NULL) of
// the one case at archive ?2.
constexpr char kFindings[] =
    "SELECT f.case_id, f.rule, f.kind, f.severity, f.stage, f.document, f.message, f.basis,"
    " f.evidence, f.deduction FROM findings f WHERE f.case_id IN (SELECT id FROM cases"
    " WHERE round_id = ?1 AND (?2 IS NULL OR archive = ?2)) ORDER BY f.case_id, f.ord";

constexpr char kChecks[] =
    "SELECT k.case_id, k.rule, k.outcome FROM checks k WHERE k.case_id IN (SELECT id FROM cases"
    " WHERE round_id = ?1 AND (?2 IS NULL OR archive = ?2)) ORDER BY k.case_id, k.rowid";

constexpr char kCaseId[] = "SELECT id FROM cases WHERE round_id = ?1 AND archive = ?2";

// Streets of the cases of every round created before (?1 created_at, ?2 id):
// declared, else the first `street` fact, as the JSON result states them.
constexpr char kEarlierStreets[] =
    "SELECT DISTINCT round_id, street FROM (SELECT c.round_id, COALESCE(c.street,"
    " (SELECT f.value FROM documents d JOIN facts f ON f.document_id = d.id"
    " WHERE d.case_id = c.id AND f.kind = 'street' ORDER BY d.ord, f.rowid LIMIT 1)) AS street"
    " FROM cases c JOIN rounds r ON r.id = c.round_id"
    " WHERE r.created_at < ?1 OR (r.created_at = ?1 AND r.id < ?2))"
    " WHERE street IS NOT NULL AND street <> ''";

Error read_error(sqlite3* db) { return sqlite_error(db, "无法读取审查轮次"); }

Result<std::size_t> count_cases(sqlite3* db, const RoundInfo& round) {
  Statement rows(db, kCaseCount);
  rows.bind(1, round.id);
  std::size_t n = 0;
  if (rows.next()) n = static_cast<std::size_t>(rows.integer(0));
  if (rows.failed()) return read_error(db);
  return n;
}

RoundInfo round_row(const Statement& r) { return {r.integer(0), r.text(1), r.text(2), r.text(3)}; }

// One row of kFacts, as the case facts need it.
struct FactRow {
  int ord;
  Text doc_type;
  std::string kind, value;
};

// The first fact of `kind` (auditor/case_info.h), over the rows of one case.
Text first(const std::vector<FactRow>& rows, const std::string& kind, const char* preferred) {
  return first_fact_of(
      [&](const auto& visit) {
        for (const FactRow& f : rows)
          if (visit(f.doc_type, f.kind, f.value)) return;
      },
      kind, preferred);
}

// Case ids, ascending as kCases reads them, to their positions in
// RoundData::cases. The per-case tables come grouped by case, so the last
// answer is tried first. A row of a case the round does not hold means the
// database is inconsistent: find() gives nullopt and unknown() turns true.
class CaseIndex {
 public:
  void add(long long id) { ids_.push_back(id); }
  std::optional<std::size_t> find(long long id) {
    if (last_ < ids_.size() && ids_[last_] == id) return last_;
    const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (it == ids_.end() || *it != id) {
      unknown_ = true;
      return std::nullopt;
    }
    last_ = static_cast<std::size_t>(it - ids_.begin());
    return last_;
  }
  bool unknown() const { return unknown_; }

 private:
  std::vector<long long> ids_;
  std::size_t last_ = 0;
  bool unknown_ = false;
};

// `input_ord` gets each case's position in its run's input (cases.input_ord).
bool load_cases(sqlite3* db, const RoundInfo& round, RoundData& out, CaseIndex& index,
                std::vector<std::optional<long long>>& input_ord) {
  // Sized once: a vector grown to 100,000 cases was reallocated 17 times.
  Result<std::size_t> n = count_cases(db, round);
  if (!n) return false;
  out.cases.reserve(*n);
  out.facts.reserve(*n);
  Statement rows(db, kCases);
  rows.bind(1, round.id);
  while (rows.next()) {
    index.add(rows.integer(0));
    CaseResult r;
    Case& c = r.c;
    c.archive = rows.text(1);
    c.sha256 = rows.text(2);
    c.rejected = rows.text(4) == "rejected";
    c.error = rows.text(5);
    c.info = {rows.opt_text(6),
              rows.opt_text(7),
              rows.opt_text(8),
              rows.opt_text(9),
              rows.opt_text(10),
              rows.opt_real(11),
              {},
              {}};
    r.audit.score = rows.opt_real(12).value_or(0);
    r.audit.grade = rows.text(13);
    CaseFacts f;
    f.run_id = rows.integer(3);
    f.audited_at = rows.text(14);
    out.as_of = std::max(out.as_of, f.audited_at);
    out.cases.push_back(std::move(r));
    out.facts.push_back(std::move(f));
    input_ord.push_back(rows.null(15) ? std::nullopt : std::optional<long long>(rows.integer(15)));
  }
  return !rows.failed();
}

bool load_documents(sqlite3* db, long long round, RoundData& out, CaseIndex& index) {
  Statement rows(db, kDocuments);
  rows.bind(1, round);
  std::size_t previous = 0;
  while (rows.next()) {
    const std::optional<std::size_t> at = index.find(rows.integer(0));
    if (!at) return false;
    const std::size_t i = *at;
    std::vector<Document>& docs = out.cases[i].c.documents;
    if (docs.empty()) docs.reserve(previous);  // cases tend to hold alike numbers of documents
    const Document& d = docs.emplace_back(document_row(rows, 1));
    previous = docs.size();
    out.facts[i].closed = out.facts[i].closed || d.type == "closing_approval";
    out.facts[i].filed = out.facts[i].filed || d.type == "filing_approval";
  }
  return !rows.failed();
}

// Fills the fact-derived values; attaches the facts to the documents when
// those were loaded.
bool load_facts(sqlite3* db, long long round, RoundData& out, CaseIndex& index) {
  std::vector<std::vector<FactRow>> per_case(out.cases.size());
  Statement rows(db, kFacts);
  rows.bind(1, round);
  while (rows.next()) {
    const std::optional<std::size_t> at = index.find(rows.integer(0));
    if (!at) return false;
    const std::size_t i = *at;
    FactRow f{static_cast<int>(rows.integer(1)), rows.opt_text(2), rows.text(3), rows.text(4)};
    std::vector<Document>& docs = out.cases[i].c.documents;
    if (f.ord >= 1 && static_cast<std::size_t>(f.ord) <= docs.size())
      docs[f.ord - 1].facts.push_back({f.kind, f.value, rows.text(5)});
    per_case[i].push_back(std::move(f));
  }
  for (std::size_t i = 0; i < out.cases.size(); ++i) {
    const CaseInfo& info = out.cases[i].c.info;
    CaseFacts& f = out.facts[i];
    f.case_number =
        info.case_number ? info.case_number : first(per_case[i], "case_number", "filing_approval");
    f.street = info.street ? info.street : first(per_case[i], "street", nullptr);
    f.party = info.party ? info.party : first(per_case[i], "party", nullptr);
    f.filed = f.filed || first(per_case[i], "filing_date", nullptr).has_value();
  }
  return !rows.failed();
}

// Without documents: which cases have a filing or closing approval.
bool load_filing_documents(sqlite3* db, long long round, RoundData& out, CaseIndex& index) {
  Statement rows(db, kFilingDocuments);
  rows.bind(1, round);
  while (rows.next()) {
    const std::optional<std::size_t> at = index.find(rows.integer(0));
    if (!at) return false;
    CaseFacts& f = out.facts[*at];
    const std::string type = rows.text(1);
    f.closed = f.closed || type == "closing_approval";
    f.filed = f.filed || type == "filing_approval";
  }
  return !rows.failed();
}

// With `archive`, the findings of that case only (the index then holds it).
bool load_findings(sqlite3* db, long long round, RoundData& out, CaseIndex& index,
                   const std::string* archive = nullptr) {
  Statement rows(db, kFindings);
  rows.bind(1, round);
  if (archive) rows.bind(2, *archive);
  while (rows.next()) {
    const std::optional<std::size_t> at = index.find(rows.integer(0));
    if (!at) return false;
    out.cases[*at].audit.findings.push_back(finding_row(rows, 1));
  }
  return !rows.failed();
}

bool load_checks(sqlite3* db, long long round, RoundData& out, CaseIndex& index,
                 const std::string* archive = nullptr) {
  Statement rows(db, kChecks);
  rows.bind(1, round);
  if (archive) rows.bind(2, *archive);
  std::size_t previous = 0;  // checks of the case before: every case has one per rule
  while (rows.next()) {
    const std::optional<std::size_t> at = index.find(rows.integer(0));
    if (!at) return false;
    std::vector<Check>& checks = out.cases[*at].audit.checks;
    if (checks.empty()) checks.reserve(previous);
    checks.push_back({rows.text(1), outcome_named(rows.text(2))});
    previous = checks.size();
  }
  return !rows.failed();
}

bool load_runs(sqlite3* db, long long round, RoundData& out) {
  Statement rows(db, kRuns);
  rows.bind(1, round);
  while (rows.next())
    out.runs.push_back({rows.integer(0), rows.opt_text(1), rows.text(2), rows.opt_text(3),
                        rows.text(4), rows.text(5), rows.text(6), rows.text(7)});
  return !rows.failed();
}

// Cases are saved as they complete, so ids follow no fixed order: each run's
// cases (runs in start order) in the order of the run's input; cases stored
// without a position (before schema 6) after those, by id.
void in_input_order(RoundData& out, const std::vector<std::optional<long long>>& input_ord) {
  std::vector<std::size_t> order(out.cases.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto key = [&](std::size_t i) {
    return std::pair(out.facts[i].run_id, input_ord[i].value_or(LLONG_MAX));
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  std::vector<CaseResult> cases;
  std::vector<CaseFacts> facts;
  cases.reserve(order.size());
  facts.reserve(order.size());
  for (std::size_t i : order) {
    cases.push_back(std::move(out.cases[i]));
    facts.push_back(std::move(out.facts[i]));
  }
  out.cases = std::move(cases);
  out.facts = std::move(facts);
}

}  // namespace

Result<std::optional<RoundInfo>> find_round(Store& store, const std::string& name) {
  sqlite3* db = StoreAccess::db(store);
  const std::string sql =
      std::string(kRounds) +
      (name.empty() ? " ORDER BY created_at DESC, id DESC LIMIT 1" : " WHERE name = ?1");
  Statement rows(db, sql.c_str());
  if (!name.empty()) rows.bind(1, name);
  std::optional<RoundInfo> found;
  if (rows.next()) found = round_row(rows);
  if (rows.failed()) return read_error(db);
  return found;
}

Result<std::size_t> case_count(Store& store, const RoundInfo& round) {
  return count_cases(StoreAccess::db(store), round);
}

Result<RoundData> load_round(Store& store, const RoundInfo& round, bool full, bool audits) {
  sqlite3* db = StoreAccess::db(store);
  RoundData out;
  out.round = round;
  CaseIndex index;
  // Documents before facts (facts attach to them); the read is one snapshot.
  if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) return read_error(db);
  std::vector<std::optional<long long>> input_ord;
  // The record's score needs the checks (a ratio profile counts them).
  Result<Record> record = load_record(store, round.id);
  Result<std::optional<std::string>> second_review =
      record ? round_setting(store, round.id, "second_review") : std::optional<std::string>();
  const bool ok = record && second_review && load_runs(db, round.id, out) &&
                  load_cases(db, round, out, index, input_ord) &&
                  (full ? load_documents(db, round.id, out, index)
                        : load_filing_documents(db, round.id, out, index)) &&
                  load_facts(db, round.id, out, index) &&
                  (!audits || load_findings(db, round.id, out, index)) &&
                  (!audits || !(full || !record->empty()) || load_checks(db, round.id, out, index));
  Error failure =
      ok               ? Error{}
      : !record        ? record.failure()
      : !second_review ? second_review.failure()
      : index.unknown()
          ? Error{"数据库内容不一致：有记录指向本轮以外的案卷，请用 auditor audit --full 重新审查",
                  Code::corrupt}
          : read_error(db);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  if (!ok) return failure;
  in_input_order(out, input_ord);
  out.second_review = second_review->value_or("") == "yes";
  if (!record->empty()) {
    std::vector<std::pair<std::optional<std::string>, std::string>> keys;
    keys.reserve(out.cases.size());
    for (std::size_t i = 0; i < out.cases.size(); ++i)
      keys.emplace_back(out.facts[i].case_number, out.cases[i].c.archive);
    out.records = split_record(*record, keys);
  }
  return out;
}

Status load_case_audit(Store& store, RoundData& data, std::size_t i) {
  sqlite3* db = StoreAccess::db(store);
  const std::string& archive = data.cases[i].c.archive;
  Statement id(db, kCaseId);
  id.bind(1, data.round.id).bind(2, archive);
  if (!id.next())
    return Status::failure(id.failed() ? read_error(db)
                                       : Error{"案卷已不在本轮中：" + archive, Code::not_found});
  CaseIndex index;
  index.add(id.integer(0));
  RoundData one;  // the case's audit, read as load_round reads every case's
  one.cases.resize(1);
  if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK)
    return Status::failure(read_error(db));
  const bool ok = load_findings(db, data.round.id, one, index, &archive) &&
                  load_checks(db, data.round.id, one, index, &archive);
  const Error failure = ok ? Error{} : read_error(db);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  if (!ok) return Status::failure(failure);
  data.cases[i].audit = std::move(one.cases[0].audit);
  return Status::success();
}

Result<std::optional<RoundInfo>> previous_round(Store& store, const RoundData& current) {
  sqlite3* db = StoreAccess::db(store);
  std::set<std::string> scope;
  for (const CaseFacts& f : current.facts)
    if (f.street && !f.street->empty()) scope.insert(*f.street);

  std::map<long long, std::set<std::string>> streets;
  Statement street_rows(db, kEarlierStreets);
  street_rows.bind(1, current.round.created_at).bind(2, current.round.id);
  while (street_rows.next()) streets[street_rows.integer(0)].insert(street_rows.text(1));
  if (street_rows.failed()) return read_error(db);

  const std::string sql = std::string(kRounds) +
                          " WHERE (created_at < ?1 OR (created_at = ?1 AND id < ?2))"
                          " AND EXISTS (SELECT 1 FROM cases WHERE round_id = rounds.id)"
                          " ORDER BY created_at DESC, id DESC";
  Statement rows(db, sql.c_str());
  rows.bind(1, current.round.created_at).bind(2, current.round.id);
  while (rows.next())
    if (streets[rows.integer(0)] == scope) return std::optional<RoundInfo>(round_row(rows));
  if (rows.failed()) return read_error(db);
  return std::optional<RoundInfo>();
}

}  // namespace auditor

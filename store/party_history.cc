#include "store/party_history.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>

#include "store/statement.h"
#include "store/store_internal.h"

namespace auditor {
namespace {

// Each document of the latest version of each audited archive with a
// party_id (?1 NULL: every party), with its provision and violation_date
// facts (one row per fact; a document without them once, kind NULL).
constexpr const char* kRows =
    "SELECT c.id, c.archive, c.sha256, c.case_number, c.party_id, d.type, d.date, f.kind, f.value,"
    " d.number"
    " FROM cases AS c JOIN documents AS d ON d.case_id = c.id"
    " LEFT JOIN facts AS f ON f.document_id = d.id AND f.kind IN ('provision', 'violation_date')"
    " WHERE c.status = 'audited' AND c.party_id IS NOT NULL AND c.party_id <> ''"
    " AND (?1 IS NULL OR c.party_id = ?1)"
    " AND c.id = (SELECT MAX(id) FROM cases WHERE archive = c.archive)"
    " ORDER BY c.id, d.ord, f.rowid";

Result<PartyHistory> read(Store& store, const std::optional<std::string>& party,
                          const std::vector<std::string>& decision_types) {
  sqlite3* db = StoreAccess::db(store);
  PartyHistory out;
  Statement q(db, kRows);
  q.bind(1, party);
  long long current = 0;
  EarlierCase* c = nullptr;
  bool dated = false;  // the case's decision date was taken from its first decision
  while (q.next()) {
    if (!c || q.integer(0) != current) {
      current = q.integer(0);
      std::vector<EarlierCase>& list = out.by_party[q.text(4)];
      list.push_back({});
      c = &list.back();
      c->archive = q.text(1);
      c->sha256 = q.text(2);
      c->case_number = q.text(3);
      dated = false;
    }
    const bool decision =
        std::find(decision_types.begin(), decision_types.end(), q.text(5)) != decision_types.end();
    if (decision && !dated) {
      c->decided = q.text(6);
      if (c->case_number.empty()) c->case_number = q.text(9);  // the decision's number
      dated = true;
    }
    const std::string kind = q.text(7);
    if (kind == "provision" && decision) {
      if (std::find(c->provisions.begin(), c->provisions.end(), q.text(8)) == c->provisions.end())
        c->provisions.push_back(q.text(8));
    } else if (kind == "violation_date" && c->violation.empty()) {
      c->violation = q.text(8);
    }
  }
  if (q.failed())
    return Error{"无法从数据库读取当事人此前的案件：" + std::string(sqlite3_errmsg(db)), Code::io};
  return out;
}

}  // namespace

Result<PartyHistory> read_party_history(Store& store,
                                        const std::vector<std::string>& decision_types) {
  return read(store, std::nullopt, decision_types);
}

Result<std::vector<EarlierCase>> earlier_cases_of(Store& store, const std::string& party_id,
                                                  const std::vector<std::string>& decision_types,
                                                  const std::string& except_archive) {
  Result<PartyHistory> h = read(store, party_id, decision_types);
  if (!h) return h.failure();
  std::vector<EarlierCase> out;
  for (EarlierCase& c : h->by_party[party_id])
    if (c.archive != except_archive) out.push_back(std::move(c));
  return out;
}

}  // namespace auditor

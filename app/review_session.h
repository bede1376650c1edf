// The database and round one inspection-record command works on
// (app/review.h): opened read-only, or for writing under the database's run
// lock, and the round read from it. Internal to app/.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/review.h"
#include "auditor/round.h"
#include "store/record.h"
#include "store/run_lock.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

struct ReviewSession {
  std::optional<RunLock> lock;  // held while writing
  std::unique_ptr<Store> store;
  RoundData data;  // with `load`; else only data.round

  // Opens scope.db (Code::not_found when it does not exist; `write`: takes
  // its run lock first, Code::busy while an audit runs) and finds the round
  // (Code::not_found when none). With `load` reads the round (load_round;
  // `full`: with documents and checks; without `audits` no case's findings
  // and checks: load_audit reads one case's).
  static Result<ReviewSession> open(const ReviewScope& scope, bool write, bool full,
                                    bool load = true, bool audits = true);
  // Reads case i's findings and checks (a session opened without `audits`).
  Status load_audit(std::size_t i);
  // The store of `db` alone, read-only or (with `lock` given) for writing
  // under its run lock.
  static Result<std::unique_ptr<Store>> open_store(const std::filesystem::path& db, bool write,
                                                   std::optional<RunLock>* lock = nullptr);

  // The index of the case named `id` (its case number or archive path).
  // Code::not_found when no case has it; Code::invalid when several cases
  // share the number (the archive path then names one).
  Result<std::size_t> find_case(const std::string& id) const;
  // The case's key and archive path now.
  CaseRef ref(std::size_t i) const;
  // "案卷 <case number>（<archive>）", or "案卷 <archive>" without a number.
  std::string case_name(std::size_t i) const;
  // The case's record (empty when the round has none).
  const Record& record(std::size_t i) const;
  // Why the case cannot change while signed (Chinese); "" when it is open.
  std::string locked_reason(std::size_t i) const;
};

// A refusal of a record write: Code::invalid with the Chinese reason.
inline Error refused(const std::string& why) { return Error{why, Code::invalid}; }

// The refusal when `name` may not decide, add to, sign or mark typical case i of a
// planned round (its plan names inspectors): not named by the plan, or from
// the case's own street (回避, recusal_problem); nullopt when they may. A
// case whose street cannot be read is checked for the name only: 回避
// cannot be judged, and the assignment already refused it.
std::optional<Error> plan_refusal(ReviewSession& s, std::size_t i, const std::string& name);

// Runs `write()` (returning Result<T>) inside one RecordTransaction of
// `store`, committed when it succeeds; rolled back otherwise.
template <class T, class F>
Result<T> in_record_transaction(Store& store, F&& write) {
  RecordTransaction tx(store);
  if (Status st = tx.status(); !st.ok()) return Error{st.reason, st.code};
  Result<T> out = write();
  if (!out) return out;
  if (Status st = tx.commit(); !st.ok()) return Error{st.reason, st.code};
  return out;
}

// What a write to one case refuses before it runs: a rejected archive
// (the case's name followed by `rejected`) and, with `refuse_locked`, a
// signed case (locked_reason).
struct CaseGuard {
  const char* rejected;
  bool refuse_locked = true;
};

// The shape of every write to one case's record: opens `scope` for writing
// (the round's cases and record, and the findings and checks of `case_id`
// alone: a write costs one case's audit in a round of thousands), finds
// `case_id`, applies `guard`, then runs `write(session, index)` (returning
// Result<T>; a refusal writes nothing) in one RecordTransaction. `write`
// reads only case `index`'s audit.
template <class T, class F>
Result<T> write_to_case(const ReviewScope& scope, const std::string& case_id, CaseGuard guard,
                        F&& write) {
  Result<ReviewSession> s = ReviewSession::open(scope, true, false, true, false);
  if (!s) return s.failure();
  Result<std::size_t> i = s->find_case(case_id);
  if (!i) return i.failure();
  if (Status st = s->load_audit(*i); !st.ok()) return Error{st.reason, st.code};
  if (s->data.cases[*i].c.rejected) return refused(s->case_name(*i) + guard.rejected);
  if (guard.refuse_locked)
    if (std::string why = s->locked_reason(*i); !why.empty()) return refused(why);
  return in_record_transaction<T>(*s->store, [&] { return write(*s, *i); });
}

}  // namespace auditor

// Every SQL statement of the inspection record (docs/formats/review.md):
// decisions, added findings, sign-offs, reopens and round settings, each
// appended together with a row of the trail, whose rows chain a SHA-256.
// Record rows are never updated or deleted (triggers refuse it). The rules
// of what may be recorded (a locked case, a valid decision) are app/'s; the
// store writes what it is given.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auditor/review.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

// A write of the record: BEGIN IMMEDIATE, rolled back on destruction unless
// committed. Every record_* and append_trail call runs inside one, so a row
// and its trail row are written together or not at all.
class RecordTransaction {
 public:
  explicit RecordTransaction(Store& store);
  ~RecordTransaction();
  RecordTransaction(const RecordTransaction&) = delete;
  RecordTransaction& operator=(const RecordTransaction&) = delete;
  // Fails (Chinese reason) when the transaction could not begin.
  Status status() const;
  Status commit();

 private:
  Store& store_;
  bool open_ = false;
  std::string error_;
};

// The current time as the record stamps it: ISO 8601 UTC with
// milliseconds, "2024-05-01T08:00:00.123Z".
Result<std::string> record_now(Store& store);

// Appends one trail row for `round_id`: `action` (a name such as "decision")
// and `payload`, stored in its canonical form (payload_text); the row's
// sha256 covers the previous row's (docs/formats/review.md, "The trail").
// Returns the row's seq. Inside a RecordTransaction. `round_id` 0 is a row
// of no round (a user change), stored as NULL and hashed as 0.
Result<long long> append_trail(Store& store, long long round_id, const std::string& action,
                               const nlohmann::json& payload);

// The time (`at`) of trail row `seq`; Code::not_found when there is none.
Result<std::string> trail_time(Store& store, long long seq);

// The canonical text of a payload: compact, keys sorted, UTF-8 unescaped,
// malformed bytes as U+FFFD.
std::string payload_text(const nlohmann::json& payload);

// The trail row hash: lower-case hex SHA-256 of
// prev "\n" seq "\n" round_id "\n" action "\n" at "\n" payload.
std::string trail_row_sha256(const std::string& prev, long long seq, long long round_id,
                             const std::string& action, const std::string& at,
                             const std::string& payload);

// The rows below are written with their trail row (action "decision",
// "added", "signoff", "reopen"); an empty time is record_now(). Text is kept
// as well-formed UTF-8. Each returns the row as stored. A `withdrawn`
// decision is refused (Code::invalid): only a ruling withdraws a finding.
Result<RecordedDecision> record_decision(Store& store, long long round_id, const CaseRef& at,
                                         const Decision& d, std::optional<long long> replaces);
// `a.added.finding`: rule ("其他" or an id), stage, document, severity,
// deduction, basis, message (the text); its key is set to "added-<id>".
Result<RecordedAdded> record_added(Store& store, long long round_id, const CaseRef& at,
                                   const RecordedAdded& a);
Result<SignOff> record_signoff(Store& store, long long round_id, const SignOff& s);
Result<Reopen> record_reopen(Store& store, long long round_id, const Reopen& r);

// Objections, rulings, rectification items and their updates have no table:
// each is one trail row (action "objection", "ruling", "rectify",
// "rectify_update") whose payload is the record (docs/formats/objections.md)
// and whose seq is its id. Each stamps its time (an empty one is
// record_now()), appends its row and returns it as stored. Inside a
// RecordTransaction. Whether it may be recorded is app/'s to decide.
Result<Objection> record_objection(Store& store, long long round_id, const Objection& o);
Result<Ruling> record_ruling(Store& store, long long round_id, const Ruling& r);
Result<RectifyItem> record_rectify_item(Store& store, long long round_id, const RectifyItem& it);
Result<RectifyUpdate> record_rectify_update(Store& store, long long round_id,
                                            const RectifyUpdate& u);

// Every record row of the round, in trail order: the tables' rows and the
// record kinds kept as trail rows only (a payload that is not the object
// its action writes is Code::corrupt).
Result<Record> load_record(Store& store, long long round_id);

// A row of the trail as stored. Record kinds that have no table of their
// own (objections, rulings, rectification, the draw and the assignment)
// are these rows: their payload is the record.
struct TrailEntry {
  long long seq = 0;
  std::string action, at;  // `at`: ISO 8601 UTC
  nlohmann::json payload;
};
// The trail rows of `round_id` whose action is one of `actions`, in trail
// order.
Result<std::vector<TrailEntry>> load_trail_entries(Store& store, long long round_id,
                                                   const std::vector<std::string>& actions);

// A round setting (e.g. "second_review"), nullopt when never set.
Result<std::optional<std::string>> round_setting(Store& store, long long round_id,
                                                 const std::string& name);
// Sets it, appending a trail row (action "setting"). Inside a RecordTransaction.
Status set_round_setting(Store& store, long long round_id, const std::string& name,
                         const std::string& value);

// What verify_trail found: the rows checked and the first broken one.
struct TrailCheck {
  long long rows = 0;
  std::optional<long long> broken_seq;  // nullopt: intact
  std::string why;                      // Chinese, naming the row
};

// Recomputes the chain from the first row: each row's prev_sha256 must be
// the previous row's sha256 (64 zeros for the first), its seq one more, its
// sha256 the hash of its content; and each record row (decision, added,
// sign-off, reopen, and each round setting's current value) must be the one
// its trail row describes, with no decision, added, sign-off or reopen trail
// row left without its row. `broken_seq` is the first trail row with a
// problem. Reads one snapshot.
Result<TrailCheck> verify_trail(Store& store);

}  // namespace auditor

// Every SQL statement of the typical-case marks (典型案例,
// docs/formats/typical.md): an inspector marks a case, or one finding of
// it, as typical with a note, or takes the mark back. Written like the
// review decisions (store/record.h): one row of the append-only table
// `typical_marks` with its trail row (action "typical") in one
// RecordTransaction; a change of mind is a new row that replaces the
// latest one on the same case and finding. Whether a mark may be recorded
// is app/'s to decide.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auditor/review.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

struct TypicalMark {
  CaseRef at;           // the case's key and archive path when recorded
  std::string rule;     // the marked finding's rule id; "" for the case as a whole
  std::string finding;  // the marked finding's key; "" for the case as a whole
  bool marked = true;   // false: the mark is taken back
  std::string note;     // the inspector's note (典型意义); "" when none
  std::string inspector;
  std::string marked_at;              // ISO 8601 UTC with milliseconds
  std::optional<long long> replaces;  // the row on the same case and finding it replaces
  long long id = 0, seq = 0;
};

// The payload of a mark's trail row (every key present), built from the
// values as stored: case archive rule finding marked note inspector
// marked_at replaces.
nlohmann::json typical_payload(const TypicalMark& m);

// Writes `m` (an empty time is record_now()) with its trail row. Inside a
// RecordTransaction. Returns the row as stored.
Result<TypicalMark> record_typical(Store& store, long long round_id, const TypicalMark& m);

// Every mark of the round, in trail order.
Result<std::vector<TypicalMark>> load_typical_marks(Store& store, long long round_id);

// The id of the case stored at `archive` in round `round_id` (to read it
// whole with CaseLoader, texts included); nullopt when there is none.
Result<std::optional<long long>> stored_case_id(Store& store, long long round_id,
                                                const std::string& archive);

// Each stored mark against the trail row it names (the same check
// verify_trail makes of the review tables): nullopt when all agree, else
// the first trail seq with a problem and a Chinese reason. Also finds a
// "typical" trail row whose mark row is gone.
Result<std::optional<std::pair<long long, std::string>>> check_typical_marks(Store& store);

}  // namespace auditor

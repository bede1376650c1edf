// The rounds and case rows `auditor serve` lists and opens, with the street
// scope applied in the query: a street user's list holds only its street's
// cases, and a case of another street reads as absent. The street of a case
// is the one the JSON result states (declared, else its first `street`
// fact), compared with same_street (auditor/draw.h); its case number too
// (declared, else the first `case_number` fact of the filing approval, else
// of any document).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auditor/checker.h"
#include "auditor/round.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

// One stored case as a list shows it.
struct CaseRow {
  long long id = 0;
  long long round_id = 0;
  long long run_id = 0;  // the audit run that stored it
  std::string archive;
  bool rejected = false;
  Text error, case_number, street;
  std::optional<double> score;  // the machine's; nullopt when rejected
  Text grade;
  bool operator==(const CaseRow&) const = default;
};

// Every round, oldest first.
Result<std::vector<RoundInfo>> list_rounds(Store& store);

// The round with `id`; nullopt when none.
Result<std::optional<RoundInfo>> round_by_id(Store& store, long long id);

// Inserts a round named `name` with stored `mode` (inspection | self_check),
// created now. nullopt when a round already has the name (nothing written).
Result<std::optional<RoundInfo>> insert_round(Store& store, const std::string& name,
                                              const std::string& mode);

// The cases of round `round_id` in the order they were saved; with `street`
// only the cases of that street (a case without a known street is nobody's).
Result<std::vector<CaseRow>> list_case_rows(Store& store, long long round_id,
                                            const std::optional<std::string>& street);

// Whether the case is in `street`'s scope (any case without one).
bool in_scope(const CaseRow& c, const std::optional<std::string>& street);

// How many cases each round holds (a round without cases is absent); with
// `street` only the cases of that street. One pass over the cases.
Result<std::map<long long, std::size_t>> case_counts(Store& store,
                                                     const std::optional<std::string>& street);

// Whether round `round_id` holds a case of `street`; stops at the first.
Result<bool> round_has_street_case(Store& store, long long round_id, const std::string& street);

// A short text that changes whenever anything stored of round `round_id`
// changes: a case row saved, replaced or removed (every save is under a
// newer audit run: the cases' count, highest id and sum of run ids) or a
// trail row of the round appended (its record, plan, draw, assignments and
// settings). Two index lookups, whatever the round's size.
Result<std::string> round_stamp(Store& store, long long round_id);

// The case `case_id`; nullopt when there is none or, with `street`, when it
// is not of that street.
Result<std::optional<CaseRow>> find_case_row(Store& store, long long case_id,
                                             const std::optional<std::string>& street);

// The stored findings of each case in `case_ids`, in the checker's order
// (one prepared query run per case); a case without findings is absent.
Result<std::map<long long, std::vector<Finding>>> load_case_findings(
    Store& store, const std::vector<long long>& case_ids);

}  // namespace auditor

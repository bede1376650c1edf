// One round (审查轮次) read back from the store into plain values
// (auditor/round.h), for the round reports. Reading uses one query per
// table, never one per case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auditor/round.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

// The round named `name`, or the most recently created one when `name` is
// empty; nullopt when there is no such round.
Result<std::optional<RoundInfo>> find_round(Store& store, const std::string& name);

// The number of cases of `round`, without reading them.
Result<std::size_t> case_count(Store& store, const RoundInfo& round);

// Everything the reports show about `round`. With `full` false only the case
// rows, the facts behind the case numbers and filing dates, the types of the
// filing and closing documents and the findings are read: enough for the
// notification, the case list and comparing rounds. Documents then stay
// empty, and checks too unless the round has an inspection record;
// RoundData::facts, records and second_review are complete either way
// (RoundData::reviewed is left to review_round).
// With `audits` false no case's findings and checks are read (each case's
// Audit stays empty): the round's cases, facts and record for a write to one
// case, which then reads that case's with load_case_audit.
Result<RoundData> load_round(Store& store, const RoundInfo& round, bool full = true,
                             bool audits = true);

// Reads the findings and checks of case `i` of `data` (read by load_round)
// into its Audit, as load_round reads them. Code::not_found when the case is
// no longer stored in the round.
Status load_case_audit(Store& store, RoundData& data, std::size_t i);

// The latest round created before `current` whose set of streets (the
// non-empty streets of its cases) equals the current one's; nullopt when
// none has the same scope.
Result<std::optional<RoundInfo>> previous_round(Store& store, const RoundData& current);

}  // namespace auditor

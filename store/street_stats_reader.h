// What the street statistics (auditor/street_stats.h) need of a stored
// round's cases, read with two queries whatever the round's size: the
// filing, decision, extension and closing documents' types and dates, and
// the facts filing_date, provision and appeal_outcome of the filing form,
// the decisions and the answer files' documents.
#pragma once

#include <map>
#include <string>

#include "auditor/street_stats.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

// Per archive of round `round_id`: the dates, flags, provisions and outcome
// of StatsCase (street and procedure are left to the caller, which has the
// round's case rows). A case without such documents or facts has no entry.
Result<std::map<std::string, StatsCase>> read_stats_cases(Store& store, long long round_id);

}  // namespace auditor

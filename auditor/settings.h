// The checklist's named settings (<settings>, docs/formats/checklist.md):
// which names exist and their typed values. There are no defaults in code:
// a setting the checklist does not give is nullopt. The one exception is
// run_date, the run's date (审查日), which defaults to today.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "auditor/checklist.h"
#include "util/date.h"

namespace auditor {

// Names known, values well-formed: an empty string when valid, else a
// Chinese reason.
std::string validate_settings(const std::map<std::string, std::string>& settings);

// A number setting (a threshold in yuan, a count of days); nullopt when the
// checklist does not give it or gives no number.
std::optional<double> setting_number(const Checklist& cl, std::string_view name);
// A yes/no setting, read as parse_yes_no reads it.
std::optional<bool> setting_bool(const Checklist& cl, std::string_view name);

// The date the audit is run as of (审查日): the run_date setting, an ISO
// date a front end or a test may set to fix it, else today by the system
// clock in local time. Dates more than a year after it are implausible
// (events.h).
Date run_date(const Checklist& cl);

// "true" "1" "是" → true, "false" "0" "否" → false, else nullopt (settings,
// manifest flags and yes/no facts share this vocabulary).
std::optional<bool> parse_yes_no(std::string_view text);

}  // namespace auditor

// The checklist's named settings (<settings>, docs/formats/checklist.md):
// which names exist and their typed values. There are no defaults in code:
// a setting the checklist does not give is nullopt.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "auditor/checklist.h"

namespace auditor {

// Names known, values well-formed: an empty string when valid, else a
// Chinese reason.
std::string validate_settings(const std::map<std::string, std::string>& settings);

// A number setting (a threshold in yuan, a count of days); nullopt when the
// checklist does not give it or gives no number.
std::optional<double> setting_number(const Checklist& cl, std::string_view name);
// A yes/no setting, read as parse_yes_no reads it.
std::optional<bool> setting_bool(const Checklist& cl, std::string_view name);

// "true" "1" "是" → true, "false" "0" "否" → false, else nullopt (settings,
// manifest flags and yes/no facts share this vocabulary).
std::optional<bool> parse_yes_no(std::string_view text);

}  // namespace auditor

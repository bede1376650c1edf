// The --profile ID|FILE option: a scoring profile chosen on the command line
// instead of the one the checklist names (docs/scoring.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "auditor/checklist.h"

namespace auditor::cli {

// The bundled profiles: checklists/profiles/ in the source tree.
std::filesystem::path default_profiles_dir();

// `id_or_file` is a bundled profile id (haizhu-default, mee-2024 → its file
// in default_profiles_dir(), whose id must match) or a path to a profile
// file (anything with a '/' or ending in .xml). The profile is checked
// against `checklist`, then replaces its scoring profile, and the profile's
// digest is folded into checklist.sha256 so stored audits scored otherwise
// are not mistaken for this one. On failure prints the Chinese reason
// (file:line) to stderr, leaves `checklist` as it was and returns false.
bool use_profile_option(const std::string& id_or_file, Checklist& checklist);

}  // namespace auditor::cli

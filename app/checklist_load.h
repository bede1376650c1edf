// The checklist a run audits with, and its digest: the one formula the
// incremental audit reuses stored results by (Checklist::sha256 covers the
// checklist data, the importers' data and the scoring profile in use).
#pragma once

#include <filesystem>
#include <string>

#include "auditor/checklist.h"
#include "util/status.h"

namespace auditor {

// load_checklist(dir) with the importers' data digest (facts_data_sha256).
Result<Checklist> load_audit_checklist(const std::filesystem::path& dir);

// Replaces the checklist's scoring profile with `id_or_file`: a bundled
// profile id (haizhu-default, mee-2024 → its file in
// default_profiles_dir(), whose id must match) or a path to a profile file
// (anything with a '/' or ending in .xml). The profile is checked against
// `checklist`, and its digest is folded into checklist.sha256 so stored
// audits scored otherwise are not mistaken for this one. On failure
// (Chinese reason, file:line) `checklist` is left as it was.
Status apply_profile(const std::string& id_or_file, Checklist& checklist);

}  // namespace auditor

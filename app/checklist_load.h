// The checklist a run audits with, and its digest: the one formula the
// incremental audit reuses stored results by (Checklist::sha256 covers the
// checklist data, the importers' data and the scoring profile in use).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "auditor/checklist.h"
#include "util/status.h"

namespace auditor {

// load_checklist(dir) with the importers' data digest (facts_data_sha256),
// then the substance tables (load_substance_tables).
Result<Checklist> load_audit_checklist(const std::filesystem::path& dir);

// Loads the table each substance rule (discretion, provision_table, remedy;
// docs/formats/discretion.md) names by its `table` param, a path relative to
// the checklist folder `dir`: the param becomes the absolute path, the
// table's digest is set as `table_sha256` and folded into checklist.sha256
// (an edited table re-checks the stored cases). A table that does not load
// fails with its "<file>:<line>: <reason>" and the rule that names it. A
// table that does not exist (a checklist folder copied without it) is no
// error: its rules are not checkable (missing_substance_tables).
Status load_substance_tables(const std::filesystem::path& dir, Checklist& checklist);
// One Chinese line per substance rule whose table was not loaded.
std::vector<std::string> missing_substance_tables(const Checklist& checklist);

// Replaces the checklist's scoring profile with `id_or_file`: a bundled
// profile id (haizhu-default, mee-2024 → its file in
// default_profiles_dir(), whose id must match) or a path to a profile file
// (anything with a '/' or ending in .xml). The profile is checked against
// `checklist`, and its digest is folded into checklist.sha256 so stored
// audits scored otherwise are not mistaken for this one. On failure
// (Chinese reason, file:line) `checklist` is left as it was.
Status apply_profile(const std::string& id_or_file, Checklist& checklist);

}  // namespace auditor

// The program's data folders: found beside the installed binary
// (P/bin/auditor → P/share/auditor/checklists), else in the source tree the
// binary was built from (a binary run from build/). Every front end finds
// its data here, so a copied or installed binary works from any directory.
#pragma once

#include <filesystem>

namespace auditor {

// The bundled checklists/ folder (checklist folders, profiles, calendars).
std::filesystem::path data_dir();
// data_dir()/general: the checklist used when none is given.
std::filesystem::path default_checklist_dir();
// data_dir()/profiles: the bundled scoring profiles.
std::filesystem::path default_profiles_dir();

}  // namespace auditor

// Finds the data under a folder of checklist data (e.g. checklists/): the
// checklist folders, the standalone scoring profiles, the working-day
// calendars, the draw's must-check rules, the 会审 / 法制审核 scope tables
// the substance tables (discretion standard, provision table, remedy
// table: docs/formats/discretion.md) and the enforcement-field map
// (docs/formats/fields.md), told apart by each XML file's root
// element.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "util/status.h"

namespace auditor {

struct DataFiles {
  // Folders holding a <checklist> header file; every *.xml below one of them
  // belongs to it (load_checklist).
  std::vector<std::filesystem::path> checklists;
  std::vector<std::filesystem::path> profiles;    // <profile> files (load_profile)
  std::vector<std::filesystem::path> calendars;   // <calendar> files (WorkCalendar::load)
  std::vector<std::filesystem::path> must_check;  // <must-check> files (load_must_check)
  std::vector<std::filesystem::path> scopes;      // <scope> files (load_scope_file)
  std::vector<std::filesystem::path> discretion;  // <discretion> files (load_discretion)
  std::vector<std::filesystem::path> provisions;  // <provisions> files (load_provision_table)
  std::vector<std::filesystem::path> remedies;    // <remedy> files (load_remedy)
  std::vector<std::filesystem::path> fields;  // <fields> files (load_field_map, auditor/fields.h)
  // "<file>:<line>: <reason>" for files outside every checklist folder that
  // are malformed or have another root element.
  std::vector<std::string> errors;
};

// Walks `dir` recursively, in sorted path order. Fails when `dir` is not a
// readable folder or holds no *.xml file.
Result<DataFiles> find_data_files(const std::filesystem::path& dir);

}  // namespace auditor

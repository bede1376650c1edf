// The JSON result: the contract reports and other tools build on
// (docs/formats/result-json.md). Names never change; unknown values are null.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

struct CaseResult {
  Case c;
  Audit audit;
};

// The first fact of `kind` in a document of type `preferred` (when given),
// else in any document, in archive order: the contract's fallback for the
// case number, street and party a case does not declare.
Text first_fact(const Case& c, std::string_view kind, const char* preferred = nullptr);

nlohmann::json case_json(const Case& c, const Audit& audit);
nlohmann::json result_json(const std::string& tool_version, const Checklist& checklist,
                           const std::vector<CaseResult>& cases);

}  // namespace auditor

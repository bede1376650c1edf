// The JSON result: the contract reports and other tools build on
// (docs/formats/result-json.md). Names never change; unknown values are null.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

struct CaseResult {
  Case c;
  Audit audit;
};

nlohmann::json case_json(const Case& c, const Audit& audit);
nlohmann::json result_json(const std::string& tool_version, const Checklist& checklist,
                           const std::vector<CaseResult>& cases);

}  // namespace auditor

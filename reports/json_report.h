// The JSON result: the contract reports and other tools build on
// (docs/formats/result-json.md). Names never change; unknown values are null.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/case_result.h"
#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

nlohmann::json case_json(const Case& c, const Audit& audit);
nlohmann::json result_json(const std::string& tool_version, const Checklist& checklist,
                           const std::vector<CaseResult>& cases);

}  // namespace auditor

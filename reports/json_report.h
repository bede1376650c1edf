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
#include "auditor/review.h"
#include "auditor/round.h"

namespace auditor {

nlohmann::json case_json(const Case& c, const Audit& audit);
// The "review" object of a case (docs/formats/result-json.md, additions 2
// and 3): its items with their decisions, the score from them, sign-offs,
// and the case's objections with their rulings and rectification items
// with their re-check (recheck_case of `record`).
nlohmann::json review_json(const ReviewedCase& reviewed, const RecordState& state,
                           const Record& record, const CaseRectification& rectification);
// review_json of case i of a round with a record (data.reviewed filled);
// null for a rejected archive. Re-checks without a date (nothing overdue).
nlohmann::json round_review_json(const RoundData& data, std::size_t i);
// Adds "review" to each case of `result` (result_json of data.cases, same
// order) when the round has a record and review_round has filled
// data.reviewed: review_json, or null for a rejected archive. Otherwise
// leaves `result` as it is.
void add_reviews(nlohmann::json& result, const RoundData& data);
nlohmann::json result_json(const std::string& tool_version, const Checklist& checklist,
                           const std::vector<CaseResult>& cases);

}  // namespace auditor

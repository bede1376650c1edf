// The JSON result of a round written as text without building a document:
// exactly the bytes of json_text_safe(round_json(data).dump(2)) (sorted
// keys, two-space indent, UTF-8 left unescaped, malformed UTF-8 as U+FFFD,
// bidirectional controls and noncharacters as \uXXXX; util/text_safety.h),
// so a round of 100,000 cases streams out in pieces instead of a
// multi-gigabyte DOM.
#pragma once

#include <functional>
#include <string_view>

#include "auditor/round.h"

namespace auditor {

// Receives the text in order, in pieces of about a megabyte; returns false
// to stop writing (e.g. a failed write).
using TextSink = std::function<bool(std::string_view)>;

// Writes json_text_safe(round_json(data, case_sheets).dump(2)) to `sink`,
// without a final newline; false when the sink stopped it. Each case has
// its "review" (add_reviews, reports/json_report.h) when the round has a
// record and data.reviewed is filled (review_round).
bool write_round_json(const RoundData& data, const TextSink& sink, bool case_sheets = true);

}  // namespace auditor

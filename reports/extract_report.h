// What `auditor extract` shows of each document: what the auditor saw.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

// {"path","format","type","type_name","stage","title","has_text","pages",
//  "number","date","metadata":{},"facts":[{"kind","value","snippet"}],
//  "signatures":[...],"issues":[...],"text"}
nlohmann::ordered_json document_json(const Document& d, const Checklist& checklist,
                                     const std::vector<ImportIssue>& issues);

// The same as readable Chinese text, display_safe (util/text_safety.h): no
// control character but tab and line breaks, bidirectional controls visible.
std::string document_text(const Document& d, const Checklist& checklist,
                          const std::vector<ImportIssue>& issues);

}  // namespace auditor

// Chinese labels for the fixed vocabularies of the JSON contract.
#pragma once

#include <string>

namespace auditor {

std::string severity_label(const std::string& severity);  // veto → 否决项 ...
std::string kind_label(const std::string& kind);          // missing_document → 文书缺失 ...
// The line of a document's title lines (Document::title) that names it, for
// showing an unclassified document: the first non-empty line after the
// lines that are only the issuing organ (…办事处, …人民政府); at most 40 code
// points. Empty when the document has no title text.
std::string first_title_line(const std::string& title);
// The date of a recorded time: "2026-12-06T08:00:00.123Z" → "2026-12-06".
inline std::string day_of(const std::string& iso_time) { return iso_time.substr(0, 10); }

}  // namespace auditor

// Chinese labels for the fixed vocabularies of the JSON contract.
#pragma once

#include <string>

namespace auditor {

std::string severity_label(const std::string& severity);  // veto → 否决项 ...
std::string kind_label(const std::string& kind);          // missing_document → 文书缺失 ...

}  // namespace auditor

// Facts pulled from the Simplified Chinese text of one document. Pure text in,
// facts out: no knowledge of rules. Fact kinds and value forms are listed in
// docs/facts.md; every fact keeps the snippet it came from.
#pragma once

#include <string_view>
#include <vector>

#include "auditor/model.h"

namespace auditor {

std::vector<Fact> extract_facts(std::string_view text);

}  // namespace auditor

// Facts pulled from the Simplified Chinese text of one document. Pure text in,
// facts out: no knowledge of rules. Fact kinds and value forms are listed in
// docs/facts.md; every fact keeps the snippet it came from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auditor/model.h"

namespace auditor {

std::vector<Fact> extract_facts(std::string_view text);

// sha256 of the data compiled into the extractors (the date-label vocabulary,
// importers/date_labels.tsv): stored facts read with other data are stale.
const std::string& facts_data_sha256();

}  // namespace auditor

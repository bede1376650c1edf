// The street office that issued a case's documents, read from the organ
// named in a document's heading or signature block (落款) or from its seal:
// the organ name decides the case's street, not the case number's 街道代字.
#pragma once

#include <optional>
#include <string>

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

struct IssuingOrgan {
  const StreetCode* street = nullptr;  // from the checklist's <numbering>
  const Document* document = nullptr;  // where the organ is written
  std::string written;                 // the line or seal name as written
};

// Looks at the first 5 and last 12 non-empty lines of each readable document
// (heading and signature block, not the body where a party's address may
// name a street), at declared seal names and at OFD seals. An organ is
// written as the full name of the numbering's organ template
// (广州市海珠区人民政府赤岗街道办事处), as 赤岗街道办事处, as a line that is only
// 海珠区赤岗街道 (with 综合行政执法… or （印章） after it), or as a seal name of
// the seal register. Decisions are searched first, then outgoing documents
// (types with a 文书简称), then every document; the first group naming a
// street decides, and nullopt is returned when it names two different
// streets or when nothing names one.
std::optional<IssuingOrgan> issuing_organ(const Case& c, const Checklist& checklist);

}  // namespace auditor

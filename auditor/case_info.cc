#include "auditor/case_info.h"

#include "auditor/issuing_organ.h"

#include "auditor/procedure.h"

#include <cstdlib>
#include <initializer_list>

namespace auditor {
namespace {

void fill(Text& field, Text derived) {
  if (!field) field = std::move(derived);
}

}  // namespace

Text first_fact(const Case& c, std::string_view kind, const char* preferred) {
  return first_fact_of(
      [&](const auto& visit) {
        for (const Document& d : c.documents)
          for (const Fact& f : d.facts)
            if (visit(d.type, f.kind, f.value)) return;
      },
      kind, preferred);
}

void derive_case_info(Case& c, const Checklist& checklist) {
  CaseInfo& info = c.info;
  if (std::string p = case_procedure(c, checklist).id; !p.empty()) info.procedure = p;
  fill(info.case_number, first_fact(c, "case_number", "filing_approval"));
  // The street: the issuing organ's (heading, signature block, seal), else
  // the 街道代字 of the case number.
  if (!info.street)
    if (std::optional<IssuingOrgan> organ = issuing_organ(c, checklist))
      info.street = organ->street->street;
  if (!info.street && info.case_number && !checklist.numbering.source.empty()) {
    const Numbering& n = checklist.numbering;
    const ParsedNumber parsed = parse_number(*info.case_number, n.case_pattern, n, {});
    if (const StreetCode* s = n.by_code(parsed.street_code)) info.street = s->street;
  }
  fill(info.party, first_fact(c, "party", "penalty_decision"));
  fill(info.party_id, first_fact(c, "party_id", "penalty_decision"));
  if (!info.fine)
    if (Text fine = first_fact(c, "fine", "penalty_decision")) {
      char* end = nullptr;
      double value = std::strtod(fine->c_str(), &end);
      if (end != fine->c_str()) info.fine = value;
    }
  if (!info.dates.count("filed"))
    if (Text filed = first_fact(c, "filing_date", "filing_approval")) info.dates["filed"] = *filed;
}

}  // namespace auditor

// Case-level facts (case number, party, fine...) that a manifest did not
// declare, derived from the classified documents' facts. Declared values are
// never overwritten; what no document states stays unknown.
#pragma once

#include "auditor/checklist.h"
#include "auditor/model.h"

#include <string>
#include <string_view>

namespace auditor {

// The one policy for a case fact a case does not declare: the first fact of
// `kind` in a document of type `preferred` (when given), else in any
// document, in archive order. `each_fact(visit)` calls
// visit(doc_type, kind, value) for every fact in archive order and stops
// when visit returns true; the store's round reader uses it over rows.
template <typename EachFact>
Text first_fact_of(const EachFact& each_fact, std::string_view kind, const char* preferred) {
  for (bool want_preferred : {preferred != nullptr, false}) {
    Text found;
    each_fact([&](const Text& doc_type, std::string_view k, const std::string& value) {
      if (k != kind || (want_preferred && doc_type != preferred)) return false;
      found = value;
      return true;
    });
    if (found) return found;
  }
  return std::nullopt;
}

// first_fact_of over the documents of `c`.
Text first_fact(const Case& c, std::string_view kind, const char* preferred = nullptr);

// `c` must be classified. Prefers the filing approval for the case number and
// the penalty decision for party and fine; falls back to any document. The
// street is the issuing organ's (auditor/issuing_organ.h), else the case
// number's 街道代字 (the checklist's numbering data) when it is known there.
void derive_case_info(Case& c, const Checklist& checklist);

}  // namespace auditor

// The values of one fact kind, for the fact-extractor tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "importers/facts.h"

namespace auditor::testing {

using Values = std::vector<std::string>;

// The values of the facts of `kind`, in order.
inline Values values(const std::vector<Fact>& facts, const std::string& kind) {
  Values out;
  for (const Fact& f : facts)
    if (f.kind == kind) out.push_back(f.value);
  return out;
}

// The values of `kind` that extract_facts finds in `text`.
inline Values values_of(std::string_view text, const std::string& kind) {
  return values(extract_facts(text), kind);
}

}  // namespace auditor::testing

// Internal to rule kind officers (auditor/officers.cc): the officers a
// document names, from its `officer` facts ("姓名|证号", docs/facts.md), and
// the certificates check (auditor/officer_facts.cc).
#pragma once

#include <string>
#include <vector>

#include "auditor/model.h"
#include "auditor/rule_kinds.h"

namespace auditor {

struct Officer {
  std::string name;
  std::string certificate;
  std::string snippet;
};

// The officers of `d` with both a name and a certificate number, each name
// (normalised) once, in text order.
std::vector<Officer> officers_of(const Document& d);

// check=certificates: one officer name, one certificate number in every
// document naming officers.
Outcome officer_certificates(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out);

}  // namespace auditor

// Internal to the numbering rule kind (auditor/numbering_rules.cc and the
// files of its checks): the finding builder the checks share.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "auditor/held_numbers.h"
#include "auditor/rule_kinds.h"

namespace auditor {

// 《name》 of a document type id (the id itself when unknown).
std::string type_name(const Checklist& cl, const std::string& type);

// A `numbering` finding about the number `w` and the documents writing it:
// {number} {member} {document} filled unless `values` sets them.
Finding numbering_finding(const Rule& r, const RuleContext& ctx, const Written& w,
                          std::map<std::string, std::string> values,
                          std::vector<std::string> evidence);

// check=number_unique_in_case (auditor/numbering_in_case.cc).
Outcome check_unique_in_case(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out);

}  // namespace auditor

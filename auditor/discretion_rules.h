// The substance rule kinds (docs/formats/discretion.md): `discretion` (the
// fine against the statutory range and the band the decision names),
// `provision_table` (a cited provision in force on the violation date) and
// `remedy` (the remedy sentence against the district's table). Each reads
// its table through the rule's `table` param; a rule whose table was not
// loaded (a checklist loaded without app/checklist_load.cc) is not checkable.
#pragma once

#include <string>
#include <vector>

#include "auditor/rule_kinds.h"

namespace auditor {

Outcome check_discretion(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_discretion(const Rule&, const Checklist&);
Outcome check_provision_table(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_provision_table(const Rule&, const Checklist&);
Outcome check_remedy(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_remedy(const Rule&, const Checklist&);

// The substance kinds, whose `table` param names a table file or folder.
bool is_substance_kind(const std::string& kind);
// Loads the table a substance rule names at `path`: "" when it loads (its
// digest in `sha256`), else the loader's "<file>:<line>: <reason>".
std::string load_substance_table(const std::string& kind, const std::string& path,
                                 std::string& sha256);

// The substance tables the rules of `checklist` name, for `auditor rules`:
// each table once (by path), its entries in Chinese; a rule whose table was
// not loaded is named as such. Empty when no rule is of a substance kind.
std::string substance_tables_listing(const Checklist& checklist);

namespace substance {
// Internal to the kinds: params (table, table_sha256, documents, check with
// one of `checks`, none when empty) and the readable documents of the
// `documents` param (default penalty_decision).
std::string validate(const Rule& r, const Checklist& cl,
                     std::initializer_list<std::string_view> checks);
std::vector<const Document*> decisions(const Rule& r, const Case& c);
}  // namespace substance

}  // namespace auditor

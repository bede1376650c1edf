// The rule kinds: the one table of the code behind checklist rules. A rule in
// the data names its kind; the loader rejects kinds not listed here, and the
// checker runs each rule through its kind's handler. To add a kind, write its
// handlers in their own file and add one row to the table in rule_kinds.cc.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/conditions.h"
#include "auditor/model.h"

namespace auditor {

struct PartyHistory;  // auditor/repeat.h

struct RuleContext {
  const Case& c;
  const Checklist& checklist;
  const Conditions& conditions;
  // The party's earlier stored cases (SUB-repeat-offence); nullptr when the
  // audit runs without a store.
  const PartyHistory* history = nullptr;
};

// Runs one rule whose `when` conditions hold (or are unknown: then a failed
// outcome is turned into a manual check by the checker). Appends a finding
// per defect; never throws.
using RuleCheck = Outcome (*)(const Rule&, const RuleContext&, std::vector<Finding>&);
// Checks a rule's params against the loaded checklist: empty when valid,
// else a Chinese reason (the loader prefixes file:line).
using RuleValidate = std::string (*)(const Rule&, const Checklist&);
// What the inspector must confirm when a `when` condition is unknown and the
// check failed, e.g. "是否需要《听证笔录》".
using RuleManualHint = std::string (*)(const Rule&, const Checklist&);

struct RuleKind {
  const char* name;
  const char* help;  // one line, Chinese
  RuleCheck check;
  RuleValidate validate;
  RuleManualHint manual_hint;
  bool import_phase;  // reports import damage; its findings come first
};

std::span<const RuleKind> rule_kinds();
const RuleKind* find_rule_kind(std::string_view name);

// Helpers for handlers.
// A finding carrying the rule's id, severity, basis, stage and deduction.
Finding finding_for(const Rule& rule, std::string kind);
// Replaces each {key} in `tmpl` by its value; unknown keys stay as written.
std::string fill_message(std::string_view tmpl, const std::map<std::string, std::string>& values);
// "" when every param name is in `allowed`, else a Chinese reason.
std::string check_param_names(const Rule& rule, std::initializer_list<std::string_view> allowed);

// The document type `text` names by a title variant (matched on
// normalize_for_match forms): a type with priority >= 100 (one that names
// another document, like 送达回证) first, then the longest variant, then the
// higher priority. `except` is skipped. nullptr when none matches.
const DocType* doc_type_named(std::string_view text, const Checklist& checklist,
                              std::string_view except = {});
// The type of document a service receipt serves, from its served_number fact
// (matched against the numbers in the case), served_document facts, title and
// member name; nullptr when the receipt does not say.
const DocType* served_type(const Document& receipt, const Case& c, const Checklist& checklist);

// Handlers, one file per kind.
Outcome check_required_document(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_required_document(const Rule&, const Checklist&);
std::string required_document_hint(const Rule&, const Checklist&);

Outcome check_import_issues(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome check_text_extracted(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_no_params(const Rule&, const Checklist&);

Outcome check_numbering(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_numbering(const Rule&, const Checklist&);

Outcome check_catalogue(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_catalogue(const Rule&, const Checklist&);

Outcome check_consistency(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_consistency(const Rule&, const Checklist&);
Outcome check_officers(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_officers(const Rule&, const Checklist&);
Outcome check_seal(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_seal(const Rule&, const Checklist&);

Outcome check_deadline(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_deadline(const Rule&, const Checklist&);
Outcome check_order(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_order(const Rule&, const Checklist&);
Outcome check_condition(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_condition(const Rule&, const Checklist&);

}  // namespace auditor

// The named conditions that checklist rules depend on (`when=`), evaluated
// for one classified Case as yes / no / unknown. Evidence, strongest first:
// the manifest's flags, CaseInfo fields, documents present, facts. A
// condition nothing speaks to stays unknown; it is never guessed.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

enum class Tri { no, yes, unknown };

struct ConditionValue {
  Tri value = Tri::unknown;
  std::string why;  // Chinese: where the value came from, for evidence
};

using Conditions = std::map<std::string, ConditionValue>;

enum class PartyKind { citizen, organisation, unknown };

// From a credit code or ID number: a resident ID (18 chars with a birth date,
// or 15 digits) is a citizen; an 18-char unified social credit code is an
// organisation, except an individual business (code "92...") which counts as
// a citizen when `individual_business_is_citizen`. Anything else: unknown.
PartyKind party_kind(std::string_view party_id, bool individual_business_is_citizen);

// A fine or confiscation fact's value: yuan as a plain decimal ("4000",
// "1500.5", docs/facts.md); nullopt for anything else.
std::optional<double> fact_amount(std::string_view text);
// "5000", "1500.5": yuan as messages write them (no trailing zeros).
std::string yuan_text(double yuan);

// The fine in yuan and where it was read: CaseInfo::fine, else the first
// `fine` fact of the decision, the on-the-spot decision, then the notice.
std::optional<std::pair<double, std::string>> case_fine(const Case& c, const Checklist& checklist);
// The party's kind from CaseInfo::party_id, else the first party_id fact of
// the decision, notice, filing form or any document: party_kind() with the
// individual_business_is_citizen setting; an individual business (92…) is
// unknown when the checklist does not set it.
PartyKind case_party_kind(const Case& c, const Checklist& checklist);

// True for the condition names (docs/formats/checklist.md, "Conditions").
bool is_condition_name(std::string_view name);

// The document types whose yes/no fact settles `name` (mitigated ←
// 减轻处罚 in a decision …), in the order they are read; empty for a
// condition no fact settles.
std::vector<std::string> condition_stated_in(std::string_view name);

// The Chinese question an inspector answers to settle `name`, e.g.
// "当事人是否要求听证". Empty for an unknown name.
std::string condition_question(std::string_view name);

// Every condition name gets a value. `c` must be classified.
Conditions evaluate_conditions(const Case& c, const Checklist& checklist);

// A rule's `when` list: all must hold ("!x" negates x). No when one is
// false; otherwise unknown when one is unknown, and the unknown names
// (without "!") are appended to `unknown`.
Tri evaluate_when(const std::vector<std::string>& when, const Conditions& conditions,
                  std::vector<std::string>& unknown);

}  // namespace auditor

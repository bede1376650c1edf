// Repeat offences (再次违法) counted from the stored cases: a band of the
// discretion standard may presume the party's first offence (首次被发现) or a
// repeat within a period (一年内第二次被发现); the check compares that with the
// party's earlier cases the app layer read from the store (store/
// party_history.h) and passes in the rule context. The checker never reads the
// store itself (docs/architecture.md).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "auditor/checker.h"
#include "auditor/checklist.h"

namespace auditor {

struct RuleContext;

// A stored case of a party, as the repeat check reads it.
struct EarlierCase {
  std::string archive;
  std::string sha256;
  std::string case_number;              // else its decision's number; "" when neither
  std::string decided;                  // ISO date of its decision, "" when not read
  std::string violation;                // ISO violation_date fact, "" when not read
  std::vector<std::string> provisions;  // `provision` facts of its decisions, as stored
};

// The stored cases by party_id (credit code or ID number), read before the
// batch. `read` false: the store could not be read, `reason` says why.
struct PartyHistory {
  bool read = true;
  std::string reason;
  std::map<std::string, std::vector<EarlierCase>> by_party;
};

// A rule counting repeat offences: kind discretion, check=repeat.
bool is_repeat_rule(const Rule& r);

// The decision types (`documents` param, default penalty_decision) of the
// checklist's repeat rules (kind discretion, check=repeat); empty when it has
// none, so no history needs reading.
std::vector<std::string> repeat_decision_types(const Checklist& checklist);

// The party a case is counted under: its party_id (credit code or ID
// number) as the case data give it, else its first `party_id` fact; empty
// when neither was read.
std::string party_of(const Case& c);

// check=repeat of the discretion kind (SUB-repeat-offence): for a decision
// naming a band that presumes a first offence, an earlier case of the same
// party citing a provision of the same entry decided within the band's period
// before this case's violation date (else its decision date) is a finding
// naming that case; a band presuming a repeat with no such case stored is a
// manual check (the earlier case may lie outside the store), as is a case
// without a readable party_id or date, or an audit without a store. Not
// counted: the case itself (same archive, same bytes or same case number).
Outcome check_repeat_offence(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out);

}  // namespace auditor

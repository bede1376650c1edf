// The parties' earlier cases in the database, for the repeat-offence check
// (SUB-repeat-offence, auditor/repeat.h): each stored case with a party_id
// (credit code or ID number; a party known by name only is not counted, as
// two parties may share a name), its case number, its decision date, its
// violation date and the provisions its decisions cite. Its case number is
// the stored case_number, else its first decision's number (文号).
#pragma once

#include <string>
#include <vector>

#include "auditor/repeat.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

// Every stored case with a party_id, by party: the latest stored version of
// each archive (any round), rejected archives left out. `decision_types` the
// document types whose date is the decision date and whose `provision` facts
// are read (the first such document dates the case). Fails (Chinese reason)
// when the database cannot be read.
Result<PartyHistory> read_party_history(Store& store,
                                        const std::vector<std::string>& decision_types);

// The stored cases of one party, as read_party_history, without the audited
// case's own archive.
Result<std::vector<EarlierCase>> earlier_cases_of(Store& store, const std::string& party_id,
                                                  const std::vector<std::string>& decision_types,
                                                  const std::string& except_archive);

}  // namespace auditor

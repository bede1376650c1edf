// The uniqueness of numbers across every case in the database: no (street
// code, abbreviation, year, serial) may be used by two cases (district
// numbering rule; checklist rule kind numbering, check=serial_unique).
#pragma once

#include <functional>

#include "auditor/case_result.h"
#include "auditor/checklist.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

// The post-pass of a run, called once on the writer thread after every case
// of run `run` was saved. Compares the numbers each audited case stored by
// the run holds with those of every other case in the database — each
// archive counted once, by its latest stored version (any round); a stored
// case with the same sha256 is the same file and no conflict. For each
// conflict it appends a `numbering` finding of the checklist's serial_unique
// rule naming both archives and case numbers to the stored case, marks the
// rule's check failed, re-scores with the checklist's profile, re-saves the
// case under `run` and hands the updated case to `changed`. Works from the
// database alone, so a batch of any size costs no memory per case. Cases
// stored by other runs are not rewritten; a finding a case already carries
// is not added again. Does nothing when the checklist has no serial_unique
// rule. Fails (Chinese reason) when the database cannot be read or a case
// cannot be re-saved; cases re-saved before the failure keep their update.
Status apply_number_uniqueness(Store& store, long long run, const Checklist& checklist,
                               const std::function<void(const CaseResult&)>& changed);

}  // namespace auditor

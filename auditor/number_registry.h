// The numbers a case holds, and their uniqueness across every case in the
// database: no (street code, abbreviation, year, serial) may be used by two
// cases (district numbering rule; checklist rule kind numbering,
// check=serial_unique).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"
#include "auditor/result.h"
#include "auditor/store.h"
#include "reports/json_report.h"

namespace auditor {

// One number as written, and the documents that write it (in archive
// order; empty when only CaseInfo states it, e.g. a manifest). `type` is the
// documents' type for a document number, empty for a case number.
struct Written {
  std::string number;
  std::string type;
  std::vector<const Document*> documents;
};

// Distinct case numbers written in `c`: CaseInfo.case_number first, then the
// case_number facts of every document.
std::vector<Written> written_case_numbers(const Case& c);
// The own numbers (Document::number) of outgoing documents: those whose
// type has a 文书简称. Other documents' numbers are citations and ignored.
std::vector<Written> written_document_numbers(const Case& c, const Checklist& checklist);
// The 文书简称 of the checklist's document types.
std::vector<std::string> abbreviations(const Checklist& checklist);

// A number that takes a serial: the case number (type empty) and each
// outgoing document's own number whose abbreviation is its type's.
struct HeldNumber {
  std::string key;      // ParsedNumber::key()
  std::string written;  // as written
  std::string type;     // document type id; empty for the case number
};
// Distinct by key; numbers without a full key are left out.
std::vector<HeldNumber> held_numbers(const Case& c, const Checklist& checklist);

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

// The numbers a case holds (pure helpers of the numbering rule kind). Their
// uniqueness across every case in the database is store/number_uniqueness.h.
#pragma once

#include <string>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"

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

}  // namespace auditor

// One builder per document type: each returns the finished Entry (DOCX
// bytes, type id, stage, title, number, date) of the case `c`. Dates come
// from c.dates under the event names listed beside each builder.
#pragma once

#include <vector>

#include "testdata/generator/case_spec.h"

namespace testdata {

// Stage 1-2 (docs_investigation.cc).
Entry filing_approval(const CaseSpec& c);                  // filed
Entry case_source(const CaseSpec& c);                      // source
Entry inspection_record(const CaseSpec& c);                // inspection
Entry inquiry_record(const CaseSpec& c);                   // inquiry
Entry investigation_report(const CaseSpec& c);             // report
Entry correction_order(const CaseSpec& c);                 // inspection; deadline: correction_due
Entry photo(const std::string& name, Day date, int seed);  // evidence, PNG

// Stage 3 (docs_notice.cc, docs_hearing.cc).
Entry penalty_notice(const CaseSpec& c);         // notice
Entry statement_record(const CaseSpec& c);       // statement
Entry review_record(const CaseSpec& c);          // review
Entry hearing_rights_notice(const CaseSpec& c);  // notice
Entry hearing_request(const CaseSpec& c);        // hearing_request
Entry hearing_notification(const CaseSpec& c);   // hearing_notification; hearing
Entry hearing_report(const CaseSpec& c);         // hearing_report; hearing
// A 送达回证 for `served` (an entry of this case) served on `when`: stage 3
// when it serves a stage-3 document, else stage 6.
Entry service_receipt(const CaseSpec& c, const Entry& served, Day when);

// Stage 4-6 (docs_decision.cc).
Entry penalty_approval(const CaseSpec& c);       // approval
Entry collective_discussion(const CaseSpec& c);  // discussion
Entry penalty_decision(const CaseSpec& c);       // decided; notice
Entry publication_record(const CaseSpec& c);     // published; decided

// Stage 7-8 (docs_closing.cc).
Entry payment_proof(const CaseSpec& c);     // paid
Entry payment_scan(const CaseSpec& c);      // paid; a PNG scan, no text
Entry correction_proof(const CaseSpec& c);  // correction_checked
Entry closing_approval(const CaseSpec& c);  // closed
// Lists `listed` (in archive order) with running page numbers.
Entry catalogue(const CaseSpec& c, const std::vector<Entry>& listed);   // closed
Entry file_notes(const CaseSpec& c, const std::vector<Entry>& listed);  // closed

// A legacy binary (OLE2 compound file header and padding) standing for a
// .doc or .wps the auditor cannot read.
Entry legacy_binary(std::string type, int stage, std::string name, std::string title, Day date);

}  // namespace testdata

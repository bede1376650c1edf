// Cases with dated documents for the deadline, order and event tests, built
// against the bundled checklist (with the real working-day calendar).
#pragma once

#include <string>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/model.h"

namespace deadline_fixtures {

const auditor::Checklist& bundled();

// A document of `type` whose text gives `date` as its signature date
// (a doc_date fact); no date when `date` is empty.
auditor::Document dated(const std::string& type, const std::string& date,
                        const std::string& number = {});
// A 送达回证 serving `served` (a served_document fact) on `date` (a
// service_date fact).
auditor::Document receipt(const std::string& served, const std::string& date);

// A complete, correct general-procedure case around the National Day week
// 2024: filed 09-02, report 09-06, notice served Monday 09-09 (its text
// states five working days), approval 09-18, decided Friday 09-27, served
// 09-30, published 10-08, paid 10-14, closed 10-21. 3000 yuan on a citizen.
auditor::Case dated_case();

// The document of `type` (the first), for editing; fails the test if absent.
auditor::Document& doc_of(auditor::Case& c, const std::string& type);
// The receipt serving `served`; fails the test if absent.
auditor::Document& receipt_of(auditor::Case& c, const std::string& served);
// Replaces the value of the first fact of `kind` in `d`.
void set_fact(auditor::Document& d, const std::string& kind, const std::string& value);

auditor::Outcome outcome(const auditor::Audit& a, const std::string& rule);
const auditor::Finding* finding(const auditor::Audit& a, const std::string& rule);
bool scored(const auditor::Finding& f);

}  // namespace deadline_fixtures

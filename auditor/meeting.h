// Rule kinds meeting (collective discussion / 案件会审 records) and
// legal_review (法制审核), docs/formats/scope.md. Whether a case needs either is the scope's
// (conditions complex_case and major_decision, auditor/scope_eval.h); these kinds judge the records
// on file:
//   meeting check=participants [min=N]: host, members and recorder named
//     (at least `min` voters: host and members); names the text mentions but
//     the reader cannot read are a manual check.
//   meeting check=head_present head_roles=WORDS: a voter's position names
//     the office's head (主任 …; 副主任 is not 主任); no position given at
//     all: a manual check.
//   meeting check=investigators_not_voting investigation=TYPES: no officer of
//     the investigation records is the host or a member (列席 is allowed).
//   meeting check=signatures: every voter signed; a scan, or a blank
//     signature field of an electronic text, is a manual check.
//   meeting check=dissent: a majority vote needs the dissent recorded;
//     unanimity, dissent recorded or each voter's opinion pass; a record
//     that says nothing of the vote is a manual check.
//   meeting check=conclusion decision=TYPES: the last record's conclusion
//     has the decision's penalty kinds and fine.
//   meeting check=after_defence after=TYPES: no statement or hearing dated
//     after the last discussion and not after the decision.
//   legal_review check=after_evidence|new_evidence evidence=TYPES: no
//     evidence dated after the last review (and not after the decision) —
//     gathered by the end of the investigation (after_evidence) or after it
//     (new_evidence: a new review was due).
//   legal_review check=approved: the last review before the decision agrees.
// Every check's records are documents=TYPES (default collective_discussion
// / legal_review); none on file: not_applicable.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/rule_kinds.h"

namespace auditor {

Outcome check_meeting(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_meeting(const Rule&, const Checklist&);

Outcome check_legal_review(const Rule&, const RuleContext&, std::vector<Finding>&);
std::string validate_legal_review(const Rule&, const Checklist&);

// Internal: the meeting checks, one file per group (meeting_record.cc,
// meeting_order.cc), over the records of documents=.
Outcome meeting_signatures(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome meeting_dissent(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome meeting_conclusion(const Rule&, const RuleContext&, std::vector<Finding>&);
Outcome meeting_after_defence(const Rule&, const RuleContext&, std::vector<Finding>&);
// The records a meeting or legal_review rule judges (documents=, else
// `fallback`), in archive order.
std::vector<const Document*> records_of(const Rule& r, const Case& c, const char* fallback);

// How one record fared in a check that judges each record alone.
enum class RecordVerdict { passed, failed, unknown };
// Runs `judge` over every collective-discussion record of the rule
// (records_of): not_applicable without records; else failed when any record
// failed, not_checkable when any was unknown (or `unknown_anyway`), passed
// otherwise. With `ask_unreadable` set, a record without text is not judged:
// it is a manual check ("《…》无可提取文字（可能为扫描件），" + ask_unreadable)
// and unknown.
Outcome over_records(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out,
                     std::string_view ask_unreadable,
                     const std::function<RecordVerdict(const Document&)>& judge,
                     bool unknown_anyway = false);
// A finding of `kind` about record `d` (its type, stage, and its label as the
// first evidence); kind "manual_check" makes it a manual check (info, no
// deduction) saying `message`.
Finding record_finding(const Rule& r, const Checklist& cl, const Document& d, std::string kind,
                       std::string message = {});

}  // namespace auditor

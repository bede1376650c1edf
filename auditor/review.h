// The inspection record of one case (docs/formats/review.md): what named
// inspectors decided about the machine's findings, and the score that
// follows from the decisions. A machine finding is a suggestion until a
// person confirms, dismisses or changes it; a manual check counts only once
// it is settled as failed; an inspector may add findings. Pure values: the
// store keeps the decisions, app/ applies them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/model.h"
#include "auditor/scoring.h"

namespace auditor {

// The stable key of each finding of one audit, in the same order:
// "<rule>@<subject>#<n>". The subject is the document type or member the
// finding is about, else "case"; n (from 1) counts the findings of that rule
// and subject in the order the checker emits them. Re-auditing the same or a
// corrected archive gives a finding that is still there the same key.
std::vector<std::string> finding_keys(const std::vector<Finding>& findings);

enum class FindingVerdict {
  suggested,  // no decision yet
  confirmed,  // counts as the machine suggested
  dismissed,  // counts nothing (reason required)
  changed,    // counts with another severity, deduction or message (reason required)
  passed,     // a manual check settled: no problem
  failed,     // a manual check settled: a problem, deducting per its rule (reason required)
  // The inspected street's objection to the finding was accepted (采纳):
  // counts nothing. Never a decision an inspector records: decisions_of()
  // derives it from an accepted Ruling (docs/formats/objections.md).
  withdrawn,
};
const char* verdict_name(FindingVerdict v);  // "suggested" ...
// The inverse of verdict_name; nullopt for any other text.
std::optional<FindingVerdict> verdict_named(std::string_view name);
// 待定 已确认 不予认定 已修改 核对无误 核对有问题 异议已采纳.
const char* verdict_label(FindingVerdict v);

struct Decision {
  std::string key;  // finding_keys()
  FindingVerdict verdict = FindingVerdict::suggested;
  std::string reason;
  // For `changed`: what replaces the machine's values (unset: kept).
  std::optional<std::string> severity;
  std::optional<double> deduction;
  std::optional<std::string> message;
  std::string inspector;
  std::string decided_at;  // ISO 8601 UTC
};

// Why `d` may not be recorded against `f` (Chinese), or "" when it may:
// dismissed/changed/failed need a reason, passed/failed are for manual
// checks only, confirmed/dismissed/changed for the other findings, a
// changed severity must be one of veto major minor info and a deduction
// not negative; `withdrawn` is never recordable as a decision.
std::string decision_problem(const Finding& f, const Decision& d);

// A finding an inspector entered (a rule from the checklist, or "其他"),
// under the key the store gave it.
struct AddedFinding {
  std::string key;
  Finding finding;
  std::string inspector;
  std::string added_at;  // ISO 8601 UTC
};

// One item of the reviewed case.
struct ReviewedItem {
  std::string key;
  Finding machine;  // as the checker emitted it (an added finding: as entered)
  FindingVerdict verdict = FindingVerdict::suggested;
  // The latest valid decision; nullopt when undecided. For an added finding
  // its entry: confirmed by its inspector at its time.
  std::optional<Decision> decision;
  bool added = false;              // entered by an inspector
  std::optional<Finding> counted;  // what the score counts; nullopt: nothing
};

// Whether the item counts as a problem the inspected street answers for:
// confirmed, changed, a failed manual check, or an added finding, and no
// objection to it accepted since. Only such items take an objection or a
// rectification item.
bool item_counts(const ReviewedItem& item);

// What the item deducts as the score counts it, before the profile's caps:
// the counted finding's deduction; an undecided machine finding's as
// suggested; nullopt when it counts nothing (dismissed, passed, an unsettled
// manual check).
std::optional<double> counted_deduction(const ReviewedItem& item);

struct ReviewedCase {
  std::vector<ReviewedItem> items;  // machine findings in order, then added ones
  std::vector<Decision> obsolete;   // decisions whose finding is gone (kept, not applied)
  std::size_t undecided = 0;        // suggested findings and unsettled manual checks
  Score score;                      // undecided findings counted as the machine suggests
  // The range the score can still take while anything is undecided: every
  // undecided problem confirmed (min) or dismissed (max); both = score.value
  // when nothing is undecided.
  double min_score = 0, max_score = 0;
  bool provisional() const { return undecided > 0; }
};

// ---- The record of a round, as the store keeps it -------------------------

// Which case a record row is about: its key (the case number when known,
// else the archive path) and the archive path it had when recorded.
struct CaseRef {
  std::string key;
  std::string archive;
};
// The key of a case: its case number when known and not empty, else its
// archive path.
std::string case_key(const std::optional<std::string>& case_number, const std::string& archive);

// A decision as recorded: `id` its row, `seq` its trail row, `replaces` the
// row of the decision on the same case and key it replaced.
struct RecordedDecision {
  CaseRef at;
  Decision decision;
  long long id = 0, seq = 0;
  std::optional<long long> replaces;
};

// A finding an inspector entered. `added.key` is "added-<id>"; the finding's
// rule is a checklist rule id or "其他", its kind "added".
struct RecordedAdded {
  CaseRef at;
  AddedFinding added;
  std::optional<int> page;
  long long id = 0, seq = 0;
};

constexpr const char* kSignerRole = "评查人";
constexpr const char* kReviewerRole = "复核人";

struct SignOff {
  CaseRef at;
  std::string role;  // kSignerRole | kReviewerRole
  std::string name, signed_at;
  long long seq = 0;
};

struct Reopen {
  CaseRef at;
  std::string reason, name, reopened_at;
  long long seq = 0;
};

// ---- Objections, rulings and rectification (docs/formats/objections.md) ---
// Each is one trail row (its payload is the record); its `seq` is its id.

// The inspected street objects (异议) to a finding that counts.
struct Objection {
  CaseRef at;
  std::string finding;  // the finding's key
  std::string unit;     // the objecting street ("" when unknown)
  std::string reason, name, objected_at;
  long long seq = 0;  // its id
};

// The answer to an objection: accepted (采纳: the finding counts nothing
// from then on, until a later decision on its key) or not (不予采纳).
struct Ruling {
  CaseRef at;               // the objection's
  std::string finding;      // the objection's finding key
  long long objection = 0;  // the objection's seq
  bool accepted = false;
  std::string reason, name, ruled_at;
  long long seq = 0;
};
const char* ruling_label(bool accepted);  // 采纳 / 不予采纳

constexpr const char* kRectifyInFile = "卷内补正";
constexpr const char* kRectifySystem = "制度整改";
constexpr const char* kRectifyOpen = "待整改";  // an item's status before any update
constexpr const char* kRectifyDoing = "整改中";
constexpr const char* kRectifyDone = "已整改";

// A rectification item (整改) made from a finding that counts.
struct RectifyItem {
  CaseRef at;
  std::string finding;        // the finding's key
  std::string rule, message;  // the finding as it counted when the item was made
  bool machine = true;        // the machine can re-check it (not a manual check or added finding)
  std::string kind;           // kRectifyInFile | kRectifySystem
  std::string owner;          // who rectifies
  std::string due;            // YYYY-MM-DD
  std::string name, created_at;
  long long run = 0;  // the audit run that last saved the case when the item was made
  // The keys of the case's machine findings when the item was made: a
  // finding not among them (of any item of the case) is new (新发现).
  std::vector<std::string> keys_then;
  long long seq = 0;  // its id
};

// The inspected street's report on an item.
struct RectifyUpdate {
  CaseRef at;          // the item's
  long long item = 0;  // the item's seq
  std::string status;  // kRectifyDoing | kRectifyDone
  std::string note, name, updated_at;
  long long seq = 0;
};

// Rows of the record (of a round, or of one case), each list in trail order.
struct Record {
  std::vector<RecordedDecision> decisions;
  std::vector<RecordedAdded> added;
  std::vector<SignOff> signoffs;
  std::vector<Reopen> reopens;
  std::vector<Objection> objections;
  std::vector<Ruling> rulings;
  std::vector<RectifyItem> rectify_items;
  std::vector<RectifyUpdate> rectify_updates;
  bool empty() const {
    return decisions.empty() && added.empty() && signoffs.empty() && reopens.empty() &&
           objections.empty() && rulings.empty() && rectify_items.empty() &&
           rectify_updates.empty();
  }
};

// The round's record split over its cases, given each case's number
// (nullopt when unknown) and archive path, in the cases' order. A row
// belongs to the case whose number equals the row's key; a row whose key is
// no case's number (the number changed, or was never known) belongs to the
// case at the row's archive path; a row matching neither belongs to none.
std::vector<Record> split_record(
    const Record& round,
    const std::vector<std::pair<std::optional<std::string>, std::string>>& cases);

// The decisions and added findings of a case's record, as review_case takes
// them. The decisions are in trail order with each accepted ruling among
// them as a `withdrawn` decision on its finding (reason, name and time the
// ruling's), so the latest of a decision and an accepted ruling on a key
// stands: an accepted objection withdraws the finding, a decision recorded
// after the ruling (on a reopened case) brings it back.
std::vector<Decision> decisions_of(const Record& r);
std::vector<AddedFinding> added_of(const Record& r);
// The latest decision on `key`, nullptr when none.
const RecordedDecision* latest_decision(const Record& r, const std::string& key);
// The ruling on objection `seq`, nullptr when none (still pending).
const Ruling* ruling_of(const Record& r, long long seq);
// The objection `seq`, the item `seq`; nullptr when none.
const Objection* objection_with(const Record& r, long long seq);
const RectifyItem* rectify_item_with(const Record& r, long long seq);

// Where a case's sign-off stands. The sign-offs after the latest reopen are
// current; a case with any current sign-off is locked (no decision, added
// finding or sign-off of the same role until a reopen). It is complete when
// the 评查人 signed and, where the round asks for a second review, the 复核人.
struct RecordState {
  std::vector<SignOff> signoffs;  // current
  bool locked = false;
  bool complete = false;
  const SignOff* signed_as(const std::string& role) const;
};
RecordState record_state(const Record& r, bool second_review);

// Applies `decisions` (the latest per key) and `added` findings to `audit`
// (its findings as the checker emitted them, capped) and scores the result
// with the checklist's profile (score_case, caps applied again).
ReviewedCase review_case(const Audit& audit, const std::vector<Decision>& decisions,
                         const std::vector<AddedFinding>& added, const Checklist& checklist);

// ---- Re-check (回头看) ---------------------------------------------------------

// What the machine says of a rectification item against the case's current
// findings, by key.
enum class RecheckState {
  not_yet,  // the case was not audited again since the item was made: 待复查
  fixed,    // the key no longer occurs: 已整改
  open,     // the key still occurs: 未整改
  manual,   // a manual check or added finding, the machine cannot judge: 待人工复查
};
const char* recheck_name(RecheckState s);   // not_yet fixed open manual
const char* recheck_label(RecheckState s);  // 待复查 已整改 未整改 待人工复查

struct RecheckedItem {
  RectifyItem item;
  std::vector<RectifyUpdate> updates;  // in trail order
  std::string status = kRectifyOpen;   // the latest update's, else kRectifyOpen
  std::string note;                    // the latest update's
  RecheckState recheck = RecheckState::not_yet;
  bool overdue = false;  // due before `today` and not reported 已整改
};

struct CaseRectification {
  std::vector<RecheckedItem> items;  // in trail order
  // Keys of current machine findings without a decision that were among no
  // item's keys_then, once the case was audited again: 新发现.
  std::vector<std::string> new_findings;
};

// The case's rectification items re-checked against `findings` (the case's
// current machine findings) saved by audit run `run`; `today` (YYYY-MM-DD)
// decides what is overdue. A case audited again is one whose `run` differs
// from the item's.
CaseRectification recheck_case(const Record& r, const std::vector<Finding>& findings, long long run,
                               const std::string& today);

}  // namespace auditor

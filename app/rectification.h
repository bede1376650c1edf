// Rectification (整改) and its re-check (回头看) (docs/formats/objections.md),
// for every front end. A finding that counts becomes one rectification item
// with a kind, an owner and a due date (the round setting "rectify_days"
// after its creation, kDefaultRectifyDays when never set); the inspected
// street reports its progress; when the archive is audited again into the
// round each item is re-checked against the case's current findings by key.
// Allowed on a signed case. A refusal writes nothing and fails with
// Code::invalid (Code::not_found for an unknown case or item) and a Chinese
// reason.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/review.h"
#include "auditor/checklist.h"
#include "auditor/review.h"
#include "util/date.h"
#include "util/status.h"

namespace auditor {

struct NewRectification {
  std::string finding;  // the finding's key (review list)
  std::string kind;     // kRectifyInFile | kRectifySystem
  std::string owner, name;
  std::optional<Date> due;  // unset: today + the round's rectify_days
};

// Makes a rectification item of the case's finding, with the keys of the
// case's current machine findings (re-check's 新发现 are the ones not among
// them). Refused: an unknown kind, no owner or name, a due date before
// `today`, a rejected archive, a key the case's items do not have, a finding
// that does not count (item_counts), a second item on the same finding.
// `today` is the creation date (Date::today() in front ends).
Result<RectifyItem> rectify_finding(const ReviewScope& scope, const std::string& case_id,
                                    const NewRectification& r, const Checklist& checklist,
                                    const Date& today);

// Records the street's progress on item `item` (its id). Refused: a status
// other than kRectifyDoing or kRectifyDone, no note or name, an unknown
// item (Code::not_found).
Result<RectifyUpdate> update_rectification(const ReviewScope& scope, long long item,
                                           const std::string& status, const std::string& note,
                                           const std::string& name);

// One case's items re-checked.
struct CaseRectificationView {
  CaseRef ref;
  std::string name;  // "案卷 <number>（<archive>）"
  CaseRectification rect;
};

struct RectificationList {
  RoundInfo round;
  std::string today;                         // YYYY-MM-DD, what overdue was judged by
  std::vector<CaseRectificationView> cases;  // only cases with items listed, round order
};

// The round's rectification items (of case `case_id` when not empty), each
// re-checked (recheck_case); with `overdue_only` only items past due and
// not reported 已整改 (a case with none left is omitted). Read-only.
Result<RectificationList> list_rectification(const ReviewScope& scope, const std::string& case_id,
                                             bool overdue_only, const Date& today);

}  // namespace auditor

// Objections (异议) and their rulings (docs/formats/objections.md), for every
// front end. The inspected street objects to a finding that counts; the
// inspector or the review group rules on it (采纳 / 不予采纳). An accepted
// objection withdraws the finding: it counts nothing from then on (a
// decision recorded after the ruling, on a reopened case, brings it back).
// Both are allowed on a signed case: objections come after the 通报. A
// refusal writes nothing and fails with Code::invalid (Code::not_found for
// an unknown case or objection) and a Chinese reason.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/review.h"
#include "auditor/checklist.h"
#include "auditor/review.h"
#include "util/status.h"

namespace auditor {

struct NewObjection {
  std::string finding;  // the finding's key (review list)
  std::string reason, name;
  std::string unit;  // the objecting street; "" : the case's street
};

// Records an objection to the case's finding. Refused: no reason or name,
// a rejected archive, a key the case's items do not have, a finding that
// does not count (undecided, dismissed, a passed or unsettled manual check,
// already withdrawn), an objection to it still pending. `checklist` scores
// the case as review list does.
Result<Objection> object_finding(const ReviewScope& scope, const std::string& case_id,
                                 const NewObjection& o, const Checklist& checklist);

// Rules on objection `objection` (its id, the trail seq). Refused: no
// reason or name, an unknown objection (Code::not_found), one already ruled.
Result<Ruling> rule_objection(const ReviewScope& scope, long long objection, bool accept,
                              const std::string& reason, const std::string& name);

// The round's objections with their rulings, per case in the round's order
// (only cases with objections; only `case_id` when not empty; with
// `pending_only` only objections not yet ruled). Read-only.
struct CaseObjections {
  CaseRef ref;
  std::string name;  // "案卷 <number>（<archive>）"
  std::vector<std::pair<Objection, std::optional<Ruling>>> objections;  // trail order
};
Result<std::vector<CaseObjections>> list_objections(const ReviewScope& scope,
                                                    const std::string& case_id, bool pending_only);

}  // namespace auditor

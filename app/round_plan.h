// A round's plan, draw and assignments (auditor/draw.h,
// docs/formats/draw.md) for every front end. Each is a trail row of the
// round (store/record.h: action "plan", "draw", "assign"), whose payload is
// the record: no table of its own. A write takes the database's run lock
// for its length; a refused change writes nothing and fails with
// Code::invalid and a Chinese reason.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/review.h"
#include "auditor/draw.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

// What the round's plan, draw and assignment rows say now.
struct RoundPlanRecord {
  std::optional<RoundPlan> plan;  // the latest plan
  std::optional<Draw> draw;       // the latest draw
  int draws = 0;                  // draws recorded (a later one replaces the earlier)
  // The current assignment of each case: the latest per case key among
  // those made since the latest draw (a draw voids the assignments made
  // before it), in trail order.
  std::vector<Assignment> assignments;
  const Assignment* assignment(const std::string& key) const;
};

// Reads the round's "plan", "draw" and "assign" trail rows. Inside a read
// of `store`; Code::corrupt when a row's payload is not one this version
// wrote.
Result<RoundPlanRecord> read_round_plan(Store& store, long long round_id);

// The record of the round of `scope`, read-only.
Result<RoundPlanRecord> show_round_plan(const ReviewScope& scope);

// A new plan for the round; it replaces the current one.
struct PlanRequest {
  std::vector<std::string> streets;
  std::optional<std::string> closed_from, closed_to;  // YYYY-MM-DD
  std::vector<std::string> inspectors;                // "姓名@单位"
  std::string by;
  std::optional<std::string> reason;
};
// Records the plan with the round's mode and its latest run's checklist id,
// version and sha256. Refused: a malformed inspector, a plan_problem.
Result<RoundPlan> record_round_plan(const ReviewScope& scope, const PlanRequest& request);

struct DrawRequest {
  std::string seed;
  int per_street = 0;           // 0..10000
  std::filesystem::path rules;  // a <must-check> file, or a folder holding must-check.xml
  std::string by;
  std::optional<std::string> reason;  // required when the round has a draw
};
struct DrawOutcome {
  Draw draw;               // as recorded
  int voided_assignments;  // current assignments of the draw it replaced
};
// Draws from the round's stored cases (draw_cases: the plan's streets and
// closing window when the round has a plan) and records it. Refused: no
// seed or `by`, per_street outside 0..10000, a second draw without a
// reason; the rules file failing to load fails with its reason.
Result<DrawOutcome> draw_round(const ReviewScope& scope, const DrawRequest& request);

// Assigns the case `case_id` (case number or archive path) to `inspector`
// (a name of the plan, or "姓名@单位"). Refused: no plan, an inspector the
// plan does not name or who must recuse (recusal_problem), a case the latest
// draw did not draw, a rejected archive, the case already assigned to them.
Result<Assignment> assign_case(const ReviewScope& scope, const std::string& case_id,
                               const std::string& inspector, const std::string& by);

struct AutoAssignment {
  std::vector<Assignment> made;
  int kept = 0;  // cases already assigned, left as they are
  // Cases nobody could take (Chinese reason), as "案卷 <key>：<why>".
  std::vector<std::string> left;
};
// Assigns every drawn case (every non-rejected case of the round when it
// has no draw) not yet assigned, by round_robin over the plan's
// inspectors, in one transaction. Refused: no plan, no `by`.
Result<AutoAssignment> assign_auto(const ReviewScope& scope, const std::string& by);

}  // namespace auditor

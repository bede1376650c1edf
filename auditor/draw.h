// The round's plan, its draw of cases and their assignment to inspectors
// (docs/formats/draw.md): which streets, closing dates and inspectors a
// round covers, which stored cases are drawn for inspection (N per street at
// random, reproducibly from a recorded seed, plus the must-check cases the
// rules in checklists/draw/must-check.xml name) and who inspects each (never
// an inspector from the case's own street: 回避). Pure values and functions;
// app/round_plan.h records and reads them as trail rows.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/case_result.h"
#include "auditor/model.h"
#include "util/status.h"

namespace auditor {

// ---- Streets and inspectors ---------------------------------------------

// The street a name stands for, as compared: without whitespace and cut at
// "街道" ("南华西街道办事处", "南华西街道综合行政执法队" and "南华西" all
// give "南华西"). A unit named otherwise ("区司法局") is itself.
std::string street_name(std::string_view text);
bool same_street(std::string_view a, std::string_view b);

struct Inspector {
  std::string name;  // 张三
  std::string unit;  // 区司法局, 南华西街道 ...
};
// "张三@区司法局" → {张三, 区司法局}; fails (Chinese reason) without "@" or
// with an empty name or unit.
Result<Inspector> parse_inspector(std::string_view text);
std::string inspector_text(const Inspector& i);  // "张三@区司法局"

// ---- The plan ------------------------------------------------------------

struct RoundPlan {
  std::vector<std::string> streets;        // as given; at least one
  std::optional<std::string> closed_from;  // ISO date, inclusive
  std::optional<std::string> closed_to;    // ISO date, inclusive
  std::vector<Inspector> inspectors;       // in the order given; names unique
  std::string checklist_id, checklist_version, checklist_sha256;  // the round's latest run
  std::string mode;                   // the round's: inspection | self_check
  std::string by;                     // who recorded it (--as)
  std::optional<std::string> reason;  // why it replaced an earlier plan
  std::string at;                     // ISO 8601 UTC, its trail row's time
  long long seq = 0;                  // its trail row

  // The inspector named `name` ("张三" or "张三@区司法局"), nullptr if none.
  const Inspector* inspector(std::string_view name) const;
  // The plan's street `street` belongs to (same_street), nullptr if none.
  const std::string* street_of(std::string_view street) const;
};

// Why `p` cannot be recorded (Chinese), "" when it can: no street, a street
// twice, a window date that is not YYYY-MM-DD or a window that ends before
// it starts, no inspector, an inspector name twice, no `by`.
std::string plan_problem(const RoundPlan& p);

// Why `inspector` may not inspect a case of `case_street` under `plan`
// (Chinese), "" when they may: not an inspector of the plan, the case's
// street unreadable (回避 cannot be checked), or the inspector's unit is the
// case's street (回避, same_street). A plan without inspectors (no plan was
// recorded) has nothing to check: "".
std::string recusal_problem(const RoundPlan& plan, const std::string& inspector,
                            const Text& case_street);

// ---- Must-check rules (data: checklists/draw/must-check.xml) -------------

enum class MustCheckKind {
  severity,    // any machine finding of `severity`
  fact_above,  // the case's numeric fact `fact` above `threshold`
  rule_fired,  // a machine finding of one of `rules`
};
const char* must_check_kind_name(MustCheckKind k);  // "severity" ...

struct MustCheckRule {
  std::string id, label, basis;  // stable id; Chinese label and basis
  MustCheckKind kind = MustCheckKind::severity;
  std::string severity;            // severity
  std::string fact;                // fact_above: "fine" (yuan)
  double threshold = 0;            // fact_above
  std::vector<std::string> rules;  // rule_fired: checklist rule ids
};

struct MustCheckRules {
  std::string id, version;  // of the <must-check> file
  std::vector<MustCheckRule> rules;
  std::string sha256;  // of the file's bytes
};

// Loads a <must-check> file (docs/formats/draw.md). Fails with
// "<file>:<line>: <reason>" on malformed XML, an unknown element, attribute
// or kind, a rule without id, label or basis, an id twice, a severity not
// veto/major/minor/info, a fact other than "fine", a threshold that is not a
// number, a rule_fired without rules; Code::not_found when it is missing.
Result<MustCheckRules> load_must_check(const std::filesystem::path& file);
// The file of `dir_or_file`: itself when a file, else dir/must-check.xml.
std::filesystem::path must_check_file(const std::filesystem::path& dir_or_file);

// The numeric fact `name` of a case, nullopt when it has none ("fine": the
// fine in yuan).
std::optional<double> numeric_fact(const CaseResult& c, std::string_view name);
// The ids of the rules `c` matches, in the rules' order (a rejected case
// matches none).
std::vector<std::string> must_check_matches(const std::vector<MustCheckRule>& rules,
                                            const CaseResult& c);

// ---- The draw ------------------------------------------------------------

// The case's closing date: the earliest readable date of its 结案审批表
// (closing_approval); nullopt with `why` (Chinese) when it has none or none
// is dated.
struct ClosingDate {
  std::optional<std::string> date;  // ISO
  std::string why;
};
ClosingDate closing_date(const Case& c);

// One stored case as the draw sees it.
struct DrawCandidate {
  std::string key, archive;  // case_key(), archive path
  Text street;
  ClosingDate closed;
  std::vector<std::string> must;  // must_check_matches()
  bool rejected = false;
};

constexpr const char* kDrawnAtRandom = "随机";

struct DrawnCase {
  std::string key, archive, street;  // street: as the plan names it
  // {kDrawnAtRandom}, or the ids of the must-check rules the case matched.
  std::vector<std::string> why;
  std::string rank;  // draw_rank(seed, key)
  bool at_random() const { return why.size() == 1 && why[0] == kDrawnAtRandom; }
  std::string why_text() const;  // "随机" or "MC-veto、MC-fine"
};

// A case left out of the draw for a reason the inspector must see.
struct ExcludedCase {
  std::string key, archive;
  Text street;
  std::string why;  // Chinese
};

struct StreetTally {
  std::string street;
  int candidates = 0;  // in scope
  int must = 0, random = 0;
};

struct Draw {
  std::string seed;
  int per_street = 0;
  MustCheckRules rules;                // as applied (their sha256 recorded)
  std::vector<StreetTally> streets;    // the plan's order, else by name
  std::vector<DrawnCase> cases;        // by street; must-check first, then by rank
  std::vector<ExcludedCase> excluded;  // rejected, street or closing date unreadable
  int outside_streets = 0;             // readable street not in the plan
  int outside_window = 0;              // closing date outside the plan's window
  std::string by;
  std::optional<std::string> reason;  // required for a draw that replaces one
  std::optional<long long> plan_seq;  // the plan it followed
  std::optional<long long> replaces;  // the draw it replaced
  std::string at;                     // ISO 8601 UTC
  long long seq = 0;                  // its trail row

  const DrawnCase* find(std::string_view key) const;
};

// The rank of a case in its street: lower-case hex SHA-256 of
// seed "\n" key (no trailing newline), the same as
// `printf '%s\n%s' "$SEED" "$KEY" | sha256sum`.
std::string draw_rank(std::string_view seed, std::string_view key);

// Why `seed` cannot be a draw's seed (Chinese), "" when it can: empty,
// longer than 200 bytes, not UTF-8 or holding a control character (a
// newline would make the recomputation ambiguous to the eye; bytes the trail
// would store otherwise could not be recomputed from the record).
std::string seed_problem(std::string_view seed);

// Draws from `candidates` (docs/formats/draw.md): a rejected case, one
// without a readable street and, when `plan` has a closing window, one
// without a readable closing date go to `excluded` with the reason; a case
// of a street outside the plan or closed outside its window is counted.
// Per street every must-check case is drawn, then the `per_street` lowest
// ranks of the rest (ties: by key, then archive). Without a plan (nullptr)
// every readable street is in scope. Fills seed, per_street, streets, cases,
// excluded and the counts; the same input gives the same draw.
Draw draw_cases(const std::vector<DrawCandidate>& candidates, const RoundPlan* plan,
                const std::string& seed, int per_street);

// ---- Assignment ------------------------------------------------------------

struct Assignment {
  std::string key, archive, street;  // the case
  Inspector inspector;
  bool automatic = false;             // made by round robin
  std::string by;                     // who recorded it (--as)
  std::optional<long long> draw_seq;  // the draw it belongs to; nullopt: no draw
  std::optional<long long> replaces;  // the assignment of the case it replaced
  std::string at;                     // ISO 8601 UTC
  long long seq = 0;                  // its trail row
};

// A case to assign, and who round robin picked (an index into
// plan.inspectors) or why nobody (Chinese).
struct RobinCase {
  std::string key, archive;
  Text street;
};
struct RobinPick {
  std::optional<std::size_t> inspector;
  std::string why;
};
// Deterministic round robin: a cursor walks the plan's inspectors in order
// from the first; each case (in the order given) takes the next inspector
// from the cursor for whom recusal_problem is "", and the cursor moves past
// them. A case with none left gets the reason.
std::vector<RobinPick> round_robin(const RoundPlan& plan, const std::vector<RobinCase>& cases);

}  // namespace auditor

// A round's plan, draw and assignment through the front door
// (app/round_plan.h) on a really audited self-check round of testdata
// archives from four streets plus a rejected one: each record as a trail
// row, the draw repeated with one seed, each refusal writing nothing, and
// the trail still intact.
#include "app/round_plan.h"

#include <catch2/catch.hpp>

#include "app/data_dirs.h"
#include "store/record.h"
#include "tests/review_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using namespace test;

const fs::path kVariants = kTestdata / "variants";
// The streets of the archives below, as the audit reads them.
const std::string kNanhua49 = "穗海南华综执立〔2024〕49号";    // 南华西, a veto finding
const std::string kNanhua50 = "穗海南华综执立〔2024〕50号";    // 南华西
const std::string kNanhua52 = "穗海南华综执立〔2024〕52号";    // 南华西
const std::string kJiangnan26 = "穗海江南综执立〔2024〕26号";  // 江南中
const std::string kJiangnan27 = "穗海江南综执立〔2024〕27号";  // 江南中
const std::string kPazhou31 = "穗海琶洲综执立〔2024〕31号";    // 琶洲
const std::string kPazhou86 = "穗海琶洲综执立〔2024〕86号";    // 琶洲, a fine of 150,000 yuan
const std::string kChanggang9 = "穗海昌岗综执立〔2024〕9号";   // 昌岗, no 结案审批表

// A self-check round "自查" of the archives above, 新港's simple case (no
// case number) and a file that is not a zip.
struct Round {
  TempDir dir;
  fs::path db = dir.path / "r.db";
  ReviewScope scope{db, "自查"};
  fs::path rules = data_dir() / "draw";

  Round() {
    AuditRequest r;
    r.inputs = {(kVariants / "d01-decision-in-defence-period.zip").string(),
                (kVariants / "d02-decision-served-late.zip").string(),
                (kVariants / "d04-publication-late.zip").string(),
                (kVariants / "g2-general-statements-a.zip").string(),
                (kVariants / "g2-general-statements-b.zip").string(),
                (kVariants / "g3-hearing-a.zip").string(),
                (kVariants / "n11-company-hearing-150000.zip").string(),
                (kTestdata / "05-unsupported-and-scan.zip").string(),
                (kVariants / "g4-simple-a.zip").string(),
                (kTestdata / "06-not-a-zip.zip").string()};
    r.db = db;
    r.round = "自查";
    r.mode = "self_check";
    r.tool_version = "test";
    r.full = true;
    REQUIRE(audit_round(r, bundled(), AuditObserver{}));
  }
  Result<RoundPlan> plan(std::vector<std::string> inspectors = {"张三@区司法局", "李四@南华西街道",
                                                                "王五@琶洲街道办事处"},
                         std::vector<std::string> streets = {"南华西", "江南中", "琶洲"}) {
    PlanRequest p;
    p.streets = std::move(streets);
    p.inspectors = std::move(inspectors);
    p.by = "赵六";
    return record_round_plan(scope, p);
  }
  Result<DrawOutcome> draw(const std::string& seed, int n,
                           std::optional<std::string> reason = std::nullopt) {
    return draw_round(scope, {seed, n, rules, "赵六", std::move(reason)});
  }
  RoundPlanRecord record() {
    Result<RoundPlanRecord> r = show_round_plan(scope);
    REQUIRE(r);
    return *r;
  }
  std::vector<TrailEntry> trail() {
    Result<std::unique_ptr<Store>> store = Store::open_read_only(db);
    REQUIRE(store);
    Result<std::vector<TrailEntry>> rows =
        load_trail_entries(**store, 1, {"plan", "draw", "assign"});
    REQUIRE(rows);
    return *rows;
  }
};

std::vector<std::string> keys_of(const Draw& d) {
  std::vector<std::string> out;
  for (const DrawnCase& c : d.cases) out.push_back(c.key + " " + c.why_text());
  return out;
}

TEST_CASE("a plan records the round's scope, mode and checklist and a new one replaces it",
          "[round-plan]") {
  Round round;
  CHECK_FALSE(round.record().plan);
  Result<RoundPlan> p = round.plan();
  REQUIRE(p);
  CHECK(p->mode == "self_check");
  CHECK(p->checklist_sha256 == bundled().sha256);
  CHECK(p->checklist_id == bundled().id);
  CHECK(p->seq == 1);
  REQUIRE(p->inspectors.size() == 3);
  CHECK(p->inspectors[2].unit == "琶洲街道办事处");
  const RoundPlanRecord r = round.record();
  REQUIRE(r.plan);
  CHECK(r.plan->streets == std::vector<std::string>{"南华西", "江南中", "琶洲"});
  CHECK(r.plan->by == "赵六");
  CHECK(r.plan->at == p->at);
  CHECK_FALSE(r.draw);

  PlanRequest later;
  later.streets = {"琶洲"};
  later.closed_from = "2024-01-01";
  later.inspectors = {"张三@区司法局"};
  later.by = "赵六";
  later.reason = "只查琶洲";
  REQUIRE(record_round_plan(round.scope, later));
  const RoundPlanRecord now = round.record();
  CHECK(now.plan->streets == std::vector<std::string>{"琶洲"});
  CHECK(now.plan->closed_from == "2024-01-01");
  CHECK_FALSE(now.plan->closed_to);
  CHECK(now.plan->reason == "只查琶洲");
  // Both plans stay in the trail, every field written, null for unset.
  const std::vector<TrailEntry> rows = round.trail();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].payload["reason"].is_null());
  CHECK(rows[1].payload["closed_to"].is_null());
  CHECK(rows[1].payload["checklist"]["sha256"] == bundled().sha256);
}

TEST_CASE("a bad plan is refused and writes nothing", "[round-plan]") {
  Round round;
  Result<RoundPlan> bad = round.plan({"张三"});
  REQUIRE_FALSE(bad);
  CHECK(bad.code() == Code::invalid);
  CHECK(bad.error().find("姓名@单位") != std::string::npos);
  CHECK_FALSE(round.plan({"张三@区司法局"}, {}));
  CHECK_FALSE(round.plan({}));
  CHECK(round.trail().empty());
  CHECK_FALSE(record_round_plan({round.dir.path / "none.db", ""}, {}));
}

TEST_CASE("the same seed draws the same cases: N per street at random plus the must-check ones",
          "[round-plan]") {
  Round round;
  REQUIRE(round.plan());
  Result<DrawOutcome> first = round.draw("2026-12", 1);
  REQUIRE(first);
  const Draw& d = first->draw;
  CHECK(d.seed == "2026-12");
  CHECK(d.per_street == 1);
  CHECK(d.plan_seq == 1);
  CHECK(d.rules.sha256.size() == 64);
  REQUIRE(d.streets.size() == 3);
  CHECK(d.streets[0].street == "南华西");
  CHECK(d.streets[0].candidates == 3);
  // The veto of 49号 and the 150,000 yuan fine of 86号 make them must-check.
  const DrawnCase* veto = d.find(kNanhua49);
  REQUIRE(veto);
  CHECK(veto->why_text().find("MC-veto") != std::string::npos);
  const DrawnCase* fine = d.find(kPazhou86);
  REQUIRE(fine);
  CHECK(fine->why_text().find("MC-fine-large") != std::string::npos);
  int random = 0;
  for (const DrawnCase& c : d.cases) random += c.at_random();
  CHECK(random == 3);
  // 昌岗 and 新港 are outside the plan; the file that is not a zip is listed.
  CHECK(d.outside_streets == 2);
  REQUIRE(d.excluded.size() == 1);
  CHECK(d.excluded[0].why.find("无法读取") != std::string::npos);

  Result<DrawOutcome> again = round.draw("2026-12", 1);
  REQUIRE_FALSE(again);
  CHECK(again.error().find("--reason") != std::string::npos);
  Result<DrawOutcome> second = round.draw("2026-12", 1, "复核抽取结果");
  REQUIRE(second);
  CHECK(keys_of(second->draw) == keys_of(d));
  CHECK(second->draw.replaces == d.seq);
  const RoundPlanRecord r = round.record();
  CHECK(r.draws == 2);
  REQUIRE(r.draw);
  CHECK(r.draw->seq == second->draw.seq);
  CHECK(r.draw->reason == "复核抽取结果");
  CHECK(keys_of(*r.draw) == keys_of(d));  // read back as drawn
}

TEST_CASE("a draw within a closing window lists the case without a 结案审批表", "[round-plan]") {
  Round round;
  PlanRequest p;
  p.streets = {"昌岗", "南华西"};
  p.closed_from = "2024-01-01";
  p.closed_to = "2024-12-31";
  p.inspectors = {"张三@区司法局"};
  p.by = "赵六";
  REQUIRE(record_round_plan(round.scope, p));
  Result<DrawOutcome> d = round.draw("x", 5);
  REQUIRE(d);
  bool listed = false;
  for (const ExcludedCase& c : d->draw.excluded)
    if (c.key == kChanggang9) listed = c.why.find("结案审批表") != std::string::npos;
  CHECK(listed);
  CHECK(d->draw.streets[0].candidates == 0);
}

TEST_CASE("a draw without a plan draws from every readable street", "[round-plan]") {
  Round round;
  Result<DrawOutcome> d = round.draw("x", 1);
  REQUIRE(d);
  CHECK(d->draw.streets.size() == 5);
  CHECK_FALSE(d->draw.plan_seq);
  CHECK(d->draw.find(kChanggang9));  // the only case of 昌岗
}

TEST_CASE("a draw is refused without a seed, with a bad N or a broken rules file", "[round-plan]") {
  Round round;
  CHECK_FALSE(round.draw("", 1));
  CHECK_FALSE(round.draw("x", -1));
  round.rules = round.dir.path / "none";
  Result<DrawOutcome> missing = round.draw("x", 1);
  REQUIRE_FALSE(missing);
  CHECK(missing.code() == Code::not_found);
  CHECK(round.trail().empty());
}

TEST_CASE(
    "assignment refuses an inspector outside the plan, from the case's street, or an "
    "undrawn case",
    "[round-plan]") {
  Round round;
  Result<Assignment> early = assign_case(round.scope, kPazhou31, "张三", "赵六");
  REQUIRE_FALSE(early);
  CHECK(early.error().find("评查计划") != std::string::npos);
  REQUIRE(round.plan());
  Result<Assignment> stranger = assign_case(round.scope, kPazhou86, "钱七", "赵六");
  REQUIRE_FALSE(stranger);
  CHECK(stranger.error().find("不在") != std::string::npos);
  Result<Assignment> own = assign_case(round.scope, kPazhou86, "王五", "赵六");
  REQUIRE_FALSE(own);
  CHECK(own.code() == Code::invalid);
  CHECK(own.error().find("回避") != std::string::npos);
  CHECK_FALSE(assign_case(round.scope, (kTestdata / "06-not-a-zip.zip").string(), "张三", "赵六"));
  // Before a draw any case may be assigned.
  REQUIRE(assign_case(round.scope, kJiangnan26, "王五", "赵六"));
  REQUIRE(round.draw("2026-12", 1));
  const Draw d = *round.record().draw;
  CHECK(round.record().assignments.empty());  // the draw voided it
  std::string undrawn;
  for (const std::string& k : {kNanhua50, kNanhua52, kJiangnan26, kJiangnan27, kPazhou31})
    if (!d.find(k)) undrawn = k;
  REQUIRE_FALSE(undrawn.empty());
  Result<Assignment> not_drawn = assign_case(round.scope, undrawn, "张三", "赵六");
  REQUIRE_FALSE(not_drawn);
  CHECK(not_drawn.error().find("不在本轮抽取") != std::string::npos);
  const std::size_t rows = round.trail().size();

  Result<Assignment> ok = assign_case(round.scope, kPazhou86, "李四@南华西街道", "赵六");
  REQUIRE(ok);
  CHECK(ok->inspector.unit == "南华西街道");
  CHECK(ok->draw_seq == d.seq);
  CHECK_FALSE(ok->replaces);
  CHECK_FALSE(assign_case(round.scope, kPazhou86, "李四", "赵六"));  // already theirs
  Result<Assignment> moved = assign_case(round.scope, kPazhou86, "张三", "赵六");
  REQUIRE(moved);
  CHECK(moved->replaces == ok->seq);
  const RoundPlanRecord r = round.record();
  REQUIRE(r.assignments.size() == 1);
  CHECK(r.assignments[0].inspector.name == "张三");
  CHECK(r.assignments[0].at == moved->at);
  CHECK(round.trail().size() == rows + 2);
}

TEST_CASE("automatic assignment gives every drawn case an inspector not of its street",
          "[round-plan]") {
  Round round;
  REQUIRE(round.plan());
  REQUIRE(round.draw("2026-12", 2));
  REQUIRE(assign_case(round.scope, kPazhou86, "李四", "赵六"));
  Result<AutoAssignment> a = assign_auto(round.scope, "赵六");
  REQUIRE(a);
  CHECK(a->kept == 1);
  CHECK(a->left.empty());
  const RoundPlanRecord r = round.record();
  CHECK(r.assignments.size() == r.draw->cases.size());
  for (const Assignment& x : r.assignments) {
    CHECK_FALSE(same_street(x.inspector.unit, x.street));
    CHECK(x.automatic == (x.key != kPazhou86));
  }
  // Nothing left to assign: a second run changes nothing.
  Result<AutoAssignment> again = assign_auto(round.scope, "赵六");
  REQUIRE(again);
  CHECK(again->made.empty());
  // A redraw voids the assignments and says how many.
  Result<DrawOutcome> redraw = round.draw("2027-01", 2, "种子登记错误");
  REQUIRE(redraw);
  CHECK(redraw->voided_assignments == static_cast<int>(r.assignments.size()));
  CHECK(round.record().assignments.empty());
  Result<TrailCheck> check = verify_record(round.db);
  REQUIRE(check);
  CHECK_FALSE(check->broken_seq);
}

TEST_CASE("automatic assignment reports a case only inspectors of its street could take",
          "[round-plan]") {
  Round round;
  REQUIRE(round.plan({"王五@琶洲街道"}, {"琶洲"}));
  REQUIRE(round.draw("x", 1));
  Result<AutoAssignment> a = assign_auto(round.scope, "赵六");
  REQUIRE(a);
  CHECK(a->made.empty());
  REQUIRE(a->left.size() == 2);
  CHECK(a->left[0].find("回避") != std::string::npos);
}

}  // namespace
}  // namespace auditor

#include "app/round_plan.h"

#include <nlohmann/json.hpp>

#include "app/review_session.h"
#include "store/payload_reader.h"
#include "store/record.h"
#include "store/round_reader.h"

namespace auditor {
namespace {

using json = nlohmann::json;

constexpr char kPlan[] = "plan";
constexpr char kDraw[] = "draw";
constexpr char kAssign[] = "assign";

// ---- Payloads (docs/formats/draw.md): every field written, null for unset --

json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json opt(const std::optional<long long>& v) { return v ? json(*v) : json(nullptr); }

json plan_payload(const RoundPlan& p) {
  json inspectors = json::array();
  for (const Inspector& i : p.inspectors)
    inspectors.push_back({{"name", i.name}, {"unit", i.unit}});
  return {
      {"streets", p.streets},
      {"closed_from", opt(p.closed_from)},
      {"closed_to", opt(p.closed_to)},
      {"inspectors", inspectors},
      {"checklist",
       {{"id", p.checklist_id}, {"version", p.checklist_version}, {"sha256", p.checklist_sha256}}},
      {"mode", p.mode},
      {"by", p.by},
      {"reason", opt(p.reason)}};
}

RoundPlan plan_of(const TrailEntry& e) {
  PayloadReader j(e.payload);
  RoundPlan p;
  p.streets = j.texts("streets");
  p.closed_from = j.optional_text("closed_from");
  p.closed_to = j.optional_text("closed_to");
  for (PayloadReader i : j.objects("inspectors"))
    p.inspectors.push_back({i.text("name"), i.text("unit")});
  PayloadReader checklist = j.object("checklist");
  p.checklist_id = checklist.text("id");
  p.checklist_version = checklist.text("version");
  p.checklist_sha256 = checklist.text("sha256");
  p.mode = j.text("mode");
  p.by = j.text("by");
  p.reason = j.optional_text("reason");
  p.at = e.at;
  p.seq = e.seq;
  return p;
}

json rule_payload(const MustCheckRule& r) {
  const bool fact = r.kind == MustCheckKind::fact_above;
  return {{"id", r.id},
          {"label", r.label},
          {"basis", r.basis},
          {"kind", must_check_kind_name(r.kind)},
          {"severity", r.kind == MustCheckKind::severity ? json(r.severity) : json(nullptr)},
          {"fact", fact ? json(r.fact) : json(nullptr)},
          {"threshold", fact ? json(r.threshold) : json(nullptr)},
          {"rules", r.kind == MustCheckKind::rule_fired ? json(r.rules) : json(nullptr)}};
}

MustCheckRule rule_of(PayloadReader j) {
  MustCheckRule r;
  r.id = j.text("id");
  r.label = j.text("label");
  r.basis = j.text("basis");
  const std::string kind = j.text("kind");
  r.kind = kind == "fact_above"   ? MustCheckKind::fact_above
           : kind == "rule_fired" ? MustCheckKind::rule_fired
                                  : MustCheckKind::severity;
  r.severity = j.text("severity", true);
  r.fact = j.text("fact", true);
  r.threshold = j.number("threshold", true);
  r.rules = j.texts("rules", true);
  return r;
}

json draw_payload(const Draw& d) {
  json rules = json::array(), streets = json::array(), cases = json::array(),
       excluded = json::array();
  for (const MustCheckRule& r : d.rules.rules) rules.push_back(rule_payload(r));
  for (const StreetTally& t : d.streets)
    streets.push_back({{"street", t.street},
                       {"candidates", t.candidates},
                       {"must", t.must},
                       {"random", t.random}});
  for (const DrawnCase& c : d.cases)
    cases.push_back({{"key", c.key},
                     {"archive", c.archive},
                     {"street", c.street},
                     {"why", c.why},
                     {"rank", c.rank}});
  for (const ExcludedCase& c : d.excluded)
    excluded.push_back(
        {{"key", c.key}, {"archive", c.archive}, {"street", opt(c.street)}, {"why", c.why}});
  return {{"seed", d.seed},
          {"per_street", d.per_street},
          {"rules",
           {{"id", d.rules.id},
            {"version", d.rules.version},
            {"sha256", d.rules.sha256},
            {"rules", rules}}},
          {"streets", streets},
          {"cases", cases},
          {"excluded", excluded},
          {"outside_streets", d.outside_streets},
          {"outside_window", d.outside_window},
          {"by", d.by},
          {"reason", opt(d.reason)},
          {"plan", opt(d.plan_seq)},
          {"replaces", opt(d.replaces)}};
}

Draw draw_of(const TrailEntry& e) {
  PayloadReader j(e.payload);
  Draw d;
  d.seed = j.text("seed");
  d.per_street = static_cast<int>(j.integer("per_street"));
  PayloadReader rules = j.object("rules");
  d.rules.id = rules.text("id");
  d.rules.version = rules.text("version");
  d.rules.sha256 = rules.text("sha256");
  for (PayloadReader r : rules.objects("rules")) d.rules.rules.push_back(rule_of(r));
  for (PayloadReader t : j.objects("streets"))
    d.streets.push_back({t.text("street"), static_cast<int>(t.integer("candidates")),
                         static_cast<int>(t.integer("must")),
                         static_cast<int>(t.integer("random"))});
  for (PayloadReader c : j.objects("cases"))
    d.cases.push_back(
        {c.text("key"), c.text("archive"), c.text("street"), c.texts("why"), c.text("rank")});
  for (PayloadReader c : j.objects("excluded"))
    d.excluded.push_back(
        {c.text("key"), c.text("archive"), c.optional_text("street"), c.text("why")});
  d.outside_streets = static_cast<int>(j.integer("outside_streets"));
  d.outside_window = static_cast<int>(j.integer("outside_window"));
  d.by = j.text("by");
  d.reason = j.optional_text("reason");
  d.plan_seq = j.optional_integer("plan");
  d.replaces = j.optional_integer("replaces");
  d.at = e.at;
  d.seq = e.seq;
  return d;
}

json assignment_payload(const Assignment& a) {
  return {{"case", a.key},
          {"archive", a.archive},
          {"street", a.street},
          {"inspector", a.inspector.name},
          {"unit", a.inspector.unit},
          {"auto", a.automatic},
          {"by", a.by},
          {"draw", opt(a.draw_seq)},
          {"replaces", opt(a.replaces)}};
}

Assignment assignment_of(const TrailEntry& e) {
  PayloadReader j(e.payload);
  Assignment a;
  a.key = j.text("case");
  a.archive = j.text("archive");
  a.street = j.text("street");
  a.inspector = {j.text("inspector"), j.text("unit")};
  a.automatic = j.boolean("auto");
  a.by = j.text("by");
  a.draw_seq = j.optional_integer("draw");
  a.replaces = j.optional_integer("replaces");
  a.at = e.at;
  a.seq = e.seq;
  return a;
}

// Appends `payload` as a trail row of the round; sets `seq` and `at`.
Status append(ReviewSession& s, const char* action, const json& payload, long long& seq,
              std::string& at) {
  Result<long long> row = append_trail(*s.store, s.data.round.id, action, payload);
  if (!row) return Status::failure(row.failure());
  Result<std::string> time = trail_time(*s.store, *row);
  if (!time) return Status::failure(time.failure());
  seq = *row;
  at = *time;
  return Status::success();
}

// The current plan, or the refusal for a command that needs one.
Result<RoundPlan> needed_plan(const RoundPlanRecord& r) {
  if (!r.plan)
    return refused(
        "本轮还没有评查计划；请先用 auditor round plan --streets … --inspector 姓名@单位 --as 姓名 "
        "登记");
  return *r.plan;
}

Assignment assignment_for(const ReviewSession& s, std::size_t i, const Inspector& who,
                          const std::string& by, const RoundPlanRecord& r) {
  Assignment a;
  const CaseRef ref = s.ref(i);
  a.key = ref.key;
  a.archive = ref.archive;
  a.street = s.data.facts[i].street.value_or("");
  a.inspector = who;
  a.by = by;
  if (r.draw) a.draw_seq = r.draw->seq;
  if (const Assignment* earlier = r.assignment(ref.key)) a.replaces = earlier->seq;
  return a;
}

// Appends the assignment's row; its time is filled in by the caller.
Result<Assignment> write_assignment(ReviewSession& s, Assignment a) {
  Result<long long> row = append_trail(*s.store, s.data.round.id, kAssign, assignment_payload(a));
  if (!row) return row.failure();
  a.seq = *row;
  return a;
}

// Fills the times of `rows` (assignments just written) from the trail.
Status stamp_assignments(ReviewSession& s, std::vector<Assignment*> rows) {
  for (Assignment* a : rows) {
    Result<std::string> time = trail_time(*s.store, a->seq);
    if (!time) return Status::failure(time.failure());
    a->at = *time;
  }
  return Status::success();
}

}  // namespace

const Assignment* RoundPlanRecord::assignment(const std::string& key) const {
  for (const Assignment& a : assignments)
    if (a.key == key) return &a;
  return nullptr;
}

Result<RoundPlanRecord> read_round_plan(Store& store, long long round_id) {
  Result<std::vector<TrailEntry>> rows =
      load_trail_entries(store, round_id, {kPlan, kDraw, kAssign});
  if (!rows) return rows.failure();
  RoundPlanRecord out;
  std::vector<Assignment> assigned;
  for (const TrailEntry& e : *rows) {
    if (!e.payload.is_object())
      return Error{"审计记录第 " + std::to_string(e.seq) + " 条（" + e.action + "）的内容无法读取",
                   Code::corrupt};
    if (e.action == kPlan) out.plan = plan_of(e);
    if (e.action == kDraw) out.draw = draw_of(e), ++out.draws;
    if (e.action == kAssign) assigned.push_back(assignment_of(e));
  }
  // The latest draw's seq (0: none; trail seqs start at 1).
  const long long draw = out.draw ? out.draw->seq : 0;
  for (Assignment& a : assigned) {
    if (a.draw_seq.value_or(0) != draw) continue;
    std::erase_if(out.assignments, [&](const Assignment& b) { return b.key == a.key; });
    out.assignments.push_back(std::move(a));
  }
  return out;
}

Result<RoundPlanRecord> show_round_plan(const ReviewScope& scope) {
  Result<ReviewSession> s = ReviewSession::open(scope, false, false, false);
  if (!s) return s.failure();
  return read_round_plan(*s->store, s->data.round.id);
}

Result<RoundPlan> record_round_plan(const ReviewScope& scope, const PlanRequest& request) {
  RoundPlan p;
  p.streets = request.streets;
  p.closed_from = request.closed_from;
  p.closed_to = request.closed_to;
  for (const std::string& text : request.inspectors) {
    Result<Inspector> i = parse_inspector(text);
    if (!i) return refused(i.error());
    p.inspectors.push_back(*i);
  }
  p.by = request.by;
  p.reason = request.reason;
  if (std::string why = plan_problem(p); !why.empty()) return refused(why);
  Result<ReviewSession> s = ReviewSession::open(scope, true, false, false);
  if (!s) return s.failure();
  Result<RoundData> data = load_round(*s->store, s->data.round, false);
  if (!data) return data.failure();
  p.mode = data->round.mode;
  if (!data->runs.empty()) {
    const RoundRun& run = data->runs.back();
    p.checklist_id = run.checklist_id;
    p.checklist_version = run.checklist_version;
    p.checklist_sha256 = run.checklist_sha256;
  }
  return in_record_transaction<RoundPlan>(*s->store, [&]() -> Result<RoundPlan> {
    if (Status st = append(*s, kPlan, plan_payload(p), p.seq, p.at); !st.ok())
      return Error{st.reason, st.code};
    return p;
  });
}

Result<DrawOutcome> draw_round(const ReviewScope& scope, const DrawRequest& request) {
  if (std::string why = seed_problem(request.seed); !why.empty()) return refused(why);
  if (request.by.empty()) return refused("必须写明抽取人（--as）");
  if (request.per_street < 0 || request.per_street > 10000)
    return refused("每个街道随机抽取的案卷数应在 0 到 10000 之间");
  if (request.reason && request.reason->empty()) return refused("重新抽取的理由不能为空");
  Result<MustCheckRules> rules = load_must_check(must_check_file(request.rules));
  if (!rules) return rules.failure();
  Result<ReviewSession> s = ReviewSession::open(scope, true, true);
  if (!s) return s.failure();
  Result<RoundPlanRecord> record = read_round_plan(*s->store, s->data.round.id);
  if (!record) return record.failure();
  if (record->draw && !request.reason)
    return refused("本轮已于 " + record->draw->at + " 抽取过案卷（种子 " + record->draw->seed +
                   "）；重新抽取须用 --reason 写明理由，原抽取的分配随之失效");
  const RoundData& data = s->data;
  std::vector<DrawCandidate> candidates;
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    const CaseResult& c = data.cases[i];
    const CaseRef ref = s->ref(i);
    candidates.push_back({ref.key, ref.archive, data.facts[i].street, closing_date(c.c),
                          must_check_matches(rules->rules, c), c.c.rejected});
  }
  const RoundPlan* plan = record->plan ? &*record->plan : nullptr;
  Draw d = draw_cases(candidates, plan, request.seed, request.per_street);
  d.rules = *rules;
  d.by = request.by;
  d.reason = request.reason;
  if (plan) d.plan_seq = plan->seq;
  if (record->draw) d.replaces = record->draw->seq;
  const int voided = record->draw ? static_cast<int>(record->assignments.size()) : 0;
  return in_record_transaction<DrawOutcome>(*s->store, [&]() -> Result<DrawOutcome> {
    if (Status st = append(*s, kDraw, draw_payload(d), d.seq, d.at); !st.ok())
      return Error{st.reason, st.code};
    return DrawOutcome{d, voided};
  });
}

Result<Assignment> assign_case(const ReviewScope& scope, const std::string& case_id,
                               const std::string& inspector, const std::string& by) {
  if (by.empty()) return refused("必须写明分配人（--as）");
  if (inspector.empty()) return refused("必须写明评查人员（--inspector）");
  return write_to_case<Assignment>(
      scope, case_id, {" 的压缩包无法读取，不能分配评查", false},
      [&](ReviewSession& s, std::size_t i) -> Result<Assignment> {
        Result<RoundPlanRecord> r = read_round_plan(*s.store, s.data.round.id);
        if (!r) return r.failure();
        Result<RoundPlan> plan = needed_plan(*r);
        if (!plan) return plan.failure();
        if (std::string why = recusal_problem(*plan, inspector, s.data.facts[i].street);
            !why.empty())
          return refused(s.case_name(i) + "：" + why);
        const std::string key = s.ref(i).key;
        if (r->draw && !r->draw->find(key))
          return refused(s.case_name(i) + " 不在本轮抽取的案卷中（抽取于 " + r->draw->at +
                         "，种子 " + r->draw->seed + "），不能分配评查");
        const Inspector& who = *plan->inspector(inspector);
        if (const Assignment* now = r->assignment(key); now && now->inspector.name == who.name)
          return refused(s.case_name(i) + " 已分配给 " + who.name + "（" + now->at + "）");
        Result<Assignment> a = write_assignment(s, assignment_for(s, i, who, by, *r));
        if (!a) return a;
        if (Status st = stamp_assignments(s, {&*a}); !st.ok()) return Error{st.reason, st.code};
        return a;
      });
}

Result<AutoAssignment> assign_auto(const ReviewScope& scope, const std::string& by) {
  if (by.empty()) return refused("必须写明分配人（--as）");
  Result<ReviewSession> s = ReviewSession::open(scope, true, false);
  if (!s) return s.failure();
  Result<RoundPlanRecord> r = read_round_plan(*s->store, s->data.round.id);
  if (!r) return r.failure();
  Result<RoundPlan> plan = needed_plan(*r);
  if (!plan) return plan.failure();
  AutoAssignment out;
  // The cases to assign, as indices of the round's cases, in draw order.
  std::vector<std::size_t> todo;
  auto consider = [&](std::size_t i) {
    if (s->data.cases[i].c.rejected) return;
    if (r->assignment(s->ref(i).key)) {
      ++out.kept;
      return;
    }
    todo.push_back(i);
  };
  if (r->draw) {
    for (const DrawnCase& c : r->draw->cases) {
      Result<std::size_t> i = s->find_case(c.archive);
      if (!i) {
        out.left.push_back("案卷 " + c.key + "：" + i.error());
        continue;
      }
      consider(*i);
    }
  } else {
    for (std::size_t i = 0; i < s->data.cases.size(); ++i) consider(i);
  }
  std::vector<RobinCase> robin;
  for (std::size_t i : todo)
    robin.push_back({s->ref(i).key, s->ref(i).archive, s->data.facts[i].street});
  const std::vector<RobinPick> picks = round_robin(*plan, robin);
  return in_record_transaction<AutoAssignment>(*s->store, [&]() -> Result<AutoAssignment> {
    for (std::size_t k = 0; k < todo.size(); ++k) {
      if (!picks[k].inspector) {
        out.left.push_back("案卷 " + robin[k].key + "：" + picks[k].why);
        continue;
      }
      Assignment a = assignment_for(*s, todo[k], plan->inspectors[*picks[k].inspector], by, *r);
      a.automatic = true;
      Result<Assignment> done = write_assignment(*s, std::move(a));
      if (!done) return done.failure();
      out.made.push_back(std::move(*done));
    }
    std::vector<Assignment*> made;
    for (Assignment& a : out.made) made.push_back(&a);
    if (Status st = stamp_assignments(*s, made); !st.ok()) return Error{st.reason, st.code};
    return out;
  });
}

}  // namespace auditor

// A round's plan, draw and assignments in the JSON API, through the
// functions `auditor round plan|draw|assign` calls (app/round_plan.h) with
// the signed-in user's name as who recorded it:
//   GET  /api/rounds/{id}/plan         the plan, the latest draw, the assignments
//   POST /api/rounds/{id}/plan         {"streets", "closed_from", "closed_to", "inspectors",
//   "reason"} POST /api/rounds/{id}/draw         {"seed", "per_street", "reason"} POST
//   /api/rounds/{id}/assignments  {"case", "inspector"} or {"auto": true}
// Only who may plan the round (plannable_round: an admin, an inspector who
// may open it) gets past 404; a refusal of the front door is 400 with its
// Chinese reason (回避 included), a busy database 409.
#include <filesystem>

#include "app/data_dirs.h"
#include "app/round_plan.h"
#include "app/serve_rounds.h"
#include "server/context.h"
#include "server/http.h"
#include "server/pages.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json opt(const std::optional<long long>& v) { return v ? json(*v) : json(nullptr); }

json inspector_json(const Inspector& i) {
  return {{"name", i.name}, {"unit", i.unit}, {"text", inspector_text(i)}};
}

json plan_json(const RoundPlan& p) {
  json inspectors = json::array();
  for (const Inspector& i : p.inspectors) inspectors.push_back(inspector_json(i));
  return {{"streets", p.streets},
          {"closed_from", opt(p.closed_from)},
          {"closed_to", opt(p.closed_to)},
          {"inspectors", inspectors},
          {"mode", p.mode},
          {"checklist", p.checklist_id},
          {"by", p.by},
          {"reason", opt(p.reason)},
          {"at", p.at},
          {"seq", p.seq}};
}

json draw_json(const Draw& d) {
  json rules = json::array(), streets = json::array(), cases = json::array(),
       excluded = json::array();
  for (const MustCheckRule& r : d.rules.rules) rules.push_back({{"id", r.id}, {"label", r.label}});
  for (const StreetTally& t : d.streets)
    streets.push_back({{"street", t.street},
                       {"candidates", t.candidates},
                       {"must", t.must},
                       {"random", t.random}});
  for (const DrawnCase& c : d.cases)
    cases.push_back({{"key", c.key},
                     {"archive", std::filesystem::path(c.archive).filename().string()},
                     {"street", c.street},
                     {"why", c.why},
                     {"why_text", c.why_text()},
                     {"rank", c.rank}});
  for (const ExcludedCase& c : d.excluded)
    excluded.push_back(
        {{"key", c.key}, {"street", c.street ? json(*c.street) : json(nullptr)}, {"why", c.why}});
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
          {"replaces", opt(d.replaces)},
          {"at", d.at},
          {"seq", d.seq}};
}

json assignment_json(const Assignment& a) {
  return {{"key", a.key},
          {"street", a.street},
          {"inspector", inspector_json(a.inspector)},
          {"automatic", a.automatic},
          {"by", a.by},
          {"at", a.at},
          {"seq", a.seq}};
}

// The array of strings `body[key]` (absent or null: empty), each trimmed,
// empty ones left out; nullopt when it is something else.
std::optional<std::vector<std::string>> string_list(const json& body, const char* key) {
  auto it = body.find(key);
  std::vector<std::string> out;
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return std::nullopt;
  for (const json& v : *it) {
    if (!v.is_string()) return std::nullopt;
    std::string s = v.get<std::string>();
    s.erase(0, s.find_first_not_of(" \t\r\n"));
    s.erase(s.find_last_not_of(" \t\r\n") + 1);
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

// An optional non-empty string member.
std::optional<std::string> text_field(const json& body, const char* key) {
  std::string v = string_field(body, key);
  if (v.empty()) return std::nullopt;
  return v;
}

// The round of path match 1 when the user may plan it; nullopt after answering.
std::optional<RoundInfo> plan_round(State& s, const Request& req, Response& res, const User& u) {
  std::optional<long long> id = path_id(req, 1);
  Result<std::optional<RoundInfo>> round =
      id ? plannable_round(s.config.db, *id, u) : std::optional<RoundInfo>();
  if (!round) {
    send_failure(res, round.failure());
    return std::nullopt;
  }
  if (!*round) send_error(res, 404, "没有这个审查轮次");
  return *round;
}

// A change to the plan of path match 1's round: signed in with the CSRF
// token, allowed to plan the round, with a JSON body.
struct PlanChange {
  Session session;
  RoundInfo round;
  json body;
};
// The change of the request; nullopt after answering.
std::optional<PlanChange> plan_change(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in_for_change(s, req, res);
  if (!session) return std::nullopt;
  std::optional<RoundInfo> round = plan_round(s, req, res, session->user);
  if (!round) return std::nullopt;
  std::optional<json> body = json_body(req, res);
  if (!body) return std::nullopt;
  return PlanChange{std::move(*session), std::move(*round), std::move(*body)};
}

void show(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) return;
  std::optional<RoundInfo> round = plan_round(s, req, res, session->user);
  if (!round) return;
  Result<RoundPlanRecord> r = show_round_plan({s.config.db, round->name});
  if (!r) return send_failure(res, r.failure());
  json assignments = json::array();
  for (const Assignment& a : r->assignments) assignments.push_back(assignment_json(a));
  send_json(res, {{"plan", r->plan ? plan_json(*r->plan) : json(nullptr)},
                  {"draw", r->draw ? draw_json(*r->draw) : json(nullptr)},
                  {"draws", r->draws},
                  {"assignments", assignments}});
}

void plan(State& s, const Request& req, Response& res) {
  std::optional<PlanChange> change = plan_change(s, req, res);
  if (!change) return;
  const Session& session = change->session;
  const RoundInfo& round = change->round;
  const json& body = change->body;
  PlanRequest p;
  std::optional<std::vector<std::string>> streets = string_list(body, "streets");
  std::optional<std::vector<std::string>> inspectors = string_list(body, "inspectors");
  if (!streets || !inspectors)
    return send_error(res, 400, "streets 和 inspectors 必须是字符串数组");
  p.streets = std::move(*streets);
  p.inspectors = std::move(*inspectors);
  p.closed_from = text_field(body, "closed_from");
  p.closed_to = text_field(body, "closed_to");
  p.reason = text_field(body, "reason");
  p.by = session.user.name;
  Result<RoundPlan> r = record_round_plan({s.config.db, round.name}, p);
  if (!r) return send_failure(res, r.failure());
  send_json(res, plan_json(*r), 201);
}

void draw(State& s, const Request& req, Response& res) {
  std::optional<PlanChange> change = plan_change(s, req, res);
  if (!change) return;
  const Session& session = change->session;
  const RoundInfo& round = change->round;
  const json& body = change->body;
  auto n = body.find("per_street");
  long long per_street = -1;
  if (n != body.end() && n->is_number_integer()) per_street = n->get<long long>();
  if (per_street < 0 || per_street > 10000)
    return send_error(res, 400, "每个街道随机抽取的案卷数应在 0 到 10000 之间");
  DrawRequest d{string_field(body, "seed"), static_cast<int>(per_street), data_dir() / "draw",
                session.user.name, text_field(body, "reason")};
  Result<DrawOutcome> r = draw_round({s.config.db, round.name}, d);
  if (!r) return send_failure(res, r.failure());
  json out = draw_json(r->draw);
  out["voided_assignments"] = r->voided_assignments;
  send_json(res, out, 201);
}

void assign(State& s, const Request& req, Response& res) {
  std::optional<PlanChange> change = plan_change(s, req, res);
  if (!change) return;
  const Session& session = change->session;
  const RoundInfo& round = change->round;
  const json& body = change->body;
  const ReviewScope scope{s.config.db, round.name};
  // The round's cases: to find one by its id, and to name the stored files
  // in refusals by their names instead of their paths on the server.
  Result<std::optional<RoundCaseList>> cases =
      round_cases(s.config.db, round.id, session.user, s.checklist, {});
  if (!cases) return send_failure(res, cases.failure());
  const std::vector<RoundCase> none;
  const std::vector<RoundCase>& rows = *cases ? (*cases)->cases : none;
  auto named = [&rows](Error e) {
    for (const RoundCase& c : rows)
      if (e.reason.find(c.item.row.archive) != std::string::npos)
        e = with_file_name(std::move(e), c.item.row);
    return e;
  };
  auto automatic = body.find("auto");
  if (automatic != body.end() && automatic->is_boolean() && automatic->get<bool>()) {
    Result<AutoAssignment> r = assign_auto(scope, session.user.name);
    if (!r) return send_failure(res, named(r.failure()));
    json made = json::array(), left = json::array();
    for (const Assignment& a : r->made) made.push_back(assignment_json(a));
    for (const std::string& why : r->left) left.push_back(named(Error{why}).reason);
    return send_json(res, {{"made", made}, {"kept", r->kept}, {"left", left}});
  }
  // The case by its number or archive path, or by its id in the database.
  std::string case_id = string_field(body, "case");
  if (auto c = body.find("case"); c != body.end() && c->is_number_integer()) {
    for (const RoundCase& rc : rows)
      if (rc.item.row.id == c->get<long long>()) case_id = rc.item.row.archive;
    if (case_id.empty()) return send_error(res, 404, "本轮没有这个案卷");
  }
  const std::string inspector = string_field(body, "inspector");
  if (case_id.empty() || inspector.empty())
    return send_error(res, 400, "请写明案卷（case）和评查人员（inspector），或用 auto 自动分配");
  Result<Assignment> r = assign_case(scope, case_id, inspector, session.user.name);
  if (!r) return send_failure(res, named(r.failure()));
  send_json(res, assignment_json(*r), 201);
}

}  // namespace

void add_round_plan_api(State& s) {
  s.http->Get(R"(/api/rounds/(\d+)/plan)",
              [&s](const Request& req, Response& res) { show(s, req, res); });
  s.http->Post(R"(/api/rounds/(\d+)/plan)",
               [&s](const Request& req, Response& res) { plan(s, req, res); });
  s.http->Post(R"(/api/rounds/(\d+)/draw)",
               [&s](const Request& req, Response& res) { draw(s, req, res); });
  s.http->Post(R"(/api/rounds/(\d+)/assignments)",
               [&s](const Request& req, Response& res) { assign(s, req, res); });
}

}  // namespace auditor::server

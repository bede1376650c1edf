// One case of the JSON API: GET /api/cases/{id} (the result-JSON shape with
// each finding's key and status, the reviewed score and provisional) and
// POST /api/cases/{id}/decisions (decide_finding as the signed-in user).
#include "app/serve_access.h"
#include "reports/json_report.h"
#include "server/context.h"
#include "server/http.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

constexpr std::pair<const char*, FindingVerdict> kActions[] = {
    {"confirm", FindingVerdict::confirmed}, {"dismiss", FindingVerdict::dismissed},
    {"change", FindingVerdict::changed},    {"pass", FindingVerdict::passed},
    {"fail", FindingVerdict::failed},
};

json case_view_json(const CaseView& v) {
  json out = case_json(v.result.c, v.result.audit);
  out["id"] = v.row.id;
  out["round"] = {{"id", v.round.id}, {"name", v.round.name}, {"mode", v.round.mode}};
  out["machine_score"] = out["score"];
  out["machine_grade"] = out["grade"];
  const std::optional<ReviewedCase>& reviewed = v.review.reviewed;
  const std::vector<std::string> keys = finding_keys(v.result.audit.findings);
  json& findings = out["findings"];
  for (std::size_t i = 0; i < findings.size() && i < keys.size(); ++i) {
    findings[i]["key"] = keys[i];
    std::string status = verdict_name(FindingVerdict::suggested);
    if (reviewed)
      for (const ReviewedItem& item : reviewed->items)
        if (item.key == keys[i]) status = verdict_name(item.verdict);
    findings[i]["status"] = status;
  }
  if (reviewed) {
    out["score"] = reviewed->score.value;
    out["grade"] = reviewed->score.grade.empty() ? json(nullptr) : json(reviewed->score.grade);
    out["provisional"] = reviewed->provisional();
    out["review"] = review_json(*reviewed, v.review.state, v.review.record, v.review.rectification);
  } else {
    out["provisional"] = false;
    out["review"] = nullptr;
  }
  return out;
}

void show(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) return;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_error(res, 404, "没有这个案卷");
  Result<std::optional<CaseView>> v = visible_case(s.config.db, *id, session->user, s.checklist);
  if (!v) return send_failure(res, v.failure());
  if (!*v) return send_error(res, 404, "没有这个案卷");
  send_json(res, case_view_json(**v));
}

void decide(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in_for_change(s, req, res);
  if (!session) return;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_error(res, 404, "没有这个案卷");
  std::optional<json> body = json_body(req, res);
  if (!body) return;
  Decision d;
  d.key = string_field(*body, "finding");
  if (d.key.empty()) return send_error(res, 400, "请写明问题编号（finding）");
  const std::string action = string_field(*body, "action");
  bool known = false;
  for (const auto& [name, verdict] : kActions)
    if (action == name) d.verdict = verdict, known = true;
  if (!known) return send_error(res, 400, "action 只能是 confirm、dismiss、change、pass 或 fail");
  d.reason = string_field(*body, "reason");
  if (body->contains("severity")) d.severity = string_field(*body, "severity");
  if (body->contains("message")) d.message = string_field(*body, "message");
  if (auto it = body->find("deduction"); it != body->end()) {
    if (!it->is_number()) return send_error(res, 400, "deduction 必须是数字");
    d.deduction = it->get<double>();
  }
  if (!may_write(session->user)) {
    // A street user sees its own cases only: another street's case is 404.
    Result<std::optional<CaseView>> v = visible_case(s.config.db, *id, session->user, s.checklist);
    if (v && !*v) return send_error(res, 404, "没有这个案卷");
    return send_error(res, 403, "街道用户只能查看案卷和提出异议，不能作出评查决定");
  }
  Result<std::optional<RecordedDecision>> r = decide_on_case(s.config.db, *id, session->user, d);
  if (!r) return send_failure(res, r.failure());
  if (!*r) return send_error(res, 404, "没有这个案卷");
  Result<std::optional<CaseView>> v = visible_case(s.config.db, *id, session->user, s.checklist);
  if (!v) return send_failure(res, v.failure());
  if (!*v) return send_error(res, 404, "没有这个案卷");
  const CaseView& view = **v;
  send_json(
      res,
      {{"decision",
        {{"id", (*r)->id},
         {"finding", (*r)->decision.key},
         {"verdict", verdict_name((*r)->decision.verdict)},
         {"inspector", (*r)->decision.inspector},
         {"decided_at", (*r)->decision.decided_at}}},
       {"score", view.review.reviewed ? json(view.review.reviewed->score.value) : json(nullptr)},
       {"provisional", view.review.reviewed && view.review.reviewed->provisional()}},
      201);
}

// A street user's objection (异议) to a finding that counts in its case.
void object(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in_for_change(s, req, res);
  if (!session) return;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_error(res, 404, "没有这个案卷");
  std::optional<json> body = json_body(req, res);
  if (!body) return;
  if (session->user.role == UserRole::inspector)
    return send_error(res, 403, "异议由被评查的街道提出，评查人员不能提出异议");
  Result<std::optional<Objection>> o =
      object_on_case(s.config.db, *id, session->user, string_field(*body, "finding"),
                     string_field(*body, "reason"), s.checklist);
  if (!o) return send_failure(res, o.failure());
  if (!*o) return send_error(res, 404, "没有这个案卷");
  send_json(res,
            {{"id", (*o)->seq},
             {"finding", (*o)->finding},
             {"unit", (*o)->unit},
             {"name", (*o)->name},
             {"objected_at", (*o)->objected_at}},
            201);
}

}  // namespace

void add_case_api(State& s) {
  s.http->Get(R"(/api/cases/(\d+))",
              [&s](const Request& req, Response& res) { show(s, req, res); });
  s.http->Post(R"(/api/cases/(\d+)/decisions)",
               [&s](const Request& req, Response& res) { decide(s, req, res); });
  s.http->Post(R"(/api/cases/(\d+)/objections)",
               [&s](const Request& req, Response& res) { object(s, req, res); });
}

}  // namespace auditor::server

// One case of the JSON API: GET /api/cases/{id} (the result-JSON shape with
// each finding's key and status, the reviewed score and provisional),
// POST /api/cases/{id}/decisions (decide_finding as the signed-in user),
// /objections, and the case's files: GET /api/cases/{id}/sheet (its 评查表)
// and GET /api/cases/{id}/documents/{n}/original (a document as the archive
// holds it). The other record actions: server/api_case_record.cc.
#include "app/serve_case_record.h"
#include "reports/json_report.h"
#include "server/context.h"
#include "server/html.h"
#include "server/http.h"

namespace auditor::server {

// server/api_case_record.cc
void add_case_record_api(State& s);

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

// Content-Disposition for `f`: an ASCII name a header cannot be broken by
// ("<stem>.<ext>") and the real name as RFC 5987 UTF-8.
std::string disposition(const CaseFile& f, bool shown_inline, const std::string& stem) {
  return std::string(shown_inline ? "inline" : "attachment") + "; filename=\"" + stem + "." +
         f.extension + "\"; filename*=UTF-8''" + url_encode(f.name);
}

void send_file(Response& res, const CaseFile& f, bool shown_inline, const std::string& stem) {
  res.set_header("Content-Disposition", disposition(f, shown_inline, stem));
  res.set_content(f.bytes, f.media_type);
}

void sheet(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) return;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_error(res, 404, "没有这个案卷");
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "docx";
  auto f = case_sheet(s.config.db, *id, session->user, s.checklist, format);
  if (!f) return send_failure(res, f.failure());
  if (!*f) return send_error(res, 404, "没有这个案卷");
  send_file(res, **f, false, "case-" + std::to_string(*id) + "-sheet");
}

// The document's bytes; a PDF or image inline, framed by this site's pages
// only (this response alone allows frame-ancestors 'self').
void original(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) return;
  std::optional<long long> id = path_id(req, 1), n = path_id(req, 2);
  if (!id || !n) return send_error(res, 404, "没有这份文书");
  auto f =
      case_original(s.config.db, *id, static_cast<std::size_t>(*n), session->user, s.config.import);
  if (!f) return send_error(res, f.code() == Code::corrupt ? 409 : status_of(f.code()), f.error());
  if (!*f) return send_error(res, 404, "没有这份文书");
  res.headers.erase("Content-Security-Policy");
  res.headers.erase("X-Frame-Options");
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; frame-ancestors 'self'");
  res.set_header("X-Frame-Options", "SAMEORIGIN");
  send_file(res, **f, (*f)->shown_inline, "document-" + std::to_string(*n));
}

}  // namespace

void add_case_api(State& s) {
  s.http->Get(R"(/api/cases/(\d+))",
              [&s](const Request& req, Response& res) { show(s, req, res); });
  s.http->Post(R"(/api/cases/(\d+)/decisions)",
               [&s](const Request& req, Response& res) { decide(s, req, res); });
  s.http->Post(R"(/api/cases/(\d+)/objections)",
               [&s](const Request& req, Response& res) { object(s, req, res); });
  s.http->Get(R"(/api/cases/(\d+)/sheet)",
              [&s](const Request& req, Response& res) { sheet(s, req, res); });
  s.http->Get(R"(/api/cases/(\d+)/documents/(\d+)/original)",
              [&s](const Request& req, Response& res) { original(s, req, res); });
  add_case_record_api(s);
}

}  // namespace auditor::server

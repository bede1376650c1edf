// The street's self-check (自查, app/serve_self_check.h): the page
// GET /self-check[?month=YYYY-MM] — upload the street's own archives into its
// round of the month, see each case's machine score and findings as an
// inspector would, submit a case to the district's self-check round — and
// its API: GET /api/self-check, POST /api/self-check/round (this month's
// round, created on first use), POST /api/self-check/cases/{id}/submit
// ({"round": id} → a job). Street users only: the page is the 404 page for
// others, the API 403.
#include <thread>

#include "app/serve_self_check.h"
#include "reports/labels.h"
#include "server/html.h"
#include "server/pages.h"
#include "server/pages_upload.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

// How long creating the month's round waits for a running audit.
constexpr auto kRoundLockWait = std::chrono::seconds(30);

bool is_street(const User& u) {
  return u.role == UserRole::street && u.street && !u.street->empty();
}

std::string month_of(const Request& req) {
  const std::string m = req.get_param_value("month");
  if (m.size() == 7 && m[4] == '-' && m.find_first_not_of("0123456789-") == std::string::npos)
    return m;
  return current_month();
}

std::string case_html(const SelfCheckCase& c) {
  const std::string id = std::to_string(c.item.row.id);
  std::string out = "<article class=\"self-case\" data-case-id=\"" + id +
                    "\"><h3><a href=\"/cases/" + id + "\">" +
                    html_escape(c.item.row.case_number.value_or("（无案号）")) +
                    "</a></h3><p>机器评分：<strong>" +
                    (c.item.score ? score_text(*c.item.score) : std::string("—")) + "</strong>";
  if (c.item.grade) out += "　等次：" + html_escape(*c.item.grade);
  out += "　问题 " + std::to_string(c.findings.size()) + " 项</p>";
  if (c.findings.empty()) {
    out += "<p>未发现问题。</p>";
  } else {
    out += "<ul class=\"findings\">";
    for (const Finding& f : c.findings)
      out += "<li><span class=\"sev-" + html_escape(f.severity) + "\">[" +
             html_escape(severity_label(f.severity)) + "]</span> " + html_escape(f.message) +
             "</li>";
    out += "</ul>";
  }
  for (const auto& [round, case_id] : c.submitted)
    out += "<p class=\"submitted\">已提交至 <a href=\"/cases/" + std::to_string(case_id) + "\">" +
           html_escape(round.name) + "</a></p>";
  if (c.item.row.rejected) return out + "</article>";
  if (c.targets.empty()) {
    out += "<p>暂无可提交的区自查轮次。</p>";
  } else {
    out += "<form class=\"submit-case\" data-case=\"" + id +
           "\"><label>提交到 <select name=\"round\">";
    for (const RoundInfo& t : c.targets)
      out += "<option value=\"" + std::to_string(t.id) + "\">" + html_escape(t.name) + "</option>";
    out += "</select></label> <button type=\"submit\">" +
           std::string(c.submitted.empty() ? "提交" : "重新提交") +
           "</button> <span class=\"submit-state\" role=\"status\"></span></form>";
  }
  return out + "</article>";
}

void page(State& s, const Request& req, Response& res) {
  std::optional<Session> session = page_session(s, req, res);
  if (!session) return;
  const User& u = session->user;
  if (!is_street(u)) return send_not_found(res, u, "自查页面");
  const std::string month = month_of(req);
  Result<SelfCheckView> v = self_check_view(s.config.db, u, month, s.checklist);
  if (!v)
    return send_html(res, html_page("出错", "<p>" + html_escape(v.error()) + "</p>", u),
                     status_of(v.code()));
  std::string body = "<h1>本街道自查：" + html_escape(v->street) + "</h1>" +
                     "<p>上传本街道的案卷，查看评查人员会发现的问题和机器评分；确认后提交到区里的"
                     "自查轮次，供抽查评查。其他街道的案卷不会保存。</p>";
  if (v->rounds.size() > 1 || (v->rounds.size() == 1 && v->rounds[0].month != month)) {
    body += "<nav class=\"months\">月份：";
    for (const SelfCheckRound& r : v->rounds)
      body += "<a href=\"/self-check?month=" + html_escape(r.month) + "\">" + html_escape(r.month) +
              "</a> ";
    body += "</nav>";
  }
  if (month == current_month()) {
    body += "<h2>上传案卷（" + html_escape(month) + "）</h2>" +
            upload_block(s, v->shown ? std::to_string(v->shown->round.id) : "", true);
  }
  body += "<h2>" + html_escape(month) + " 自查结果</h2><section id=\"self-check-cases\">";
  if (v->cases.empty()) body += "<p>本月尚未上传案卷。</p>";
  for (const SelfCheckCase& c : v->cases) body += case_html(c);
  body += "</section>";
  send_html(res, html_page("本街道自查", body, u, {"upload.js", "upload.css"}));
}

// The session of a street user; nullopt after answering 401/403.
std::optional<Session> street_session(State& s, const Request& req, Response& res, bool change) {
  std::optional<Session> session =
      change ? signed_in_for_change(s, req, res) : signed_in(s, req, res);
  if (session && !is_street(session->user)) {
    send_error(res, 403, "自查只供设置了所属街道的街道用户使用");
    return std::nullopt;
  }
  return session;
}

json round_json(const SelfCheckRound& r) {
  return {{"id", r.round.id}, {"name", r.round.name}, {"street", r.street}, {"month", r.month}};
}

json rounds_json(const std::vector<RoundInfo>& rounds) {
  json out = json::array();
  for (const RoundInfo& r : rounds) out.push_back({{"id", r.id}, {"name", r.name}});
  return out;
}

void get_view(State& s, const Request& req, Response& res) {
  std::optional<Session> session = street_session(s, req, res, false);
  if (!session) return;
  const std::string month = month_of(req);
  Result<SelfCheckView> v = self_check_view(s.config.db, session->user, month, s.checklist);
  if (!v) return send_failure(res, v.failure());
  json rounds = json::array(), cases = json::array();
  for (const SelfCheckRound& r : v->rounds) rounds.push_back(round_json(r));
  for (const SelfCheckCase& c : v->cases) {
    json findings = json::array(), submitted = json::array();
    for (const Finding& f : c.findings)
      findings.push_back({{"rule", f.rule}, {"severity", f.severity}, {"message", f.message}});
    for (const auto& [round, id] : c.submitted)
      submitted.push_back({{"round", round.id}, {"round_name", round.name}, {"case", id}});
    const CaseRow& row = c.item.row;
    cases.push_back({{"id", row.id},
                     {"case_number", row.case_number ? json(*row.case_number) : json()},
                     {"score", c.item.score ? json(*c.item.score) : json()},
                     {"grade", c.item.grade ? json(*c.item.grade) : json()},
                     {"findings", findings},
                     {"submitted", submitted},
                     {"targets", rounds_json(c.targets)}});
  }
  send_json(res, {{"street", v->street},
                  {"month", month},
                  {"round", v->shown ? round_json(*v->shown) : json()},
                  {"rounds", rounds},
                  {"targets", rounds_json(v->targets)},
                  {"cases", cases}});
}

void open_round(State& s, const Request& req, Response& res) {
  std::optional<Session> session = street_session(s, req, res, true);
  if (!session) return;
  const auto give_up = std::chrono::steady_clock::now() + kRoundLockWait;
  for (;;) {
    Result<SelfCheckRound> r = open_self_check_round(s.config.db, session->user, current_month());
    if (r) return send_json(res, round_json(*r));
    if (r.code() != Code::busy || std::chrono::steady_clock::now() >= give_up)
      return send_failure(res, r.failure());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void submit(State& s, const Request& req, Response& res) {
  std::optional<Session> session = street_session(s, req, res, true);
  if (!session) return;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_error(res, 404, "没有这个案卷");
  std::optional<json> body = json_body(req, res);
  if (!body) return;
  const json& round = (*body)["round"];
  if (!round.is_number_integer()) return send_error(res, 400, "请给出要提交到的轮次 round（编号）");
  Result<std::optional<Submission>> plan =
      check_submission(s.config.db, session->user, *id, round.get<long long>());
  if (!plan) return send_failure(res, plan.failure());
  if (!*plan) return send_error(res, 404, "没有这个案卷");
  JobRequest job{(*plan)->target.name, (*plan)->target.id, "submission", {}, std::nullopt, {}};
  job.archives.push_back({(*plan)->archive, (*plan)->case_number.value_or("案卷")});
  send_json(res, {{"job", s.jobs->submit(std::move(job), session->user)}}, 202);
}

}  // namespace

void add_self_check(State& s) {
  s.http->Get("/self-check", [&s](const Request& req, Response& res) { page(s, req, res); });
  s.http->Get("/api/self-check",
              [&s](const Request& req, Response& res) { get_view(s, req, res); });
  s.http->Post("/api/self-check/round",
               [&s](const Request& req, Response& res) { open_round(s, req, res); });
  s.http->Post(R"(/api/self-check/cases/(\d+)/submit)",
               [&s](const Request& req, Response& res) { submit(s, req, res); });
}

}  // namespace auditor::server

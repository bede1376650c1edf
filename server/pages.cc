// The pages of the workbench: sign in (GET /), the rounds (GET /rounds, with
// the new-round form round.js posts to POST /api/rounds), the static files;
// add_pages registers the other pages (server/pages_*.cc) and the API
// behind them. Every value goes through html_escape; the pages use the same
// session and role scope as the API.
#include <cstdio>

#include "app/serve_access.h"
#include "server/html.h"
#include "server/pages.h"
#include "server/static_assets.h"
#include "util/date.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;

void sign_in_page(State& s, const Request& req, Response& res) {
  // Already signed in: straight to the rounds.
  if (std::optional<std::string> token = cookie(req, kSessionCookie))
    if (s.sessions.find(*token)) return redirect(res, "/rounds");
  const std::string body =
      "<h1>登录</h1><form id=\"sign-in\" class=\"sign-in\" method=\"post\" action=\"/\">"
      "<label>用户名<input name=\"username\" autocomplete=\"username\" required></label>"
      "<label>密码<input name=\"password\" type=\"password\" autocomplete=\"current-password\" "
      "required></label><button type=\"submit\">登录</button>"
      "<p id=\"message\" class=\"message\" role=\"alert\"></p></form>";
  send_html(res, html_page("登录", body, std::nullopt));
}

void rounds_page(State& s, const Request& req, Response& res) {
  std::optional<Session> session = page_session(s, req, res);
  if (!session) return;
  const User& u = session->user;
  Result<std::vector<RoundInfo>> rounds = visible_rounds(s.config.db, u);
  if (!rounds)
    return send_html(res, html_page("出错", "<p>" + html_escape(rounds.error()) + "</p>", u),
                     status_of(rounds.code()));
  std::string body = "<h1>审查轮次</h1>";
  if (u.role == UserRole::admin)
    body += "<p class=\"links\"><a id=\"users-link\" href=\"/admin/users\">用户管理</a></p>";
  if (may_write(u))
    body +=
        "<form id=\"new-round\" class=\"inline-form\"><label>新建轮次名称 <input name=\"name\" "
        "required maxlength=\"200\"></label><label>方式 <select name=\"mode\">"
        "<option value=\"inspection\">部门检查</option><option value=\"self-check\">街道自查"
        "</option></select></label><button type=\"submit\">新建</button></form>"
        "<p id=\"message\" class=\"message\" role=\"alert\"></p>";
  if (rounds->empty()) {
    body += "<p>暂无可查看的审查轮次。</p>";
  } else {
    body +=
        "<table><thead><tr><th>名称</th><th>方式</th><th>案卷数</th><th>创建时间</th></tr>"
        "</thead><tbody>";
    Result<std::map<long long, std::size_t>> counts = visible_case_counts(s.config.db, u);
    for (const RoundInfo& r : *rounds) {
      std::string count = "—";
      if (counts) {
        auto c = counts->find(r.id);
        count = std::to_string(c == counts->end() ? 0 : c->second);
      }
      body += "<tr><td><a href=\"/rounds/" + std::to_string(r.id) + "\">" + html_escape(r.name) +
              "</a></td><td>" + html_escape(mode_label(r.mode)) + "</td><td>" + count +
              "</td><td>" + html_escape(local_minutes(r.created_at)) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  send_html(res, html_page("审查轮次", body, u, {"round.js", "round.css"}));
}

}  // namespace

std::optional<Session> page_session(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  // Not signed in: to the sign-in page. Any other failure (the database
  // cannot be read) stays as signed_in answered it, with its reason.
  if (!session && res.status == 401) redirect(res, "/");
  return session;
}

void send_error_page(Response& res, const User& u, const Error& e) {
  send_html(res, html_page("出错", "<h1>出错</h1><p>" + html_escape(e.reason) + "</p>", u),
            status_of(e.code));
}

std::string mode_label(const std::string& mode) {
  if (mode == "inspection") return "检查";
  if (mode == "self_check" || mode == "self-check") return "自查";
  return mode;
}

std::string score_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string out = buf;
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  return out;
}

void add_pages(State& s) {
  s.http->Get(R"(/static/([A-Za-z0-9_.-]+))", [](const Request& req, Response& res) {
    const std::optional<StaticFile> file = static_file(req.matches[1].str());
    if (!file) return send_error(res, 404, "没有这个文件");
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::string(file->content), file->content_type);
  });
  s.http->Get("/", [&s](const Request& req, Response& res) { sign_in_page(s, req, res); });
  s.http->Get("/rounds", [&s](const Request& req, Response& res) { rounds_page(s, req, res); });
  add_round_page(s);
  add_round_plan_page(s);
  add_case_page(s);
  add_users_page(s);
  add_users_api(s);
  add_round_plan_api(s);
}

}  // namespace auditor::server

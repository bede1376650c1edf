// POST /api/session (sign in) and DELETE /api/session (sign out), and the
// session checks every handler runs (server/context.h).
#include "app/serve_access.h"
#include "app/users.h"
#include "server/context.h"
#include "server/http.h"

namespace auditor::server {
namespace {

nlohmann::json user_json(const User& u) {
  return {{"name", u.name},
          {"role", user_role_name(u.role)},
          {"street", u.street ? nlohmann::json(*u.street) : nlohmann::json(nullptr)}};
}

std::string session_cookie(const State& s, const std::string& token, long long max_age) {
  std::string c = std::string(kSessionCookie) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (s.tls) c += "; Secure";
  return c;
}

void sign_in(State& s, const httplib::Request& req, httplib::Response& res) {
  std::optional<nlohmann::json> body = json_body(req, res);
  if (!body) return;
  const std::string name = string_field(*body, "username");
  const std::string password = string_field(*body, "password");
  if (name.empty() || password.empty()) return send_error(res, 400, "请填写用户名和密码");
  if (long long wait = s.throttle.retry_after(name, req.remote_addr); wait > 0) {
    res.set_header("Retry-After", std::to_string(wait));
    return send_error(res, 429,
                      "登录失败次数过多，请 " + std::to_string((wait + 59) / 60) + " 分钟后再试");
  }
  Result<User> u = authenticate(s.config.db, name, password);
  if (!u) {
    if (u.code() != Code::invalid) return send_failure(res, u.failure());
    s.throttle.failed(name, req.remote_addr);
    return send_error(res, 401, u.error());
  }
  s.throttle.succeeded(name);
  std::string csrf;
  const std::string token = s.sessions.create(*u, &csrf);
  if (token.empty()) return send_error(res, 500, "无法生成会话令牌");
  res.set_header("Set-Cookie", session_cookie(s, token, s.sessions.limits().absolute.count()));
  send_json(res, {{"user", user_json(*u)}, {"csrf", csrf}});
}

void sign_out(State& s, const httplib::Request& req, httplib::Response& res) {
  if (!signed_in_for_change(s, req, res)) return;
  s.sessions.remove(cookie(req, kSessionCookie).value_or(""));
  res.set_header("Set-Cookie", session_cookie(s, "", 0));
  res.status = 204;
}

}  // namespace

std::optional<Session> signed_in(State& s, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::string> token = cookie(req, kSessionCookie);
  std::optional<Session> session = token ? s.sessions.find(*token) : std::nullopt;
  if (!session) {
    send_error(res, 401, "请先登录（会话不存在或已过期）");
    return std::nullopt;
  }
  // The user as stored now: a disabled user is signed out at once, a
  // changed role or street applies to the next request.
  Result<std::optional<User>> now = active_user(s.config.db, session->user.name);
  if (!now) {
    send_failure(res, now.failure());
    return std::nullopt;
  }
  if (!*now || (*now)->id != session->user.id) {
    s.sessions.remove(*token);
    send_error(res, 401, "账号已停用或已不存在，请重新登录");
    return std::nullopt;
  }
  session->user = **now;
  return session;
}

std::optional<Session> signed_in_for_change(State& s, const httplib::Request& req,
                                            httplib::Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) return std::nullopt;
  if (!same_secret(req.get_header_value(kCsrfHeader), session->csrf)) {
    send_error(res, 403, "缺少或错误的 CSRF 令牌（请求头 X-CSRF-Token）");
    return std::nullopt;
  }
  return session;
}

void add_session_api(State& s) {
  s.http->Post("/api/session",
               [&s](const httplib::Request& req, httplib::Response& res) { sign_in(s, req, res); });
  s.http->Delete("/api/session", [&s](const httplib::Request& req, httplib::Response& res) {
    sign_out(s, req, res);
  });
  s.http->Get("/api/session", [&s](const httplib::Request& req, httplib::Response& res) {
    if (std::optional<Session> session = signed_in(s, req, res))
      send_json(res, {{"user", user_json(session->user)}, {"csrf", session->csrf}});
  });
}

}  // namespace auditor::server

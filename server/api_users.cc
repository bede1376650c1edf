// The users in the JSON API, for admins only (anybody else signed in: 403),
// through app/users.h — the functions `auditor user add|list|disable|enable|
// passwd` calls — with the admin's name as who made each change in the trail:
//   GET   /api/users        every user (never a password or its hash)
//   POST  /api/users        {"name", "role", "street", "password"} → 201 the user
//   PATCH /api/users/{id}   {"disabled": true|false} and/or {"password": "…"}
// A password is never echoed, logged or returned. An admin cannot disable
// their own account here (they would lock themselves out; the command line
// can).
#include "app/users.h"
#include "server/context.h"
#include "server/http.h"
#include "server/pages.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

json user_json(const User& u) {
  return {{"id", u.id},
          {"name", u.name},
          {"role", user_role_name(u.role)},
          {"role_label", user_role_label(u.role)},
          {"street", u.street ? json(*u.street) : json(nullptr)},
          {"disabled", u.disabled},
          {"created_at", u.created_at},
          {"updated_at", u.updated_at}};
}

// The session when its user is an admin; nullopt after answering 401/403.
std::optional<Session> admin(State& s, const Request& req, Response& res, bool change) {
  std::optional<Session> session =
      change ? signed_in_for_change(s, req, res) : signed_in(s, req, res);
  if (session && session->user.role != UserRole::admin) {
    send_error(res, 403, "只有管理员可以管理用户");
    return std::nullopt;
  }
  return session;
}

void list(State& s, const Request& req, Response& res) {
  if (!admin(s, req, res, false)) return;
  Result<std::vector<User>> users = list_users(s.config.db);
  if (!users) return send_failure(res, users.failure());
  json out = json::array();
  for (const User& u : *users) out.push_back(user_json(u));
  send_json(res, out);
}

void add(State& s, const Request& req, Response& res) {
  std::optional<Session> session = admin(s, req, res, true);
  if (!session) return;
  std::optional<json> body = json_body(req, res);
  if (!body) return;
  const std::optional<UserRole> role = user_role_from(string_field(*body, "role"));
  if (!role) return send_error(res, 400, "角色只能是 admin、inspector 或 street");
  NewUser u{string_field(*body, "name"), *role, string_field(*body, "street"),
            string_field(*body, "password")};
  Result<std::optional<User>> taken = find_user_named(s.config.db, u.name);
  if (!taken) return send_failure(res, taken.failure());
  if (*taken) return send_error(res, 409, "用户名「" + (*taken)->name + "」已被使用");
  Result<User> added = add_user(s.config.db, u, session->user.name);
  if (!added) return send_failure(res, added.failure());
  send_json(res, user_json(*added), 201);
}

void change(State& s, const Request& req, Response& res) {
  std::optional<Session> session = admin(s, req, res, true);
  if (!session) return;
  std::optional<long long> id = path_id(req, 1);
  Result<std::vector<User>> users = list_users(s.config.db);
  if (!users) return send_failure(res, users.failure());
  const User* target = nullptr;
  for (const User& u : *users)
    if (id && u.id == *id) target = &u;
  if (!target) return send_error(res, 404, "没有这个用户");
  std::optional<json> body = json_body(req, res);
  if (!body) return;
  auto disabled = body->find("disabled");
  auto password = body->find("password");
  const bool set_disabled = disabled != body->end() && disabled->is_boolean();
  const bool set_pass = password != body->end() && password->is_string();
  if (!set_disabled && !set_pass)
    return send_error(res, 400, "请给出 disabled（true 或 false）或新密码 password");
  if (set_disabled && disabled->get<bool>() && target->id == session->user.id)
    return send_error(res, 400, "不能停用自己的账号");
  User out = *target;
  if (set_pass) {
    Result<User> r =
        set_password(s.config.db, target->name, password->get<std::string>(), session->user.name);
    if (!r) return send_failure(res, r.failure());
    out = *r;
  }
  if (set_disabled) {
    Result<User> r =
        set_user_disabled(s.config.db, target->name, disabled->get<bool>(), session->user.name);
    if (!r) return send_failure(res, r.failure());
    out = *r;
  }
  send_json(res, user_json(out));
}

}  // namespace

void add_users_api(State& s) {
  s.http->Get("/api/users", [&s](const Request& req, Response& res) { list(s, req, res); });
  s.http->Post("/api/users", [&s](const Request& req, Response& res) { add(s, req, res); });
  s.http->Patch(R"(/api/users/(\d+))",
                [&s](const Request& req, Response& res) { change(s, req, res); });
}

}  // namespace auditor::server

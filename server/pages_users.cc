// GET /admin/users: the users for an admin — name, role, street, state,
// last change — with the forms admin.js sends to /api/users
// (server/api_users.cc): add a user, disable or enable one, set a password.
// Anybody but an admin gets the 404 page. No password is ever shown.
#include "app/users.h"
#include "server/html.h"
#include "server/pages.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;

std::string user_row(const User& u, const User& me) {
  const std::string id = std::to_string(u.id);
  std::string out = "<tr data-user=\"" + id + "\"><td>" + html_escape(u.name) + "</td><td>" +
                    user_role_label(u.role) + "</td><td>" + html_escape(u.street.value_or("")) +
                    "</td><td>" + (u.disabled ? "已停用" : "可用") + "</td><td>" +
                    html_escape(u.updated_at) + "</td><td class=\"user-actions\">";
  if (u.id != me.id || u.disabled)
    out += "<button type=\"button\" data-user-action=\"" +
           std::string(u.disabled ? "enable\">启用" : "disable\">停用") + "</button>";
  out +=
      "<form class=\"password-form\"><input type=\"password\" name=\"password\" "
      "autocomplete=\"new-password\" minlength=\"8\" required placeholder=\"新密码\" "
      "aria-label=\"新密码\"><button type=\"submit\">修改密码</button></form></td></tr>";
  return out;
}

void users_page(State& s, const Request& req, Response& res) {
  std::optional<Session> session = page_session(s, req, res);
  if (!session) return;
  const User& me = session->user;
  if (me.role != UserRole::admin) return send_not_found(res, me, "该页面");
  Result<std::vector<User>> users = list_users(s.config.db);
  if (!users) return send_error_page(res, me, users.failure());
  std::string body =
      "<h1>用户管理</h1><p id=\"message\" class=\"message\" role=\"alert\"></p>"
      "<table id=\"users\"><thead><tr><th>用户名</th><th>角色</th><th>所属街道</th><th>状态</th>"
      "<th>最后修改</th><th>操作</th></tr></thead><tbody>";
  for (const User& u : *users) body += user_row(u, me);
  body +=
      "</tbody></table><h2>添加用户</h2><form id=\"new-user\" class=\"plan-form\">"
      "<label>用户名 <input name=\"name\" required maxlength=\"64\" autocomplete=\"off\"></label>"
      "<label>角色 <select name=\"role\"><option value=\"inspector\">评查人员</option>"
      "<option value=\"street\">街道</option><option value=\"admin\">管理员</option></select>"
      "</label><label>所属街道（街道用户必填） <input name=\"street\"></label>"
      "<label>密码（至少 8 个字符） <input type=\"password\" name=\"password\" minlength=\"8\" "
      "required autocomplete=\"new-password\"></label><button type=\"submit\">添加</button></form>"
      "<p class=\"hint\">每次修改都记入审计记录，注明操作的管理员。</p>";
  send_html(res, html_page("用户管理", body, me, {"admin.js", "round.css"}));
}

}  // namespace

void add_users_page(State& s) {
  s.http->Get("/admin/users", [&s](const Request& req, Response& res) { users_page(s, req, res); });
}

}  // namespace auditor::server

#include "server/html.h"

#include "app/users.h"
#include "reports/docx_writer.h"
#include "util/text_safety.h"

namespace auditor::server {

std::string html_escape(std::string_view text) { return xml_escape(display_safe(text)); }

std::string url_encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string html_page(const std::string& title, const std::string& body,
                      const std::optional<User>& user, const std::vector<std::string>& assets,
                      const std::string& main_attributes) {
  std::string links =
      "<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">"
      "<link rel=\"stylesheet\" href=\"/static/app.css\">"
      "<script src=\"/static/app.js\" defer></script>";
  for (const std::string& name : assets) {
    const std::string href = "/static/" + url_encode(name);
    if (name.ends_with(".css"))
      links += "<link rel=\"stylesheet\" href=\"" + href + "\">";
    else
      links += "<script src=\"" + href + "\" defer></script>";
  }
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>" +
      html_escape(title) + " - 行政处罚案卷评查</title>" + links +
      "</head><body>"
      "<header class=\"bar\"><a class=\"brand\" href=\"/rounds\">行政处罚案卷评查工作台</a>";
  if (user) {
    out += "<span class=\"who\">" + html_escape(user->name) + "（" + user_role_label(user->role);
    if (user->street) out += "：" + html_escape(*user->street);
    out += "）</span>";
    if (user->role == UserRole::street) out += "<a href=\"/self-check\">自查</a>";
    if (user->role == UserRole::admin) out += "<a href=\"/admin/users\">用户管理</a>";
    out += "<button type=\"button\" id=\"sign-out\">退出登录</button>";
  }
  out += "</header><main" + main_attributes + ">" + body + "</main></body></html>\n";
  return out;
}

void send_html(httplib::Response& res, const std::string& html, int status) {
  res.status = status;
  res.set_content(html, "text/html; charset=utf-8");
}

void send_not_found(httplib::Response& res, const std::optional<User>& user,
                    const std::string& what) {
  send_html(res,
            html_page("未找到",
                      "<h1>未找到</h1><p>" + html_escape(what) +
                          "不存在，或您无权查看。</p><p><a href=\"/rounds\">返回审查轮次</a></p>",
                      user),
            404);
}

void redirect(httplib::Response& res, const std::string& path) {
  res.status = 303;
  res.set_header("Location", path);
  res.set_content("", "text/plain");
}

}  // namespace auditor::server

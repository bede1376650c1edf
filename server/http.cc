#include "server/http.h"

#include <charconv>

#include "util/text_safety.h"

namespace auditor::server {

httplib::Headers security_headers() {
  return {
      {"Content-Security-Policy", "default-src 'self'; script-src 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cache-Control", "no-store"},
  };
}

void send_json(httplib::Response& res, const nlohmann::json& body, int status) {
  res.status = status;
  res.set_content(
      json_text_safe(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
      "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& reason) {
  send_json(res, {{"error", reason}}, status);
}

int status_of(Code code) {
  switch (code) {
    case Code::invalid:
      return 400;
    case Code::not_found:
      return 404;
    case Code::busy:
      return 409;
    default:
      return 500;
  }
}

void send_failure(httplib::Response& res, const Error& e) {
  send_error(res, status_of(e.code), e.reason);
}

std::optional<std::string> cookie(const httplib::Request& req, const std::string& name) {
  auto range = req.headers.equal_range("Cookie");
  for (auto it = range.first; it != range.second; ++it) {
    const std::string& line = it->second;
    std::size_t pos = 0;
    while (pos < line.size()) {
      std::size_t end = line.find(';', pos);
      if (end == std::string::npos) end = line.size();
      std::string part = line.substr(pos, end - pos);
      pos = end + 1;
      const std::size_t first = part.find_first_not_of(' ');
      if (first == std::string::npos) continue;
      part.erase(0, first);
      const std::size_t eq = part.find('=');
      if (eq != std::string::npos && part.compare(0, eq, name) == 0 && eq == name.size())
        return part.substr(eq + 1);
    }
  }
  return std::nullopt;
}

std::optional<nlohmann::json> json_body(const httplib::Request& req, httplib::Response& res) {
  nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    send_error(res, 400, "请求内容必须是 JSON 对象");
    return std::nullopt;
  }
  return body;
}

std::string string_field(const nlohmann::json& body, const std::string& key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<long long> path_id(const httplib::Request& req, std::size_t i) {
  if (req.matches.size() <= i) return std::nullopt;
  const std::string s = req.matches[i];
  long long v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace auditor::server

// docs/api/openapi.yaml against the running server: every documented
// operation exists and refuses a request without a session (401), and every
// route the server answers for an anonymous caller is documented.
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <utility>

#include "tests/serve_support.h"

namespace auditor::test {
namespace {

// (method, path) of each operation, read from the file's paths block: a path
// is a line "  /api/...:" and its operations the "    get:" etc. under it.
std::set<std::pair<std::string, std::string>> documented_operations() {
  std::ifstream in(std::string(AUDITOR_SOURCE_DIR) + "/docs/api/openapi.yaml");
  REQUIRE(in);
  static const std::regex kPath(R"(^  (/api/\S*):\s*$)");
  static const std::regex kMethod(R"(^    (get|post|put|patch|delete):)");
  std::set<std::pair<std::string, std::string>> out;
  std::string line, path;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, kPath))
      path = m[1];
    else if (!line.empty() && line[0] != ' ')
      path.clear();
    else if (!path.empty() && std::regex_search(line, m, kMethod))
      out.insert({m[1], path});
  }
  return out;
}

// `path` with each {parameter} replaced by 1.
std::string concrete(const std::string& path) {
  return std::regex_replace(path, std::regex(R"(\{[^}]+\})"), "1");
}

httplib::Result send(httplib::Client& c, const std::string& method, const std::string& path) {
  if (method == "get") return c.Get(path);
  if (method == "post") return c.Post(path, "{}", "application/json");
  if (method == "put") return c.Put(path, "{}", "application/json");
  if (method == "patch") return c.Patch(path, "{}", "application/json");
  return c.Delete(path);
}

TEST_CASE("every operation in openapi.yaml exists and asks for a session first",
          "[serve][serve_api]") {
  TestServer server({{"admin1", UserRole::admin, "", kServePassword}});
  httplib::Client c = server.client();
  const auto ops = documented_operations();
  REQUIRE(ops.size() >= 25);
  for (const auto& [method, path] : ops) {
    INFO(method << " " << path);
    auto r = send(c, method, concrete(path));
    REQUIRE(r);
    if (path == "/api/session" && method == "post") {
      CHECK(r->status == 400);  // no user name: a bad request, not a missing route
    } else {
      CHECK(r->status == 401);
      CHECK(nlohmann::json::parse(r->body).contains("error"));
    }
  }
}

TEST_CASE("a route openapi.yaml does not document answers 404", "[serve][serve_api]") {
  TestServer server({{"admin1", UserRole::admin, "", kServePassword}});
  httplib::Client c = server.client();
  for (const char* path : {"/api/nothing", "/api/cases/1/nothing", "/api/rounds/1/nothing"}) {
    auto r = c.Get(path);
    REQUIRE(r);
    CHECK(r->status == 404);
  }
}

}  // namespace
}  // namespace auditor::test

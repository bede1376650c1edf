// `auditor serve` in-process on 127.0.0.1 (an ephemeral port) over a fresh
// database holding the given users, for the HTTP-level tests of the server,
// its API and its pages.
#pragma once

#include <arpa/inet.h>
#include <httplib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "app/users.h"
#include "server/server.h"
#include "tests/cli_support.h"
#include "tests/review_support.h"

namespace auditor::test {

// Sends `request` as written on a fresh connection to 127.0.0.1:`port` and
// returns what the server writes back until it closes the connection or
// `stop` appears (empty: read to the end), waiting at most 10 s for each
// read: for what httplib's client cannot send or decodes on the way.
inline std::string raw_exchange(int port, const std::string& request,
                                const std::string& stop = "") {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  timeval wait{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  std::string got;
  char buf[4096];
  for (ssize_t n; (stop.empty() || got.find(stop) == std::string::npos) &&
                  (n = recv(fd, buf, sizeof buf, 0)) > 0;)
    got.append(buf, static_cast<std::size_t>(n));
  close(fd);
  return got;
}

// The Chinese reason of an error response ({"error": …}); "" when it has none.
inline std::string error_of(const httplib::Result& r) {
  nlohmann::json body = nlohmann::json::parse(r->body, nullptr, false);
  return body.is_object() && body["error"].is_string() ? body["error"].get<std::string>() : "";
}

// Every test user's password.
inline const std::string kServePassword = "Secret-pass-123";

// POST /api/session as `user` with `password`.
inline httplib::Result post_session(httplib::Client& c, const std::string& user,
                                    const std::string& password) {
  return c.Post("/api/session", nlohmann::json{{"username", user}, {"password", password}}.dump(),
                "application/json");
}

// The "auditor_session=..." pair of a response's Set-Cookie.
inline std::string cookie_of(const httplib::Result& r) {
  const std::string set = r->get_header_value("Set-Cookie");
  return set.substr(0, set.find(';'));
}

struct SignedIn {
  std::string cookie, csrf;
};

struct TestServer {
  TempDir dir;
  std::filesystem::path db;
  std::unique_ptr<server::Server> srv;
  std::thread thread;

  // Adds `users` to dir/<db_name> and serves it with `c` (its database,
  // data folder and port set here).
  TestServer(const std::vector<NewUser>& users, server::ServerConfig c = {},
             const char* db_name = "s.db")
      : db(dir.path / db_name) {
    for (const NewUser& u : users) REQUIRE(add_user(db, u, "test"));
    c.db = db;
    c.data = dir.path / "data";
    c.port = 0;
    auto started = server::Server::start(c);
    REQUIRE(started);
    srv = std::move(*started);
    thread = std::thread([this] { srv->serve(); });
  }
  ~TestServer() {
    srv->stop();
    thread.join();
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", srv->port());
    c.set_read_timeout(60);
    return c;
  }
  // The "auditor_session=..." cookie of each signed-in user, by name (the
  // test fills it, e.g. cookies[u] = sign_in(u).cookie).
  std::map<std::string, std::string> cookies;
  // GET `path` as `user` with its cookie; user "": not signed in.
  httplib::Result get(const std::string& user, const std::string& path) {
    httplib::Headers h;
    if (!user.empty()) h.emplace("Cookie", cookies[user]);
    return client().Get(path.c_str(), h);
  }
  // The headers of a change as the pages send it: the cookie and the CSRF
  // token read from GET /api/session.
  httplib::Headers change_headers(const std::string& user) {
    auto s = get(user, "/api/session");
    REQUIRE(s->status == 200);
    return {{"Cookie", cookies[user]},
            {"X-CSRF-Token", nlohmann::json::parse(s->body)["csrf"].get<std::string>()}};
  }
  // Signs `user` in with the right password: the cookie pair and CSRF token.
  SignedIn sign_in(const std::string& user) const {
    httplib::Client c = client();
    auto r = post_session(c, user, kServePassword);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return {cookie_of(r), nlohmann::json::parse(r->body)["csrf"].get<std::string>()};
  }
};

// A server whose inspector insp1 created the inspection round `round_name`
// and uploaded testdata's 01 (赤岗) and 03 (南石头) into it through the real
// upload job, with every one of `users` signed in: for the tests of the case
// record's API. Every user must have the test password; insp1 an inspector.
struct UploadedRound : TestServer {
  std::map<std::string, SignedIn> as;
  long long round = 0;

  UploadedRound(const std::vector<NewUser>& users, const char* db_name,
                const std::string& round_name)
      : TestServer(users, {}, db_name) {
    for (const NewUser& u : users) as[u.name] = sign_in(u.name);
    auto created = post("insp1", "/api/rounds", {{"name", round_name}, {"mode", "inspection"}});
    REQUIRE(created->status == 201);
    round = nlohmann::json::parse(created->body)["id"];
    httplib::MultipartFormDataItems items;
    for (const char* n : {"01-complete-structured.zip", "03-missing-notice-bare.zip"})
      items.push_back({"archive", read_file(kTestdata / n), n, "application/zip"});
    auto up = client().Post(("/api/rounds/" + std::to_string(round) + "/archives").c_str(),
                            headers("insp1"), items);
    REQUIRE(up->status == 202);
    const std::string job =
        "/api/jobs/" + std::to_string(nlohmann::json::parse(up->body)["job"].get<int>());
    // A generous runaway guard (3 min): the suite shares the machine.
    nlohmann::json state;
    for (int i = 0;
         i < 1800 && (state = nlohmann::json::parse(get("insp1", job)->body))["state"] == "running";
         ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    INFO(state.dump());
    REQUIRE(state["state"] == "done");
  }
  // user "": no cookie; csrf false: no token.
  httplib::Headers headers(const std::string& user, bool csrf = true) {
    httplib::Headers h;
    if (!user.empty()) h.emplace("Cookie", as[user].cookie);
    if (!user.empty() && csrf) h.emplace("X-CSRF-Token", as[user].csrf);
    return h;
  }
  httplib::Result get(const std::string& user, const std::string& path) {
    return client().Get(path.c_str(), headers(user));
  }
  httplib::Result post(const std::string& user, const std::string& path, const nlohmann::json& body,
                       bool csrf = true) {
    return client().Post(path.c_str(), headers(user, csrf), body.dump(), "application/json");
  }
  // The id of the round's case numbered `number`, as the admin's case list gives it.
  long long case_id(const std::string& number) {
    for (const nlohmann::json& c : nlohmann::json::parse(
             get("admin1", "/api/rounds/" + std::to_string(round) + "/cases")->body))
      if (c["case_number"] == number) return c["id"];
    FAIL("no case " << number);
    return 0;
  }
};

// A page breaks the Content-Security-Policy when it has a <script> without
// src, an on* attribute, a style attribute or a javascript: URL.
inline bool breaks_csp(const std::string& html) {
  static const std::regex inline_script(R"(<script(?![^>]*\ssrc=)[^>]*>)", std::regex::icase);
  static const std::regex handler(R"(<[^>]*\s(on[a-z]+|style)\s*=)", std::regex::icase);
  return std::regex_search(html, inline_script) || std::regex_search(html, handler) ||
         html.find("javascript:") != std::string::npos;
}

}  // namespace auditor::test

// auditor serve, signing in and out over real HTTP on 127.0.0.1 (an
// ephemeral port, in-process): cookie flags, expiry, the sign-in throttle,
// the CSRF check and the security headers every response carries.
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/users.h"
#include "server/server.h"
#include "tests/serve_support.h"

namespace auditor {
namespace {

using nlohmann::json;
using test::error_of;
namespace fs = std::filesystem;

using test::cookie_of;
using test::kServePassword;
const std::string& kPassword = kServePassword;

// A server on a fresh database holding admin1 (admin) and insp1 (inspector).
struct Served : test::TestServer {
  explicit Served(server::ServerConfig c = {})
      : TestServer({{"admin1", UserRole::admin, "", kPassword},
                    {"insp1", UserRole::inspector, "", kPassword}},
                   c) {}
};

extern "C" char** environ;

httplib::Result sign_in(httplib::Client& c, const std::string& user, const std::string& password) {
  return test::post_session(c, user, password);
}

using Signed = test::SignedIn;

httplib::Headers with(const Signed& s, bool csrf = true) {
  httplib::Headers h{{"Cookie", s.cookie}};
  if (csrf) h.emplace("X-CSRF-Token", s.csrf);
  return h;
}

void check_security_headers(const httplib::Result& r) {
  CHECK(r->get_header_value("Content-Security-Policy") ==
        "default-src 'self'; script-src 'self'; frame-ancestors 'none'");
  CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(r->get_header_value("Referrer-Policy") == "no-referrer");
  CHECK(r->get_header_value("Cache-Control") == "no-store");
}

TEST_CASE("signing in with the right password gives the user, a CSRF token and a strict cookie",
          "[serve]") {
  Served s;
  auto c = s.client();
  auto r = sign_in(c, "insp1", kPassword);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  json body = json::parse(r->body);
  CHECK(body["user"] == json{{"name", "insp1"}, {"role", "inspector"}, {"street", nullptr}});
  CHECK(body["csrf"].get<std::string>().size() == 64);
  const std::string set = r->get_header_value("Set-Cookie");
  CHECK(set.rfind("auditor_session=", 0) == 0);
  CHECK(cookie_of(r).size() == std::string("auditor_session=").size() + 64);
  CHECK(set.find("; HttpOnly") != std::string::npos);
  CHECK(set.find("; SameSite=Strict") != std::string::npos);
  CHECK(set.find("; Path=/") != std::string::npos);
  CHECK(set.find("; Max-Age=28800") != std::string::npos);
  CHECK(set.find("Secure") == std::string::npos);  // plain HTTP
  check_security_headers(r);
  // The cookie opens the API; the same session is read back.
  auto me = c.Get("/api/session", {{"Cookie", cookie_of(r)}});
  REQUIRE(me->status == 200);
  CHECK(json::parse(me->body)["csrf"] == body["csrf"]);
}

TEST_CASE("a wrong password and an unknown user get the same 401 and no cookie", "[serve]") {
  Served s;
  auto c = s.client();
  auto wrong = sign_in(c, "insp1", "not-the-password");
  auto unknown = sign_in(c, "nobody", "not-the-password");
  REQUIRE(wrong->status == 401);
  REQUIRE(unknown->status == 401);
  CHECK(error_of(wrong) == kSignInRefused);
  CHECK(error_of(unknown) == kSignInRefused);
  CHECK(!wrong->has_header("Set-Cookie"));
  check_security_headers(wrong);
  CHECK(sign_in(c, "insp1", "")->status == 400);
  CHECK(c.Post("/api/session", "not json", "application/json")->status == 400);
}

TEST_CASE("after five wrong passwords the user gets 429 with Retry-After, even the 11th try",
          "[serve]") {
  Served s;
  auto c = s.client();
  for (int i = 0; i < 5; ++i) REQUIRE(sign_in(c, "insp1", "wrong-password")->status == 401);
  for (int i = 6; i <= 11; ++i) {
    auto r = sign_in(c, "insp1", "wrong-password");
    REQUIRE(r->status == 429);
    const long long wait = std::stoll(r->get_header_value("Retry-After"));
    CHECK(wait > 0);
    CHECK(wait <= 15 * 60);
    CHECK(error_of(r).find("登录失败次数过多") != std::string::npos);
  }
  // The right password does not get through while the user is held back...
  CHECK(sign_in(c, "insp1", kPassword)->status == 429);
  // ...and another user is not held back by insp1's failures.
  CHECK(sign_in(c, "admin1", kPassword)->status == 200);
}

TEST_CASE("failures from one address under many names are throttled per address", "[serve]") {
  server::ServerConfig config;
  config.throttle.per_address = 3;
  Served s(config);
  auto c = s.client();
  for (const char* name : {"a1", "a2", "a3"})
    REQUIRE(sign_in(c, name, "wrong-password")->status == 401);
  auto r = sign_in(c, "admin1", kPassword);
  CHECK(r->status == 429);
  CHECK(r->has_header("Retry-After"));
}

TEST_CASE("signing out ends the session and clears the cookie, it needs the CSRF token",
          "[serve]") {
  Served s;
  auto c = s.client();
  Signed me = s.sign_in("admin1");
  auto refused = c.Delete("/api/session", with(me, false));
  CHECK(refused->status == 403);
  CHECK(c.Get("/api/rounds", with(me, false))->status == 200);
  auto out = c.Delete("/api/session", with(me));
  REQUIRE(out->status == 204);
  CHECK(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
  auto after = c.Get("/api/rounds", with(me, false));
  CHECK(after->status == 401);
  CHECK(!error_of(after).empty());
}

TEST_CASE("a session ends after its idle time", "[serve]") {
  server::ServerConfig config;
  config.sessions.idle = std::chrono::seconds(1);
  Served s(config);
  auto c = s.client();
  Signed me = s.sign_in("admin1");
  CHECK(c.Get("/api/rounds", with(me, false))->status == 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1300));
  CHECK(c.Get("/api/rounds", with(me, false))->status == 401);
}

TEST_CASE("a state-changing request without the right CSRF token is refused with 403", "[serve]") {
  Served s;
  auto c = s.client();
  Signed me = s.sign_in("admin1");
  const std::string body = json{{"name", "第一轮"}, {"mode", "inspection"}}.dump();
  auto none = c.Post("/api/rounds", with(me, false), body, "application/json");
  CHECK(none->status == 403);
  CHECK(error_of(none).find("CSRF") != std::string::npos);
  httplib::Headers wrong{{"Cookie", me.cookie}, {"X-CSRF-Token", std::string(64, '0')}};
  CHECK(c.Post("/api/rounds", wrong, body, "application/json")->status == 403);
  // Nothing was created; with the token the same request goes through.
  CHECK(json::parse(c.Get("/api/rounds", with(me, false))->body).empty());
  CHECK(c.Post("/api/rounds", with(me), body, "application/json")->status == 201);
  // Without a session at all: 401.
  CHECK(c.Post("/api/rounds", body, "application/json")->status == 401);
}

TEST_CASE("every response carries the security headers, errors are JSON in Chinese", "[serve]") {
  server::ServerConfig config;
  config.max_body_bytes = 1024;
  Served s(config);
  auto c = s.client();
  auto missing = c.Get("/no/such/page");
  REQUIRE(missing->status == 404);
  check_security_headers(missing);
  CHECK(error_of(missing) == "没有这个地址");
  auto anonymous = c.Get("/api/rounds");
  REQUIRE(anonymous->status == 401);
  check_security_headers(anonymous);
  auto big = c.Post("/api/session", std::string(4096, 'x'), "application/json");
  REQUIRE(big->status == 413);
  check_security_headers(big);
  CHECK(error_of(big) == "请求内容超过大小上限");
}

TEST_CASE("a JSON body over 1 MiB is refused with 413 before it is read", "[serve]") {
  Served s;  // the default upload limit, 512 MB, is for uploads only
  // Only the head is sent: a server that waited for the body would answer
  // nothing, and the test fails after raw_exchange's 10 s wait. (httplib's
  // client would first push the whole body, and may meet the reset of the
  // closed connection before it reads the answer.)
  const std::string answer = test::raw_exchange(
      s.srv->port(),
      "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
          std::to_string((1 << 20) + 1) + "\r\n\r\n");
  CHECK(answer.rfind("HTTP/1.1 413 ", 0) == 0);
  CHECK(answer.find("Connection: close\r\n") != std::string::npos);
  CHECK(answer.find("Content-Security-Policy: ") != std::string::npos);
  const std::size_t body = answer.find("\r\n\r\n");
  REQUIRE(body != std::string::npos);
  CHECK(nlohmann::json::parse(answer.substr(body + 4), nullptr, false).value("error", "") ==
        "请求内容超过大小上限");
  auto c = s.client();
  CHECK(sign_in(c, "admin1", kPassword)->status == 200);
}

TEST_CASE("disabling a user ends their session at once", "[serve]") {
  Served s;
  auto c = s.client();
  Signed me = s.sign_in("insp1");
  REQUIRE(c.Get("/api/rounds", with(me, false))->status == 200);
  REQUIRE(set_user_disabled(s.db, "insp1", true, "test"));
  auto r = c.Get("/api/rounds", with(me, false));
  CHECK(r->status == 401);
  CHECK(error_of(r).find("停用") != std::string::npos);
  REQUIRE(set_user_disabled(s.db, "insp1", false, "test"));
  CHECK(c.Get("/api/rounds", with(me, false))->status == 401);  // the session is gone
}

TEST_CASE("under TLS the session cookie is Secure", "[serve]") {
  test::TempDir keys;
  const fs::path cert = keys.path / "cert.pem", key = keys.path / "key.pem";
  const std::string make =
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " +
      test::sh_quote(key.string()) + " -out " + test::sh_quote(cert.string()) + " >/dev/null 2>&1";
  if (std::system(make.c_str()) != 0) {
    WARN("openssl cannot make a test certificate; skipped");
    return;
  }
  server::ServerConfig config;
  config.tls_cert = cert;
  config.tls_key = key;
  Served s(config);
  CHECK(s.srv->address().rfind("https://127.0.0.1:", 0) == 0);
  httplib::SSLClient c("127.0.0.1", s.srv->port());
  c.enable_server_certificate_verification(false);
  auto r = c.Post("/api/session", json{{"username", "admin1"}, {"password", kPassword}}.dump(),
                  "application/json");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);
  // Plain HTTP to the TLS port gets nothing.
  httplib::Client plain("127.0.0.1", s.srv->port());
  auto no = plain.Get("/api/rounds");
  CHECK((!no || no->status != 200));
}

TEST_CASE("auditor serve prints its address, serves and stops cleanly on SIGINT", "[serve]") {
  test::TempDir dir;
  const fs::path db = dir.path / "b.db";
  REQUIRE(add_user(db, {"admin1", UserRole::admin, "", kPassword}, "test"));
  int out[2];
  REQUIRE(pipe(out) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  const std::string db_arg = db.string();
  std::vector<std::string> args = {AUDITOR_BINARY, "serve",    "--db",
                                   db_arg,         "--listen", "127.0.0.1:0"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, AUDITOR_BINARY, &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  std::string first;
  char ch = 0;
  while (read(out[0], &ch, 1) == 1 && ch != '\n') first += ch;
  CHECK(first.find("评查工作台已启动：http://127.0.0.1:") == 0);
  const std::size_t colon = first.rfind(':');
  const int port = std::atoi(first.c_str() + colon + 1);
  REQUIRE(port > 0);
  httplib::Client c("127.0.0.1", port);
  auto r = c.Get("/api/rounds");
  REQUIRE(r);
  CHECK(r->status == 401);
  REQUIRE(kill(pid, SIGINT) == 0);
  std::string rest;
  while (read(out[0], &ch, 1) == 1) rest += ch;
  close(out[0]);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(rest.find("评查工作台已停止") != std::string::npos);
  CHECK(!c.Get("/api/rounds"));  // no longer listening
}

}  // namespace
}  // namespace auditor

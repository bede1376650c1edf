// The users page (/admin/users) and its API (/api/users) over real HTTP:
// admins only (others: the 404 page, 403 from the API), every change in the
// trail with the admin's name, a disabled user signed out at once, a new
// password taking over, and no password ever echoed.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include <sqlite3.h>

#include "app/users.h"
#include "tests/serve_support.h"

namespace auditor {
namespace {

using nlohmann::json;

const std::string& kPassword = test::kServePassword;
const std::string kNewPassword = "另一个足够长的口令-42";

struct Site : test::TestServer {
  Site()
      : TestServer({{"admin1", UserRole::admin, "", kPassword},
                    {"insp1", UserRole::inspector, "", kPassword},
                    {"nanhua", UserRole::street, "南华西", kPassword}},
                   {}, "users.db") {
    for (const char* u : {"admin1", "insp1", "nanhua"}) cookies[u] = sign_in(u).cookie;
  }
  httplib::Headers headers(const std::string& user, bool csrf) {
    if (user.empty()) return {};
    return csrf ? change_headers(user) : httplib::Headers{{"Cookie", cookies[user]}};
  }
  httplib::Result add(const std::string& user, const json& body, bool csrf = true) {
    return client().Post("/api/users", headers(user, csrf), body.dump(), "application/json");
  }
  httplib::Result patch(const std::string& user, long long id, const json& body, bool csrf = true) {
    return client().Patch(("/api/users/" + std::to_string(id)).c_str(), headers(user, csrf),
                          body.dump(), "application/json");
  }
  long long id_of(const std::string& name) {
    for (const json& u : json::parse(get("admin1", "/api/users")->body))
      if (u["name"] == name) return u["id"];
    FAIL("no user " << name);
    return 0;
  }
  // The "by" of the user trail rows (no round) of `action` about `name`,
  // in trail order, comma-separated; "NULL" when there is none.
  std::string trail_by(const char* action, const std::string& name) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    const std::string by = test::query(
        h,
        "SELECT group_concat(by, ',') FROM (SELECT payload ->> '$.by' AS by FROM trail WHERE "
        "round_id IS NULL AND action = '" +
            std::string(action) + "' AND payload ->> '$.user' = '" + name + "' ORDER BY seq)");
    sqlite3_close(h);
    return by;
  }
};

bool contains(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

const json kNewUser = {
    {"name", "王检查"}, {"role", "inspector"}, {"street", ""}, {"password", kNewPassword}};

TEST_CASE("the users page is the admin's, anybody else gets the 404 page", "[serve][serve_users]") {
  Site s;
  auto page = s.get("admin1", "/admin/users");
  REQUIRE(page->status == 200);
  for (const char* text :
       {"<table id=\"users\">", "<form id=\"new-user\"", "<td>insp1</td>", "<td>南华西</td>",
        "data-user-action=\"disable\"", "<form class=\"password-form\">", "/static/admin.js"})
    CHECK(contains(page->body, text));
  CHECK_FALSE(contains(page->body, "argon2"));
  static const std::regex style(R"re(<[^>]*\s(on[a-z]+|style)\s*=)re", std::regex::icase);
  CHECK_FALSE(std::regex_search(page->body, style));
  // The admin's own row offers no 停用.
  const std::string own = "<tr data-user=\"" + std::to_string(s.id_of("admin1")) + "\">";
  const std::size_t at = page->body.find(own);
  REQUIRE(at != std::string::npos);
  CHECK_FALSE(contains(page->body.substr(at, page->body.find("</tr>", at) - at), "停用</button>"));
  CHECK(s.get("insp1", "/admin/users")->status == 404);
  CHECK(s.get("nanhua", "/admin/users")->status == 404);
  auto none = s.get("", "/admin/users");
  CHECK(none->status == 303);
  CHECK(none->get_header_value("Location") == "/");
  auto js = s.get("", "/static/admin.js");
  REQUIRE(js->status == 200);
  CHECK(contains(js->body, "Auditor.send"));  // app.js adds the X-CSRF-Token
  CHECK(contains(js->body, "PATCH"));
}

TEST_CASE("the users API answers admins only, and never with a password or hash",
          "[serve][serve_users]") {
  Site s;
  auto list = s.get("admin1", "/api/users");
  REQUIRE(list->status == 200);
  const json users = json::parse(list->body);
  CHECK(users.size() == 3);
  for (const json& u : users) {
    CHECK_FALSE(u.contains("password"));
    CHECK_FALSE(u.contains("password_hash"));
  }
  CHECK_FALSE(contains(list->body, "argon2"));
  CHECK(s.get("", "/api/users")->status == 401);
  CHECK(s.get("insp1", "/api/users")->status == 403);
  CHECK(s.get("nanhua", "/api/users")->status == 403);
  const long long insp = s.id_of("insp1");
  CHECK(s.add("", kNewUser)->status == 401);
  CHECK(s.add("admin1", kNewUser, false)->status == 403);  // no CSRF token
  CHECK(s.add("insp1", kNewUser)->status == 403);
  CHECK(s.add("nanhua", kNewUser)->status == 403);
  CHECK(s.patch("", insp, {{"disabled", true}})->status == 401);
  CHECK(s.patch("admin1", insp, {{"disabled", true}}, false)->status == 403);
  CHECK(s.patch("insp1", insp, {{"disabled", true}})->status == 403);
  CHECK(s.patch("nanhua", insp, {{"password", kNewPassword}})->status == 403);
  CHECK(s.patch("admin1", 999999, {{"disabled", true}})->status == 404);
  // Nothing changed.
  CHECK(json::parse(s.get("admin1", "/api/users")->body) == users);
}

TEST_CASE("an admin adds users, refusals are Chinese and echo no password",
          "[serve][serve_users]") {
  Site s;
  auto added = s.add("admin1", kNewUser);
  REQUIRE(added->status == 201);
  const json u = json::parse(added->body);
  CHECK(u["name"] == "王检查");
  CHECK(u["role"] == "inspector");
  CHECK(u["disabled"] == false);
  CHECK_FALSE(contains(added->body, kNewPassword));
  CHECK(s.trail_by(kUserAddAction, "王检查") == "admin1");
  // The new user signs in with the password set here.
  httplib::Client c = s.client();
  CHECK(test::post_session(c, "王检查", kNewPassword)->status == 200);

  json taken = kNewUser;
  taken["name"] = "INSP1";  // names are unique ignoring ASCII case
  auto dup = s.add("admin1", taken);
  CHECK(dup->status == 409);
  CHECK(json::parse(dup->body)["error"] == "用户名「insp1」已被使用");
  const std::string short_password = "短口令7";
  auto weak =
      s.add("admin1", {{"name", "赵六"}, {"role", "inspector"}, {"password", short_password}});
  CHECK(weak->status == 400);
  CHECK(contains(json::parse(weak->body)["error"].get<std::string>(), "密码"));
  CHECK_FALSE(contains(weak->body, short_password));
  auto no_street =
      s.add("admin1", {{"name", "赵六"}, {"role", "street"}, {"password", kNewPassword}});
  CHECK(no_street->status == 400);
  CHECK(contains(json::parse(no_street->body)["error"].get<std::string>(), "街道"));
  CHECK(s.add("admin1", {{"name", "赵六"}, {"role", "root"}, {"password", kNewPassword}})->status ==
        400);
  auto street = s.add(
      "admin1",
      {{"name", "海幢街道"}, {"role", "street"}, {"street", "海幢"}, {"password", kNewPassword}});
  REQUIRE(street->status == 201);
  CHECK(json::parse(street->body)["street"] == "海幢");
  CHECK(s.trail_by(kUserAddAction, "赵六") == "NULL");  // refusals wrote nothing
}

TEST_CASE("disabling signs the user out at once, a new password replaces the old one",
          "[serve][serve_users]") {
  Site s;
  const long long insp = s.id_of("insp1");
  CHECK(s.get("insp1", "/api/rounds")->status == 200);
  auto off = s.patch("admin1", insp, {{"disabled", true}});
  REQUIRE(off->status == 200);
  CHECK(json::parse(off->body)["disabled"] == true);
  CHECK(s.get("insp1", "/api/rounds")->status == 401);
  httplib::Client c = s.client();
  auto refused = test::post_session(c, "insp1", kPassword);
  CHECK(refused->status == 401);
  CHECK(contains(refused->body, "已停用"));
  auto on = s.patch("admin1", insp, {{"disabled", false}});
  REQUIRE(on->status == 200);
  CHECK(test::post_session(c, "insp1", kPassword)->status == 200);
  CHECK(s.trail_by(kUserDisableAction, "insp1") == "admin1");
  CHECK(s.trail_by(kUserEnableAction, "insp1") == "admin1");

  auto changed = s.patch("admin1", insp, {{"password", kNewPassword}});
  REQUIRE(changed->status == 200);
  CHECK_FALSE(contains(changed->body, kNewPassword));
  CHECK(test::post_session(c, "insp1", kPassword)->status == 401);
  CHECK(test::post_session(c, "insp1", kNewPassword)->status == 200);
  CHECK(s.trail_by(kUserPasswordAction, "insp1") == "admin1");
  auto weak = s.patch("admin1", insp, {{"password", "短"}});
  CHECK(weak->status == 400);
  CHECK_FALSE(contains(weak->body, "\"短\""));

  // An admin cannot lock themselves out from the page.
  auto self = s.patch("admin1", s.id_of("admin1"), {{"disabled", true}});
  CHECK(self->status == 400);
  CHECK(json::parse(self->body)["error"] == "不能停用自己的账号");
  CHECK(s.get("admin1", "/api/users")->status == 200);
  CHECK(s.patch("admin1", insp, json::object())->status == 400);
  CHECK(s.patch("admin1", insp, {{"disabled", "yes"}})->status == 400);
}

}  // namespace
}  // namespace auditor

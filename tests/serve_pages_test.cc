// The pages of auditor serve over real HTTP on 127.0.0.1, for each role:
// the sign-in page, the rounds, a round's cases, a case (another street's
// case is the 404 page), escaping, no inline script or on* attribute, the
// static files, and a decision posted as the case page posts it.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "app/users.h"
#include "server/server.h"
#include "tests/review_support.h"
#include "tests/serve_support.h"

namespace auditor {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using test::breaks_csp;
using test::kTestdata;

const std::string& kPassword = test::kServePassword;
const std::string kChigang = "穗海赤岗综执立〔2024〕12号";  // 01-complete-structured.zip
const std::string kHostileRound = "<script>alert(1)</script>轮";

// One server for the file: a user of each role, the round "页面轮" created
// by insp1 holding 01 (赤岗) and 03 (南石头), and a round with a hostile name.
struct Site : test::TestServer {
  long long round = 0, hostile_round = 0;

  Site()
      : TestServer({{"admin1", UserRole::admin, "", kPassword},
                    {"insp1", UserRole::inspector, "", kPassword},
                    {"insp2", UserRole::inspector, "", kPassword},
                    {"nanshi", UserRole::street, "南石头", kPassword},
                    {"haizhuang", UserRole::street, "海幢", kPassword}},
                   {}, "pages.db") {
    for (const char* u : {"admin1", "insp1", "insp2", "nanshi", "haizhuang"})
      cookies[u] = sign_in(u).cookie;
    round = create("页面轮");
    hostile_round = create(kHostileRound);
    httplib::MultipartFormDataItems items;
    for (const char* n : {"01-complete-structured.zip", "03-missing-notice-bare.zip"})
      items.push_back({"archive", test::read_file(kTestdata / n), n, "application/zip"});
    auto up = client().Post(("/api/rounds/" + std::to_string(round) + "/archives").c_str(),
                            change_headers("insp1"), items);
    REQUIRE(up);
    REQUIRE(up->status == 202);
    const std::string job =
        "/api/jobs/" + std::to_string(json::parse(up->body)["job"].get<long long>());
    for (int i = 0; i < 600; ++i) {
      if (json::parse(get("insp1", job)->body)["state"] != "running") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  long long create(const std::string& name) {
    auto r = client().Post("/api/rounds", change_headers("insp1"),
                           json{{"name", name}, {"mode", "inspection"}}.dump(), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 201);
    return json::parse(r->body)["id"];
  }
  long long case_id(const std::string& number) {
    auto r = get("admin1", "/api/rounds/" + std::to_string(round) + "/cases");
    for (const json& c : json::parse(r->body))
      if (c["case_number"] == number) return c["id"];
    FAIL("no case " << number);
    return 0;
  }
  std::string case_path(const std::string& number) {
    return "/cases/" + std::to_string(case_id(number));
  }
  std::string round_path() const { return "/rounds/" + std::to_string(round); }
};

Site& site() {
  static Site s;
  return s;
}

bool is_html(const httplib::Result& r) {
  return r->get_header_value("Content-Type") == "text/html; charset=utf-8";
}
bool contains(const httplib::Result& r, const std::string& text) {
  return r->body.find(text) != std::string::npos;
}

TEST_CASE("the sign-in page is a form for everyone, a signed-in user goes on to the rounds",
          "[serve][serve_pages]") {
  Site& s = site();
  auto page = s.get("", "/");
  REQUIRE(page->status == 200);
  CHECK(is_html(page));
  CHECK(contains(page, "id=\"sign-in\""));
  CHECK(contains(page, "<script src=\"/static/app.js\" defer></script>"));
  CHECK(page->get_header_value("Content-Security-Policy").find("script-src 'self'") !=
        std::string::npos);
  auto signed_in = s.get("insp1", "/");
  CHECK(signed_in->status == 303);
  CHECK(signed_in->get_header_value("Location") == "/rounds");
}

TEST_CASE("every page but the sign-in redirects to it when not signed in", "[serve][serve_pages]") {
  Site& s = site();
  for (const std::string& path : {std::string("/rounds"), s.round_path(), s.case_path(kChigang)}) {
    auto r = s.get("", path);
    CHECK(r->status == 303);
    CHECK(r->get_header_value("Location") == "/");
  }
  auto forged = s.client().Get("/rounds", httplib::Headers{{"Cookie", "auditor_session=0123abcd"}});
  CHECK(forged->status == 303);
}

TEST_CASE("a page whose database cannot be read says so instead of asking to sign in again",
          "[serve][serve_pages]") {
  test::TestServer s({{"admin1", UserRole::admin, "", kPassword}});
  s.cookies["admin1"] = s.sign_in("admin1").cookie;
  REQUIRE(s.get("admin1", "/rounds")->status == 200);
  const std::filesystem::path away = s.db.string() + ".away";
  std::filesystem::rename(s.db, away);
  auto r = s.get("admin1", "/rounds");
  std::filesystem::rename(away, s.db);
  CHECK(r->status != 303);
  CHECK(r->status >= 400);
  CHECK_THAT(r->body, Catch::Contains("不存在"));
  CHECK(s.get("admin1", "/rounds")->status == 200);  // still signed in
}

TEST_CASE("the rounds page lists what each role may open", "[serve][serve_pages]") {
  Site& s = site();
  for (const char* user : {"admin1", "insp1", "nanshi"}) {
    auto r = s.get(user, "/rounds");
    REQUIRE(r->status == 200);
    CHECK(is_html(r));
    CHECK(contains(r, "页面轮"));
    CHECK(contains(r, "href=\"" + s.round_path() + "\""));
  }
  auto outsider = s.get("insp2", "/rounds");
  REQUIRE(outsider->status == 200);
  CHECK_FALSE(contains(outsider, "页面轮"));
  auto other_street = s.get("haizhuang", "/rounds");
  CHECK_FALSE(contains(other_street, "页面轮"));
}

TEST_CASE("a round's page lists the cases each role may see, linked, and filters them",
          "[serve][serve_pages]") {
  Site& s = site();
  auto all = s.get("insp1", s.round_path());
  REQUIRE(all->status == 200);
  CHECK(contains(all, kChigang));
  CHECK(contains(all, test::kNanshi));
  CHECK(contains(all, "href=\"" + s.case_path(kChigang) + "\""));
  auto street = s.get("nanshi", s.round_path());
  REQUIRE(street->status == 200);
  CHECK(contains(street, test::kNanshi));
  CHECK_FALSE(contains(street, kChigang));
  auto filtered = s.get("admin1", s.round_path() + "?street=" + "%E8%B5%A4%E5%B2%97");  // 赤岗
  REQUIRE(filtered->status == 200);
  CHECK(contains(filtered, kChigang));
  CHECK_FALSE(contains(filtered, test::kNanshi));
  CHECK(contains(filtered, "value=\"赤岗\""));
  CHECK(s.get("insp2", s.round_path())->status == 404);
  CHECK(is_html(s.get("insp2", s.round_path())));
  CHECK(s.get("haizhuang", s.round_path())->status == 404);
  CHECK(s.get("admin1", "/rounds/999999")->status == 404);
}

TEST_CASE("a case page shows its findings, another street's case is the same 404 as a missing one",
          "[serve][serve_pages]") {
  Site& s = site();
  const std::string nanshi = s.case_path(test::kNanshi);
  auto insp = s.get("insp1", nanshi);
  REQUIRE(insp->status == 200);
  CHECK(contains(insp, test::kNotice));
  CHECK(contains(insp, "data-action=\"dismiss\""));
  CHECK(contains(insp, "得分"));
  CHECK_FALSE(contains(insp, "/uploads/"));  // the stored file by name, not the server path
  auto street = s.get("nanshi", nanshi);
  REQUIRE(street->status == 200);
  CHECK(contains(street, test::kNotice));
  CHECK_FALSE(contains(street, "data-action="));
  auto other = s.get("nanshi", s.case_path(kChigang));
  auto missing = s.get("nanshi", "/cases/999999");
  CHECK(other->status == 404);
  CHECK(missing->status == 404);
  CHECK(other->body == missing->body);
  CHECK(s.get("insp2", nanshi)->status == 404);
}

TEST_CASE("a hostile round name is shown escaped on every page", "[serve][serve_pages]") {
  Site& s = site();
  auto rounds = s.get("insp1", "/rounds");
  CHECK_FALSE(contains(rounds, "<script>alert"));
  CHECK(contains(rounds, "&lt;script&gt;alert(1)&lt;/script&gt;轮"));
  auto round = s.get("insp1", "/rounds/" + std::to_string(s.hostile_round));
  REQUIRE(round->status == 200);
  CHECK_FALSE(contains(round, "<script>alert"));
  CHECK(contains(round, "&lt;script&gt;"));
  auto query = s.get("insp1", s.round_path() + "?grade=%22%3E%3Cscript%3Ex%3C%2Fscript%3E");
  CHECK_FALSE(contains(query, "<script>x"));
}

TEST_CASE("no page has an inline script, an on* or style attribute", "[serve][serve_pages]") {
  Site& s = site();
  CHECK(breaks_csp("<p onclick=\"x()\">"));  // the check itself fires
  CHECK(breaks_csp("<script>x()</script>"));
  CHECK_FALSE(breaks_csp("<script src=\"/static/app.js\" defer></script><p class=\"a\">on=1</p>"));
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"", "/"},
      {"insp1", "/rounds"},
      {"insp1", s.round_path()},
      {"insp1", s.case_path(test::kNanshi)},
      {"nanshi", s.case_path(test::kNanshi)},
      {"nanshi", s.case_path(kChigang)},
      {"insp1", "/rounds/" + std::to_string(s.hostile_round)},
  };
  for (const auto& [user, path] : pages) {
    auto r = s.get(user, path);
    REQUIRE(r);
    INFO(user << " " << path);
    CHECK_FALSE(breaks_csp(r->body));
  }
}

TEST_CASE("the static files are served with their content types, signed in or not",
          "[serve][serve_pages]") {
  Site& s = site();
  auto css = s.get("", "/static/app.css");
  REQUIRE(css->status == 200);
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
  CHECK(css->get_header_value("X-Content-Type-Options") == "nosniff");
  auto js = s.get("", "/static/app.js");
  REQUIRE(js->status == 200);
  CHECK(js->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(contains(js, "/api/session"));
  CHECK(contains(js, "X-CSRF-Token"));
  auto icon = s.get("", "/static/favicon.svg");
  REQUIRE(icon->status == 200);
  CHECK(icon->get_header_value("Content-Type") == "image/svg+xml");
  CHECK(s.get("", "/static/other.js")->status == 404);
}

TEST_CASE("a decision posted as the case page posts it changes the score the case page shows",
          "[serve][serve_pages]") {
  Site& s = site();
  const std::string page = s.case_path(test::kNanshi);
  const std::string api = "/api" + page;
  const double before = json::parse(s.get("insp1", api)->body)["score"];
  auto shown_before = s.get("insp1", page);
  CHECK(contains(shown_before, "暂定"));
  auto posted = s.client().Post(
      (api + "/decisions").c_str(), s.change_headers("insp1"),
      json{{"finding", test::kNotice}, {"action", "dismiss"}, {"reason", "告知书在卷宗第 3 页"}}
          .dump(),
      "application/json");
  REQUIRE(posted->status == 201);
  const double after = json::parse(posted->body)["score"];
  CHECK(after > before);
  auto shown = s.get("insp1", page);
  char score[32];
  std::snprintf(score, sizeof score, "%.1f", after);
  std::string text = score;
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  CHECK(contains(shown, "<strong>" + text + "</strong>"));
  CHECK(contains(shown, "告知书在卷宗第 3 页"));
  CHECK(contains(shown, "不予认定"));
  // Without the token the same post is refused.
  auto no_token = s.client().Post(
      (api + "/decisions").c_str(), httplib::Headers{{"Cookie", s.cookies["insp1"]}},
      json{{"finding", test::kNotice}, {"action", "confirm"}}.dump(), "application/json");
  CHECK(no_token->status == 403);
}

}  // namespace
}  // namespace auditor

// A round's plan, draw and assignments through the plan page's API
// (/api/rounds/{id}/plan, draw, assignments) and the page itself, over real
// HTTP on a really audited round: each endpoint by role, the recorder named
// in the trail, a draw equal to the CLI's for the same seed, 回避 refused in
// Chinese, automatic assignment, and what the page shows.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "app/audit.h"
#include "app/round_plan.h"
#include "tests/review_support.h"
#include "tests/serve_support.h"

namespace auditor {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using test::kTestdata;

const std::string& kPassword = test::kServePassword;
const std::string kRound = "计划轮";
const std::string kNanhua50 = "穗海南华综执立〔2024〕50号";  // 南华西
const std::string kSeed = "2026 冬季抽查";

// A user of each role; the round "计划轮" created by insp1 through the API,
// holding the archives of round_plan_test (南华西 ×3, 江南中 ×2, 琶洲 ×2,
// 昌岗, 新港 without a number, a file that is not a zip).
struct Site : test::TestServer {
  long long round = 0;

  Site()
      : TestServer({{"admin1", UserRole::admin, "", kPassword},
                    {"insp1", UserRole::inspector, "", kPassword},
                    {"insp2", UserRole::inspector, "", kPassword},
                    {"nanhua", UserRole::street, "南华西", kPassword}},
                   {}, "round-plan.db") {
    for (const char* u : {"admin1", "insp1", "insp2", "nanhua"}) cookies[u] = sign_in(u).cookie;
    auto r =
        client().Post("/api/rounds", change_headers("insp1"),
                      json{{"name", kRound}, {"mode", "inspection"}}.dump(), "application/json");
    REQUIRE(r->status == 201);
    round = json::parse(r->body)["id"];
    AuditRequest a;
    for (const char* v :
         {"d01-decision-in-defence-period.zip", "d02-decision-served-late.zip",
          "d04-publication-late.zip", "g2-general-statements-a.zip", "g2-general-statements-b.zip",
          "g3-hearing-a.zip", "n11-company-hearing-150000.zip", "g4-simple-a.zip"})
      a.inputs.push_back((kTestdata / "variants" / v).string());
    for (const char* t : {"05-unsupported-and-scan.zip", "06-not-a-zip.zip"})
      a.inputs.push_back((kTestdata / t).string());
    a.db = db;
    a.round = kRound;
    a.tool_version = "test";
    REQUIRE(audit_round(a, test::bundled(), AuditObserver{}));
  }
  // POST `body` to the round's API `what` as `user`; `csrf` false: without
  // the token; user "": not signed in.
  httplib::Result post(const std::string& user, const std::string& what, const json& body,
                       bool csrf = true) {
    httplib::Headers h;
    if (!user.empty())
      h = csrf ? change_headers(user) : httplib::Headers{{"Cookie", cookies[user]}};
    return client().Post((api() + "/" + what).c_str(), h, body.dump(), "application/json");
  }
  std::string api() const { return "/api/rounds/" + std::to_string(round); }
  std::string page() const { return "/rounds/" + std::to_string(round) + "/plan"; }
  long long case_id(const std::string& number) {
    for (const json& c : json::parse(get("admin1", api() + "/cases")->body))
      if (c["case_number"] == number) return c["id"];
    FAIL("no case " << number);
    return 0;
  }
};

Site& site() {
  static Site s;
  return s;
}

bool contains(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

const json kPlan = {{"streets", {"南华西", "江南中", "琶洲"}},
                    {"inspectors", {"insp2@区司法局", "李四@南华西街道", "王五@琶洲街道办事处"}},
                    {"closed_from", ""},
                    {"closed_to", ""}};

TEST_CASE("the plan's API and page refuse whoever may not plan the round",
          "[serve][serve_round_plan]") {
  Site& s = site();
  const std::vector<std::pair<std::string, json>> writes = {
      {"plan", kPlan},
      {"draw", {{"seed", "x"}, {"per_street", 1}}},
      {"assignments", {{"auto", true}}}};
  CHECK(s.get("", s.api() + "/plan")->status == 401);
  CHECK(s.get("nanhua", s.api() + "/plan")->status == 404);  // it may open the round, not plan it
  CHECK(s.get("insp2", s.api() + "/plan")->status == 404);   // not (yet) in the round's plan
  CHECK(s.get("admin1", "/api/rounds/999999/plan")->status == 404);
  for (const auto& [what, body] : writes) {
    INFO(what);
    CHECK(s.post("", what, body)->status == 401);
    CHECK(s.post("insp1", what, body, false)->status == 403);  // no CSRF token
    CHECK(s.post("admin1", what, body, false)->status == 403);
    auto street = s.post("nanhua", what, body);
    CHECK(street->status == 404);
    CHECK(json::parse(street->body)["error"] == "没有这个审查轮次");
    CHECK(s.post("insp2", what, body)->status == 404);
  }
  // Nothing was recorded by any of them.
  const json shown = json::parse(s.get("insp1", s.api() + "/plan")->body);
  CHECK(shown["plan"].is_null());
  CHECK(shown["draw"].is_null());
  CHECK(shown["assignments"].empty());
  auto none = s.get("", s.page());
  CHECK(none->status == 303);
  CHECK(s.get("nanhua", s.page())->status == 404);
  CHECK(s.get("insp2", s.page())->status == 404);
  for (const char* user : {"insp1", "admin1"}) {
    auto r = s.get(user, s.page());
    REQUIRE(r->status == 200);
    CHECK(contains(r->body, "本轮还没有评查计划"));
    CHECK(contains(r->body, "<form id=\"plan-form\""));
    CHECK(contains(r->body, "<form id=\"draw-form\""));
    CHECK(contains(r->body, "<input type=\"checkbox\" name=\"street\" value=\"南华西\">"));
    CHECK(contains(r->body, "<script src=\"/static/round.js\" defer></script>"));
  }
  // The round page links the plan for who may plan only.
  CHECK(contains(s.get("insp1", "/rounds/" + std::to_string(s.round))->body, "id=\"plan-link\""));
  CHECK_FALSE(
      contains(s.get("nanhua", "/rounds/" + std::to_string(s.round))->body, "id=\"plan-link\""));
}

TEST_CASE("plan, draw and assign through the API, as the CLI records them",
          "[serve][serve_round_plan]") {
  Site& s = site();
  // A malformed inspector is refused in Chinese and records nothing.
  json bad = kPlan;
  bad["inspectors"] = {"张三"};
  auto refused = s.post("insp1", "plan", bad);
  CHECK(refused->status == 400);
  CHECK(contains(json::parse(refused->body)["error"].get<std::string>(), "姓名@单位"));
  CHECK(s.post("insp1", "plan", {{"streets", "南华西"}, {"inspectors", {"a@b"}}})->status == 400);

  auto planned = s.post("insp1", "plan", kPlan);
  REQUIRE(planned->status == 201);
  const json plan = json::parse(planned->body);
  CHECK(plan["by"] == "insp1");
  CHECK(plan["streets"] == json({"南华西", "江南中", "琶洲"}));
  CHECK(plan["inspectors"][1] ==
        json({{"name", "李四"}, {"unit", "南华西街道"}, {"text", "李四@南华西街道"}}));
  // insp2, named in the plan, may now open and plan the round.
  CHECK(s.get("insp2", "/rounds/" + std::to_string(s.round))->status == 200);
  CHECK(s.get("insp2", s.page())->status == 200);

  // The draw through the API, then the CLI's with the same seed: one list.
  CHECK(s.post("insp1", "draw", {{"seed", kSeed}, {"per_street", -1}})->status == 400);
  CHECK(s.post("insp1", "draw", {{"seed", ""}, {"per_street", 1}})->status == 400);
  auto drawn = s.post("insp1", "draw", {{"seed", kSeed}, {"per_street", 1}});
  REQUIRE(drawn->status == 201);
  const json api = json::parse(drawn->body);
  CHECK(api["by"] == "insp1");
  REQUIRE(api["cases"].size() >= 3);
  auto again = s.post("insp1", "draw", {{"seed", kSeed}, {"per_street", 1}});
  CHECK(again->status == 400);  // a second draw needs a reason
  CHECK(contains(json::parse(again->body)["error"].get<std::string>(), "重新抽取"));
  const test::CliRun cli = test::run_cli(
      "round draw --db " + test::sh_quote(s.db.string()) + " --round " + test::sh_quote(kRound) +
      " --per-street 1 --seed " + test::sh_quote(kSeed) + " --as 命令行 --reason 复算");
  REQUIRE(cli.status == 0);
  Result<RoundPlanRecord> record = show_round_plan({s.db, kRound});
  REQUIRE(record);
  REQUIRE(record->draws == 2);
  const Draw& d = *record->draw;  // the CLI's
  CHECK(d.by == "命令行");
  REQUIRE(d.cases.size() == api["cases"].size());
  for (std::size_t i = 0; i < d.cases.size(); ++i) {
    const json& c = api["cases"][i];
    CHECK(c["key"] == d.cases[i].key);
    CHECK(c["why"] == d.cases[i].why);
    CHECK(c["rank"] == d.cases[i].rank);
    CHECK(c["street"] == d.cases[i].street);
    CHECK(contains(cli.out, d.cases[i].key));
  }
  REQUIRE(d.excluded.size() == api["excluded"].size());
  for (std::size_t i = 0; i < d.excluded.size(); ++i)
    CHECK(api["excluded"][i]["why"] == d.excluded[i].why);

  // 回避: 李四 of 南华西街道 may not take a 南华西 case.
  std::string nanhua_key;
  for (const DrawnCase& c : d.cases)
    if (c.street == "南华西" && nanhua_key.empty()) nanhua_key = c.key;
  REQUIRE_FALSE(nanhua_key.empty());
  const long long nanhua_id = s.case_id(nanhua_key);
  auto recused = s.post("insp1", "assignments", {{"case", nanhua_id}, {"inspector", "李四"}});
  CHECK(recused->status == 400);
  const std::string why = json::parse(recused->body)["error"];
  CHECK(contains(why, "回避"));
  CHECK(contains(why, ".zip）"));                  // the stored file by its name,
  CHECK_FALSE(contains(why, kTestdata.string()));  // not by its path on the server
  CHECK(s.post("insp1", "assignments", {{"case", 999999}, {"inspector", "王五"}})->status == 404);
  CHECK(s.post("insp1", "assignments", {{"inspector", "王五"}})->status == 400);
  auto assigned = s.post("admin1", "assignments", {{"case", nanhua_id}, {"inspector", "王五"}});
  REQUIRE(assigned->status == 201);
  CHECK(json::parse(assigned->body)["inspector"]["name"] == "王五");
  CHECK(json::parse(assigned->body)["by"] == "admin1");
  auto automatic = s.post("insp1", "assignments", {{"auto", true}});
  REQUIRE(automatic->status == 200);
  const json made = json::parse(automatic->body);
  CHECK(made["kept"] == 1);
  CHECK(made["made"].size() + 1 + made["left"].size() == d.cases.size());
  for (const json& a : made["made"]) {
    CHECK(a["automatic"] == true);
    // Nobody inspects a case of their own street.
    CHECK_FALSE(
        contains(a["inspector"]["unit"].get<std::string>(), a["street"].get<std::string>()));
  }
  const json shown = json::parse(s.get("insp1", s.api() + "/plan")->body);
  CHECK(shown["draws"] == 2);
  CHECK(shown["assignments"].size() == made["made"].size() + 1);

  // The page shows the draw: each case, why it was drawn, its rank, who
  // inspects it, and the command that recomputes the ranks.
  auto r = s.get("insp1", s.page());
  REQUIRE(r->status == 200);
  const std::string& html = r->body;
  CHECK(contains(html, "<code>" + kSeed + "</code>"));
  CHECK(contains(html, "printf '%s\\n%s' &apos;" + kSeed + "&apos; 案号 | sha256sum"));
  for (const DrawnCase& c : d.cases) {
    CHECK(contains(html, "<tr data-drawn=\"" + c.key + "\">"));
    CHECK(contains(html, "<code>" + c.rank + "</code>"));
  }
  CHECK(contains(html, "随机（排序值在本街道最小之列）"));
  CHECK(contains(html, "必查："));
  CHECK(contains(html, "王五（琶洲街道办事处）"));
  CHECK(contains(html, "<option value=\"" + std::to_string(nanhua_id) + "\">"));
  CHECK(contains(html, "重新抽取的理由 <input name=\"reason\" required>"));
  static const std::regex style(R"re(<[^>]*\s(on[a-z]+|style)\s*=)re", std::regex::icase);
  CHECK_FALSE(std::regex_search(html, style));
}

}  // namespace
}  // namespace auditor

// The rounds page and a round's page over real HTTP, for each role: the
// new-round form, the case list's filters and sorting against the API's own
// list, a decision showing at once, the 通报's charts as inline SVG without a
// style attribute, the report downloads and the upload and plan links.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "app/audit.h"
#include "app/serve_rounds.h"
#include "server/html.h"
#include "tests/review_support.h"
#include "tests/serve_support.h"

namespace auditor {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using test::breaks_csp;
using test::kTestdata;

const std::string& kPassword = test::kServePassword;
const std::string kNanhua49 = "穗海南华综执立〔2024〕49号";  // 南华西, a veto finding

// A user of each role; the round "列表页" created by insp1 through the API
// and audited (the archives of serve_round_cases_test) straight into the
// database beside the running server.
struct Site : test::TestServer {
  long long round = 0;

  Site()
      : TestServer({{"admin1", UserRole::admin, "", kPassword},
                    {"insp1", UserRole::inspector, "", kPassword},
                    {"insp2", UserRole::inspector, "", kPassword},
                    {"nanhua", UserRole::street, "南华西", kPassword},
                    {"haizhuang", UserRole::street, "海幢", kPassword}},
                   {}, "round-pages.db") {
    for (const char* u : {"admin1", "insp1", "insp2", "nanhua", "haizhuang"})
      cookies[u] = sign_in(u).cookie;
    auto r =
        client().Post("/api/rounds", change_headers("insp1"),
                      json{{"name", "列表页"}, {"mode", "inspection"}}.dump(), "application/json");
    REQUIRE(r->status == 201);
    round = json::parse(r->body)["id"];
    AuditRequest a;
    for (const char* v : {"d01-decision-in-defence-period.zip", "d02-decision-served-late.zip",
                          "d04-publication-late.zip", "g2-general-statements-a.zip",
                          "g3-hearing-a.zip", "g4-simple-a.zip"})
      a.inputs.push_back((kTestdata / "variants" / v).string());
    a.inputs.push_back((kTestdata / "06-not-a-zip.zip").string());
    a.db = db;
    a.round = "列表页";
    a.tool_version = "test";
    REQUIRE(audit_round(a, test::bundled(), AuditObserver{}));
  }
  std::string page() const { return "/rounds/" + std::to_string(round); }
  // The API's list of the round's cases, by id.
  std::map<long long, json> api_cases(const std::string& user = "admin1") {
    std::map<long long, json> out;
    for (const json& c : json::parse(get(user, "/api" + page() + "/cases")->body))
      out[c["id"].get<long long>()] = c;
    return out;
  }
};

Site& site() {
  static Site s;
  return s;
}

// Whether an <svg> element of `html` has a style attribute (whitespace,
// `style`, optional whitespace, `=`). A plain scan: std::regex recursion
// over a whole page overflows the stack under the sanitizers.
bool svg_has_style(const std::string& html) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  for (std::size_t at = html.find("<svg"); at != std::string::npos;
       at = html.find("<svg", at + 4)) {
    const std::size_t end = std::min(html.find("</svg>", at), html.size());
    for (std::size_t p = html.find("style", at); p < end; p = html.find("style", p + 5)) {
      if (!blank(html[p - 1])) continue;
      std::size_t q = p + 5;
      while (q < end && blank(html[q])) ++q;
      if (q < end && html[q] == '=') return true;
    }
  }
  return false;
}

bool contains(const std::string& body, const std::string& text) {
  return body.find(text) != std::string::npos;
}

// The case ids of the page's rows, in order.
std::vector<long long> rows(const std::string& html) {
  static const std::regex row(R"re(<tr data-case-row="(\d+)">)re");
  std::vector<long long> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), row); it != std::sregex_iterator();
       ++it)
    out.push_back(std::stoll((*it)[1]));
  return out;
}

std::vector<long long> page_rows(Site& s, const std::string& query, const std::string& user) {
  auto r = s.get(user, s.page() + query);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return rows(r->body);
}

// The ids of `cases` that `keep` keeps, in stored (id) order.
template <class F>
std::vector<long long> api_rows(const std::map<long long, json>& cases, F keep) {
  std::vector<long long> out;
  for (const auto& [id, c] : cases)
    if (keep(c)) out.push_back(id);
  return out;
}

TEST_CASE("the rounds page offers the new-round form to inspectors and admins, not to streets",
          "[serve][serve_round_pages]") {
  Site& s = site();
  for (const char* user : {"admin1", "insp1", "insp2"}) {
    auto r = s.get(user, "/rounds");
    REQUIRE(r->status == 200);
    INFO(user);
    CHECK(contains(r->body, "<form id=\"new-round\""));
    CHECK(contains(r->body, "<input name=\"name\""));
    CHECK(contains(r->body, "<select name=\"mode\">"));
    CHECK(contains(r->body, "<option value=\"inspection\">"));
    CHECK(contains(r->body, "<option value=\"self-check\">"));
    CHECK(contains(r->body, "<script src=\"/static/round.js\" defer></script>"));
    CHECK_FALSE(breaks_csp(r->body));
  }
  CHECK(contains(s.get("admin1", "/rounds")->body, "href=\"/admin/users\""));
  CHECK_FALSE(contains(s.get("insp1", "/rounds")->body, "href=\"/admin/users\""));
  auto street = s.get("nanhua", "/rounds");
  REQUIRE(street->status == 200);
  CHECK_FALSE(contains(street->body, "new-round"));
  CHECK(contains(street->body, "href=\"" + s.page() + "\""));
  auto js = s.get("", "/static/round.js");
  REQUIRE(js->status == 200);
  CHECK(js->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(contains(js->body, "'/api/rounds'"));
  CHECK(contains(js->body, "Auditor.send"));  // app.js adds the X-CSRF-Token
  CHECK(s.get("", "/static/round.css")->status == 200);
}

TEST_CASE("a round's page: who may open it, and what each role is offered",
          "[serve][serve_round_pages]") {
  Site& s = site();
  auto none = s.get("", s.page());
  CHECK(none->status == 303);
  CHECK(none->get_header_value("Location") == "/");
  CHECK(s.get("insp2", s.page())->status == 404);
  CHECK(s.get("haizhuang", s.page())->status == 404);
  CHECK(s.get("admin1", "/rounds/999999")->status == 404);
  for (const char* user : {"admin1", "insp1"}) {
    auto r = s.get(user, s.page());
    REQUIRE(r->status == 200);
    INFO(user);
    CHECK(rows(r->body).size() == 7);
    CHECK(contains(r->body, "<a id=\"upload-link\" href=\"" + s.page() + "/upload\">"));
    CHECK(contains(r->body, "<a id=\"plan-link\" href=\"" + s.page() + "/plan\">"));
    for (const char* format : {"html", "docx", "xlsx", "json"})
      CHECK(contains(r->body, std::string("<a data-report=\"") + format + "\" href=\"/api" +
                                  s.page() + "/report?format=" + format + "\">"));
    CHECK_FALSE(breaks_csp(r->body));
  }
  auto street = s.get("nanhua", s.page());
  REQUIRE(street->status == 200);
  CHECK(rows(street->body).size() == 3);  // its three cases only
  for (const char* absent : {"upload-link", "plan-link", "data-report", "<svg"})
    CHECK_FALSE(contains(street->body, absent));
  CHECK_FALSE(breaks_csp(street->body));
}

TEST_CASE("the downloads are the round's report in each format", "[serve][serve_round_pages]") {
  Site& s = site();
  const std::string html = s.get("insp1", s.page())->body;
  static const std::regex link(R"re(<a data-report="([a-z]+)" href="([^"]+)">)re");
  int n = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator();
       ++it, ++n) {
    auto r = s.get("insp1", (*it)[2]);
    REQUIRE(r);
    INFO((*it)[1]);
    CHECK(r->status == 200);
    CHECK(contains(r->get_header_value("Content-Disposition"), "attachment"));
    CHECK(contains(r->get_header_value("Content-Disposition"), "." + (*it)[1].str()));
  }
  CHECK(n == 4);
}

TEST_CASE("the charts of the 通报 are inline SVG with presentation attributes only",
          "[serve][serve_round_pages]") {
  Site& s = site();
  auto r = s.get("admin1", s.page());
  REQUIRE(r->status == 200);
  const std::string& html = r->body;
  CHECK(contains(html, "<section class=\"charts\" id=\"charts\">"));
  CHECK(contains(html, "aria-label=\"各街道案卷等级分布（宗）\""));
  CHECK(contains(html, "aria-label=\"各阶段问题数（项）\""));
  CHECK(contains(html, "<rect class=\"bar\" data-series="));
  CHECK(contains(html, "data-category=\"南华西\""));
  CHECK_FALSE(svg_has_style(html));
  // The scan itself: a styled chart is found, a style outside a chart is not.
  CHECK(svg_has_style("<svg><rect\nstyle = \"fill:red\"/></svg>"));
  CHECK_FALSE(svg_has_style("<svg><rect class=\"bar\"/></svg><p style=\"x\">"));
  CHECK_FALSE(contains(html, "<style"));
  CHECK_FALSE(breaks_csp(html));
}

TEST_CASE("the filters give the rows the API's list gives", "[serve][serve_round_pages]") {
  Site& s = site();
  const std::map<long long, json> cases = s.api_cases();
  REQUIRE(cases.size() == 7);
  auto street_is = [](const char* street) {
    return [street](const json& c) { return c["street"] == street; };
  };
  CHECK(page_rows(s, "?street=%E5%8D%97%E5%8D%8E%E8%A5%BF", "insp1") ==  // 南华西
        api_rows(cases, street_is("南华西")));
  std::set<std::string> grades;
  for (const auto& [id, c] : cases)
    if (c["grade"].is_string()) grades.insert(c["grade"]);
  REQUIRE(grades.size() >= 2);
  for (const std::string& g : grades) {
    INFO(g);
    CHECK(page_rows(s, "?grade=" + server::url_encode(g), "insp1") ==
          api_rows(cases, [&](const json& c) { return c["grade"] == g; }));
  }
  CHECK(page_rows(s, "?undecided=1", "insp1") ==
        api_rows(cases, [](const json& c) { return c["provisional"] == true; }));
  const std::vector<long long> veto = page_rows(s, "?severity=veto", "insp1");
  REQUIRE_FALSE(veto.empty());
  for (long long id : veto) CHECK(cases.at(id)["score"] == 0);  // a veto zeroes the score
  CHECK(std::find_if(veto.begin(), veto.end(), [&](long long id) {
          return cases.at(id)["case_number"] == kNanhua49;
        }) != veto.end());
  CHECK(page_rows(s, "?overdue=1", "insp1").empty());
  // A street's filter for another street finds nothing of it.
  CHECK(page_rows(s, "?street=%E6%B1%9F%E5%8D%97%E4%B8%AD", "nanhua").empty());  // 江南中
  auto hostile = s.get("insp1", s.page() + "?street=%3Cscript%3Ex%3C%2Fscript%3E");
  CHECK_FALSE(contains(hostile->body, "<script>x"));
  CHECK(contains(hostile->body, "&lt;script&gt;x"));
}

TEST_CASE("sorting the rows by score, number, street and grade, both ways",
          "[serve][serve_round_pages]") {
  Site& s = site();
  const std::map<long long, json> cases = s.api_cases();
  auto score = [&](long long id) {
    const json& v = cases.at(id)["score"];
    return v.is_number() ? v.get<double>() : -1.0;
  };
  const std::vector<long long> down = page_rows(s, "?sort=score&order=desc", "admin1");
  REQUIRE(down.size() == 7);
  for (std::size_t i = 1; i + 1 < down.size(); ++i) CHECK(score(down[i - 1]) >= score(down[i]));
  CHECK(score(down.back()) == -1);  // the rejected file, without a score, last
  const std::vector<long long> up = page_rows(s, "?sort=score", "admin1");
  for (std::size_t i = 1; i + 1 < up.size(); ++i) CHECK(score(up[i - 1]) <= score(up[i]));
  CHECK(score(up.back()) == -1);
  const std::vector<long long> by_number = page_rows(s, "?sort=number", "admin1");
  CHECK(cases.at(by_number.front())["case_number"] == kNanhua49);  // 49 before 50 and 52
  const std::vector<long long> by_street = page_rows(s, "?sort=street&order=desc", "admin1");
  for (std::size_t i = 1; i < by_street.size(); ++i) {
    const json &a = cases.at(by_street[i - 1])["street"], &b = cases.at(by_street[i])["street"];
    if (a.is_string() && b.is_string()) CHECK(a.get<std::string>() >= b.get<std::string>());
  }
  auto sorted = s.get("admin1", s.page() + "?sort=grade&order=desc");
  CHECK(contains(sorted->body, "<option value=\"grade\" selected>"));
  CHECK(contains(sorted->body, "<option value=\"desc\" selected>"));
  CHECK(rows(sorted->body).size() == 7);
}

TEST_CASE("a decision shows in the list at once", "[serve][serve_round_pages]") {
  Site& s = site();
  long long id = 0;
  for (const auto& [k, c] : s.api_cases())
    if (c["case_number"] == kNanhua49) id = k;
  REQUIRE(id != 0);
  auto before = page_rows(s, "?severity=veto", "insp1");
  REQUIRE(std::find(before.begin(), before.end(), id) != before.end());
  const json one = json::parse(s.get("insp1", "/api/cases/" + std::to_string(id))->body);
  std::string key;
  for (const json& f : one["findings"])
    if (f["severity"] == "veto") key = f["key"];
  REQUIRE_FALSE(key.empty());
  auto posted = s.client().Post(
      ("/api/cases/" + std::to_string(id) + "/decisions").c_str(), s.change_headers("insp1"),
      json{{"finding", key}, {"action", "dismiss"}, {"reason", "材料在卷"}}.dump(),
      "application/json");
  REQUIRE(posted->status == 201);
  auto after = page_rows(s, "?severity=veto", "insp1");
  CHECK(std::find(after.begin(), after.end(), id) == after.end());
}

TEST_CASE("while a round changes its list is current and its charts may lag, saying from when",
          "[serve][serve_round_pages]") {
  Site& s = site();
  auto made =
      s.client().Post("/api/rounds", s.change_headers("insp1"),
                      json{{"name", "图表轮"}, {"mode", "inspection"}}.dump(), "application/json");
  REQUIRE(made->status == 201);
  const std::string page =
      "/rounds/" + std::to_string(json::parse(made->body)["id"].get<long long>());
  auto add = [&s](const char* archive) {
    AuditRequest a;
    a.inputs = {(kTestdata / "variants" / archive).string()};
    a.db = s.db;
    a.round = "图表轮";
    a.tool_version = "test";
    REQUIRE(audit_round(a, test::bundled(), AuditObserver{}));
  };
  add("d01-decision-in-defence-period.zip");
  const auto drawn = std::chrono::steady_clock::now();
  auto first = s.get("insp1", page);
  REQUIRE(first->status == 200);
  CHECK(rows(first->body).size() == 1);
  CHECK(contains(first->body, "<svg"));
  CHECK_FALSE(contains(first->body, "charts-lag"));  // drawn for the round as it is
  add("g3-hearing-a.zip");
  auto second = s.get("insp1", page);
  REQUIRE(second->status == 200);
  CHECK(rows(second->body).size() == 2);  // the list is never behind
  // The charts were drawn a moment ago: redrawn only kChartsLag after (on a
  // machine so slow that the audit took longer, they are redrawn already).
  if (std::chrono::steady_clock::now() - drawn < kChartsLag) {
    CHECK(contains(second->body, "id=\"charts-lag\""));
    CHECK(contains(second->body, "的数据绘制"));
  }
  CHECK_FALSE(breaks_csp(second->body));
}

}  // namespace
}  // namespace auditor

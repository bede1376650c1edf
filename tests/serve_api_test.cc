// The JSON API of auditor serve, each endpoint by role (allowed and
// refused), over real HTTP on 127.0.0.1 against a database the test fills
// through the API itself: insp1 creates a round and uploads testdata
// archives (01: 赤岗, 03: 南石头), which audit as a background job.
#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/users.h"
#include "reports/json_report.h"
#include "server/server.h"
#include "store/run_lock.h"
#include "tests/review_support.h"
#include "tests/serve_support.h"

namespace auditor {
namespace {

using nlohmann::json;
using test::error_of;
namespace fs = std::filesystem;
using test::kTestdata;

const std::string& kPassword = test::kServePassword;
using Signed = test::SignedIn;

server::ServerConfig small_uploads() {
  server::ServerConfig c;
  c.max_body_bytes = 1 << 20;
  c.max_files = 3;
  return c;
}

// One server for the file: users of each role, a round "第一轮" created by
// insp1 holding 01 and 03, and one more upload holding 06 (not a zip).
struct Api : test::TestServer {
  std::map<std::string, Signed> as;
  long long round = 0;
  json first_job, hostile_job;

  Api()
      : TestServer({{"admin1", UserRole::admin, "", kPassword},
                    {"insp1", UserRole::inspector, "", kPassword},
                    {"insp2", UserRole::inspector, "", kPassword},
                    {"nanshi", UserRole::street, "南石头", kPassword},
                    {"chigang", UserRole::street, "赤岗", kPassword},
                    {"haizhuang", UserRole::street, "海幢", kPassword}},
                   small_uploads(), "api.db") {
    for (const char* u : {"admin1", "insp1", "insp2", "nanshi", "chigang", "haizhuang"})
      as[u] = sign_in(u);
    auto created = post("insp1", "/api/rounds", {{"name", "第一轮"}, {"mode", "inspection"}});
    REQUIRE(created->status == 201);
    round = json::parse(created->body)["id"];
    first_job =
        wait(upload("insp1", round, {"01-complete-structured.zip", "03-missing-notice-bare.zip"}));
    hostile_job = wait(upload("insp1", round, {"06-not-a-zip.zip"}));
  }
  httplib::Headers headers(const std::string& user) {
    return {{"Cookie", as[user].cookie}, {"X-CSRF-Token", as[user].csrf}};
  }
  httplib::Result get(const std::string& user, const std::string& path) {
    auto c = client();
    c.set_read_timeout(60);
    return c.Get(path.c_str(), headers(user));
  }
  httplib::Result post(const std::string& user, const std::string& path, const json& body) {
    auto c = client();
    c.set_read_timeout(60);
    return c.Post(path.c_str(), headers(user), body.dump(), "application/json");
  }
  httplib::Result upload(const std::string& user, long long round_id,
                         const std::vector<std::string>& names, std::string extra = {}) {
    httplib::MultipartFormDataItems items;
    for (const std::string& n : names)
      items.push_back({"archive", test::read_file(kTestdata / n), n, "application/zip"});
    if (!extra.empty()) items.push_back({"archive", extra, "big.zip", "application/zip"});
    auto c = client();
    return c.Post(("/api/rounds/" + std::to_string(round_id) + "/archives").c_str(), headers(user),
                  items);
  }
  // Polls the job of an upload until it is no longer running.
  json wait(const httplib::Result& r) {
    REQUIRE(r);
    REQUIRE(r->status == 202);
    const std::string path =
        "/api/jobs/" + std::to_string(json::parse(r->body)["job"].get<long long>());
    for (int i = 0; i < 600; ++i) {
      json j = json::parse(get("insp1", path)->body);
      if (j["state"] != "running") return j;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL("the job did not finish");
    return {};
  }
  json cases(const std::string& user) {
    return json::parse(get(user, "/api/rounds/" + std::to_string(round) + "/cases")->body);
  }
  long long case_id(const std::string& number) {
    for (const json& c : cases("admin1"))
      if (c["case_number"] == number) return c["id"];
    FAIL("no case " << number);
    return 0;
  }
};

Api& api() {
  static Api a;
  return a;
}

const std::string kChigang = "穗海赤岗综执立〔2024〕12号";  // 01-complete-structured.zip

TEST_CASE("uploading two archives runs a job to done and lists both cases", "[serve][serve_api]") {
  Api& a = api();
  CHECK(a.first_job["state"] == "done");
  CHECK(a.first_job["done"] == 2);
  CHECK(a.first_job["total"] == 2);
  json list = a.cases("insp1");
  std::set<std::string> numbers;
  for (const json& c : list)
    if (c["case_number"].is_string()) numbers.insert(c["case_number"]);
  CHECK(numbers == std::set<std::string>{test::kNanshi, kChigang});
  for (const json& c : list) {
    CHECK(c.contains("id"));
    CHECK(c.contains("street"));
    CHECK(c.contains("score"));
    CHECK(c.contains("grade"));
    CHECK(c.contains("provisional"));
  }
  // Stored under their SHA-256, never under the client's name.
  for (const auto& f : fs::directory_iterator(a.dir.path / "data" / "uploads"))
    CHECK(f.path().filename().string().size() == 64 + 4);
}

TEST_CASE("a hostile archive finishes its job with the case rejected and a Chinese reason",
          "[serve][serve_api]") {
  Api& a = api();
  REQUIRE(a.hostile_job["state"] == "done");
  REQUIRE(a.hostile_job["cases"].size() == 1);
  const json& c = a.hostile_job["cases"][0];
  CHECK(c["status"] == "rejected");
  CHECK(c["error"].get<std::string>().find("ZIP") != std::string::npos);
  bool listed = false;
  for (const json& row : a.cases("admin1"))
    if (row["status"] == "rejected") listed = row["error"] == c["error"];
  CHECK(listed);
}

TEST_CASE("a job is seen by whoever submitted it and the admin only", "[serve][serve_api]") {
  Api& a = api();
  const std::string path = "/api/jobs/" + std::to_string(a.first_job["id"].get<long long>());
  CHECK(a.get("insp1", path)->status == 200);
  CHECK(a.get("admin1", path)->status == 200);
  CHECK(a.get("insp2", path)->status == 404);
  CHECK(a.get("nanshi", path)->status == 404);
  CHECK(a.get("insp1", "/api/jobs/999")->status == 404);
}

TEST_CASE("the rounds each role sees", "[serve][serve_api]") {
  Api& a = api();
  auto names = [&](const std::string& user) {
    std::vector<std::string> out;
    for (const json& r : json::parse(a.get(user, "/api/rounds")->body)) out.push_back(r["name"]);
    return out;
  };
  CHECK(names("admin1") == std::vector<std::string>{"第一轮"});
  CHECK(names("insp1") == std::vector<std::string>{"第一轮"});   // created it
  CHECK(names("insp2").empty());                                 // neither planned nor created
  CHECK(names("nanshi") == std::vector<std::string>{"第一轮"});  // holds a case of its street
  CHECK(names("haizhuang").empty());
}

TEST_CASE("creating a round: inspectors and admins may, streets may not, names are unique",
          "[serve][serve_api]") {
  Api& a = api();
  CHECK(a.post("nanshi", "/api/rounds", {{"name", "街道轮"}, {"mode", "self-check"}})->status ==
        403);
  auto dup = a.post("admin1", "/api/rounds", {{"name", "第一轮"}, {"mode", "inspection"}});
  CHECK(dup->status == 409);
  CHECK(!error_of(dup).empty());
  CHECK(a.post("admin1", "/api/rounds", {{"name", "坏方式"}, {"mode", "audit"}})->status == 400);
  CHECK(a.post("admin1", "/api/rounds", {{"name", ""}})->status == 400);
  auto made = a.post("insp2", "/api/rounds", {{"name", "自查轮"}, {"mode", "self-check"}});
  REQUIRE(made->status == 201);
  CHECK(json::parse(made->body)["mode"] == "self_check");
}

TEST_CASE("a round's cases: a street sees its own, an unassigned inspector gets 404",
          "[serve][serve_api]") {
  Api& a = api();
  CHECK(a.cases("admin1").size() == 3);
  json mine = a.cases("nanshi");
  REQUIRE(mine.size() == 1);
  CHECK(mine[0]["case_number"] == test::kNanshi);
  CHECK(a.get("insp2", "/api/rounds/" + std::to_string(a.round) + "/cases")->status == 404);
  // Paged: the page, and the total in X-Total-Count.
  const std::string base = "/api/rounds/" + std::to_string(a.round) + "/cases";
  auto page = a.get("admin1", base + "?offset=1&limit=1");
  REQUIRE(page->status == 200);
  CHECK(page->get_header_value("X-Total-Count") == "3");
  json one = json::parse(page->body);
  REQUIRE(one.size() == 1);
  CHECK(one[0] == a.cases("admin1")[1]);
  CHECK(json::parse(a.get("admin1", base + "?offset=5")->body).empty());
  CHECK(a.get("nanshi", base)->get_header_value("X-Total-Count") == "1");
  CHECK(a.get("admin1", base + "?limit=-1")->status == 400);
  CHECK(a.get("haizhuang", "/api/rounds/" + std::to_string(a.round) + "/cases")->status == 404);
  CHECK(a.get("admin1", "/api/rounds/999/cases")->status == 404);
}

TEST_CASE("a case in the result-JSON shape, another street's case is 404, not 403",
          "[serve][serve_api]") {
  Api& a = api();
  const long long nanshi = a.case_id(test::kNanshi);
  const long long chigang = a.case_id(kChigang);
  auto own = a.get("nanshi", "/api/cases/" + std::to_string(nanshi));
  REQUIRE(own->status == 200);
  json c = json::parse(own->body);
  CHECK(c["case_number"] == test::kNanshi);
  CHECK(c["status"] == "audited");
  CHECK(c["provisional"] == true);
  CHECK(c["score"].is_number());
  CHECK(c["review"].is_object());
  REQUIRE(!c["findings"].empty());
  bool notice = false;
  for (const json& f : c["findings"]) {
    CHECK(f["key"].is_string());
    CHECK(f["status"].is_string());
    notice = notice || f["key"] == test::kNotice;
  }
  CHECK(notice);
  auto other = a.get("nanshi", "/api/cases/" + std::to_string(chigang));
  CHECK(other->status == 404);
  CHECK(other->body.find(kChigang) == std::string::npos);
  CHECK(a.get("chigang", "/api/cases/" + std::to_string(chigang))->status == 200);
  CHECK(a.get("insp2", "/api/cases/" + std::to_string(nanshi))->status == 404);
  CHECK(a.get("admin1", "/api/cases/" + std::to_string(nanshi))->status == 200);
  CHECK(a.get("admin1", "/api/cases/99999")->status == 404);
}

TEST_CASE("an inspector dismisses a finding with a reason and the score changes",
          "[serve][serve_api]") {
  Api& a = api();
  const std::string path = "/api/cases/" + std::to_string(a.case_id(test::kNanshi));
  const double before = json::parse(a.get("insp1", path)->body)["score"];
  auto no_reason =
      a.post("insp1", path + "/decisions", {{"finding", test::kNotice}, {"action", "dismiss"}});
  CHECK(no_reason->status == 400);
  CHECK(!error_of(no_reason).empty());
  CHECK(a.post("insp1", path + "/decisions", {{"finding", "NO-SUCH@case#1"}, {"action", "confirm"}})
            ->status == 400);
  CHECK(a.post("insp1", path + "/decisions", {{"finding", test::kNotice}, {"action", "drop"}})
            ->status == 400);
  auto done = a.post(
      "insp1", path + "/decisions",
      {{"finding", test::kNotice}, {"action", "dismiss"}, {"reason", "告知书在卷宗第 3 页"}});
  REQUIRE(done->status == 201);
  json d = json::parse(done->body);
  CHECK(d["decision"]["inspector"] == "insp1");
  CHECK(d["decision"]["verdict"] == "dismissed");
  CHECK(d["score"].get<double>() > before);
  json c = json::parse(a.get("admin1", path)->body);
  CHECK(c["score"] == d["score"]);
  for (const json& f : c["findings"])
    if (f["key"] == test::kNotice) CHECK(f["status"] == "dismissed");
  // The same score and state as the command line's review list reads them.
  Result<RoundReview> listed = list_reviews({a.db, "第一轮"}, test::kNanshi, test::bundled());
  REQUIRE(listed);
  REQUIRE(listed->cases.size() == 1);
  REQUIRE(listed->cases[0].reviewed);
  CHECK(c["score"].get<double>() == listed->cases[0].reviewed->score.value);
  CHECK(c["provisional"] == listed->cases[0].reviewed->provisional());
  CHECK(c["review"] == review_json(*listed->cases[0].reviewed, listed->cases[0].state,
                                   listed->cases[0].record, listed->cases[0].rectification));
  bool in_list = false;
  for (const json& row : a.cases("insp1"))
    if (row["case_number"] == test::kNanshi) in_list = row["score"] == c["score"];
  CHECK(in_list);
}

TEST_CASE(
    "deciding is refused to streets (403 on their own case, 404 on another's) and to "
    "inspectors outside the round (404)",
    "[serve][serve_api]") {
  Api& a = api();
  const std::string nanshi = "/api/cases/" + std::to_string(a.case_id(test::kNanshi));
  const std::string chigang = "/api/cases/" + std::to_string(a.case_id(kChigang));
  const json body = {{"finding", test::kReceipt}, {"action", "confirm"}};
  CHECK(a.post("nanshi", nanshi + "/decisions", body)->status == 403);
  CHECK(a.post("nanshi", chigang + "/decisions", body)->status == 404);
  CHECK(a.post("insp2", nanshi + "/decisions", body)->status == 404);
  CHECK(a.post("admin1", nanshi + "/decisions", body)->status == 201);
}

TEST_CASE("uploads are refused to streets and outside the round, and bounded in size and count",
          "[serve][serve_api]") {
  Api& a = api();
  CHECK(a.upload("nanshi", a.round, {"03-missing-notice-bare.zip"})->status == 403);
  CHECK(a.upload("insp2", a.round, {"03-missing-notice-bare.zip"})->status == 404);
  auto big = a.upload("insp1", a.round, {}, std::string(2 << 20, 'x'));
  REQUIRE(big);
  CHECK(big->status == 413);
  CHECK(!error_of(big).empty());
  auto many =
      a.upload("insp1", a.round,
               {"06-not-a-zip.zip", "06-not-a-zip.zip", "06-not-a-zip.zip", "06-not-a-zip.zip"});
  CHECK(many->status == 413);
  auto none =
      a.post("insp1", "/api/rounds/" + std::to_string(a.round) + "/archives", json::object());
  CHECK(none->status == 400);
}

TEST_CASE("the round report downloads in each format, streets and outsiders are refused",
          "[serve][serve_api]") {
  Api& a = api();
  const std::string path = "/api/rounds/" + std::to_string(a.round) + "/report?format=";
  auto html = a.get("insp1", path + "html");
  REQUIRE(html->status == 200);
  CHECK(html->get_header_value("Content-Type").find("text/html") == 0);
  CHECK(html->body.find("<html") != std::string::npos);
  for (const char* zip : {"docx", "xlsx"}) {
    auto r = a.get("insp1", path + zip);
    REQUIRE(r->status == 200);
    CHECK(r->body.substr(0, 2) == "PK");
    CHECK(r->get_header_value("Content-Disposition").find(zip) != std::string::npos);
  }
  auto j = a.get("admin1", path + "json");
  REQUIRE(j->status == 200);
  CHECK(json::parse(j->body)["cases"].size() == 3);
  CHECK(a.get("insp1", path + "pdf")->status == 400);
  CHECK(a.get("nanshi", path + "html")->status == 403);
  CHECK(a.get("insp2", path + "html")->status == 404);
  // The temporary folders are gone.
  CHECK(fs::is_empty(a.dir.path / "data" / "tmp"));
}

TEST_CASE(
    "a street objects to a counted finding of its own case, inspectors and other streets "
    "may not",
    "[serve][serve_api]") {
  Api& a = api();
  const std::string nanshi = "/api/cases/" + std::to_string(a.case_id(test::kNanshi));
  const json objection = {{"finding", test::kReceipt}, {"reason", "送达回证在卷宗第 5 页"}};
  // An unsettled manual check counts nothing: nothing to object to.
  auto unsettled =
      a.post("nanshi", nanshi + "/objections", {{"finding", test::kSeal}, {"reason", "有印章"}});
  CHECK(unsettled->status == 400);
  CHECK(!error_of(unsettled).empty());
  REQUIRE(
      a.post("insp1", nanshi + "/decisions", {{"finding", test::kReceipt}, {"action", "confirm"}})
          ->status == 201);
  CHECK(a.post("insp1", nanshi + "/objections", objection)->status == 403);
  CHECK(a.post("chigang", nanshi + "/objections", objection)->status == 404);
  auto made = a.post("nanshi", nanshi + "/objections", objection);
  REQUIRE(made->status == 201);
  json o = json::parse(made->body);
  CHECK(o["name"] == "nanshi");
  CHECK(o["unit"] == "南石头");
  CHECK(o["finding"] == test::kReceipt);
  // A second one while the first is pending is refused.
  CHECK(a.post("nanshi", nanshi + "/objections", objection)->status == 400);
}

TEST_CASE(
    "while an audit holds the run lock, reads answer at once, a decision is 409 and a new "
    "upload waits for the lock",
    "[serve][serve_api]") {
  Api& a = api();
  const std::string path = "/api/cases/" + std::to_string(a.case_id(test::kNanshi));
  long long job = 0;
  {
    Result<RunLock> writer = RunLock::acquire(a.db);  // what audit_round holds
    REQUIRE(writer);
    const auto start = std::chrono::steady_clock::now();
    CHECK(a.get("nanshi", "/api/rounds")->status == 200);
    CHECK(a.get("nanshi", path)->status == 200);
    CHECK(a.cases("admin1").size() >= 3);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    auto busy =
        a.post("insp1", path + "/decisions", {{"finding", test::kNotice}, {"action", "confirm"}});
    CHECK(busy->status == 409);
    CHECK(!error_of(busy).empty());
    // Stored already: the round keeps its three cases.
    auto queued = a.upload("insp1", a.round, {"06-not-a-zip.zip"});
    REQUIRE(queued->status == 202);
    job = json::parse(queued->body)["job"];
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(json::parse(a.get("insp1", "/api/jobs/" + std::to_string(job))->body)["state"] ==
          "running");
  }
  json done;
  for (int i = 0; i < 600; ++i) {
    done = json::parse(a.get("insp1", "/api/jobs/" + std::to_string(job))->body);
    if (done["state"] != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  CHECK(done["state"] == "done");
  CHECK(done["done"] == 1);
}

TEST_CASE("many readers at once while an upload is audited: every read succeeds",
          "[serve][serve_api]") {
  Api& a = api();
  const std::string nanshi = "/api/cases/" + std::to_string(a.case_id(test::kNanshi));
  const std::string cases = "/api/rounds/" + std::to_string(a.round) + "/cases";
  // Stored already, so the round keeps its cases; audited again with --full off.
  auto queued =
      a.upload("insp1", a.round,
               {"01-complete-structured.zip", "03-missing-notice-bare.zip", "06-not-a-zip.zip"});
  REQUIRE(queued->status == 202);
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 16; ++t)
    readers.emplace_back([&, t] {
      const std::string user = t % 2 ? "nanshi" : "admin1";
      for (int i = 0; i < 10; ++i) {
        const std::string& path = i % 3 == 0   ? cases
                                  : i % 3 == 1 ? nanshi
                                               : std::string("/api/rounds");
        auto r = a.get(user, path);
        (r && r->status == 200 ? ok : failed)++;
      }
    });
  for (std::thread& r : readers) r.join();
  CHECK(failed == 0);
  CHECK(ok == 160);
  CHECK(a.wait(queued)["state"] == "done");
}

}  // namespace
}  // namespace auditor

// A street's self-check over real HTTP: its round of the month created on
// first use, its own archive audited and another street's refused, the
// findings and machine score it sees, submitting a case to the district's
// self-check round (and a corrected version after it), and every refusal:
// other streets, inspectors, missing CSRF token, closed targets.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "app/data_dirs.h"
#include "app/round_plan.h"
#include "app/serve_self_check.h"
#include "tests/review_support.h"
#include "tests/serve_upload_support.h"

namespace auditor {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using test::testdata_archive;

const std::string kCorrected = "resubmitted/03-missing-notice-bare.zip";

// One server for the file: the district's self-check round "区自查第一批"
// (admin1) and insp1's inspection round; 南石头 has uploaded 03 and 01.
struct SelfCheck : test::UploadSite {
  long long target = 0, inspection = 0, own = 0, case_id = 0;
  json first;
  SelfCheck() : UploadSite({}, "self-check.db") {
    target = create_round("admin1", "区自查第一批", "self-check");
    inspection = create_round("insp1", "检查轮", "inspection");
    auto made = post("nanshi", "/api/self-check/round");
    REQUIRE(made->status == 200);
    own = json::parse(made->body)["id"];
    first = wait("nanshi", job_of(upload("nanshi", own,
                                         {testdata_archive("03-missing-notice-bare.zip"),
                                          testdata_archive("01-complete-structured.zip")})));
    case_id = result(first, "03-missing-notice-bare.zip")["case"];
  }
  json view(const std::string& user = "nanshi") {
    auto r = get(user, "/api/self-check");
    REQUIRE(r->status == 200);
    return json::parse(r->body);
  }
  // The street's case now (a corrected upload replaces it).
  long long current_case() {
    const json cases = view()["cases"];
    REQUIRE(cases.size() == 1);
    return cases[0]["id"];
  }
  std::string submit_path() {
    return "/api/self-check/cases/" + std::to_string(current_case()) + "/submit";
  }
  json round_cases(long long round) {
    auto r = get("admin1", "/api/rounds/" + std::to_string(round) + "/cases");
    REQUIRE(r->status == 200);
    return json::parse(r->body);
  }
  ReviewScope scope(const std::string& round) const { return {db, round}; }
};

SelfCheck& site() {
  static SelfCheck s;
  return s;
}

bool has_round(const json& list, long long id) {
  for (const json& r : list)
    if (r["id"] == id) return true;
  return false;
}

TEST_CASE("a street's round of the month is made once, on first use, for street users only",
          "[serve][serve_upload]") {
  SelfCheck& s = site();
  auto again = s.post("nanshi", "/api/self-check/round");
  REQUIRE(again->status == 200);
  const json r = json::parse(again->body);
  CHECK(r["id"] == s.own);
  CHECK(r["street"] == "南石头");
  CHECK(r["name"].get<std::string>().find("南石头街道自查 ") == 0);
  CHECK(r["month"].get<std::string>().size() == 7);
  CHECK(s.post("", "/api/self-check/round")->status == 401);
  CHECK(s.post("nanshi", "/api/self-check/round", json::object(), false)->status == 403);
  CHECK(s.post("insp1", "/api/self-check/round")->status == 403);
  CHECK(s.post("admin1", "/api/self-check/round")->status == 403);
  auto other = s.post("chigang", "/api/self-check/round");
  REQUIRE(other->status == 200);
  CHECK(json::parse(other->body)["id"] != s.own);
}

TEST_CASE("a street's own archive is audited in its round, another street's is refused unstored",
          "[serve][serve_upload]") {
  SelfCheck& s = site();
  INFO(s.first.dump(2));
  CHECK(s.first["state"] == "done");
  const json own = test::UploadSite::result(s.first, "03-missing-notice-bare.zip");
  CHECK(own["status"] == "audited");
  CHECK(own["case_number"] == test::kNanshi);
  CHECK(own["score"].is_number());
  const json other = test::UploadSite::result(s.first, "01-complete-structured.zip");
  CHECK(other["status"] == "rejected");
  CHECK(other["error"].get<std::string>().find("「赤岗」") != std::string::npos);
  CHECK(other["case"].is_null());
  // The round holds the street's case only, kept under the digest of its identity.
  const json cases = s.round_cases(s.own);
  REQUIRE(cases.size() == 1);
  CHECK(cases[0]["case_number"] == test::kNanshi);
  CHECK(fs::exists(s.dir.path / "data" / "self-check" /
                   self_check_file_name("南石头", test::kNanshi)));
  // What an inspector would find: the findings and the machine score.
  const json v = s.view();
  CHECK(v["street"] == "南石头");
  CHECK(v["round"]["id"] == s.own);
  REQUIRE(v["cases"].size() == 1);
  CHECK(v["cases"][0]["id"] == s.case_id);
  CHECK(v["cases"][0]["score"] == own["score"]);
  CHECK(v["cases"][0]["findings"].dump().find("REQ-3-penalty_notice") != std::string::npos);
  CHECK(s.get("nanshi", "/cases/" + std::to_string(s.current_case()))->status == 200);
}

TEST_CASE("nobody but the street and the admin sees a street's self-check round or its cases",
          "[serve][serve_upload]") {
  SelfCheck& s = site();
  const std::string round = "/api/rounds/" + std::to_string(s.own) + "/cases";
  const std::string c = "/api/cases/" + std::to_string(s.current_case());
  CHECK(s.get("nanshi", round)->status == 200);
  CHECK(s.get("admin1", round)->status == 200);
  for (const char* user : {"chigang", "insp1", "insp2"}) {
    INFO(user);
    CHECK(s.get(user, round)->status == 404);
    CHECK(s.get(user, c)->status == 404);
    CHECK(s.get(user, "/rounds/" + std::to_string(s.own))->status == 404);
  }
  CHECK(s.view("chigang")["cases"].empty());
  CHECK(s.get("", "/api/self-check")->status == 401);
  CHECK(s.get("insp1", "/api/self-check")->status == 403);
  CHECK(s.get("admin1", "/api/self-check")->status == 403);
}

TEST_CASE(
    "submitting a self-checked case audits it into the district's round, a corrected version "
    "replaces it in both rounds, also after the draw",
    "[serve][serve_upload]") {
  SelfCheck& s = site();
  CHECK(has_round(s.view()["targets"], s.target));
  CHECK_FALSE(has_round(s.view()["targets"], s.inspection));
  const std::string path = s.submit_path();
  const json j =
      s.wait("nanshi", test::UploadSite::job_of(s.post("nanshi", path, {{"round", s.target}})));
  INFO(j.dump(2));
  CHECK(j["state"] == "done");
  CHECK(j["kind"] == "submission");
  CHECK(j["round"] == s.target);
  REQUIRE(j["cases"].size() == 1);
  CHECK(j["cases"][0]["name"] == test::kNanshi);
  const long long submitted = j["cases"][0]["case"];
  json in_target = s.round_cases(s.target);
  REQUIRE(in_target.size() == 1);
  CHECK(in_target[0]["id"] == submitted);
  CHECK(s.get("nanshi", "/api/cases/" + std::to_string(submitted))->status == 200);
  CHECK(s.get("admin1", "/rounds/" + std::to_string(s.target))->status == 200);
  const json shown = s.view()["cases"][0]["submitted"];
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["round"] == s.target);
  CHECK(shown[0]["case"] == submitted);

  // The district draws: no new case may join, the submitted one may be corrected.
  REQUIRE(draw_round(s.scope("区自查第一批"), {"2026-Q4", 1, data_dir() / "draw", "admin1", {}}));
  CHECK_FALSE(has_round(s.view()["targets"], s.target));
  CHECK(has_round(s.view()["cases"][0]["targets"], s.target));
  const json fixed =
      s.wait("nanshi",
             test::UploadSite::job_of(s.upload("nanshi", s.own, {testdata_archive(kCorrected)})));
  CHECK(fixed["cases"][0]["status"] == "audited");
  const json own = s.round_cases(s.own);
  REQUIRE(own.size() == 1);  // the corrected version replaced the first
  const json v = s.view();
  REQUIRE(v["cases"].size() == 1);
  const std::string findings = v["cases"][0]["findings"].dump();
  CHECK(findings.find("DL-defence-period") != std::string::npos);
  CHECK(findings.find("NUM-serial-unique") == std::string::npos);  // one case, not two
  const long long corrected = v["cases"][0]["id"];
  const std::string again = "/api/self-check/cases/" + std::to_string(corrected) + "/submit";
  const json resubmitted =
      s.wait("nanshi", test::UploadSite::job_of(s.post("nanshi", again, {{"round", s.target}})));
  CHECK(resubmitted["state"] == "done");
  in_target = s.round_cases(s.target);
  REQUIRE(in_target.size() == 1);
  CHECK(in_target[0]["case_number"] == test::kNanshi);
}

TEST_CASE("submitting is refused to other streets, inspectors, without CSRF and to closed rounds",
          "[serve][serve_upload]") {
  SelfCheck& s = site();
  const json body = {{"round", s.target}};
  const std::string path = s.submit_path();
  CHECK(s.post("", path, body)->status == 401);
  CHECK(s.post("nanshi", path, body, false)->status == 403);
  CHECK(s.post("insp1", path, body)->status == 403);
  CHECK(s.post("admin1", path, body)->status == 403);
  CHECK(s.post("chigang", path, body)->status == 404);
  CHECK(s.post("nanshi", "/api/self-check/cases/999999/submit", body)->status == 404);
  auto no_round = s.post("nanshi", path, {{"round", "区自查第一批"}});
  CHECK(no_round->status == 400);
  auto inspection = s.post("nanshi", path, {{"round", s.inspection}});
  CHECK(inspection->status == 400);
  CHECK(!test::error_of(inspection).empty());
  CHECK(s.post("nanshi", path, {{"round", s.own}})->status == 400);
  // A plan naming other streets only: not a target for 南石头.
  const long long planned = s.create_round("admin1", "区自查赤岗", "self-check");
  PlanRequest plan;
  plan.streets = {"赤岗"};
  plan.inspectors = {"张三@区司法局"};
  plan.by = "admin1";
  REQUIRE(record_round_plan(s.scope("区自查赤岗"), plan));
  CHECK_FALSE(has_round(s.view()["targets"], planned));
  CHECK(has_round(s.view("chigang")["targets"], planned));
  CHECK(s.post("nanshi", path, {{"round", planned}})->status == 400);
}

}  // namespace
}  // namespace auditor

// The upload page (GET /rounds/{id}/upload) and the street's self-check page
// (GET /self-check) over real HTTP, for each role: the selector contract of
// the browser tests, who sees them (others the 404 page, not signed in a
// redirect), escaping, no inline script or on*/style attribute, and their
// static files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "tests/review_support.h"
#include "tests/serve_upload_support.h"

namespace auditor {
namespace {

using nlohmann::json;
using test::breaks_csp;
using test::testdata_archive;

const std::string kHostileRound = "<script>alert(1)</script>上传轮";

// One server for the file: insp1's round with a hostile name holding 03
// (南石头), and 南石头's self-check round holding 03 as well.
struct Pages : test::UploadSite {
  long long round = 0, own = 0;
  Pages() : UploadSite({}, "upload-pages.db") {
    round = create_round("insp1", kHostileRound, "inspection");
    REQUIRE(
        wait("insp1", job_of(upload("insp1", round,
                                    {testdata_archive("03-missing-notice-bare.zip")})))["state"] ==
        "done");
    auto made = post("nanshi", "/api/self-check/round");
    REQUIRE(made->status == 200);
    own = json::parse(made->body)["id"];
    REQUIRE(
        wait("nanshi", job_of(upload("nanshi", own,
                                     {testdata_archive("03-missing-notice-bare.zip")})))["state"] ==
        "done");
  }
  std::string upload_path(long long id) const {
    return "/rounds/" + std::to_string(id) + "/upload";
  }
};

Pages& site() {
  static Pages s;
  return s;
}

bool contains(const httplib::Result& r, const std::string& text) {
  return r->body.find(text) != std::string::npos;
}

// The upload block's elements as the browser tests select them.
void check_upload_block(const httplib::Result& r) {
  CHECK(contains(r, "<input id=\"archives\" type=\"file\" name=\"archive\" multiple"));
  CHECK(contains(r, "<div id=\"drop-zone\""));
  CHECK(contains(r, "<button type=\"button\" id=\"upload-start\">"));
  CHECK(contains(r, "<progress id=\"upload-progress\" value=\"0\" max=\"1\">"));
  CHECK(contains(r, "<ul id=\"upload-results\""));
  CHECK(contains(r, "id=\"upload-state\""));
  CHECK(contains(r, "<script src=\"/static/upload.js\" defer></script>"));
  CHECK(contains(r, "<link rel=\"stylesheet\" href=\"/static/upload.css\">"));
  CHECK_FALSE(breaks_csp(r->body));
}

TEST_CASE("the upload page: for whoever may upload into the round, the 404 page for others",
          "[serve][serve_upload]") {
  Pages& s = site();
  for (const char* user : {"insp1", "admin1"}) {
    INFO(user);
    auto r = s.get(user, s.upload_path(s.round));
    REQUIRE(r->status == 200);
    check_upload_block(r);
    CHECK(contains(r, "data-round=\"" + std::to_string(s.round) + "\""));
    CHECK(contains(r, "data-max-files=\"100\""));
    CHECK_FALSE(contains(r, "<script>alert"));
    CHECK(contains(r, "&lt;script&gt;alert(1)&lt;/script&gt;上传轮"));
  }
  // A street sees the round (its case is there) but may not upload: 404 all the same.
  for (const char* user : {"insp2", "nanshi", "haizhuang"}) {
    INFO(user);
    auto r = s.get(user, s.upload_path(s.round));
    CHECK(r->status == 404);
    CHECK_FALSE(contains(r, "drop-zone"));
  }
  CHECK(s.get("insp1", s.upload_path(999999))->status == 404);
  auto out = s.get("", s.upload_path(s.round));
  CHECK(out->status == 303);
  CHECK(out->get_header_value("Location") == "/");
}

TEST_CASE("a street's own self-check round has an upload page for the street and the admin only",
          "[serve][serve_upload]") {
  Pages& s = site();
  for (const char* user : {"nanshi", "admin1"}) {
    INFO(user);
    auto r = s.get(user, s.upload_path(s.own));
    REQUIRE(r->status == 200);
    check_upload_block(r);
    CHECK(contains(r, "自查轮次"));
  }
  for (const char* user : {"chigang", "insp1", "insp2"}) {
    INFO(user);
    CHECK(s.get(user, s.upload_path(s.own))->status == 404);
  }
}

TEST_CASE("the self-check page shows the street's cases with findings and score, to streets only",
          "[serve][serve_upload]") {
  Pages& s = site();
  auto r = s.get("nanshi", "/self-check");
  REQUIRE(r->status == 200);
  check_upload_block(r);
  CHECK(contains(r, "data-self-check=\"1\""));
  CHECK(contains(r, "data-round=\"" + std::to_string(s.own) + "\""));
  CHECK(contains(r, "<section id=\"self-check-cases\">"));
  CHECK(contains(r, test::kNanshi));
  CHECK(contains(r, "机器评分"));
  CHECK(contains(r, "<span class=\"sev-"));
  const json cases = json::parse(s.get("nanshi", "/api/self-check")->body)["cases"];
  REQUIRE(cases.size() == 1);
  CHECK(contains(r, "href=\"/cases/" + std::to_string(cases[0]["id"].get<long long>()) + "\""));
  CHECK(contains(r, "暂无可提交的区自查轮次"));  // nobody made one yet
  // Another street: its own (empty) page; its round does not exist yet.
  auto other = s.get("chigang", "/self-check");
  REQUIRE(other->status == 200);
  CHECK_FALSE(contains(other, test::kNanshi));
  CHECK(contains(other, "data-round=\"\""));
  CHECK_FALSE(breaks_csp(other->body));
  // A past month without a round: no upload block.
  auto past = s.get("nanshi", "/self-check?month=2001-01");
  REQUIRE(past->status == 200);
  CHECK_FALSE(contains(past, "drop-zone"));
  auto hostile = s.get("nanshi", "/self-check?month=%3Cscript%3E");
  CHECK_FALSE(contains(hostile, "<script>"));
  for (const char* user : {"insp1", "admin1"}) {
    INFO(user);
    CHECK(s.get(user, "/self-check")->status == 404);
  }
  CHECK(s.get("", "/self-check")->status == 303);
}

TEST_CASE("the self-check page offers the district's open self-check rounds to submit to",
          "[serve][serve_upload]") {
  Pages& s = site();
  s.create_round("admin1", "区自查<b>批</b>", "self-check");
  auto r = s.get("nanshi", "/self-check");
  REQUIRE(r->status == 200);
  CHECK(contains(r, "<form class=\"submit-case\""));
  CHECK(contains(r, "<select name=\"round\">"));
  CHECK(contains(r, "区自查&lt;b&gt;批&lt;/b&gt;"));
  CHECK_FALSE(breaks_csp(r->body));
}

TEST_CASE("upload.js and upload.css are served with their content types", "[serve][serve_upload]") {
  Pages& s = site();
  auto js = s.get("", "/static/upload.js");
  REQUIRE(js->status == 200);
  CHECK(js->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(contains(js, "X-CSRF-Token"));
  CHECK(contains(js, "/api/jobs/"));
  CHECK(contains(js, "完成"));
  auto css = s.get("", "/static/upload.css");
  REQUIRE(css->status == 200);
  CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
}

}  // namespace
}  // namespace auditor

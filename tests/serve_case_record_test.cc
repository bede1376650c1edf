// The review-record actions of one case over real HTTP, each by role
// (allowed and refused): add a finding, rule on an objection, a
// rectification item and its progress, sign, and the case's 评查表. Refused:
// no session 401, no CSRF token 403, another street or an unassigned
// inspector 404, a street user's write 403, a bad request 400 with a Chinese
// reason. The round is audited through the real pipeline (an upload of 01,
// 赤岗, and 03, 南石头).
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/review_support.h"
#include "tests/serve_support.h"

namespace auditor {
namespace {

using nlohmann::json;
using test::error_of;

const std::string kChigang = "穗海赤岗综执立〔2024〕12号";  // 01-complete-structured.zip

struct Site : test::UploadedRound {
  Site()
      : UploadedRound({{"admin1", UserRole::admin, "", test::kServePassword},
                       {"insp1", UserRole::inspector, "", test::kServePassword},
                       {"insp2", UserRole::inspector, "", test::kServePassword},
                       {"nanshi", UserRole::street, "南石头", test::kServePassword},
                       {"chigang", UserRole::street, "赤岗", test::kServePassword},
                       {"haizhuang", UserRole::street, "海幢", test::kServePassword}},
                      "case_record.db", "记录轮") {}
  std::string path(const std::string& number, const std::string& rest) {
    return "/api/cases/" + std::to_string(case_id(number)) + rest;
  }
  json view(const std::string& number) {
    return json::parse(get("admin1", path(number, ""))->body);
  }
};

Site& site() {
  static Site s;
  return s;
}

// The checks every write endpoint shares: 401 without a session, 403 without
// the token, 404 for another street, an unassigned inspector and a missing
// case.
void refusals(Site& s, const std::string& rest, const json& body) {
  const std::string target = s.path(test::kNanshi, rest);
  CHECK(s.post("", target, body)->status == 401);
  CHECK(s.post("insp1", target, body, false)->status == 403);
  for (const char* outsider : {"haizhuang", "chigang", "insp2"}) {
    INFO(outsider << " " << rest);
    auto r = s.post(outsider, target, body);
    CHECK(r->status == 404);
    CHECK_FALSE(error_of(r).empty());
  }
  CHECK(s.post("admin1", "/api/cases/99999999" + rest, body)->status == 404);
}

TEST_CASE("adding a finding: inspectors and admins may, a street user is refused",
          "[serve][serve_case]") {
  Site& s = site();
  const json body = {{"rule", "其他"},
                     {"stage", 2},
                     {"page", 3},
                     {"severity", "minor"},
                     {"deduction", 1},
                     {"basis", "《行政处罚法》第五十五条"},
                     {"text", "笔录未载明执法证号"}};
  refusals(s, "/findings", body);
  auto street = s.post("chigang", s.path(kChigang, "/findings"), body);
  CHECK(street->status == 403);
  CHECK(error_of(street) == "街道用户不能添加问题");
  const double before = s.view(kChigang)["score"];
  auto added = s.post("insp1", s.path(kChigang, "/findings"), body);
  REQUIRE(added->status == 201);
  const json a = json::parse(added->body);
  CHECK(a["key"].get<std::string>().rfind("added-", 0) == 0);
  CHECK(a["inspector"] == "insp1");
  CHECK(a["score"].get<double>() < before);
  auto bad =
      s.post("admin1", s.path(test::kNanshi, "/findings"), {{"rule", "其他"}, {"text", "x"}});
  CHECK(bad->status == 400);
  CHECK_FALSE(error_of(bad).empty());
  CHECK(s.post("admin1", s.path(test::kNanshi, "/findings"), {{"stage", "二"}})->status == 400);
}

TEST_CASE("ruling on an objection: the inspector accepts it and the finding is withdrawn",
          "[serve][serve_case]") {
  Site& s = site();
  REQUIRE(
      s.post("insp1", s.path(test::kNanshi, "/decisions"),
             {{"finding", test::kStatement}, {"action", "fail"}, {"reason", "未见陈述申辩笔录"}})
          ->status == 201);
  auto objected = s.post("nanshi", s.path(test::kNanshi, "/objections"),
                         {{"finding", test::kStatement}, {"reason", "陈述申辩笔录在副卷"}});
  REQUIRE(objected->status == 201);
  const long long objection = json::parse(objected->body)["id"];
  const std::string rest = "/objections/" + std::to_string(objection) + "/ruling";
  const json accept = {{"accept", true}, {"reason", "副卷已补充"}};
  refusals(s, rest, accept);
  auto street = s.post("nanshi", s.path(test::kNanshi, rest), accept);
  CHECK(street->status == 403);
  CHECK(error_of(street).find("街道用户不能裁定异议") != std::string::npos);
  CHECK(s.post("insp1", s.path(test::kNanshi, rest), {{"reason", "x"}})->status == 400);
  // An objection of this case under another case's path is not there.
  CHECK(s.post("insp1", s.path(kChigang, rest), accept)->status == 404);
  CHECK(s.post("insp1", s.path(test::kNanshi, "/objections/99999999/ruling"), accept)->status ==
        404);
  auto ruled = s.post("insp1", s.path(test::kNanshi, rest), accept);
  REQUIRE(ruled->status == 201);
  const json r = json::parse(ruled->body);
  CHECK(r["accepted"] == true);
  CHECK(r["name"] == "insp1");
  const json after = s.view(test::kNanshi);
  for (const json& f : after["findings"])
    if (f["key"] == test::kStatement) CHECK(f["status"] == "withdrawn");
  auto again = s.post("insp1", s.path(test::kNanshi, rest), accept);
  CHECK(again->status == 400);
  CHECK_FALSE(error_of(again).empty());
}

TEST_CASE("a rectification item by an inspector, its progress reported by the street",
          "[serve][serve_case]") {
  Site& s = site();
  REQUIRE(s.post("insp1", s.path(test::kNanshi, "/decisions"),
                 {{"finding", test::kReceipt}, {"action", "confirm"}})
              ->status == 201);
  const json item = {{"finding", test::kReceipt}, {"kind", "卷内补正"}, {"owner", "南石头执法队"}};
  refusals(s, "/rectification", item);
  CHECK(s.post("nanshi", s.path(test::kNanshi, "/rectification"), item)->status == 403);
  CHECK(s.post("insp1", s.path(test::kNanshi, "/rectification"),
               {{"finding", test::kReceipt}, {"kind", "卷内补正"}, {"owner", "x"}, {"due", "明天"}})
            ->status == 400);
  auto made = s.post("insp1", s.path(test::kNanshi, "/rectification"), item);
  REQUIRE(made->status == 201);
  const json m = json::parse(made->body);
  CHECK(m["name"] == "insp1");
  CHECK(m["due"].get<std::string>().size() == 10);
  CHECK(s.post("admin1", s.path(test::kNanshi, "/rectification"), item)->status == 400);  // twice

  const std::string rest =
      "/rectification/" + std::to_string(m["id"].get<long long>()) + "/updates";
  const json update = {{"status", "已整改"}, {"note", "已补送达回证"}};
  refusals(s, rest, update);
  CHECK(s.post("nanshi", s.path(kChigang, rest), update)->status == 404);
  CHECK(s.post("insp1", s.path(kChigang, rest), update)->status == 404);  // not that case's item
  CHECK(
      s.post("nanshi", s.path(test::kNanshi, rest), {{"status", "完成"}, {"note", "x"}})->status ==
      400);
  auto reported = s.post("nanshi", s.path(test::kNanshi, rest), update);
  REQUIRE(reported->status == 201);
  CHECK(json::parse(reported->body)["name"] == "nanshi");
  const json review = s.view(test::kNanshi)["review"];
  CHECK(review.dump().find("已补送达回证") != std::string::npos);
}

TEST_CASE("signing: refused while provisional and for a street user, then as 评查人 once",
          "[serve][serve_case]") {
  Site& s = site();
  const std::string sign = s.path(kChigang, "/signoffs");
  const json as_signer = {{"role", "评查人"}};
  auto early = s.post("insp1", sign, as_signer);
  CHECK(early->status == 400);
  CHECK(error_of(early).find("待定") != std::string::npos);
  CHECK(error_of(early).find("/uploads/") == std::string::npos);  // the file's name, not its path
  CHECK(s.post("", sign, as_signer)->status == 401);
  CHECK(s.post("insp1", sign, as_signer, false)->status == 403);
  CHECK(s.post("chigang", sign, as_signer)->status == 403);
  CHECK(s.post("nanshi", sign, as_signer)->status == 404);
  CHECK(s.post("insp2", sign, as_signer)->status == 404);
  const json before = s.view(kChigang);
  for (const json& f : before["findings"]) {
    if (f["status"] != "suggested") continue;
    const bool manual = f["kind"] == "manual_check";
    json d = {{"finding", f["key"]}, {"action", manual ? "pass" : "confirm"}};
    REQUIRE(s.post("insp1", s.path(kChigang, "/decisions"), d)->status == 201);
  }
  CHECK(s.post("insp1", sign, {{"role", "签收人"}})->status == 400);
  auto signed_off = s.post("insp1", sign, as_signer);
  REQUIRE(signed_off->status == 201);
  const json o = json::parse(signed_off->body);
  CHECK(o["role"] == "评查人");
  CHECK(o["name"] == "insp1");
  CHECK(o["provisional"] == false);
  CHECK(s.post("admin1", sign, as_signer)->status == 400);  // signed already
  auto reviewer = s.post("admin1", sign, {{"role", "reviewer"}});
  CHECK(reviewer->status == 400);  // the round asks for no second review
  CHECK(error_of(reviewer).find("未要求复核") != std::string::npos);
  // Locked: decisions refused, the page shows it.
  auto page = s.get("insp1", "/cases/" + std::to_string(s.case_id(kChigang)));
  CHECK(page->body.find("已签字锁定") != std::string::npos);
  CHECK(page->body.find("id=\"sign\"") == std::string::npos);
}

TEST_CASE("the case's 评查表 downloads as DOCX or HTML for whoever sees the case",
          "[serve][serve_case]") {
  Site& s = site();
  const std::string sheet = s.path(test::kNanshi, "/sheet");
  for (const char* user : {"admin1", "insp1", "nanshi"}) {
    INFO(user);
    auto docx = s.get(user, sheet + "?format=docx");
    REQUIRE(docx->status == 200);
    CHECK(docx->get_header_value("Content-Type") ==
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    CHECK(docx->get_header_value("Content-Disposition").rfind("attachment; filename=\"case-", 0) ==
          0);
    CHECK(docx->body.rfind("PK\x03\x04", 0) == 0);
  }
  auto html = s.get("nanshi", sheet + "?format=html");
  REQUIRE(html->status == 200);
  CHECK(html->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(html->body.find(test::kNanshi) != std::string::npos);
  CHECK(html->body.find(kChigang) == std::string::npos);  // another street's case is not in it
  // The sheet alone: its title and the case's sheet, no round notification.
  CHECK(html->body.find("<title>行政处罚案卷评查表</title>") != std::string::npos);
  CHECK(html->body.find("评查表：") != std::string::npos);
  CHECK(html->body.find("通报") == std::string::npos);
  CHECK(s.get("insp1", sheet)->status == 200);  // docx by default
  CHECK(s.get("insp1", sheet + "?format=pdf")->status == 400);
  CHECK(s.get("", sheet)->status == 401);
  CHECK(s.get("haizhuang", sheet)->status == 404);
  CHECK(s.get("insp2", sheet)->status == 404);
  CHECK(s.get("admin1", "/api/cases/99999999/sheet")->status == 404);
}

}  // namespace
}  // namespace auditor

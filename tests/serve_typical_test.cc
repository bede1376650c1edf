// Marking a case, or one finding of it, as a typical case (典型案例) on the
// workbench over real HTTP: an inspector marks with a note, the mark is
// stored with its trail row (read back through app/ and store/), shown on
// the case page to whoever sees the case and lands in `auditor report
// --typical`'s compilation; taken back, it leaves it. Refused: no session
// 401, no CSRF token 403, a street user 403, another street's case or an
// inspector outside the round 404, an empty or over-long note 400 with a
// Chinese reason. The round is audited through the real pipeline (an
// upload of 01, 赤岗, and 03, 南石头).
#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/serve_case_record.h"
#include "app/typical.h"
#include "reports/typical.h"
#include "store/record.h"
#include "tests/report_fixture.h"
#include "tests/review_support.h"
#include "tests/serve_support.h"

namespace auditor {
namespace {

using nlohmann::json;
using test::error_of;

const std::string kChigang = "穗海赤岗综执立〔2024〕12号";  // 01-complete-structured.zip
const std::string kRound = "典型案例轮";
const std::string kNote = "送达前未告知陈述申辩权利，程序违法，应予警示。";

struct Site : test::UploadedRound {
  Site()
      : UploadedRound({{"admin1", UserRole::admin, "", test::kServePassword},
                       {"insp1", UserRole::inspector, "", test::kServePassword},
                       {"insp2", UserRole::inspector, "", test::kServePassword},
                       {"nanshi", UserRole::street, "南石头", test::kServePassword},
                       {"chigang", UserRole::street, "赤岗", test::kServePassword}},
                      "typical.db", kRound) {}
  std::string typical(const std::string& number) {
    return "/api/cases/" + std::to_string(case_id(number)) + "/typical";
  }
  // The marks in force as GET /api/cases/{id}/typical shows them to `user`.
  json marks(const std::string& user, const std::string& number) {
    auto r = get(user, typical(number));
    REQUIRE(r->status == 200);
    return json::parse(r->body)["marks"];
  }
};

Site& site() {
  static Site s;
  return s;
}

User admin() {
  User u;
  u.name = "admin1";
  u.role = UserRole::admin;
  return u;
}

TEST_CASE("an inspector marks a case typical: stored with its trail row, shown, compiled",
          "[serve][serve_typical]") {
  Site& s = site();
  const long long id = s.case_id(test::kNanshi);
  auto made = s.post("insp1", s.typical(test::kNanshi), {{"note", kNote}});
  REQUIRE(made->status == 201);
  const json m = json::parse(made->body);
  CHECK(m["marked"] == true);
  CHECK(m["finding"].is_null());
  CHECK(m["note"] == kNote);
  CHECK(m["inspector"] == "insp1");
  CHECK(m["marked_at"].get<std::string>().size() >= 20);
  CHECK(m["score"].is_number());  // as every record write answers; a mark changes no score

  // Stored: through app/ (as the page reads it) and as the trail row the
  // command line writes.
  Result<std::optional<std::vector<TypicalMark>>> stored = typical_marks_on_case(s.db, id, admin());
  REQUIRE(stored);
  REQUIRE(*stored);
  REQUIRE((*stored)->size() == 1);
  CHECK((*stored)->front().note == kNote);
  CHECK((*stored)->front().inspector == "insp1");
  CHECK((*stored)->front().at.key == test::kNanshi);
  {
    Result<std::unique_ptr<Store>> store = Store::open_read_only(s.db);
    REQUIRE(store);
    Result<std::vector<TrailEntry>> trail = load_trail_entries(**store, s.round, {"typical"});
    REQUIRE(trail);
    REQUIRE(trail->size() == 1);
    CHECK(trail->front().payload["note"] == kNote);
    CHECK(trail->front().payload["inspector"] == "insp1");
    CHECK(trail->front().payload["marked"] == true);
  }

  // Shown to whoever sees the case; the page carries the list and, for a
  // writer, the form (no inline script).
  for (const char* user : {"insp1", "admin1", "nanshi"}) {
    INFO(user);
    const json shown = s.marks(user, test::kNanshi);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0]["note"] == kNote);
  }
  auto page = s.get("insp1", "/cases/" + std::to_string(id));
  REQUIRE(page->status == 200);
  CHECK(page->body.find("<ul id=\"typical-marks\" data-writer=\"1\">") != std::string::npos);
  CHECK(page->body.find("<form id=\"typical\"") != std::string::npos);
  CHECK(page->body.find("标为典型案例</button>") != std::string::npos);
  CHECK(page->body.find("maxlength=\"2000\"") != std::string::npos);
  CHECK(page->body.find("<option value=\"" + test::kNotice + "\">") != std::string::npos);
  // The section holds no script or inline handler (a plain scan: no regex over a page).
  const std::size_t from = page->body.find("<section class=\"typical\">");
  REQUIRE(from != std::string::npos);
  const std::string section = page->body.substr(from, page->body.find("</section>", from) - from);
  for (const char* banned : {"<script", " onclick", " onsubmit", " style=", "javascript:"})
    CHECK(section.find(banned) == std::string::npos);
  auto street_page = s.get("nanshi", "/cases/" + std::to_string(id));
  REQUIRE(street_page->status == 200);
  CHECK(street_page->body.find("data-writer=\"0\"") != std::string::npos);
  CHECK(street_page->body.find("<form id=\"typical\"") == std::string::npos);

  // One finding too; the case's own mark is listed first.
  auto finding = s.post("admin1", s.typical(test::kNanshi),
                        {{"finding", test::kNotice}, {"note", "缺少处罚告知书的典型"}});
  REQUIRE(finding->status == 201);
  CHECK(json::parse(finding->body)["finding"] == test::kNotice);
  CHECK(json::parse(finding->body)["rule"] == "REQ-3-penalty_notice");
  const json both = s.marks("insp1", test::kNanshi);
  REQUIRE(both.size() == 2);
  CHECK(both[0]["finding"].is_null());
  CHECK(both[1]["finding"] == test::kNotice);
  CHECK(s.marks("insp1", kChigang).empty());

  // The compilation `auditor report --typical` writes holds the case and its note.
  test::TempDir out;
  Result<TypicalWritten> w = write_typical_report(s.db, {kRound, out.path, &test::bundled()});
  REQUIRE(w);
  CHECK(w->cases == 1);
  const std::string text = test::docx_text(test::read_file(w->file));
  CHECK(text.find(kNote) != std::string::npos);
  CHECK(text.find("缺少处罚告知书的典型") != std::string::npos);
  CHECK(text.find(test::kNanshi) != std::string::npos);
  CHECK(text.find(kChigang) == std::string::npos);
}

TEST_CASE("a mark taken back over the API leaves the list and the compilation",
          "[serve][serve_typical]") {
  Site& s = site();
  REQUIRE(s.post("insp1", s.typical(kChigang), {{"note", "卷宗完整规范，可作示范。"}})->status ==
          201);
  REQUIRE(s.marks("insp1", kChigang).size() == 1);
  auto removed = s.post("insp1", s.typical(kChigang), {{"remove", true}});
  REQUIRE(removed->status == 201);
  CHECK(json::parse(removed->body)["marked"] == false);
  CHECK(s.marks("insp1", kChigang).empty());
  auto again = s.post("insp1", s.typical(kChigang), {{"remove", true}});
  CHECK(again->status == 400);
  CHECK(error_of(again).find("没有标记为典型案例") != std::string::npos);
  CHECK(error_of(again).find("/uploads/") == std::string::npos);  // the file's name, not its path

  test::TempDir out;
  Result<TypicalWritten> w = write_typical_report(s.db, {kRound, out.path, &test::bundled()});
  REQUIRE(w);
  CHECK(test::docx_text(test::read_file(w->file)).find("卷宗完整规范") == std::string::npos);
}

TEST_CASE(
    "a mark made on the command line's function shows on the workbench and is taken back there",
    "[serve][serve_typical]") {
  Site& s = site();
  REQUIRE(mark_typical({s.db, kRound}, {kChigang, "", "命令行标记的示范案卷", "张三", false}));
  const json shown = s.marks("chigang", kChigang);  // the street sees its own case's mark
  REQUIRE(shown.size() == 1);
  CHECK(shown[0]["inspector"] == "张三");
  REQUIRE(
      s.post("admin1", s.typical(kChigang), {{"remove", true}, {"note", "不再作为示范"}})->status ==
      201);
  CHECK(s.marks("admin1", kChigang).empty());
}

TEST_CASE(
    "marking typical is refused to a street user, outside the user's scope and without "
    "the token, a bad note gets a Chinese reason",
    "[serve][serve_typical]") {
  Site& s = site();
  const std::string target = s.typical(test::kNanshi);
  const json body = {{"note", "示范"}};
  CHECK(s.post("", target, body)->status == 401);
  auto no_token = s.post("insp1", target, body, false);
  CHECK(no_token->status == 403);
  CHECK_FALSE(error_of(no_token).empty());
  auto street = s.post("nanshi", target, body);  // its own case: seen, not marked
  CHECK(street->status == 403);
  CHECK(error_of(street) == "典型案例由评查人员标记，街道用户不能标记");
  for (const char* outsider : {"chigang", "insp2"}) {
    INFO(outsider);
    auto r = s.post(outsider, target, body);
    CHECK(r->status == 404);
    CHECK(error_of(r) == "没有这个案卷");
    CHECK(s.get(outsider, target)->status == 404);
  }
  CHECK(s.get("", target)->status == 401);
  CHECK(s.post("admin1", "/api/cases/99999999/typical", body)->status == 404);
  CHECK(s.get("admin1", "/api/cases/99999999/typical")->status == 404);

  std::string long_note;
  for (std::size_t i = 0; i <= kMaxTypicalNote; ++i) long_note += "例";
  auto too_long = s.post("insp1", target, {{"note", long_note}});
  CHECK(too_long->status == 400);
  CHECK(error_of(too_long) == "典型意义不能超过 2000 字（现有 2001 字）");
  long_note.resize(long_note.size() - 3);  // exactly the limit: accepted
  CHECK(s.post("insp1", target, {{"note", long_note}})->status == 201);

  auto empty = s.post("insp1", target, json::object());
  CHECK(empty->status == 400);
  CHECK(error_of(empty) == "标记典型案例必须写明典型意义");
  CHECK(s.post("insp1", target, {{"note", 5}})->status == 400);
  CHECK(s.post("insp1", target, {{"note", "x"}, {"remove", "yes"}})->status == 400);
  auto unknown = s.post("insp1", target, {{"note", "x"}, {"finding", "REQ-0-none"}});
  CHECK(unknown->status == 400);
  CHECK(error_of(unknown).find("没有编号或规则为 REQ-0-none 的问题") != std::string::npos);
  // Nothing the refusals sent was stored: the marks are the last accepted.
  for (const json& m : s.marks("admin1", test::kNanshi)) CHECK(m["note"] != "示范");
}

}  // namespace
}  // namespace auditor

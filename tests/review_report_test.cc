// The reports of a round with an inspection record (issue 16, item 8): the
// 通报 counts the inspectors' decisions, not the machine's suggestions; the
// 评查表 lists every item with its suggestion and decision, and the
// 评查人/复核人 lines; a provisional case says so; `audit --json` carries the
// review of a re-audited case.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/objection.h"
#include "app/rectification.h"
#include "app/round_plan.h"
#include "app/round_reports.h"
#include "tests/review_support.h"
#include "util/date.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using namespace test;

// The round's report in `formats`, written to round.dir/out as of `today`;
// the HTML text.
std::string report_html(const ReviewRound& round, bool docx = false,
                        const std::string& today = "") {
  ReportRequest request;
  request.today = today;
  request.round = "第一轮";
  request.dir = round.dir.path / "out";
  request.formats.html = true;
  request.formats.json = true;
  request.formats.docx = docx;
  request.names = vocabulary(bundled());
  request.checklist = &bundled();
  REQUIRE(write_round_reports(round.db, request).ok());
  return read_file(request.dir / "report.html");
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("a round without a record is reported as the machine's first screen", "[review-report]") {
  ReviewRound round;
  const std::string html = report_html(round);
  CHECK(has(html, "机器初筛结果，尚未经评查人逐项确认"));
  CHECK(has(html, "以下为机器初筛建议"));
  CHECK(has(html, "评查人：____________"));
  CHECK(has(html, "REQ-3-penalty_notice"));  // the veto is listed as suggested
}

TEST_CASE("the notification counts confirmed problems only and marks a provisional case",
          "[review-report]") {
  ReviewRound round;
  REQUIRE(round.decide(kNotice, FindingVerdict::dismissed, "告知书附于决定书之后"));
  std::string html = report_html(round);
  CHECK(has(html, "本通报只计经评查人确认"));
  CHECK(has(html, "1 宗案卷尚有待定事项"));
  CHECK(has(html, "暂定"));
  // The dismissed veto counts nowhere in the notification's problem table;
  // the undecided receipt is not yet a problem either.
  const std::string notification = html.substr(0, html.find("附件：案卷评查表"));
  CHECK_FALSE(has(notification, "REQ-3-penalty_notice<"));
  CHECK(has(notification, "本轮未发现问题"));

  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  html = report_html(round);
  const std::string confirmed = html.substr(0, html.find("附件：案卷评查表"));
  CHECK(has(confirmed, "REQ-3-penalty_notice_receipt"));
  CHECK_FALSE(has(confirmed, "本轮未发现问题"));
}

TEST_CASE("the case sheet shows each decision, its reason and the signature lines",
          "[review-report]") {
  ReviewRound round;
  round.settle_all();
  NewFinding added;
  added.text = "询问笔录未记录询问时间";
  added.severity = "minor";
  added.deduction = 2;
  added.page = 7;
  added.document = "inquiry_record";
  added.inspector = "李四";
  REQUIRE(add_finding(round.scope, kNanshi, added, bundled()));
  REQUIRE(set_round_settings(round.scope, {true, std::nullopt}).ok());
  REQUIRE(sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled()));

  const std::string html = report_html(round, true);
  CHECK(has(html, "不予认定"));
  CHECK(has(html, "告知书在卷宗第 12 页"));
  CHECK(has(html, "已确认"));
  CHECK(has(html, "核对无误"));
  CHECK(has(html, "评查人添加"));
  CHECK(has(html, "第 7 页"));
  CHECK(has(html, "评查人：张三"));
  CHECK(has(html, "复核人：____________"));
  CHECK(has(html, "评查人已签字，待复核"));
  CHECK_FALSE(has(html, "机器初筛结果"));

  // The DOCX says the same, as LibreOffice reads it.
  const std::string text = libreoffice_convert(round.dir.path / "out", "report.docx", "txt:Text");
  REQUIRE_FALSE(text.empty());
  CHECK(has(text, "不予认定"));
  CHECK(has(text, "告知书在卷宗第 12 页"));
  CHECK(has(text, "评查人：张三"));
  CHECK(has(text, "询问笔录未记录询问时间"));
}

TEST_CASE("a drawn round reports the drawn cases, the seed, objections and rectification",
          "[review-report]") {
  ReviewRound round;
  round.audit("01-complete-structured.zip", round.dir.path / "赤岗.zip");  // not in the plan
  PlanRequest plan;
  plan.streets = {"南石头"};
  plan.inspectors = {"张三@区司法局"};
  plan.by = "赵六";
  REQUIRE(record_round_plan(round.scope, plan));
  DrawRequest draw;
  draw.seed = "2026-12";
  draw.per_street = 1;
  draw.rules = data_dir() / "draw";
  draw.by = "赵六";
  REQUIRE(draw_round(round.scope, draw));
  REQUIRE(assign_case(round.scope, kNanshi, "张三", "赵六"));
  round.settle_all();
  REQUIRE(object_finding(round.scope, kNanshi, {kReceipt, "回证附于决定书之后", "钱七", ""},
                         bundled()));
  REQUIRE(rectify_finding(round.scope, kNanshi, {kReceipt, kRectifyInFile, "王五", "张三", {}},
                          bundled(), *Date::parse("2026-12-01")));

  const std::string html = report_html(round, false, "2027-03-01");
  CHECK(has(html, "随机种子「2026-12」"));
  CHECK(has(html, "各街道共提交 2 宗案卷"));
  CHECK(has(html, "张三@区司法局"));
  CHECK_FALSE(has(html, "穗海赤岗综执立"));  // not drawn: not reported
  CHECK(has(html, "、异议处理"));
  CHECK(has(html, "回证附于决定书之后"));
  CHECK(has(html, "待处理"));
  CHECK(has(html, "2026-12-31"));  // due: 30 days after 2026-12-01
  CHECK(has(html, "已逾期"));
  CHECK(has(html, "逾期未完成 1 项"));
  // report.json carries the objection and the item in the case's review.
  const nlohmann::json review = nlohmann::json::parse(
      read_file(round.dir.path / "out" / "report.json"))["cases"][0]["review"];
  REQUIRE(review.at("objections").size() == 1);
  CHECK(review["objections"][0].at("finding") == kReceipt);
  CHECK(review["objections"][0].at("ruling").is_null());
  REQUIRE(review.at("rectification").size() == 1);
  CHECK(review["rectification"][0].at("due") == "2026-12-31");
  CHECK(review["rectification"][0].at("recheck") == "not_yet");
  CHECK(review.at("new_findings").empty());
  // --all-cases: every submitted case, the draw still stated.
  const CliRun all =
      run_cli("report --db " + sh_quote(round.db.string()) + " --out all --format html --all-cases",
              round.dir.path);
  REQUIRE(all.status == 0);
  const std::string every = read_file(round.dir.path / "all" / "report.html");
  CHECK(has(every, "穗海赤岗综执立"));
  CHECK(has(every, "各街道共提交 2 宗案卷"));
  // Before the due date nothing is overdue.
  CHECK_FALSE(has(report_html(round, false, "2026-12-20"), "已逾期"));
}

TEST_CASE("audit --json carries the review of a case re-audited into a round with a record",
          "[review-report]") {
  ReviewRound round;
  REQUIRE(round.decide(kNotice, FindingVerdict::dismissed, "告知书附于决定书之后"));
  const CliRun run = run_cli("audit " + sh_quote(round.archive.string()) + " --db " +
                             sh_quote(round.db.string()) + " --round 第一轮 --json -");
  REQUIRE(run.status == 0);
  const nlohmann::json result = nlohmann::json::parse(run.out);
  const nlohmann::json& review = result.at("cases").at(0).at("review");
  CHECK(review.at("provisional") == true);
  bool dismissed = false;
  for (const nlohmann::json& item : review.at("items"))
    if (item.at("key") == kNotice) dismissed = item.at("verdict") == "dismissed";
  CHECK(dismissed);

  // A round without a record: no review member.
  TempDir other;
  const CliRun plain = run_cli("audit " + sh_quote(round.archive.string()) + " --db " +
                               sh_quote((other.path / "o.db").string()) + " --json -");
  REQUIRE(plain.status == 0);
  CHECK_FALSE(nlohmann::json::parse(plain.out).at("cases").at(0).contains("review"));
}

}  // namespace
}  // namespace auditor

// The inspection record through the front door (app/review.h): deciding,
// adding, signing and reopening on a really audited round, each refusal,
// decisions that survive a re-audit of the same or a corrected archive, and
// the record exported from one database and imported into another.
#include "app/review.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "app/audit.h"
#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/review_exchange.h"
#include "app/round_plan.h"
#include "reports/json_report.h"
#include "reports/json_text.h"
#include "store/round_reader.h"
#include "tests/review_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using namespace test;
using Round = ReviewRound;

TEST_CASE("an undecided case is provisional with the range its score can take", "[review-app]") {
  Round round;
  const CaseReview c = round.one();
  CHECK(c.ref.key == kNanshi);
  CHECK(c.reviewed->provisional());
  CHECK(c.reviewed->undecided == 6);
  CHECK(c.reviewed->score.value == Approx(0));  // the veto counts while undecided
  CHECK(c.reviewed->min_score == Approx(0));
  CHECK(c.reviewed->max_score == Approx(100));
  CHECK_FALSE(c.state.locked);
}

TEST_CASE("the score moves exactly as the profile says with each decision", "[review-app]") {
  Round round;
  round.settle_all();
  const double receipt = deduction_of("REQ-3-penalty_notice_receipt");
  CaseReview c = round.one();
  CHECK_FALSE(c.reviewed->provisional());
  CHECK(c.reviewed->score.value == Approx(100 - receipt));

  REQUIRE(round.decide(kReview, FindingVerdict::failed, "有申辩而无复核意见书"));
  const double review = deduction_of("REQ-3-review_record");
  CHECK(round.one().reviewed->score.value == Approx(100 - receipt - review));

  NewFinding added;
  added.text = "询问笔录未记录询问时间";
  added.severity = "minor";
  added.deduction = 2;
  added.page = 7;
  added.inspector = "李四";
  Result<RecordedAdded> a = add_finding(round.scope, kNanshi, added, bundled());
  REQUIRE(a);
  c = round.one();
  CHECK(c.reviewed->score.value == Approx(100 - receipt - review - 2));
  CHECK(c.reviewed->items.back().added);
  CHECK(c.reviewed->items.back().key == a->added.key);

  REQUIRE(round.decide(kReceipt, FindingVerdict::changed, "已补送达，情节轻微"));
  Decision change;
  change.key = kReceipt;
  change.verdict = FindingVerdict::changed;
  change.reason = "已补送达，情节轻微";
  change.deduction = 1;
  change.inspector = "张三";
  Result<RecordedDecision> changed = decide_finding(round.scope, kNanshi, change);
  REQUIRE(changed);
  CHECK(changed->replaces);  // the earlier change of the same key
  CHECK(round.one().reviewed->score.value == Approx(100 - 1 - review - 2));
}

TEST_CASE("a decision is refused for an unknown key, without a reason or of the wrong kind",
          "[review-app]") {
  Round round;
  Result<RecordedDecision> unknown = round.decide("NOPE@case#1", FindingVerdict::confirmed);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.code() == Code::invalid);
  CHECK(unknown.error().find("NOPE@case#1") != std::string::npos);
  Result<RecordedDecision> bare = round.decide(kNotice, FindingVerdict::dismissed);
  REQUIRE_FALSE(bare);
  CHECK(bare.error().find("理由") != std::string::npos);
  CHECK_FALSE(round.decide(kSeal, FindingVerdict::confirmed));  // a manual check is settled
  CHECK_FALSE(round.decide(kNotice, FindingVerdict::passed));
  Result<RecordedDecision> nobody = round.decide(kNotice, FindingVerdict::confirmed, "", "");
  CHECK_FALSE(nobody);
  Result<RecordedDecision> no_case =
      round.decide(kNotice, FindingVerdict::confirmed, "", "张三", "没有的案号");
  REQUIRE_FALSE(no_case);
  CHECK(no_case.code() == Code::not_found);
  CHECK(round.one().record.decisions.empty());
}

TEST_CASE("a case is named by its case number or its archive path", "[review-app]") {
  Round round;
  REQUIRE(round.decide(kNotice, FindingVerdict::confirmed, "", "张三", round.archive.string()));
  const CaseReview c = round.one(round.archive.string());
  REQUIRE(c.record.decisions.size() == 1);
  CHECK(c.record.decisions[0].at.key == kNanshi);  // keyed by the number all the same
}

TEST_CASE("signing locks the case until a reopen with a reason", "[review-app]") {
  Round round;
  Result<SignOff> early = sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled());
  REQUIRE_FALSE(early);
  CHECK(early.error().find("待定") != std::string::npos);
  round.settle_all();
  REQUIRE(sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled()));
  CHECK(round.one().state.locked);
  CHECK(round.one().state.complete);

  Result<RecordedDecision> locked = round.decide(kReceipt, FindingVerdict::dismissed, "已补");
  REQUIRE_FALSE(locked);
  CHECK(locked.code() == Code::invalid);
  CHECK(locked.error().find("签字锁定") != std::string::npos);
  NewFinding f;
  f.text = "x";
  f.severity = "minor";
  f.deduction = 1;
  f.inspector = "李四";
  CHECK_FALSE(add_finding(round.scope, kNanshi, f, bundled()));
  CHECK_FALSE(sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled()));

  CHECK_FALSE(reopen_case(round.scope, kNanshi, "王五", ""));
  REQUIRE(reopen_case(round.scope, kNanshi, "王五", "送达回证在补充材料中"));
  CHECK_FALSE(round.one().state.locked);
  CHECK_FALSE(reopen_case(round.scope, kNanshi, "王五", "再开一次"));  // not signed
  REQUIRE(round.decide(kReceipt, FindingVerdict::dismissed, "已补"));
  CHECK(round.one().reviewed->score.value == Approx(100));
  REQUIRE(sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled()));
  CHECK(round.one().state.signoffs.size() == 1);
}

TEST_CASE("a second review needs the round setting, the 评查人 first and another person",
          "[review-app]") {
  Round round;
  round.settle_all();
  REQUIRE(sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled()));
  Result<SignOff> unasked = sign_case(round.scope, kNanshi, kReviewerRole, "王五", bundled());
  REQUIRE_FALSE(unasked);
  CHECK(unasked.error().find("未要求复核") != std::string::npos);
  REQUIRE(set_round_settings(round.scope, {true, std::nullopt}).ok());
  CHECK_FALSE(round.one().state.complete);
  CHECK_FALSE(sign_case(round.scope, kNanshi, kReviewerRole, "张三", bundled()));
  REQUIRE(sign_case(round.scope, kNanshi, kReviewerRole, "王五", bundled()));
  CHECK(round.one().state.complete);
  CHECK_FALSE(sign_case(round.scope, kNanshi, "组长", "赵六", bundled()));
}

TEST_CASE("the rectification period is a round setting of 1 to 365 days, trailed", "[review-app]") {
  Round round;
  CHECK_FALSE(set_round_settings(round.scope, {}).ok());
  CHECK_FALSE(set_round_settings(round.scope, {std::nullopt, 0}).ok());
  CHECK_FALSE(set_round_settings(round.scope, {std::nullopt, 366}).ok());
  REQUIRE(set_round_settings(round.scope, {std::nullopt, 45}).ok());
  Result<std::unique_ptr<Store>> store = Store::open_read_only(round.db);
  REQUIRE(store);
  Result<std::optional<RoundInfo>> info = find_round(**store, "第一轮");
  REQUIRE(info);
  REQUIRE(*info);
  Result<std::optional<std::string>> days = round_setting(**store, (*info)->id, "rectify_days");
  REQUIRE(days);
  CHECK(*days == std::optional<std::string>("45"));
  Result<TrailCheck> trail = verify_record(round.db);
  REQUIRE(trail);
  CHECK(trail->rows == 1);
  CHECK_FALSE(trail->broken_seq);
}

TEST_CASE("in a planned round only the plan's inspectors from other streets decide and sign",
          "[review-app]") {
  Round round;
  PlanRequest plan;
  plan.streets = {"南石头"};
  plan.inspectors = {"张三@区司法局", "李四@南石头街道"};
  plan.by = "赵六";
  REQUIRE(record_round_plan(round.scope, plan));
  Result<RecordedDecision> own = round.decide(kNotice, FindingVerdict::confirmed, "", "李四");
  REQUIRE_FALSE(own);
  CHECK(own.code() == Code::invalid);
  CHECK_THAT(own.error(), Catch::Contains("应当回避"));
  Result<RecordedDecision> outsider = round.decide(kNotice, FindingVerdict::confirmed, "", "王五");
  REQUIRE_FALSE(outsider);
  CHECK_THAT(outsider.error(), Catch::Contains("不在本轮评查计划"));
  NewFinding added;
  added.text = "询问笔录未记录询问时间";
  added.severity = "minor";
  added.deduction = 2;
  added.inspector = "李四";
  CHECK_FALSE(add_finding(round.scope, kNanshi, added, bundled()));
  round.settle_all();  // as 张三
  CHECK_FALSE(sign_case(round.scope, kNanshi, kSignerRole, "李四", bundled()));
  CHECK(sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled()));
}

TEST_CASE("decisions survive a re-audit of the same archive", "[review-app]") {
  Round round;
  round.settle_all();
  round.audit("03-missing-notice-bare.zip");
  const CaseReview c = round.one();
  CHECK_FALSE(c.reviewed->provisional());
  CHECK(c.reviewed->obsolete.empty());
  CHECK(c.reviewed->items[0].verdict == FindingVerdict::dismissed);
}

TEST_CASE("a corrected archive keeps the decisions still there and shows the gone ones obsolete",
          "[review-app]") {
  Round round;
  REQUIRE(round.decide(kNotice, FindingVerdict::confirmed));
  REQUIRE(round.decide(kSignatures, FindingVerdict::failed, "询问笔录第 2 页无签名"));
  // The corrected archive: the notice is there now (and the case number is
  // the corrected file's); the record follows the archive path.
  round.audit("01-complete-structured.zip");
  Result<RoundReview> r = list_reviews(round.scope, round.archive.string(), bundled());
  REQUIRE(r);
  const CaseReview& c = r->cases[0];
  CHECK(c.ref.key != kNanshi);
  REQUIRE(c.reviewed);
  REQUIRE(c.reviewed->obsolete.size() == 1);
  CHECK(c.reviewed->obsolete[0].key == kNotice);
  bool kept = false;
  for (const ReviewedItem& item : c.reviewed->items)
    if (item.key == kSignatures) kept = item.verdict == FindingVerdict::failed;
  CHECK(kept);
  for (const ReviewedItem& item : c.reviewed->items)
    if (item.key != kSignatures) CHECK(item.verdict == FindingVerdict::suggested);
}

TEST_CASE("a database that does not exist is not_found and is not created", "[review-app]") {
  TempDir dir;
  const ReviewScope scope{dir.path / "none.db", ""};
  Result<RoundReview> r = list_reviews(scope, "", bundled());
  REQUIRE_FALSE(r);
  CHECK(r.code() == Code::not_found);
  Decision d;
  CHECK(decide_finding(scope, "x", d).code() == Code::not_found);
  CHECK_FALSE(fs::exists(scope.db));
}

TEST_CASE("an exported record imports into another database once and is skipped the second time",
          "[review-app]") {
  Round a, b;
  a.settle_all();
  NewFinding f;
  f.text = "询问笔录未记录询问时间";
  f.severity = "minor";
  f.deduction = 2;
  f.inspector = "李四";
  REQUIRE(add_finding(a.scope, kNanshi, f, bundled()));
  REQUIRE(sign_case(a.scope, kNanshi, kSignerRole, "张三", bundled()));
  const fs::path file = a.dir.path / "a.json";
  Result<std::size_t> exported = export_record(a.scope, file);
  REQUIRE(exported);
  CHECK(*exported == 8);  // 6 decisions, 1 added finding, 1 sign-off

  Result<ImportReport> first = import_record({b.db, ""}, file);
  REQUIRE(first);
  CHECK(first->round == "第一轮");
  CHECK(first->added == 8);
  CHECK(first->conflicts.empty());
  const CaseReview c = b.one();
  CHECK(c.reviewed->score.value == Approx(a.one().reviewed->score.value));
  CHECK(c.state.locked);
  CHECK(c.record.decisions[0].decision.decided_at ==
        a.one().record.decisions[0].decision.decided_at);
  Result<ImportReport> again = import_record({b.db, ""}, file);
  REQUIRE(again);
  CHECK(again->added == 0);
  CHECK(again->skipped == 8);
  Result<TrailCheck> trail = verify_record(b.db);
  REQUIRE(trail);
  CHECK_FALSE(trail->broken_seq);
  CHECK(trail->rows == 9);  // 8 rows and one import row
}

TEST_CASE("a conflicting decision is reported and the one in force stays", "[review-app]") {
  Round a, b;
  REQUIRE(a.decide(kReceipt, FindingVerdict::confirmed, "", "张三"));
  REQUIRE(a.decide(kNotice, FindingVerdict::dismissed, "在卷", "张三"));
  REQUIRE(b.decide(kReceipt, FindingVerdict::dismissed, "已补送达", "李四"));
  const fs::path file = a.dir.path / "a.json";
  REQUIRE(export_record(a.scope, file));
  Result<ImportReport> r = import_record(b.scope, file);
  REQUIRE(r);
  CHECK(r->added == 1);
  REQUIRE(r->conflicts.size() == 1);
  CHECK(r->conflicts[0].find(kReceipt) != std::string::npos);
  CHECK(r->conflicts[0].find("李四") != std::string::npos);
  const CaseReview c = b.one();
  REQUIRE(c.record.decisions.size() == 2);
  CHECK(latest_decision(c.record, kReceipt)->decision.inspector == "李四");
}

TEST_CASE("a decision replacing one both databases hold is added as its successor",
          "[review-app]") {
  Round a, b;
  REQUIRE(a.decide(kReceipt, FindingVerdict::confirmed));
  const fs::path file = a.dir.path / "a.json";
  REQUIRE(export_record(a.scope, file));
  REQUIRE(import_record(b.scope, file));
  REQUIRE(a.decide(kReceipt, FindingVerdict::dismissed, "补充材料中有送达回证", "王五"));
  REQUIRE(export_record(a.scope, file));
  Result<ImportReport> r = import_record(b.scope, file);
  REQUIRE(r);
  CHECK(r->added == 1);
  CHECK(r->skipped == 1);
  CHECK(r->conflicts.empty());
  const CaseReview c = b.one();  // latest_decision points into it
  const RecordedDecision* latest = latest_decision(c.record, kReceipt);
  REQUIRE(latest);
  CHECK(latest->decision.verdict == FindingVerdict::dismissed);
  CHECK(latest->replaces);
}

TEST_CASE("an imported change to a case signed here is a conflict", "[review-app]") {
  Round a, b;
  b.settle_all();
  REQUIRE(sign_case(b.scope, kNanshi, kSignerRole, "李四", bundled()));
  NewFinding f;
  f.text = "询问笔录未记录询问时间";
  f.severity = "minor";
  f.deduction = 2;
  f.inspector = "张三";
  REQUIRE(add_finding(a.scope, kNanshi, f, bundled()));
  const fs::path file = a.dir.path / "a.json";
  REQUIRE(export_record(a.scope, file));
  Result<ImportReport> r = import_record(b.scope, file);
  REQUIRE(r);
  CHECK(r->added == 0);
  REQUIRE(r->conflicts.size() == 1);
  CHECK(r->conflicts[0].find("签字锁定") != std::string::npos);
}

TEST_CASE("an import file that is not an auditor-review/1 document writes nothing",
          "[review-app]") {
  Round b;
  const fs::path file = b.dir.path / "x.json";
  const auto refused = [&](const std::string& text, Code code) {
    test::write_file(file, text);
    Result<ImportReport> r = import_record({b.db, ""}, file);
    REQUIRE_FALSE(r);
    CHECK(r.code() == code);
    return r.error();
  };
  refused("not json", Code::invalid);
  refused(R"({"format": "auditor-review/2", "round": {"name": "第一轮"}, "entries": []})",
          Code::unsupported);
  const std::string why = refused(
      R"({"format": "auditor-review/1", "round": {"name": "第一轮"}, "entries": [
          {"type": "decision", "case": "穗海南石综执立〔2024〕21号", "archive": "a.zip",
           "finding": "k", "verdict": "confirmed", "inspector": "张三",
           "decided_at": "2024-05-01T08:00:00.000Z"},
          {"type": "decision", "case": "穗海南石综执立〔2024〕21号", "archive": "a.zip",
           "finding": "k", "verdict": "dismissed", "inspector": "张三",
           "decided_at": "2024-05-01T08:00:01.000Z"}]})",
      Code::invalid);
  CHECK(why.find("第 2 条") != std::string::npos);
  refused(R"({"format": "auditor-review/1", "round": {"name": "没有的轮次"}, "entries": []})",
          Code::not_found);
  CHECK(b.one().record.empty());
  CHECK(verify_record(b.db)->rows == 0);
}

// The round as the reports read it, reviewed with the bundled checklist.
RoundData reviewed_round(const Round& round) {
  Result<std::unique_ptr<Store>> store = Store::open_read_only(round.db);
  REQUIRE(store);
  Result<std::optional<RoundInfo>> info = find_round(**store, "第一轮");
  REQUIRE(info);
  REQUIRE(*info);
  Result<RoundData> data = load_round(**store, **info, false);
  REQUIRE(data);
  review_round(*data, bundled());
  return std::move(*data);
}

nlohmann::json streamed(const RoundData& data) {
  std::string text;
  REQUIRE(write_round_json(
      data,
      [&](std::string_view piece) {
        text += piece;
        return true;
      },
      false));
  return nlohmann::json::parse(text);
}

TEST_CASE("report.json carries each case's review only when the round has a record",
          "[review-app]") {
  Round round;
  RoundData data = reviewed_round(round);
  CHECK_FALSE(data.has_record());
  CHECK_FALSE(streamed(data).at("cases")[0].contains("review"));

  REQUIRE(round.decide(kNotice, FindingVerdict::dismissed, "在卷"));
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  data = reviewed_round(round);
  REQUIRE(data.has_record());
  const nlohmann::json j = streamed(data);
  const nlohmann::json& review = j.at("cases")[0].at("review");
  CHECK(review.at("provisional") == true);
  CHECK(review.at("undecided") == 4);
  CHECK(review.at("score") == 100.0 - deduction_of("REQ-3-penalty_notice_receipt"));
  CHECK(review.at("items")[0].at("verdict") == "dismissed");
  CHECK(review.at("items")[0].at("reason") == "在卷");
  CHECK(review.at("items")[0].at("inspector") == "张三");
  CHECK(review.at("items")[0].at("deduction").is_null());
  CHECK(review.at("items")[1].at("deduction") == deduction_of("REQ-3-penalty_notice_receipt"));
  CHECK(review.at("signoffs").empty());
  CHECK(review.at("locked") == false);

  // The streamed text and the JSON value agree.
  const CaseReview c = round.one();
  CHECK(review == review_json(*c.reviewed, c.state, c.record, c.rectification));
  nlohmann::json value = {{"cases", nlohmann::json::array({nlohmann::json::object()})}};
  add_reviews(value, data);
  CHECK(value.at("cases")[0].at("review") == review);
}

}  // namespace
}  // namespace auditor

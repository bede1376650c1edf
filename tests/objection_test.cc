// Objections (异议) and their rulings (app/objection.h) on a really audited
// round: what may be objected to, each refusal, an accepted objection that
// withdraws its finding from the score until a later decision, and the
// trail-only rows read back and verified.
#include "app/objection.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "store/record.h"
#include "store/round_reader.h"
#include "store/store_internal.h"
#include "tests/review_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using namespace test;

struct Round : ReviewRound {
  using ReviewRound::ReviewRound;
  Result<Objection> object(const std::string& key,
                           const std::string& reason = "送达回证在补充材料中",
                           const std::string& who = "李街道", const std::string& unit = "") {
    return object_finding(scope, kNanshi, {key, reason, who, unit}, bundled());
  }
};

TEST_CASE(
    "an objection to a confirmed finding is recorded under its trail row, with the case's "
    "street",
    "[objection]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  Result<Objection> o = round.object(kReceipt);
  REQUIRE(o);
  CHECK(o->at.key == kNanshi);
  CHECK(o->finding == kReceipt);
  CHECK(o->unit == "南石头");  // the case's street when --unit is not given
  CHECK(o->seq == 2);          // the decision is row 1
  CHECK_FALSE(o->objected_at.empty());
  Result<Objection> named = round.object(kNotice, "x", "李街道", "南石头街道办");
  CHECK_FALSE(named);  // undecided

  const CaseReview c = round.one();
  REQUIRE(c.record.objections.size() == 1);
  CHECK(c.record.objections[0].seq == o->seq);
  CHECK(c.record.objections[0].reason == "送达回证在补充材料中");
  CHECK(c.record.objections[0].name == "李街道");
  // An objection changes nothing until it is ruled on.
  CHECK(round.item(c, kReceipt).verdict == FindingVerdict::confirmed);
  Result<TrailCheck> trail = verify_record(round.db);
  REQUIRE(trail);
  CHECK(trail->rows == 2);
  CHECK_FALSE(trail->broken_seq);
}

TEST_CASE("an objection is taken on a signed case: objections come after the 通报", "[objection]") {
  Round round;
  round.settle_all();
  REQUIRE(sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled()));
  Result<Objection> o = round.object(kReceipt, "已补送达", "李街道", "南石头街道");
  REQUIRE(o);
  CHECK(o->unit == "南石头街道");
  CHECK(round.one().state.locked);
}

TEST_CASE(
    "an objection is refused for a finding that does not count, an unknown key, without "
    "reason or name",
    "[objection]") {
  Round round;
  REQUIRE(round.decide(kNotice, FindingVerdict::dismissed, "在卷"));
  REQUIRE(round.decide(kSeal, FindingVerdict::passed));
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  const auto refused_with = [&](const Result<Objection>& r, const std::string& part) {
    REQUIRE_FALSE(r);
    CHECK(r.code() == Code::invalid);
    CHECK(r.error().find(part) != std::string::npos);
  };
  refused_with(round.object(kNotice), "不予认定");  // dismissed
  refused_with(round.object(kSeal), "核对无误");    // a passed manual check
  refused_with(round.object(kReview), "待定");      // an unsettled manual check
  refused_with(round.object("NOPE@case#1"), "NOPE@case#1");
  refused_with(round.object(kReceipt, ""), "理由");
  refused_with(round.object(kReceipt, "已补", ""), "--as");
  Result<Objection> no_case =
      object_finding(round.scope, "没有的案号", {kReceipt, "x", "李街道", ""}, bundled());
  REQUIRE_FALSE(no_case);
  CHECK(no_case.code() == Code::not_found);
  CHECK(round.one().record.objections.empty());
  CHECK(verify_record(round.db)->rows == 3);  // the three decisions only
}

TEST_CASE(
    "a second objection to a finding is refused while the first is pending, allowed after "
    "it is rejected",
    "[objection]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  Result<Objection> first = round.object(kReceipt);
  REQUIRE(first);
  Result<Objection> again = round.object(kReceipt, "再次说明");
  REQUIRE_FALSE(again);
  CHECK(again.error().find("尚未裁定") != std::string::npos);
  Result<Ruling> no =
      rule_objection(round.scope, first->seq, false, "补充材料中无送达回证", "评查组");
  REQUIRE(no);
  CHECK_FALSE(no->accepted);
  CHECK(no->finding == kReceipt);
  CHECK(no->at.key == kNanshi);
  // Not accepted: the finding still counts, and the street may object again.
  const CaseReview c = round.one();
  CHECK(round.item(c, kReceipt).verdict == FindingVerdict::confirmed);
  CHECK(round.object(kReceipt, "补充新的证据"));
}

TEST_CASE("an accepted objection withdraws the finding from the score and shows as 异议已采纳",
          "[objection]") {
  Round round;
  round.settle_all();
  REQUIRE(sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled()));
  const double receipt = deduction_of("REQ-3-penalty_notice_receipt");
  CHECK(round.one().reviewed->score.value == Approx(100 - receipt));
  Result<Objection> o = round.object(kReceipt);
  REQUIRE(o);
  Result<Ruling> yes =
      rule_objection(round.scope, o->seq, true, "送达回证确在补充材料中", "评查组");
  REQUIRE(yes);
  CHECK(yes->accepted);
  CHECK(yes->objection == o->seq);

  const CaseReview c = round.one();
  CHECK(c.reviewed->score.value == Approx(100));
  CHECK_FALSE(c.reviewed->provisional());
  const ReviewedItem& item = round.item(c, kReceipt);
  CHECK(item.verdict == FindingVerdict::withdrawn);
  CHECK(std::string(verdict_label(item.verdict)) == "异议已采纳");
  REQUIRE(item.decision);
  CHECK(item.decision->reason == "送达回证确在补充材料中");
  CHECK(item.decision->inspector == "评查组");
  CHECK_FALSE(item.counted);
  CHECK_FALSE(counted_deduction(item));
  CHECK(c.state.locked);  // the ruling does not touch the sign-off
  // A withdrawn finding takes no further objection.
  Result<Objection> again = round.object(kReceipt, "再说一次");
  REQUIRE_FALSE(again);
  CHECK(again.error().find("异议已采纳") != std::string::npos);
  // The reports read the same score (review_round over the stored record).
  Result<std::unique_ptr<Store>> store = Store::open_read_only(round.db);
  REQUIRE(store);
  Result<std::optional<RoundInfo>> info = find_round(**store, "第一轮");
  REQUIRE(info);
  Result<RoundData> data = load_round(**store, **info, false);
  REQUIRE(data);
  review_round(*data, bundled());
  REQUIRE(data->reviewed[0]);
  CHECK(data->reviewed[0]->score.value == Approx(100));
}

TEST_CASE("a decision recorded after an accepted ruling brings the finding back", "[objection]") {
  Round round;
  round.settle_all();
  REQUIRE(sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled()));
  Result<Objection> o = round.object(kReceipt);
  REQUIRE(o);
  REQUIRE(rule_objection(round.scope, o->seq, true, "属实", "评查组"));
  // A decision of before the ruling does not: only a later one.
  CHECK(round.item(round.one(), kReceipt).verdict == FindingVerdict::withdrawn);
  REQUIRE(reopen_case(round.scope, kNanshi, "王五", "补充材料实为另一案的送达回证"));
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  const CaseReview c = round.one();
  CHECK(round.item(c, kReceipt).verdict == FindingVerdict::confirmed);
  CHECK(c.reviewed->score.value == Approx(100 - deduction_of("REQ-3-penalty_notice_receipt")));
}

TEST_CASE("an accepted objection withdraws a failed manual check and an added finding",
          "[objection]") {
  Round round;
  REQUIRE(round.decide(kSignatures, FindingVerdict::failed, "询问笔录第 2 页无签名"));
  NewFinding f;
  f.text = "询问笔录未记录询问时间";
  f.severity = "minor";
  f.deduction = 2;
  f.inspector = "李四";
  Result<RecordedAdded> added = add_finding(round.scope, kNanshi, f, bundled());
  REQUIRE(added);
  const double before = round.one().reviewed->max_score;
  Result<Objection> a = round.object(kSignatures, "第 2 页有签名，扫描不清");
  Result<Objection> b = round.object(added->added.key, "询问时间记于首页");
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(rule_objection(round.scope, a->seq, true, "原件有签名", "评查组"));
  REQUIRE(rule_objection(round.scope, b->seq, true, "首页有时间", "评查组"));
  const CaseReview c = round.one();
  CHECK(round.item(c, kSignatures).verdict == FindingVerdict::withdrawn);
  const ReviewedItem& entered = round.item(c, added->added.key);
  CHECK(entered.added);
  CHECK(entered.verdict == FindingVerdict::withdrawn);
  CHECK_FALSE(entered.counted);
  CHECK(c.reviewed->obsolete.empty());  // a ruling on an added finding is not obsolete
  CHECK(c.reviewed->max_score > before);
  CHECK(c.reviewed->max_score == Approx(100));
}

TEST_CASE("a ruling is refused for an unknown objection, one already ruled, without reason or name",
          "[objection]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  Result<Objection> o = round.object(kReceipt);
  REQUIRE(o);
  Result<Ruling> unknown = rule_objection(round.scope, 99, true, "属实", "评查组");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.code() == Code::not_found);
  // A row that is not an objection is no objection.
  CHECK(rule_objection(round.scope, 1, true, "属实", "评查组").code() == Code::not_found);
  CHECK_FALSE(rule_objection(round.scope, o->seq, true, "", "评查组"));
  CHECK_FALSE(rule_objection(round.scope, o->seq, true, "属实", ""));
  REQUIRE(rule_objection(round.scope, o->seq, false, "不属实", "评查组"));
  Result<Ruling> twice = rule_objection(round.scope, o->seq, true, "改为采纳", "评查组");
  REQUIRE_FALSE(twice);
  CHECK(twice.code() == Code::invalid);
  CHECK(twice.error().find("不予采纳") != std::string::npos);
  CHECK(round.one().record.rulings.size() == 1);
}

TEST_CASE("a rejected archive takes no objection", "[objection]") {
  Round round("06-not-a-zip.zip");
  Result<Objection> o = object_finding(round.scope, round.archive.string(),
                                       {"x@case#1", "理由", "李街道", ""}, bundled());
  REQUIRE_FALSE(o);
  CHECK(o.code() == Code::invalid);
  CHECK(o.error().find("无法读取") != std::string::npos);
}

TEST_CASE("objections are listed per case with their rulings, or only the pending ones",
          "[objection]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  REQUIRE(round.decide(kSignatures, FindingVerdict::failed, "无签名"));
  Result<Objection> a = round.object(kReceipt);
  Result<Objection> b = round.object(kSignatures, "有签名");
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(rule_objection(round.scope, a->seq, false, "不属实", "评查组"));
  Result<std::vector<CaseObjections>> all = list_objections(round.scope, "", false);
  REQUIRE(all);
  REQUIRE(all->size() == 1);
  REQUIRE((*all)[0].objections.size() == 2);
  CHECK((*all)[0].objections[0].first.seq == a->seq);
  REQUIRE((*all)[0].objections[0].second);
  CHECK_FALSE((*all)[0].objections[0].second->accepted);
  CHECK_FALSE((*all)[0].objections[1].second);
  Result<std::vector<CaseObjections>> pending = list_objections(round.scope, kNanshi, true);
  REQUIRE(pending);
  REQUIRE(pending->size() == 1);
  REQUIRE((*pending)[0].objections.size() == 1);
  CHECK((*pending)[0].objections[0].first.seq == b->seq);
}

// ---- The values and the store underneath ----------------------------------

TEST_CASE("withdrawn is never a decision an inspector or an import records", "[objection]") {
  Finding f;
  f.rule = "REQ-x";
  f.kind = "missing_document";
  Decision d;
  d.key = "REQ-x@case#1";
  d.verdict = FindingVerdict::withdrawn;
  d.reason = "属实";
  d.inspector = "张三";
  CHECK(decision_problem(f, d).find("auditor review rule") != std::string::npos);
  CHECK(verdict_named("withdrawn") == FindingVerdict::withdrawn);

  Round round;
  Result<std::unique_ptr<Store>> store = Store::open(round.db);
  REQUIRE(store);
  RecordTransaction tx(**store);
  Result<RecordedDecision> r = record_decision(**store, 1, {kNanshi, "a.zip"}, d, std::nullopt);
  REQUIRE_FALSE(r);
  CHECK(r.code() == Code::invalid);
}

TEST_CASE("decisions_of puts each accepted ruling among the decisions in trail order",
          "[objection]") {
  Record r;
  RecordedDecision confirm;
  confirm.decision.key = "K@case#1";
  confirm.decision.verdict = FindingVerdict::confirmed;
  confirm.seq = 1;
  r.decisions.push_back(confirm);
  RecordedDecision again = confirm;
  again.seq = 5;
  r.decisions.push_back(again);
  Ruling accepted;
  accepted.finding = "K@case#1";
  accepted.accepted = true;
  accepted.reason = "属实";
  accepted.name = "评查组";
  accepted.seq = 3;
  Ruling rejected = accepted;
  rejected.accepted = false;
  rejected.seq = 7;
  r.rulings = {accepted, rejected};
  const std::vector<Decision> ds = decisions_of(r);
  REQUIRE(ds.size() == 3);  // a rejected ruling is no decision
  CHECK(ds[0].verdict == FindingVerdict::confirmed);
  CHECK(ds[1].verdict == FindingVerdict::withdrawn);
  CHECK(ds[1].inspector == "评查组");
  CHECK(ds[2].verdict == FindingVerdict::confirmed);
}

TEST_CASE("split_record gives objections, rulings and rectification to their case", "[objection]") {
  Record round;
  round.objections.push_back({{"A号", "a.zip"}, "K@case#1", "", "r", "n", "t", 1});
  round.rulings.push_back({{"B号", "b.zip"}, "K@case#1", 1, true, "r", "n", "t", 2});
  RectifyItem it;
  it.at = {"新号", "a.zip"};  // the number changed: the archive decides
  round.rectify_items.push_back(it);
  round.rectify_updates.push_back({{"无", "none.zip"}, 3, kRectifyDone, "n", "x", "t", 4});
  const std::vector<Record> split =
      split_record(round, {{std::string("A号"), "a.zip"}, {std::string("B号"), "b.zip"}});
  CHECK(split[0].objections.size() == 1);
  CHECK(split[0].rectify_items.size() == 1);
  CHECK(split[1].rulings.size() == 1);
  CHECK(split[0].rectify_updates.empty());
  CHECK(split[1].rectify_updates.empty());
  CHECK_FALSE(split[1].empty());
}

TEST_CASE(
    "a trail row of an objection whose payload is not an objection is corrupt, and a "
    "changed one breaks the chain",
    "[objection]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  Result<Objection> o = round.object(kReceipt);
  REQUIRE(o);
  {
    Result<std::unique_ptr<Store>> store = Store::open(round.db);
    REQUIRE(store);
    sqlite3* db = StoreAccess::db(**store);
    REQUIRE(sqlite3_exec(db,
                         "DROP TRIGGER trail_no_update;"
                         "UPDATE trail SET payload = '{\"case\": 1}' WHERE seq = 2",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
  }
  Result<RoundReview> r = list_reviews(round.scope, "", bundled());
  REQUIRE_FALSE(r);
  CHECK(r.code() == Code::corrupt);
  CHECK(r.error().find("第 2 条") != std::string::npos);
  Result<TrailCheck> trail = verify_record(round.db);
  REQUIRE(trail);
  CHECK(trail->broken_seq == std::optional<long long>(2));
}

}  // namespace
}  // namespace auditor

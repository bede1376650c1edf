// Rectification (整改) and its re-check (回头看) (app/rectification.h) on a
// really audited round: due dates from the round setting, each refusal,
// the street's updates, overdue items, and a corrected archive re-checked
// by key (已整改, 未整改, 待人工复查, 新发现).
#include "app/rectification.h"

#include <catch2/catch.hpp>

#include "app/objection.h"
#include "tests/review_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using namespace test;

// In 01-complete-structured.zip only: new when it replaces 03.
const std::string kCorrectionSeal = "MAN-seal-image@correction_order#1";
const Date kToday = *Date::parse("2026-01-10");

struct Round : ReviewRound {
  using ReviewRound::ReviewRound;
  Result<RectifyItem> rectify(const std::string& key, std::optional<Date> due = std::nullopt,
                              const std::string& kind = kRectifyInFile,
                              const std::string& owner = "王五", const std::string& who = "张三",
                              const std::string& id = kNanshi) {
    return rectify_finding(scope, id, {key, kind, owner, who, due}, bundled(), kToday);
  }
  RectificationList list(const Date& today = kToday, bool overdue = false) {
    Result<RectificationList> r = list_rectification(scope, "", overdue, today);
    REQUIRE(r);
    return std::move(*r);
  }
  // The only case's items, re-checked.
  CaseRectification one(const Date& today = kToday) {
    RectificationList l = list(today);
    REQUIRE(l.cases.size() == 1);
    return l.cases[0].rect;
  }
};

const RecheckedItem& item_for(const CaseRectification& c, const std::string& key) {
  for (const RecheckedItem& x : c.items)
    if (x.item.finding == key) return x;
  FAIL("no item for " << key);
  return c.items.front();
}

TEST_CASE("a rectification item is due 30 days after today unless the round sets another period",
          "[rectification]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  REQUIRE(round.decide(kNotice, FindingVerdict::confirmed));
  Result<RectifyItem> a = round.rectify(kReceipt);
  REQUIRE(a);
  CHECK(a->due == "2026-02-09");
  CHECK(a->kind == kRectifyInFile);
  CHECK(a->owner == "王五");
  CHECK(a->name == "张三");
  CHECK(a->machine);
  CHECK(a->rule == "REQ-3-penalty_notice_receipt");
  CHECK_FALSE(a->message.empty());
  CHECK(a->seq == 3);  // two decisions before it
  CHECK(a->keys_then.size() == 6);

  REQUIRE(set_round_settings(round.scope, {std::nullopt, 45}).ok());
  Result<RectifyItem> b = round.rectify(kNotice, std::nullopt, kRectifySystem);
  REQUIRE(b);
  CHECK(b->due == "2026-02-24");
  CHECK(b->kind == kRectifySystem);

  const CaseRectification c = round.one();
  REQUIRE(c.items.size() == 2);
  CHECK(c.items[0].item.seq == a->seq);
  CHECK(c.items[0].status == kRectifyOpen);
  CHECK(c.items[0].recheck == RecheckState::not_yet);  // not audited again yet
  CHECK(c.new_findings.empty());
  Result<TrailCheck> trail = verify_record(round.db);
  REQUIRE(trail);
  CHECK_FALSE(trail->broken_seq);
}

TEST_CASE("a rectification item may be given its own due date, not before today",
          "[rectification]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  Result<RectifyItem> early = round.rectify(kReceipt, *Date::parse("2026-01-09"));
  REQUIRE_FALSE(early);
  CHECK(early.error().find("早于今天") != std::string::npos);
  Result<RectifyItem> same_day = round.rectify(kReceipt, kToday);
  REQUIRE(same_day);
  CHECK(same_day->due == "2026-01-10");
}

TEST_CASE(
    "rectification is refused for a finding that does not count, a second item, a bad kind, "
    "no owner or name",
    "[rectification]") {
  Round round;
  REQUIRE(round.decide(kNotice, FindingVerdict::dismissed, "在卷"));
  REQUIRE(round.decide(kSeal, FindingVerdict::passed));
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  const auto refused_with = [&](const Result<RectifyItem>& r, const std::string& part) {
    REQUIRE_FALSE(r);
    CHECK(r.code() == Code::invalid);
    CHECK(r.error().find(part) != std::string::npos);
  };
  refused_with(round.rectify(kNotice), "不予认定");
  refused_with(round.rectify(kSeal), "核对无误");
  refused_with(round.rectify(kSignatures), "待定");
  refused_with(round.rectify("NOPE@case#1"), "NOPE@case#1");
  refused_with(round.rectify(kReceipt, std::nullopt, "随便改改"), "整改类型");
  refused_with(round.rectify(kReceipt, std::nullopt, kRectifyInFile, ""), "--owner");
  refused_with(round.rectify(kReceipt, std::nullopt, kRectifyInFile, "王五", ""), "--as");
  CHECK(
      round.rectify(kReceipt, std::nullopt, kRectifyInFile, "王五", "张三", "没有的案号").code() ==
      Code::not_found);
  REQUIRE(round.rectify(kReceipt));
  refused_with(round.rectify(kReceipt), "已有整改事项");
  CHECK(round.one().items.size() == 1);
}

TEST_CASE("a finding whose objection was accepted takes no rectification item", "[rectification]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  Result<Objection> o =
      object_finding(round.scope, kNanshi, {kReceipt, "已补送达", "李街道", ""}, bundled());
  REQUIRE(o);
  REQUIRE(rule_objection(round.scope, o->seq, true, "属实", "评查组"));
  Result<RectifyItem> r = round.rectify(kReceipt);
  REQUIRE_FALSE(r);
  CHECK(r.error().find("异议已采纳") != std::string::npos);
}

TEST_CASE("a rejected archive takes no rectification item", "[rectification]") {
  Round round("06-not-a-zip.zip");
  Result<RectifyItem> r = round.rectify("x@case#1", std::nullopt, kRectifyInFile, "王五", "张三",
                                        round.archive.string());
  REQUIRE_FALSE(r);
  CHECK(r.code() == Code::invalid);
  CHECK(r.error().find("无法读取") != std::string::npos);
}

TEST_CASE("rectification is made on a signed case", "[rectification]") {
  Round round;
  REQUIRE(round.decide(kNotice, FindingVerdict::dismissed, "在卷"));
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  for (const std::string& k :
       {std::string("REQ-3-statement_record@statement_record#1"),
        std::string("REQ-3-review_record@review_record#1"), kSeal, kSignatures})
    REQUIRE(round.decide(k, FindingVerdict::passed));
  REQUIRE(sign_case(round.scope, kNanshi, kSignerRole, "张三", bundled()));
  CHECK(round.rectify(kReceipt));
}

TEST_CASE("the street's updates set an item's status and note, each refusal", "[rectification]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  Result<RectifyItem> it = round.rectify(kReceipt);
  REQUIRE(it);
  CHECK_FALSE(update_rectification(round.scope, it->seq, "做完了", "x", "李街道"));
  CHECK_FALSE(update_rectification(round.scope, it->seq, kRectifyDoing, "", "李街道"));
  CHECK_FALSE(update_rectification(round.scope, it->seq, kRectifyDoing, "补送达中", ""));
  Result<RectifyUpdate> unknown =
      update_rectification(round.scope, 99, kRectifyDoing, "补送达中", "李街道");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.code() == Code::not_found);
  CHECK(update_rectification(round.scope, 1, kRectifyDoing, "x", "李街道").code() ==
        Code::not_found);  // row 1 is a decision

  Result<RectifyUpdate> doing =
      update_rectification(round.scope, it->seq, kRectifyDoing, "已联系当事人补送达", "李街道");
  REQUIRE(doing);
  CHECK(doing->item == it->seq);
  CHECK(doing->at.key == kNanshi);
  CaseRectification c = round.one();
  CHECK(c.items[0].status == kRectifyDoing);
  CHECK(c.items[0].note == "已联系当事人补送达");
  REQUIRE(update_rectification(round.scope, it->seq, kRectifyDone, "送达回证已归档", "李街道"));
  c = round.one();
  CHECK(c.items[0].status == kRectifyDone);
  CHECK(c.items[0].updates.size() == 2);
}

TEST_CASE("an item past due and not reported done is overdue, --overdue lists only those",
          "[rectification]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  REQUIRE(round.decide(kNotice, FindingVerdict::confirmed));
  Result<RectifyItem> a = round.rectify(kReceipt);  // due 2026-02-09
  Result<RectifyItem> b = round.rectify(kNotice, *Date::parse("2026-03-01"));
  REQUIRE(a);
  REQUIRE(b);
  const Date due = *Date::parse("2026-02-09");
  CHECK_FALSE(round.one(due).items[0].overdue);  // due today is not late
  CaseRectification later = round.one(due.add_days(1));
  CHECK(later.items[0].overdue);
  CHECK_FALSE(later.items[1].overdue);
  RectificationList overdue = round.list(due.add_days(1), true);
  REQUIRE(overdue.cases.size() == 1);
  REQUIRE(overdue.cases[0].rect.items.size() == 1);
  CHECK(overdue.cases[0].rect.items[0].item.seq == a->seq);
  CHECK(overdue.today == "2026-02-10");

  REQUIRE(update_rectification(round.scope, a->seq, kRectifyDoing, "补送达中", "李街道"));
  CHECK(round.one(due.add_days(1)).items[0].overdue);  // 整改中 is still late
  REQUIRE(update_rectification(round.scope, a->seq, kRectifyDone, "已补", "李街道"));
  CHECK_FALSE(round.one(due.add_days(1)).items[0].overdue);
  CHECK(round.list(due.add_days(1), true).cases.empty());
}

TEST_CASE("a corrected archive re-checks each item by key: 已整改, 待人工复查 and 新发现",
          "[rectification]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  REQUIRE(round.decide(kSignatures, FindingVerdict::failed, "询问笔录第 2 页无签名"));
  REQUIRE(round.rectify(kReceipt));
  REQUIRE(round.rectify(kSignatures));
  CHECK(item_for(round.one(), kSignatures).item.machine == false);

  // The corrected archive (its case number is the corrected file's; the
  // record follows the archive path).
  round.audit("01-complete-structured.zip");
  RectificationList l = round.list();
  REQUIRE(l.cases.size() == 1);
  CHECK(l.cases[0].ref.archive == round.archive.string());
  const CaseRectification& c = l.cases[0].rect;
  CHECK(item_for(c, kReceipt).recheck == RecheckState::fixed);
  CHECK(std::string(recheck_label(item_for(c, kReceipt).recheck)) == "已整改");
  CHECK(item_for(c, kSignatures).recheck == RecheckState::manual);
  CHECK(std::string(recheck_label(RecheckState::manual)) == "待人工复查");
  // A finding of the corrected archive that was not there when the items
  // were made, and has no decision.
  REQUIRE(c.new_findings.size() == 1);
  CHECK(c.new_findings[0] == kCorrectionSeal);
}

TEST_CASE("an archive audited again unchanged leaves a machine item 未整改", "[rectification]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  REQUIRE(round.rectify(kReceipt));
  round.audit("03-missing-notice-bare.zip");
  const CaseRectification c = round.one();
  CHECK(c.items[0].recheck == RecheckState::open);
  CHECK(std::string(recheck_label(c.items[0].recheck)) == "未整改");
  CHECK(c.new_findings.empty());  // the same findings as when the item was made
}

TEST_CASE("a finding decided after the re-audit is not new", "[rectification]") {
  Round round;
  REQUIRE(round.decide(kReceipt, FindingVerdict::confirmed));
  REQUIRE(round.rectify(kReceipt));
  round.audit("01-complete-structured.zip");
  Result<RoundReview> r = list_reviews(round.scope, round.archive.string(), bundled());
  REQUIRE(r);
  Decision d;
  d.key = kCorrectionSeal;
  d.verdict = FindingVerdict::passed;
  d.inspector = "张三";
  REQUIRE(decide_finding(round.scope, round.archive.string(), d));
  CHECK(round.one().new_findings.empty());
}

TEST_CASE("recheck_case without items lists nothing and judges overdue by the due date",
          "[rectification]") {
  Record r;
  CHECK(recheck_case(r, {}, 1, "2026-01-01").items.empty());
  RectifyItem it;
  it.finding = "K@case#1";
  it.machine = true;
  it.due = "2026-01-31";
  it.run = 1;
  it.keys_then = {"K@case#1"};
  it.seq = 4;
  r.rectify_items.push_back(it);
  Finding f;
  f.rule = "K";
  Finding fresh;
  fresh.rule = "N";
  CaseRectification same_run = recheck_case(r, {f, fresh}, 1, "2026-02-01");
  CHECK(same_run.items[0].recheck == RecheckState::not_yet);
  CHECK(same_run.items[0].overdue);
  CHECK(same_run.new_findings.empty());  // not audited again: nothing is new yet
  CaseRectification again = recheck_case(r, {f, fresh}, 2, "2026-01-31");
  CHECK(again.items[0].recheck == RecheckState::open);
  CHECK_FALSE(again.items[0].overdue);
  CHECK(again.new_findings == std::vector<std::string>{"N@case#1"});
}

}  // namespace
}  // namespace auditor

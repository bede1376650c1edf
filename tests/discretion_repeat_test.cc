// Repeat offences counted from the stored cases (SUB-repeat-offence): a band
// of the discretion standard presuming a first offence (轻微: 首次被发现) while
// the database holds an earlier case of the same party under the same
// provision within the period is a finding naming that case; a band presuming
// a repeat (一般: 一年内第二次被发现) with no such case stored, an audit without
// a database and a party without a readable party_id are manual checks.
// Decisions are real DOCX files in real archives, audited with audit_round
// into a real database one after the other.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/audit.h"
#include "auditor/discretion.h"
#include "auditor/discretion_rules.h"
#include "auditor/repeat.h"
#include "reports/zip_writer.h"
#include "store/party_history.h"
#include "tests/cli_support.h"
#include "tests/discretion_fixtures.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;
namespace fs = std::filesystem;

namespace {

constexpr const char* kRule = "SUB-repeat-offence";
constexpr const char* kOtherParty = "当事人：李明\n身份证号码：440106199001011235";

// A decision of the sample's 露天烧烤 provision (大气污染防治法第一百一十八条第三款).
DecisionText decision(const std::string& number, const std::string& violation,
                      const std::string& signed_on, const std::string& band = "轻微") {
  DecisionText t;
  t.number = "穗海新港综执罚决〔2024〕" + number + "号";
  t.violation = violation;
  t.signed_on = signed_on;
  t.band = "当事人的违法行为属于" + band + "违法情形。";
  t.penalty = band == "轻微" ? "本机关决定：罚款人民币1000元。" : "本机关决定：罚款人民币3000元。";
  return t;
}

// The current case: 轻微 (first offence presumed), the act on 2024-06-10.
DecisionText current(const std::string& band = "轻微") {
  return decision("9", "2024年6月10日", "2024年7月1日", band);
}

// A database in a temp folder; each audit is its own run and round.
struct Db {
  test::TempDir dir;
  int runs = 0;

  fs::path archive(const DecisionText& t, const std::string& name) {
    const fs::path zip = dir.path / (name + ".zip");
    REQUIRE(write_zip_file(
                zip, {ZipMember("05决定/11-行政处罚决定书.docx", decision_docx_bytes(t.text()))})
                .ok());
    return zip;
  }
  CaseResult audit(const fs::path& zip, bool full = false) {
    AuditRequest req;
    req.full = full;
    req.inputs = {zip.string()};
    req.db = dir.path / "audit.db";
    req.round = "第" + std::to_string(++runs) + "轮";
    req.tool_version = "test";
    req.keep_results = true;
    Result<AuditOutcome> o = audit_round(req, substance_checklist(), {});
    INFO((o ? std::string() : o.error()));
    REQUIRE(o.ok());
    REQUIRE(o->results.size() == 1);
    return std::move(o->results.front());
  }
  CaseResult audit(const DecisionText& t, const std::string& name) {
    return audit(archive(t, name));
  }
};

}  // namespace

TEST_CASE("a first-offence band with an earlier case of the party within the period is a finding",
          "[discretion]") {
  Db db;
  db.audit(decision("3", "2023年12月20日", "2024年1月5日"), "earlier");
  const CaseResult r = db.audit(current(), "current");
  CHECK(outcome_of(r.audit, kRule) == Outcome::failed);
  const std::vector<Finding> f = findings_of(r.audit, kRule);
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == "major");
  CHECK(f[0].kind == "discretion");
  CHECK_THAT(f[0].message, Catch::Contains("适用“轻微”阶次"));
  CHECK_THAT(f[0].message, Catch::Contains("首次违法"));
  CHECK_THAT(f[0].message, Catch::Contains("穗海新港综执罚决〔2024〕3号"));
  CHECK_THAT(f[0].message, Catch::Contains("决定日期 2024-01-05"));
  REQUIRE(f[0].evidence.size() == 3);
  CHECK(f[0].evidence[0] == "本案违法行为发生日期 2024-06-10，期限自 2023-06-10 起");
  CHECK_THAT(f[0].evidence[1], Catch::Contains("前案：案号 穗海新港综执罚决〔2024〕3号"));
  CHECK_THAT(f[0].evidence[1], Catch::Contains("earlier.zip"));
  CHECK_THAT(f[0].evidence[2], Catch::Contains("裁量基准 air-118-3"));
  // `audit --full` (nothing reused) reads the history too.
  const CaseResult full = db.audit(db.dir.path / "current.zip", true);
  CHECK(messages(full.audit, kRule) == messages(r.audit, kRule));
}

TEST_CASE(
    "the repeat check stays quiet for an earlier case outside the period, of another "
    "provision, of another party, or the case itself",
    "[discretion]") {
  Db db;
  SECTION("outside the period") {
    // Decided 2023-06-09: one day more than a year before the act of 2024-06-10.
    db.audit(decision("3", "2023年5月2日", "2023年6月9日"), "earlier");
  }
  SECTION("another provision") {
    DecisionText t = decision("3", "2023年12月20日", "2024年1月5日");
    t.cited =
        "当事人的上述行为违反了《中华人民共和国大气污染防治法》第八十一条第一款的规定。依据《中华"
        "人民共和国大气污染防治法》第一百一十八条第一款的规定";
    t.penalty = "本机关决定：罚款人民币6000元。";
    db.audit(t, "earlier");
  }
  SECTION("another party") {
    DecisionText t = decision("3", "2023年12月20日", "2024年1月5日");
    t.party = kOtherParty;
    db.audit(t, "earlier");
  }
  SECTION("a case decided after this act") {
    db.audit(decision("3", "2024年6月20日", "2024年6月28日"), "later");
  }
  SECTION("the same case audited again, and a copy of its archive") {
    // No act date read: judged at its decision date, the stored original's
    // too. The copy (same bytes and number, another path) does not count it.
    DecisionText t = current();
    t.violation.clear();
    const fs::path zip = db.archive(t, "current");
    db.audit(zip);
    fs::copy_file(zip, db.dir.path / "copy.zip");
    CHECK(outcome_of(db.audit(db.dir.path / "copy.zip").audit, kRule) == Outcome::passed);
    // Another case number of the same day is another case: counted.
    t.number = "穗海新港综执罚决〔2024〕10号";
    const CaseResult other = db.audit(t, "other");
    CHECK(outcome_of(other.audit, kRule) == Outcome::failed);
    CHECK_THAT(messages(other.audit, kRule), Catch::Contains("〔2024〕9号（决定日期 2024-07-01）"));
    return;
  }
  const CaseResult r = db.audit(current(), "current");
  CHECK(outcome_of(r.audit, kRule) == Outcome::passed);
  CHECK(findings_of(r.audit, kRule).empty());
}

TEST_CASE("a repeat band with no earlier case stored is a manual check, with one it passes",
          "[discretion]") {
  Db db;
  const CaseResult alone = db.audit(current("一般"), "alone");
  CHECK(outcome_of(alone.audit, kRule) == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(alone.audit, kRule);
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(f[0].severity == "info");
  CHECK_THAT(f[0].message, Catch::Contains("1年内再次违法"));
  CHECK_THAT(f[0].message, Catch::Contains("未找到当事人（440105198506121236）"));
  CHECK_THAT(f[0].message, Catch::Contains("前案可能不在数据库中"));

  db.audit(decision("3", "2023年12月20日", "2024年1月5日"), "earlier");
  const CaseResult with_earlier = db.audit(current("一般"), "current");
  CHECK(outcome_of(with_earlier.audit, kRule) == Outcome::passed);
  CHECK(findings_of(with_earlier.audit, kRule).empty());
}

TEST_CASE("without a database or a readable party id the repeat check asks for a manual check",
          "[discretion]") {
  const Audit no_db = audit_decision(current());
  CHECK(outcome_of(no_db, kRule) == Outcome::not_checkable);
  CHECK_THAT(messages(no_db, kRule), Catch::Contains("本次审查未使用案卷数据库"));
  CHECK_THAT(messages(no_db, kRule), Catch::Contains("440105198506121236"));

  Db db;
  DecisionText t = current();
  t.party = "当事人：陈建华";
  const CaseResult r = db.audit(t, "current");
  CHECK(outcome_of(r.audit, kRule) == Outcome::not_checkable);
  CHECK_THAT(messages(r.audit, kRule),
             Catch::Contains("未读出当事人的统一社会信用代码或身份证号码"));

  // A stored case of the party under the provision with no date read.
  DecisionText undated = decision("3", "", "");
  db.audit(undated, "undated");
  const CaseResult after_undated = db.audit(current(), "after");
  CHECK(outcome_of(after_undated.audit, kRule) == Outcome::not_checkable);
  CHECK_THAT(messages(after_undated.audit, kRule),
             Catch::Contains("另有 1 件依同一条款处罚的案件未读出日期"));

  // A band that presumes nothing (较重) is not the rule's business.
  DecisionText heavy = current("较重");
  heavy.penalty = "本机关决定：罚款人民币10000元。";
  CHECK(outcome_of(audit_decision(heavy), kRule) == Outcome::not_applicable);
}

TEST_CASE("the band written another way gives the same repeat finding", "[discretion]") {
  Db db;
  DecisionText earlier = decision("3", "2023年12月20日", "2024年1月5日");
  earlier.band = "经查，违法情节轻微。";
  db.audit(earlier, "earlier");
  const CaseResult plain = db.audit(current(), "plain");
  DecisionText other = current();
  other.number = "穗海新港综执罚决〔2024〕9号";
  other.band = "\n根据《海珠区街道行政处罚裁量基准》，本案违法情节轻微。";
  other.party = "当事人：陈建华（公民身份号码：440105198506121236）";
  const CaseResult variant = db.audit(other, "variant");
  CHECK(outcome_of(plain.audit, kRule) == Outcome::failed);
  CHECK(outcome_of(variant.audit, kRule) == Outcome::failed);
  CHECK(messages(plain.audit, kRule) == messages(variant.audit, kRule));
}

TEST_CASE("the party history lists a party's stored cases without the one audited",
          "[discretion]") {
  Db db;
  db.audit(decision("3", "2023年12月20日", "2024年1月5日"), "earlier");
  DecisionText other = decision("4", "2024年2月1日", "2024年2月20日");
  other.party = kOtherParty;
  db.audit(other, "other");
  Result<std::unique_ptr<Store>> store = Store::open(db.dir.path / "audit.db");
  REQUIRE(store.ok());
  Result<std::vector<EarlierCase>> mine =
      earlier_cases_of(**store, "440105198506121236", {"penalty_decision"}, "");
  REQUIRE(mine.ok());
  REQUIRE(mine->size() == 1);
  const EarlierCase& c = mine->front();
  CHECK(c.case_number == "穗海新港综执罚决〔2024〕3号");
  CHECK(c.decided == "2024-01-05");
  CHECK(c.violation == "2023-12-20");
  CHECK(c.archive == (db.dir.path / "earlier.zip").string());
  CHECK(std::find(c.provisions.begin(), c.provisions.end(),
                  "《中华人民共和国大气污染防治法》第一百一十八条第三款") != c.provisions.end());
  Result<std::vector<EarlierCase>> without =
      earlier_cases_of(**store, "440105198506121236", {"penalty_decision"}, c.archive);
  REQUIRE(without.ok());
  CHECK(without->empty());
  Result<PartyHistory> all = read_party_history(**store, {"penalty_decision"});
  REQUIRE(all.ok());
  CHECK(all->by_party.size() == 2);
}

TEST_CASE("a band's repeat presumption is validated by the discretion loader", "[discretion]") {
  CHECK(repeat_period_months("1年") == 12);
  CHECK(repeat_period_months("一年") == 12);
  CHECK(repeat_period_months("6个月") == 6);
  CHECK(repeat_period_months("十八个月") == 18);
  CHECK_FALSE(repeat_period_months("6月"));
  CHECK_FALSE(repeat_period_months("0年"));
  CHECK_FALSE(repeat_period_months("11年"));
  CHECK_FALSE(repeat_period_months("年"));
  CHECK_FALSE(repeat_period_months(""));

  auto load = [](const std::string& band_attributes) {
    test::TempDir dir;
    const fs::path file = dir.path / "d.xml";
    test::write_file(file,
                     "<discretion id=\"x\" version=\"1\" name=\"x\">\n"
                     "  <provision id=\"a\" name=\"a\" law=\"大气污染防治法\" article=\"118\" "
                     "paragraph=\"3\" min=\"500\" max=\"20000\">\n"
                     "    <band name=\"一般\" min=\"2000\" max=\"3000\"" +
                         band_attributes + ">x</band>\n  </provision>\n</discretion>\n");
    Result<DiscretionTable> t = load_discretion(file);
    return t ? std::string() : t.error();
  };
  CHECK(load("").empty());
  CHECK(load(" repeat=\"first\" within=\"1年\"").empty());
  CHECK(load(" repeat=\"repeat\" within=\"6个月\"").empty());
  CHECK_THAT(load(" repeat=\"twice\" within=\"1年\""), Catch::Contains(":3: repeat 须为 first"));
  CHECK_THAT(load(" repeat=\"first\""), Catch::Contains(":3: 写明 repeat 时须写明期限 within"));
  CHECK_THAT(load(" within=\"1年\""), Catch::Contains(":3: repeat 须为"));
  CHECK_THAT(load(" repeat=\"first\" within=\"6月\""), Catch::Contains("实为“6月”"));
  CHECK_THAT(load(" repeats=\"first\""), Catch::Contains(":3: "));

  // The bundled sample declares both presumptions.
  Result<DiscretionTable> sample =
      load_discretion(fs::path(AUDITOR_SOURCE_DIR) / "checklists" / "discretion");
  REQUIRE(sample.ok());
  const DiscretionEntry* bbq = nullptr;
  for (const DiscretionEntry& e : sample->entries)
    if (e.id == "air-118-3") bbq = &e;
  REQUIRE(bbq);
  CHECK(bbq->band("轻微")->repeat == "first");
  CHECK(bbq->band("一般")->repeat == "repeat");
  CHECK(bbq->band("一般")->within_months == 12);
  const std::string listing = substance_tables_listing(substance_checklist());
  CHECK_THAT(listing, Catch::Contains("轻微 500—2000 元（首次违法：1年内无前案）；一般 2000—8000 "
                                      "元（含1年内再次违法）"));
}

TEST_CASE("two cases of one party audited in one batch see each other", "[discretion]") {
  Db db;
  const fs::path earlier = db.archive(decision("3", "2023年12月20日", "2024年1月5日"), "earlier");
  const fs::path later = db.archive(current(), "current");
  for (const bool full : {false, true}) {
    INFO("full " << full);
    AuditRequest req;
    req.full = full;
    req.inputs = {later.string(), earlier.string()};  // the later case first
    req.db = db.dir.path / (full ? "full.db" : "batch.db");
    req.round = "同批";
    req.tool_version = "test";
    req.keep_results = true;
    Result<AuditOutcome> o = audit_round(req, substance_checklist(), {});
    REQUIRE(o.ok());
    REQUIRE(o->results.size() == 2);
    // Results in input order: the current case names the earlier one; the
    // earlier case, with nothing before it, stays quiet.
    const std::vector<Finding> f = findings_of(o->results[0].audit, kRule);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].message, Catch::Contains("穗海新港综执罚决〔2024〕3号"));
    CHECK(findings_of(o->results[1].audit, kRule).empty());
    // The database holds the same: a later look at the round agrees.
    Result<AuditOutcome> again = audit_round(req, substance_checklist(), {});
    REQUIRE(again.ok());
    CHECK(findings_of(again->results[0].audit, kRule).size() == 1);
  }
}

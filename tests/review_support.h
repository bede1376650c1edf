// A round "第一轮" really audited into a database, for the tests of the
// inspection record (decisions, reports, objections, draw): the checklist
// bundled with the tool, the testdata archive 03-missing-notice-bare.zip
// (南石头, 穗海南石综执立〔2024〕21号) and the keys of its findings.
#pragma once

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/audit.h"
#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/review.h"
#include "tests/cli_support.h"

namespace auditor::test {

inline const std::filesystem::path kTestdata =
    std::filesystem::path(AUDITOR_SOURCE_DIR) / "testdata";
inline const std::string kNanshi = "穗海南石综执立〔2024〕21号";  // 03-missing-notice-bare.zip
inline const std::string kNotice = "REQ-3-penalty_notice@penalty_notice#1";
inline const std::string kReceipt = "REQ-3-penalty_notice_receipt@service_receipt#1";
inline const std::string kStatement = "REQ-3-statement_record@statement_record#1";
inline const std::string kReview = "REQ-3-review_record@review_record#1";
inline const std::string kSeal = "MAN-seal-image@penalty_decision#1";
inline const std::string kSignatures = "MAN-signatures@inspection_record#1";

inline const Checklist& bundled() {
  static const Checklist cl = *load_audit_checklist(default_checklist_dir());
  return cl;
}

// The deduction of the bundled checklist's rule `rule`.
inline double deduction_of(const std::string& rule) {
  for (const Rule& r : bundled().rules)
    if (r.id == rule) return r.deduction;
  FAIL("no rule " << rule);
  return 0;
}

// A round "第一轮" holding `archive` (a copy of a testdata file) at dir/南石.zip.
struct ReviewRound {
  TempDir dir;
  std::filesystem::path db = dir.path / "r.db";
  std::filesystem::path archive = dir.path / "南石.zip";
  ReviewScope scope{db, "第一轮"};

  explicit ReviewRound(const char* testdata = "03-missing-notice-bare.zip") { audit(testdata); }
  // Copies testdata/<name> to `to` (default: the archive path) and audits it
  // into the round.
  void audit(const char* name, std::filesystem::path to = {}) {
    if (to.empty()) to = archive;
    std::filesystem::copy_file(kTestdata / name, to,
                               std::filesystem::copy_options::overwrite_existing);
    AuditRequest r;
    r.inputs = {to.string()};
    r.db = db;
    r.round = "第一轮";
    r.tool_version = "test";
    r.full = true;
    REQUIRE(audit_round(r, bundled(), AuditObserver{}));
  }
  CaseReview one(const std::string& id = kNanshi) {
    Result<RoundReview> r = list_reviews(scope, id, bundled());
    REQUIRE(r);
    REQUIRE(r->cases.size() == 1);
    REQUIRE(r->cases[0].reviewed);
    return r->cases[0];
  }
  // The item `key` of a listed case.
  static const ReviewedItem& item(const CaseReview& c, const std::string& key) {
    for (const ReviewedItem& i : c.reviewed->items)
      if (i.key == key) return i;
    FAIL("no item " << key);
    return c.reviewed->items.front();
  }
  Result<RecordedDecision> decide(const std::string& key, FindingVerdict v,
                                  const std::string& reason = "", const std::string& who = "张三",
                                  const std::string& id = kNanshi) {
    Decision d;
    d.key = key;
    d.verdict = v;
    d.reason = reason;
    d.inspector = who;
    return decide_finding(scope, id, d);
  }
  // Every item decided: the notice dismissed, the receipt confirmed, the
  // manual checks passed.
  void settle_all() {
    REQUIRE(decide(kNotice, FindingVerdict::dismissed, "告知书在卷宗第 12 页"));
    REQUIRE(decide(kReceipt, FindingVerdict::confirmed));
    for (const std::string& k : {kStatement, kReview, kSeal, kSignatures})
      REQUIRE(decide(k, FindingVerdict::passed));
  }
};

// dir/03.zip and dir/01.zip audited into round "第一轮" of dir/a.db, for the
// end-to-end tests of the review commands with the real binary.
struct ReviewSite {
  TempDir dir;
  ReviewSite() {
    std::filesystem::copy_file(kTestdata / "03-missing-notice-bare.zip", dir.path / "03.zip");
    std::filesystem::copy_file(kTestdata / "01-complete-structured.zip", dir.path / "01.zip");
    REQUIRE(run("audit --db a.db --round 第一轮 03.zip 01.zip").status == 0);
  }
  CliRun run(const std::string& args) { return run_cli(args, dir.path); }
  // Runs `statement` on dir/a.db with SQLite directly, behind the tool's back.
  void sql(const std::string& statement) {
    REQUIRE(std::system(
                ("cd " + sh_quote(dir.path.string()) + " && sqlite3 a.db " + sh_quote(statement))
                    .c_str()) == 0);
  }
};

}  // namespace auditor::test

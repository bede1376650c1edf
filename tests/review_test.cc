// The inspection record of one case (auditor/review.h): finding keys,
// decisions and the score that follows from them.
#include "auditor/review.h"

#include <catch2/catch.hpp>

#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/pipeline.h"

namespace auditor {
namespace {

const Checklist& bundled() {
  static const Checklist cl = *load_audit_checklist(default_checklist_dir());
  return cl;
}

Finding finding(const std::string& rule_id, const char* document) {
  const Rule* rule = nullptr;
  for (const Rule& r : bundled().rules)
    if (r.id == rule_id) rule = &r;
  REQUIRE(rule != nullptr);
  Finding f;
  f.rule = rule->id;
  f.kind = rule->kind;
  f.severity = rule->severity;
  f.deduction = rule->deduction;
  if (document) f.document = std::string(document);
  f.message = "问题";
  return f;
}

Finding manual(const std::string& rule_id) {
  Finding f = finding(rule_id, nullptr);
  f.kind = "manual_check";
  f.severity = "info";
  f.deduction = 0;
  return f;
}

Decision decide(const std::string& key, FindingVerdict v, std::string reason = "") {
  Decision d;
  d.key = key;
  d.verdict = v;
  d.reason = std::move(reason);
  d.inspector = "张三";
  return d;
}

// CON-party-name: major, 5 points; CON-party-id: major, 5; CAT-present-listed: minor, 1.
Audit two_findings() {
  Audit a;
  a.findings = {finding("CON-party-name", "penalty_decision"), finding("CON-party-id", nullptr)};
  return a;
}

TEST_CASE("finding keys count each rule and subject apart and stay stable", "[review]") {
  std::vector<Finding> fs = {
      finding("CAT-present-listed", "catalogue"), finding("CAT-present-listed", "catalogue"),
      finding("CAT-present-listed", "penalty_decision"), finding("CON-party-id", nullptr)};
  const std::vector<std::string> keys = finding_keys(fs);
  CHECK(keys ==
        std::vector<std::string>{"CAT-present-listed@catalogue#1", "CAT-present-listed@catalogue#2",
                                 "CAT-present-listed@penalty_decision#1", "CON-party-id@case#1"});
  CHECK(finding_keys(fs) == keys);
}

TEST_CASE("re-auditing the same archive gives its findings the same keys", "[review]") {
  const std::filesystem::path archive =
      std::filesystem::path(AUDITOR_SOURCE_DIR) / "testdata" / "03-missing-notice-bare.zip";
  const CaseResult first = audit_archive(archive, bundled(), ImportOptions{});
  const CaseResult again = audit_archive(archive, bundled(), ImportOptions{});
  REQUIRE_FALSE(first.audit.findings.empty());
  CHECK(finding_keys(first.audit.findings) == finding_keys(again.audit.findings));
}

TEST_CASE("undecided findings count as suggested and make the score provisional", "[review]") {
  const Audit a = two_findings();
  const ReviewedCase r = review_case(a, {}, {}, bundled());
  CHECK(r.undecided == 2);
  CHECK(r.provisional());
  CHECK(r.score.value == Approx(90));
  CHECK(r.min_score == Approx(90));
  CHECK(r.max_score == Approx(100));
}

TEST_CASE("a dismissed finding deducts nothing, a confirmed one as suggested", "[review]") {
  const Audit a = two_findings();
  const std::vector<std::string> keys = finding_keys(a.findings);
  const std::vector<Decision> ds = {
      decide(keys[0], FindingVerdict::dismissed, "当事人名称一致，系识别错误"),
      decide(keys[1], FindingVerdict::confirmed)};
  const ReviewedCase r = review_case(a, ds, {}, bundled());
  CHECK_FALSE(r.provisional());
  CHECK(r.score.value == Approx(95));
  CHECK(r.min_score == Approx(95));
  CHECK(r.max_score == Approx(95));
  CHECK_FALSE(r.items[0].counted.has_value());
  CHECK(r.items[1].counted.has_value());
}

TEST_CASE("a changed finding counts with the inspector's deduction", "[review]") {
  const Audit a = two_findings();
  const std::vector<std::string> keys = finding_keys(a.findings);
  Decision d = decide(keys[0], FindingVerdict::changed, "情节轻微");
  d.severity = "minor";
  d.deduction = 1;
  const ReviewedCase r =
      review_case(a, {d, decide(keys[1], FindingVerdict::dismissed, "已核实")}, {}, bundled());
  CHECK(r.score.value == Approx(99));
  REQUIRE(r.items[0].counted.has_value());
  CHECK(r.items[0].counted->severity == "minor");
}

TEST_CASE("a manual check counts only when settled as failed, per its rule", "[review]") {
  Audit a;
  a.findings = {manual("CON-party-name")};
  const std::string key = finding_keys(a.findings)[0];
  const ReviewedCase open = review_case(a, {}, {}, bundled());
  CHECK(open.provisional());
  CHECK(open.score.value == Approx(100));
  CHECK(open.min_score == Approx(95));
  const ReviewedCase passed = review_case(a, {decide(key, FindingVerdict::passed)}, {}, bundled());
  CHECK_FALSE(passed.provisional());
  CHECK(passed.score.value == Approx(100));
  const ReviewedCase failed = review_case(
      a, {decide(key, FindingVerdict::failed, "决定书当事人与身份证不一致")}, {}, bundled());
  CHECK(failed.score.value == Approx(95));
  REQUIRE(failed.items[0].counted.has_value());
  CHECK(failed.items[0].counted->severity == "major");
}

TEST_CASE("an added finding deducts and a decision whose finding is gone is obsolete", "[review]") {
  Audit a;
  a.findings = {finding("CON-party-id", nullptr)};
  Finding extra = finding("CAT-present-listed", "catalogue");
  extra.message = "卷内目录页码与实际不符";
  const ReviewedCase r =
      review_case(a,
                  {decide("CON-party-name@penalty_decision#1", FindingVerdict::dismissed, "已核实"),
                   decide(finding_keys(a.findings)[0], FindingVerdict::confirmed)},
                  {{"added-1", extra}}, bundled());
  CHECK(r.score.value == Approx(94));
  REQUIRE(r.obsolete.size() == 1);
  CHECK(r.obsolete[0].key == "CON-party-name@penalty_decision#1");
  CHECK(r.items.back().added);
}

TEST_CASE("a decision without its reason or of the wrong kind is refused", "[review]") {
  const Finding f = finding("CON-party-id", nullptr);
  CHECK_FALSE(decision_problem(f, decide("k", FindingVerdict::dismissed)).empty());
  CHECK_FALSE(decision_problem(f, decide("k", FindingVerdict::passed)).empty());
  CHECK_FALSE(
      decision_problem(manual("CON-party-id"), decide("k", FindingVerdict::confirmed)).empty());
  Decision no_one = decide("k", FindingVerdict::confirmed);
  no_one.inspector.clear();
  CHECK_FALSE(decision_problem(f, no_one).empty());
  CHECK(decision_problem(f, decide("k", FindingVerdict::confirmed)).empty());
  CHECK(decision_problem(f, decide("k", FindingVerdict::dismissed, "理由")).empty());
}

}  // namespace
}  // namespace auditor

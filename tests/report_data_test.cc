// Reading a round back from the store, and the figures of the notification.
#include <catch2/catch.hpp>

#include "reports/round_summary.h"
#include "store/round_reader.h"
#include "tests/report_fixture.h"
#include "util/utf8.h"

namespace auditor {
namespace {

using test::ReportFixture;

RoundData load(ReportFixture& fx, const std::string& name, bool full = true) {
  Result<std::optional<RoundInfo>> round = find_round(*fx.store, name);
  REQUIRE(round.ok());
  REQUIRE(round->has_value());
  Result<RoundData> data = load_round(*fx.store, **round, full);
  REQUIRE(data.ok());
  return std::move(*data);
}

const ChangeItem* change_of(const Comparison& c, const std::string& case_key,
                            const std::string& rule) {
  for (const ChangeItem& item : c.items)
    if (item.case_key == case_key && item.rule == rule) return &item;
  return nullptr;
}

TEST_CASE("a round reads back with its runs, cases, documents, findings and checks", "[reports]") {
  ReportFixture fx;
  RoundData d = load(fx, "第一轮");
  CHECK(d.round.mode == "inspection");
  CHECK(d.round.created_at == "2024-05-01T08:00:00Z");
  REQUIRE(d.runs.size() == 1);
  CHECK(d.runs[0].inspector == "张三");
  CHECK(d.runs[0].finished_at.has_value());
  REQUIRE(d.cases.size() == 3);
  const CaseResult& a = d.cases[0];
  CHECK(a.c.archive == "赤岗/2024-012.zip");
  CHECK(a.c.sha256 == std::string(64, 'a'));
  CHECK(a.audit.score == 85);
  CHECK(a.audit.grade == "合格");
  REQUIRE(a.c.documents.size() == 3);
  CHECK(a.c.documents[1].number == "穗海赤岗综执罚决〔2024〕31号");
  REQUIRE(a.audit.findings.size() == 3);
  CHECK(a.audit.findings[1].rule == "DL-service");
  CHECK(a.audit.findings[1].evidence == std::vector<std::string>{"证据：DL-service"});
  CHECK(a.audit.checks.size() == 4);
  CHECK(d.cases[2].c.rejected);
  CHECK(d.cases[2].c.error == "不是有效的 ZIP 压缩包");
  CHECK(d.as_of.size() == 20);
}

TEST_CASE(
    "a round read without audits gets one case's findings and checks as the full read has them",
    "[reports]") {
  ReportFixture fx;
  const RoundData all = load(fx, "第一轮");
  Result<std::optional<RoundInfo>> round = find_round(*fx.store, "第一轮");
  REQUIRE((round.ok() && round->has_value()));
  Result<RoundData> light = load_round(*fx.store, **round, false, false);
  REQUIRE(light.ok());
  REQUIRE(light->cases.size() == all.cases.size());
  for (const CaseResult& c : light->cases) {
    CHECK(c.audit.findings.empty());
    CHECK(c.audit.checks.empty());
  }
  CHECK(light->facts[0].case_number == all.facts[0].case_number);
  REQUIRE(load_case_audit(*fx.store, *light, 0).ok());
  const Audit &one = light->cases[0].audit, &full = all.cases[0].audit;
  REQUIRE(one.findings.size() == 3);
  REQUIRE(one.findings.size() == full.findings.size());
  for (std::size_t k = 0; k < one.findings.size(); ++k) {
    CHECK(one.findings[k].rule == full.findings[k].rule);
    CHECK(one.findings[k].evidence == full.findings[k].evidence);
  }
  REQUIRE(one.checks.size() == full.checks.size());
  for (std::size_t k = 0; k < one.checks.size(); ++k)
    CHECK(one.checks[k].rule == full.checks[k].rule);
  CHECK(light->cases[1].audit.findings.empty());  // the other cases stay unread
}

TEST_CASE("case number and party fall back to the facts as in the JSON result", "[reports]") {
  ReportFixture fx;
  RoundData d = load(fx, "第一轮");
  CHECK(d.facts[1].case_number == "穗海新港综执立〔2024〕3号");
  CHECK(d.facts[1].party == "陈建华");
  CHECK(d.facts[1].street == "新港");
  CHECK(case_label(d, 2) == "坏包.zip");
  CHECK_FALSE(d.facts[2].street.has_value());
}

TEST_CASE("valid_utf8 replaces each bad byte wherever it sits after ASCII", "[reports]") {
  for (std::size_t ascii : {0, 1, 7, 8, 9, 15, 16, 17}) {
    const std::string prefix(ascii, 'a');
    INFO(ascii);
    CHECK(valid_utf8(prefix + "甲乙") == prefix + "甲乙");
    CHECK(valid_utf8(prefix + "\xff甲") == prefix + "\xEF\xBF\xBD甲");
    CHECK(valid_utf8(prefix + "甲\xe4\xb8") == prefix + "甲\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(valid_utf8(prefix + "abcdefgh\x80") == prefix + "abcdefgh\xEF\xBF\xBD");
  }
}

TEST_CASE("without a name the most recently created round is read", "[reports]") {
  ReportFixture fx;
  auto latest = find_round(*fx.store, "");
  REQUIRE(latest.ok());
  CHECK((*latest)->name == "赤岗自查");
  auto missing = find_round(*fx.store, "第九轮");
  REQUIRE(missing.ok());
  CHECK_FALSE(missing->has_value());
}

TEST_CASE("streets count files, grades, mean score, filed and closed cases", "[reports]") {
  ReportFixture fx;
  RoundData d = load(fx, "第一轮");
  RoundSummary s = summarize(d, nullptr);
  CHECK(s.files == 3);
  CHECK(s.audited == 2);
  CHECK(s.rejected == 1);
  CHECK(s.scope == std::vector<std::string>{"新港", "赤岗"});
  CHECK(s.grades == std::vector<std::string>{"优秀", "合格"});
  REQUIRE(s.streets.size() == 3);
  const StreetRow& chigang = s.streets[1];
  CHECK(chigang.street == "赤岗");
  CHECK(chigang.mean_score == 85);
  CHECK(chigang.filed == 1);
  CHECK(chigang.closed == 1);
  CHECK(chigang.problems == 2);  // the manual check does not count
  CHECK(s.streets[0].filed == 1);
  CHECK(s.streets[0].closed == 0);
  CHECK(s.streets[2].street == kUnknownStreet);
  CHECK(s.streets[2].rejected == 1);
  CHECK(s.mean_score == 90);
  CHECK(s.problems_by_stage[3] == 1);
  CHECK(s.problems_by_stage[5] == 1);
  CHECK(s.problems_by_stage[6] == 1);
}

TEST_CASE("typical problems are ranked by how often they occur", "[reports]") {
  ReportFixture fx;
  RoundData d = load(fx, "赤岗自查");
  RoundData two = load(fx, "第二轮");
  RoundSummary s = summarize(two, nullptr);
  REQUIRE(s.problems_ranked.size() == 3);
  for (const ProblemRow& p : s.problems_ranked) CHECK(p.findings == 1);
  // Equal counts keep rule order.
  CHECK(s.problems_ranked[0].rule == "CON-party");
  CHECK(s.rectification.at("赤岗").size() == 3);
  CHECK(summarize(d, nullptr).problems_ranked[0].examples.size() == 1);
}

TEST_CASE(
    "round comparison: a finding gone is rectified, kept is persisting, only in the "
    "later round is new",
    "[reports]") {
  ReportFixture fx;
  RoundData two = load(fx, "第二轮");
  Result<std::optional<RoundInfo>> previous = previous_round(*fx.store, two);
  REQUIRE(previous.ok());
  REQUIRE(previous->has_value());
  CHECK((*previous)->name == "第一轮");
  RoundData one = load(fx, "第一轮", false);
  CHECK(one.cases[0].audit.checks.empty());
  RoundSummary s = summarize(two, &one);
  REQUIRE(s.comparison);
  const Comparison& c = *s.comparison;
  const std::string a = "穗海赤岗综执立〔2024〕12号", b = "穗海新港综执立〔2024〕3号";
  REQUIRE(change_of(c, a, "REQ-3-penalty_notice"));
  CHECK(change_of(c, a, "REQ-3-penalty_notice")->change == Change::rectified);
  CHECK(change_of(c, a, "DL-service")->change == Change::persisting);
  CHECK(change_of(c, a, "SEAL-name")->change == Change::added);
  CHECK(change_of(c, b, "NUM-year")->change == Change::rectified);
  CHECK(change_of(c, "穗海赤岗综执立〔2024〕40号", "CON-party")->change == Change::added);
  CHECK_FALSE(change_of(c, a, "REQ-6-seal"));  // manual checks are not problems
  CHECK(c.counts == std::array<int, 4>{2, 2, 1, 0});
}

TEST_CASE("a round whose streets differ from every earlier round has nothing to compare",
          "[reports]") {
  ReportFixture fx;
  RoundData self = load(fx, "赤岗自查");
  auto previous = previous_round(*fx.store, self);
  REQUIRE(previous.ok());
  CHECK_FALSE(previous->has_value());
  auto none = previous_round(*fx.store, load(fx, "第一轮"));
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());
}

TEST_CASE("a finding of a case missing from the later round is not called rectified", "[reports]") {
  ReportFixture fx;
  RoundData one = load(fx, "第一轮");
  RoundData two = load(fx, "第二轮");
  two.cases.erase(two.cases.begin() + 1);  // B not re-checked
  two.facts.erase(two.facts.begin() + 1);
  RoundSummary s = summarize(two, &one);
  CHECK(change_of(*s.comparison, "穗海新港综执立〔2024〕3号", "NUM-year")->change ==
        Change::not_rechecked);
}

TEST_CASE("self-check advice asks for the missing document or a correction", "[reports]") {
  Finding missing;
  missing.kind = "missing_document";
  missing.message = "第3阶段（告知权利）缺少送达《行政处罚事先告知书》的送达回证";
  CHECK(advice(missing) == "请补充送达《行政处罚事先告知书》的送达回证");
  missing.message = "第4阶段（法制审核与集体讨论）缺少《法制审核意见书》，重大执法决定未经法制审核";
  CHECK(advice(missing) == "请补充《法制审核意见书》");
  missing.message = "未见《听证笔录》";
  CHECK(advice(missing) == "请补充《听证笔录》");
  Finding late;
  late.kind = "deadline";
  late.message = "决定书送达超过 7 个工作日";
  CHECK(advice(late) == "请核实并整改：决定书送达超过 7 个工作日");
  Finding manual;
  manual.kind = "manual_check";
  manual.message = "请核对印章";
  CHECK(advice(manual) == "请人工核对：请核对印章");
}

TEST_CASE("a veto or major finding blocks closing, a minor one does not", "[reports]") {
  ReportFixture fx;
  RoundData self = load(fx, "赤岗自查");
  RoundSummary s = summarize(self, nullptr);
  REQUIRE(s.verdicts.size() == 2);
  CHECK_FALSE(s.verdicts[0].can_close);
  CHECK(s.verdicts[0].label() == "暂不宜结案");
  CHECK(s.verdicts[0].reasons ==
        std::vector<std::string>{"【重大】第8阶段（结案）缺少《结案审批表》"});
  CHECK(s.verdicts[1].can_close);
  CHECK(s.verdicts[1].label() == "可以结案");
  Case rejected;
  rejected.rejected = true;
  rejected.error = "坏了";
  CHECK_FALSE(closing_verdict(rejected, {}).can_close);
}

TEST_CASE("a load without documents gives the same case facts as a full one", "[reports]") {
  ReportFixture fx;
  for (const char* name : {"第一轮", "第二轮", "赤岗自查"}) {
    INFO(name);
    const RoundData full = load(fx, name, true), light = load(fx, name, false);
    REQUIRE(light.cases.size() == full.cases.size());
    CHECK(light.as_of == full.as_of);
    for (std::size_t i = 0; i < full.cases.size(); ++i) {
      const CaseFacts &a = full.facts[i], &b = light.facts[i];
      CHECK(b.case_number == a.case_number);
      CHECK(b.street == a.street);
      CHECK(b.party == a.party);
      CHECK(b.filed == a.filed);
      CHECK(b.closed == a.closed);
      CHECK(light.cases[i].audit.findings.size() == full.cases[i].audit.findings.size());
      CHECK(light.cases[i].c.documents.empty());
      CHECK(light.cases[i].audit.checks.empty());
    }
  }
  // 第一轮: A has a filing and a closing approval, B only a filing approval.
  const RoundData light = load(fx, "第一轮", false);
  CHECK((light.facts[0].filed && light.facts[0].closed));
  CHECK((light.facts[1].filed && !light.facts[1].closed));
  CHECK((!light.facts[2].filed && !light.facts[2].closed));
}

TEST_CASE("a case filed only by a stated filing date counts as filed without its documents",
          "[reports]") {
  test::TempDir dir;
  Result<std::unique_ptr<Store>> store = Store::open(dir.path / "a.db");
  REQUIRE(store.ok());
  Result<long long> run = (*store)->begin_run(
      {"0.1.0", "g", "1", "ff", "2024-05-01T08:00:00Z", "轮", "inspection", ""});
  REQUIRE(run.ok());
  Case c;
  c.archive = "a.zip";
  Document evidence;
  evidence.path = "02-询问笔录.docx";
  evidence.format = "docx";
  evidence.type = "inquiry_record";
  evidence.facts = {{"filing_date", "2024-03-01", "立案日期：2024年3月1日"},
                    {"street", "赤岗", "赤岗街道"}};
  c.documents = {evidence};
  REQUIRE((*store)->save_case(*run, c, Audit{}).ok());
  Result<std::optional<RoundInfo>> round = find_round(**store, "轮");
  REQUIRE((round.ok() && round->has_value()));
  Result<RoundData> light = load_round(**store, **round, false);
  REQUIRE(light.ok());
  CHECK(light->facts[0].filed);
  CHECK_FALSE(light->facts[0].closed);
  CHECK(light->facts[0].street == "赤岗");
  Result<std::size_t> count = case_count(**store, **round);
  REQUIRE(count.ok());
  CHECK(*count == 1);
}

}  // namespace
}  // namespace auditor

// Benchmark, hidden from the default run: all reports of one round of
// AUDITOR_PERF_CASES cases (default 100,000). Run with
//   auditor_tests "[.reports-perf]" -s
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>

#include "tests/report_fixture.h"

namespace auditor {
namespace {

constexpr const char* kStreets[] = {"赤岗", "新港",   "昌岗", "江南中", "滨江",   "素社",
                                    "海幢", "南华西", "龙凤", "沙园",   "南石头", "凤阳",
                                    "瑞宝", "江海",   "琶洲", "南洲",   "华洲",   "官洲"};

Case perf_case(int i) {
  Case c;
  c.archive = "case-" + std::to_string(i) + ".zip";
  c.sha256 = std::string(64, 'a' + i % 6);
  c.info.street = kStreets[i % 18];
  c.info.case_number = "穗海赤岗综执立〔2024〕" + std::to_string(i) + "号";
  c.info.party = "广州市某某餐饮有限公司";
  for (int d = 1; d <= 20; ++d) {
    Document doc;
    doc.path = "0" + std::to_string(d) + "-文书.docx";
    doc.format = "docx";
    doc.type = d == 1 ? "filing_approval" : d == 20 ? "closing_approval" : "evidence";
    doc.stage = 1 + (d - 1) * 8 / 20;
    doc.date = "2024-03-01";
    if (d == 1) doc.facts = {{"filing_date", "2024-03-01", "立案日期"}};
    c.documents.push_back(doc);
  }
  return c;
}

Audit perf_audit(int i) {
  Audit a;
  for (int f = 0; f < i % 6; ++f) {
    Finding x;
    x.rule = "RULE-" + std::to_string((i + f) % 30);
    x.kind = f == 0 ? "missing_document" : f == 1 ? "manual_check" : "deadline";
    x.severity = f == 1 ? "info" : f == 2 ? "major" : "minor";
    x.stage = 1 + f;
    x.message = "第3阶段（告知权利）缺少《行政处罚事先告知书》，未告知即作出处罚决定";
    x.basis = "《中华人民共和国行政处罚法》第四十四条";
    x.evidence = {"05-行政处罚决定书.docx：2024-04-02", "07-送达回证.docx：2024-04-20"};
    x.deduction = 5;
    a.findings.push_back(x);
  }
  for (int k = 0; k < 40; ++k) a.checks.push_back({"RULE-" + std::to_string(k), Outcome::passed});
  a.score = 100 - 5 * (i % 6);
  a.grade = a.score >= 90 ? "优秀" : "合格";
  return a;
}

TEST_CASE("all reports of a large round", "[.reports-perf]") {
  const char* env = std::getenv("AUDITOR_PERF_CASES");
  const int n = env ? std::atoi(env) : 100000;
  test::TempDir dir;
  Result<std::unique_ptr<Store>> store = Store::open(dir.path / "perf.db");
  REQUIRE(store.ok());
  REQUIRE(sqlite3_exec((*store)->handle(), "PRAGMA synchronous = OFF", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  auto run = (*store)->begin_run({"0.1.0", "g", "1", "ff", "", "大轮次", "inspection", ""});
  REQUIRE(run.ok());
  for (int i = 0; i < n; ++i) REQUIRE((*store)->save_case(*run, perf_case(i), perf_audit(i)).ok());

  auto clock = std::chrono::steady_clock::now();
  auto lap = [&](const char* what) {
    const auto now = std::chrono::steady_clock::now();
    WARN(what << " " << std::chrono::duration<double>(now - clock).count() << " s");
    clock = now;
  };
  const auto start = clock;
  sqlite3* db = (*store)->handle();
  auto round = find_round(db, "大轮次");
  REQUIRE((round.ok() && round->has_value()));
  Result<RoundData> data = load_round(db, **round);
  REQUIRE(data.ok());
  lap("load");
  const RoundSummary summary = summarize(*data, nullptr);
  lap("summarize");
  const Vocabulary names;
  const ReportInput in{*data, summary, names};
  const std::string html = html_report(in);
  lap("html");
  REQUIRE(docx_report(in).ok());
  lap("docx");
  REQUIRE(write_xlsx_report(in, dir.path / "report.xlsx").ok());
  lap("xlsx");
  const std::string json = round_json(*data).dump(2);
  lap("json");
  WARN(n << " cases: all reports in " << std::chrono::duration<double>(clock - start).count()
         << " s; html " << html.size() << " bytes, json " << json.size() << " bytes");
}

}  // namespace
}  // namespace auditor

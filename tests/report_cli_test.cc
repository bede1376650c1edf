// `auditor report` and the report options of `auditor audit`, run as the
// real binary.
#include <catch2/catch.hpp>

#include "tests/report_fixture.h"

namespace auditor {
namespace {

using test::occurrences;
using test::read_file;
using test::run_cli;
using test::sh_quote;

const std::string kNote3 =
    "本轮共 3 个案卷，报告未附逐案评查表；需要时请加 --sheets all 重新生成。";

const std::string kArchive =
    std::string(AUDITOR_SOURCE_DIR) + "/testdata/01-complete-structured.zip";

TEST_CASE("report writes the four files of the latest round", "[reports]") {
  test::ReportFixture fx;
  fx.store.reset();  // the CLI opens the file itself
  const auto out = fx.dir.path / "报告";
  auto run =
      run_cli("report --db " + sh_quote(fx.db.string()) + " --out " + sh_quote(out.string()));
  INFO(run.err);
  REQUIRE(run.status == 0);
  for (const char* file : {"report.html", "report.docx", "report.xlsx", "report.json"})
    CHECK(std::filesystem::file_size(out / file) > 0);
  CHECK_THAT(read_file(out / "report.html"), Catch::Contains("赤岗自查 行政处罚案卷自查情况报告"));
}

TEST_CASE("report writes only the formats asked for, for the round named", "[reports]") {
  test::ReportFixture fx;
  fx.store.reset();
  const auto out = fx.dir.path / "out";
  auto run = run_cli("report --db " + sh_quote(fx.db.string()) + " --round 第一轮 --format json" +
                     " --out " + sh_quote(out.string()));
  REQUIRE(run.status == 0);
  CHECK(std::filesystem::exists(out / "report.json"));
  CHECK_FALSE(std::filesystem::exists(out / "report.html"));
  CHECK_THAT(read_file(out / "report.json"), Catch::Contains("\"name\": \"第一轮\""));
}

TEST_CASE("report refuses a missing --out, an unknown format, round or database", "[reports]") {
  test::ReportFixture fx;
  fx.store.reset();
  const std::string db = " --db " + sh_quote(fx.db.string());
  const std::string out = " --out " + sh_quote((fx.dir.path / "out").string());
  auto no_out = run_cli("report" + db);
  CHECK(no_out.status == 2);
  CHECK_THAT(no_out.err, Catch::Contains("--out"));
  auto bad_format = run_cli("report" + db + out + " --format html,pdf");
  CHECK(bad_format.status == 2);
  CHECK_THAT(bad_format.err, Catch::Contains("未知的报告格式「pdf」"));
  auto bad_round = run_cli("report" + db + out + " --round 第九轮");
  CHECK(bad_round.status == 2);
  CHECK_THAT(bad_round.err, Catch::Contains("没有名为「第九轮」的审查轮次"));
  auto no_db = run_cli("report --db " + sh_quote((fx.dir.path / "none.db").string()) + out);
  CHECK(no_db.status == 2);
  CHECK_THAT(no_db.err, Catch::Contains("数据库文件不存在"));
  CHECK_FALSE(std::filesystem::exists(fx.dir.path / "none.db"));
}

TEST_CASE(
    "audit --mode self-check --out writes a self-check report with a verdict, and later audits "
    "join in that mode",
    "[reports]") {
  test::TempDir tmp;
  auto run =
      run_cli("audit --db a.db --round 赤岗自查 --mode self-check --inspector 李四 --out out " +
                  sh_quote(kArchive),
              tmp.path);
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK_THAT(run.out, Catch::Contains("穗海赤岗综执立〔2024〕12号"));  // the console line stays
  const std::string html = read_file(tmp.path / "out" / "report.html");
  CHECK_THAT(html, Catch::Contains("赤岗自查 行政处罚案卷自查情况报告"));
  CHECK_THAT(html, Catch::Contains("可以结案"));
  CHECK_THAT(html, Catch::Contains("<td>检查人员</td><td>李四</td>"));
  // Without --mode a later audit joins the round in its own mode; another
  // mode named is refused.
  auto again = run_cli("audit --db a.db --round 赤岗自查 " + sh_quote(kArchive), tmp.path);
  CHECK(again.status == 0);
  auto other =
      run_cli("audit --db a.db --round 赤岗自查 --mode inspection " + sh_quote(kArchive), tmp.path);
  CHECK(other.status == 2);
  CHECK_THAT(other.err, Catch::Contains("已按街道自查建立"));
}

TEST_CASE("audit without --round files the run under today's round", "[reports]") {
  test::TempDir tmp;
  auto run = run_cli("audit --db a.db --out out --format json " + sh_quote(kArchive), tmp.path);
  REQUIRE(run.status == 0);
  CHECK_THAT(read_file(tmp.path / "out" / "report.json"), Catch::Contains(" 审查\""));
  auto bad = run_cli("audit --db a.db --mode review " + sh_quote(kArchive), tmp.path);
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Catch::Contains("审查方式只能是"));
}

TEST_CASE("report --sheets none leaves the sheets out and says so once", "[reports]") {
  test::ReportFixture fx;
  fx.store.reset();
  const std::string db = " --db " + sh_quote(fx.db.string());
  auto none = run_cli("report" + db + " --round 第一轮 --sheets none --out " +
                      sh_quote((fx.dir.path / "none").string()));
  INFO(none.err);
  REQUIRE(none.status == 0);
  CHECK(occurrences(none.out, kNote3) == 1);
  CHECK(read_file(fx.dir.path / "none" / "report.html").find("评查表：") == std::string::npos);
  auto standard = run_cli("report" + db + " --round 第一轮 --format html --out " +
                          sh_quote((fx.dir.path / "auto").string()));
  REQUIRE(standard.status == 0);
  CHECK(standard.out.find("逐案评查表") == std::string::npos);
  CHECK_THAT(read_file(fx.dir.path / "auto" / "report.html"), Catch::Contains("评查表："));
  auto help = run_cli("report --help");
  CHECK_THAT(help.out, Catch::Contains("--sheets") && Catch::Contains("逐案评查表"));
}

TEST_CASE("audit --sheets none --out prints the note after the report", "[reports]") {
  test::TempDir tmp;
  auto run =
      run_cli("audit --db a.db --round 轮 --sheets none --out out " + sh_quote(kArchive), tmp.path);
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(occurrences(run.out, "本轮共 1 个案卷，报告未附逐案评查表") == 1);
  CHECK_THAT(read_file(tmp.path / "out" / "report.json"),
             Catch::Contains("\"case_sheets\": false"));
}

TEST_CASE("a --sheets value other than auto, all or none is refused in Chinese", "[reports]") {
  test::ReportFixture fx;
  fx.store.reset();
  auto report = run_cli("report --db " + sh_quote(fx.db.string()) + " --sheets some --out " +
                        sh_quote((fx.dir.path / "out").string()));
  CHECK(report.status == 2);
  CHECK_THAT(report.err, Catch::Contains("参数错误：逐案评查表选项 --sheets 只能是 auto"));
  CHECK_FALSE(std::filesystem::exists(fx.dir.path / "out"));
  test::TempDir tmp;
  auto audit = run_cli("audit --db a.db --sheets 全部 --out out " + sh_quote(kArchive), tmp.path);
  CHECK(audit.status == 2);
  CHECK_THAT(audit.err, Catch::Contains("不能是「全部」"));
  CHECK_FALSE(std::filesystem::exists(tmp.path / "a.db"));
}

}  // namespace
}  // namespace auditor

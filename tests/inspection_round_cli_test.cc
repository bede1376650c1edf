// A whole inspection round on real archives, as a new user runs it from the
// command line (issue 16, "how it is checked"): three streets submit their
// self-check archives; the round is planned and drawn (the same seed gives
// the same list); a drawn case is assigned, decided, added to and signed,
// and the score moves as the profile says; a finding becomes a
// rectification item, the street resubmits a corrected archive and the
// re-check says 已整改 and 新发现 while the decisions stay; the decisions
// move to another database; the DOCX 评查表 as LibreOffice reads it shows
// them; a trail row changed with sqlite3 is named by `round verify`.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "tests/review_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using namespace test;

const std::string kCorrected = "resubmitted/03-missing-notice-bare.zip";

struct Site {
  TempDir dir;
  Site() {
    for (const char* street : {"南石头", "琶洲", "南华西"}) fs::create_directory(dir.path / street);
    fs::copy_file(kTestdata / "03-missing-notice-bare.zip", dir.path / "南石头" / "21.zip");
    fs::copy_file(kTestdata / "04-structured-hearing-missing-review.zip",
                  dir.path / "琶洲" / "33.zip");
    for (const char* v : {"d01-decision-in-defence-period.zip", "d02-decision-served-late.zip",
                          "d03-closed-before-payment.zip"})
      fs::copy_file(kTestdata / "variants" / v, dir.path / "南华西" / v);
  }
  CliRun run(const std::string& args, const char* db = "评查.db") {
    return run_cli(args + " --db " + db, dir.path);
  }
  CliRun ok(const std::string& args, const char* db = "评查.db") {
    CliRun r = run(args, db);
    INFO(args << "\n" << r.out << r.err);
    REQUIRE(r.status == 0);
    return r;
  }
  nlohmann::json json(const std::string& args, const char* db = "评查.db") {
    return nlohmann::json::parse(ok(args + " --json", db).out);
  }
};

// The case numbers a `round draw` printed, in order.
std::vector<std::string> drawn(const std::string& out) {
  std::vector<std::string> numbers;
  static const std::regex line(R"(^  (穗\S+号)\s)");
  std::istringstream in(out);
  for (std::string l; std::getline(in, l);)
    if (std::smatch m; std::regex_search(l, m, line)) numbers.push_back(m[1]);
  return numbers;
}

const nlohmann::json& case_review(const nlohmann::json& list) {
  for (const nlohmann::json& c : list.at("cases"))
    if (c.at("case") == kNanshi) return c.at("review");
  FAIL("no case " << kNanshi);
  return list;
}

std::string verdict_of(const nlohmann::json& review, const std::string& key) {
  for (const nlohmann::json& i : review.at("items"))
    if (i.at("key") == key) return i.at("verdict");
  return "";
}

TEST_CASE("an inspection round from self-check submissions to the signed, rectified record",
          "[inspection-round]") {
  Site site;
  // Three streets' self-check submissions.
  REQUIRE(site.run("audit 南石头 琶洲 南华西 --round 第四季度评查 --mode self-check").status <= 1);

  // Plan and draw: one seed, one list.
  site.ok(
      "round plan --streets 南华西,南石头,琶洲 --inspector 张三@区司法局 "
      "--inspector 李四@南华西街道 --as 赵六");
  const std::vector<std::string> first =
      drawn(site.ok("round draw --per-street 1 --seed 2026-Q4 --as 赵六").out);
  const std::vector<std::string> second = drawn(
      site.ok("round draw --per-street 1 --seed 2026-Q4 --as 赵六 --reason 复核抽取结果").out);
  CHECK(first == second);
  CHECK(std::set<std::string>(first.begin(), first.end()).count(kNanshi) == 1);  // a veto
  CHECK(first.size() >= 3);

  // Assignment: 回避 refused, another inspector accepted.
  const std::string nanhua = [&] {
    for (const std::string& n : first)
      if (n.find("南华") != std::string::npos) return n;
    return std::string();
  }();
  REQUIRE_FALSE(nanhua.empty());
  CHECK(
      site.run("round assign --case " + sh_quote(nanhua) + " --inspector 李四 --as 赵六").status ==
      1);
  site.ok("round assign --case " + sh_quote(kNanshi) + " --inspector 张三 --as 赵六");

  // Decisions: dismiss, confirm, settle the manual checks, add a finding.
  const std::string on = " --case " + sh_quote(kNanshi) + " --as 张三 --finding ";
  site.ok("review decide" + on + kNotice + " --dismiss " + sh_quote("告知书附于卷宗第 12 页"));
  site.ok("review decide" + on + kReceipt + " --confirm");
  for (const std::string& k : {kStatement, kReview, kSeal, kSignatures})
    site.ok("review decide" + on + k + " --pass");
  site.ok("review add --case " + sh_quote(kNanshi) +
          " --as 张三 --severity minor --deduction 2 --text 询问笔录未记录询问时间 --page 7");
  nlohmann::json review = case_review(site.json("review list --case " + sh_quote(kNanshi)));
  CHECK(review.at("provisional") == false);
  CHECK(review.at("score") == Approx(100 - deduction_of("REQ-3-penalty_notice_receipt") - 2));
  site.ok("review sign --case " + sh_quote(kNanshi) + " --as 张三");

  // The DOCX 评查表, as LibreOffice reads it.
  site.ok("report --out out --format docx");
  const std::string text = libreoffice_convert(site.dir.path / "out", "report.docx", "txt:Text");
  REQUIRE_FALSE(text.empty());
  CHECK(text.find("不予认定") != std::string::npos);
  CHECK(text.find("告知书附于卷宗第 12 页") != std::string::npos);
  CHECK(text.find("评查人：张三") != std::string::npos);

  // Rectification, the street's corrected archive, the re-check.
  site.ok("review rectify --case " + sh_quote(kNanshi) + " --finding " + kReceipt +
          " --kind 卷内补正 --owner 南石头街道 --as 张三");
  fs::copy_file(kTestdata / kCorrected, site.dir.path / "南石头" / "21.zip",
                fs::copy_options::overwrite_existing);
  REQUIRE(site.run("audit 南石头 --round 第四季度评查").status <= 1);
  review = case_review(site.json("review list --case " + sh_quote(kNanshi)));
  CHECK(verdict_of(review, kSignatures) == "passed");  // a decision on a finding still there
  CHECK(verdict_of(review, kReceipt).empty());         // gone: its decision is obsolete
  bool receipt_obsolete = false;
  for (const nlohmann::json& d : review.at("obsolete"))
    receipt_obsolete |= d.at("key") == kReceipt && d.at("verdict") == "confirmed";
  CHECK(receipt_obsolete);
  REQUIRE(review.at("rectification").size() == 1);
  CHECK(review["rectification"][0].at("recheck") == "fixed");
  CHECK(review.at("new_findings").dump().find("DL-defence-period") != std::string::npos);
  const std::string listed = site.ok("review rectification").out;
  CHECK(listed.find("已整改") != std::string::npos);
  CHECK(listed.find("新发现") != std::string::npos);

  // The record moves to another laptop's database.
  site.ok("review export --out decisions.json");
  REQUIRE(
      site.run("audit 南石头 琶洲 南华西 --round 第四季度评查 --mode self-check", "b.db").status <=
      1);
  site.ok("review import decisions.json", "b.db");
  const nlohmann::json moved =
      case_review(site.json("review list --case " + sh_quote(kNanshi), "b.db"));
  CHECK(verdict_of(moved, kSignatures) == "passed");
  CHECK(moved.at("signoffs").size() == 1);
  // Imported again: everything is already there, nothing conflicts.
  const std::string again = site.ok("review import decisions.json", "b.db").out;
  CHECK(again.find("冲突 0 条") != std::string::npos);
  CHECK(again.find("新增 0 条") != std::string::npos);

  // A trail row edited behind the tool's back.
  CHECK(site.run("round verify").status == 0);
  const std::string tamper =
      "sqlite3 评查.db " + sh_quote(
                               "DROP TRIGGER trail_no_update; UPDATE trail SET payload = "
                               "replace(payload, '张三', '王五') WHERE seq = 5;");
  REQUIRE(std::system(("cd " + sh_quote(site.dir.path.string()) + " && " + tamper).c_str()) == 0);
  const CliRun verify = site.run("round verify");
  CHECK(verify.status == 1);
  CHECK((verify.out + verify.err).find("第 5 条") != std::string::npos);
}

}  // namespace
}  // namespace auditor

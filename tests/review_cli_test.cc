// `auditor review` and `auditor round` end to end with the real binary: a
// scripted round on testdata archives, each refusal's exit status, the
// trail tampered with sqlite3 and named by `round verify`, a record moved
// between two databases.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/review_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using namespace test;

struct Site : test::ReviewSite {
  test::CliRun decide(const std::string& key, const std::string& how) {
    return run("review decide --db a.db --case " + sh_quote(kNanshi) + " --finding " +
               sh_quote(key) + " " + how + " --as 张三");
  }
  nlohmann::json list() {
    const test::CliRun r = run("review list --db a.db --json");
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out);
  }
};

const nlohmann::json& review_of(const nlohmann::json& list, const std::string& case_key) {
  for (const nlohmann::json& c : list.at("cases"))
    if (c.at("case") == case_key) return c.at("review");
  FAIL("no case " << case_key);
  return list;
}

TEST_CASE("review list shows each finding's key, verdict and deduction and a provisional score",
          "[review-cli]") {
  Site site;
  const test::CliRun text = site.run("review list --db a.db --case " + sh_quote(kNanshi));
  REQUIRE(text.status == 0);
  CHECK(text.out.find(kNotice) != std::string::npos);
  CHECK(text.out.find("暂定") != std::string::npos);
  CHECK(text.out.find("待定") != std::string::npos);
  const nlohmann::json j = site.list();
  CHECK(j.at("round") == "第一轮");
  CHECK(j.at("cases").size() == 2);
  const nlohmann::json& r = review_of(j, kNanshi);
  CHECK(r.at("provisional") == true);
  CHECK(r.at("items")[0].at("key") == kNotice);
  CHECK(r.at("items")[0].at("verdict") == "suggested");
  CHECK(r.at("min_score") == 0.0);
  CHECK(r.at("max_score") == 100.0);
}

TEST_CASE("a scripted review: dismiss, confirm, settle, add, sign, refuse, reopen",
          "[review-cli]") {
  Site site;
  CHECK(site.decide(kNotice, "--dismiss 告知书在卷宗第12页").status == 0);
  CHECK(site.decide(kReceipt, "--confirm").status == 0);
  for (const char* manual :
       {"REQ-3-statement_record@statement_record#1", "REQ-3-review_record@review_record#1",
        "MAN-seal-image@penalty_decision#1", "MAN-signatures@inspection_record#1"})
    CHECK(site.decide(manual, "--pass").status == 0);
  const test::CliRun added =
      site.run("review add --db a.db --case " + sh_quote(kNanshi) +
               " --as 李四 --severity minor --deduction 2 --text 询问笔录未记录询问时间 --page 7");
  CHECK(added.status == 0);
  nlohmann::json r = review_of(site.list(), kNanshi);
  CHECK(r.at("provisional") == false);
  CHECK(r.at("score") == 88.0);  // 100 − 10 (送达回证) − 2 (added)
  CHECK(r.at("items")[0].at("verdict") == "dismissed");
  CHECK(r.at("items")[0].at("deduction").is_null());
  CHECK(r.at("items").back().at("added") == true);

  CHECK(site.run("review sign --db a.db --case " + sh_quote(kNanshi) + " --as 张三").status == 0);
  const test::CliRun locked = site.decide(kReceipt, "--dismiss 已补");
  CHECK(locked.status == 1);
  CHECK(locked.err.find("签字锁定") != std::string::npos);
  const test::CliRun no_reason =
      site.run("review reopen --db a.db --case " + sh_quote(kNanshi) + " --as 王五");
  CHECK(no_reason.status == 1);
  CHECK(site.run("review reopen --db a.db --case " + sh_quote(kNanshi) +
                 " --as 王五 --reason 送达回证在补充材料中")
            .status == 0);
  CHECK(site.decide(kReceipt, "--dismiss 已补").status == 0);
  r = review_of(site.list(), kNanshi);
  CHECK(r.at("score") == 98.0);
  CHECK(r.at("locked") == false);
}

TEST_CASE("review refusals exit 1 with the reason and bad usage exits 2", "[review-cli]") {
  Site site;
  const test::CliRun unknown = site.decide("NOPE@case#1", "--confirm");
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("NOPE@case#1") != std::string::npos);
  const test::CliRun bare = site.decide(kNotice, "--dismiss ''");
  CHECK(bare.status == 1);
  CHECK(bare.err.find("理由") != std::string::npos);
  CHECK(site.decide(kNotice, "--confirm --pass").status == 2);
  CHECK(site.run("review").status == 2);
  CHECK(site.run("review frobnicate").status == 2);
  CHECK(site.run("review list --db none.db").status == 1);
  CHECK_FALSE(fs::exists(site.dir.path / "none.db"));
}

TEST_CASE("round verify passes an intact trail and names a row tampered with sqlite3",
          "[review-cli]") {
  Site site;
  CHECK(site.decide(kNotice, "--confirm").status == 0);
  CHECK(site.decide(kReceipt, "--confirm").status == 0);
  CHECK(site.decide(kNotice, "--dismiss 在卷").status == 0);
  const test::CliRun intact = site.run("round verify --db a.db");
  CHECK(intact.status == 0);
  CHECK(intact.out.find("3 条") != std::string::npos);
  site.sql(
      "DROP TRIGGER trail_no_update;"
      "UPDATE trail SET payload = replace(payload, '张三', '李四') WHERE seq = 2");
  const test::CliRun broken = site.run("round verify --db a.db");
  CHECK(broken.status == 1);
  CHECK(broken.out.find("第 2 条") != std::string::npos);
}

TEST_CASE("review export and import merge two laptops' decisions and report the conflict",
          "[review-cli]") {
  Site a, b;
  CHECK(a.decide(kNotice, "--dismiss 在卷").status == 0);
  CHECK(a.decide(kReceipt, "--confirm").status == 0);
  CHECK(b.run("review decide --db a.db --case " + sh_quote(kNanshi) + " --finding " +
              sh_quote(kReceipt) + " --dismiss 已补送达 --as 李四")
            .status == 0);
  const fs::path file = a.dir.path / "张三.json";
  const test::CliRun exported =
      a.run("review export --db a.db --round 第一轮 --out " + sh_quote(file.string()));
  REQUIRE(exported.status == 0);
  const nlohmann::json doc = nlohmann::json::parse(test::read_file(file));
  CHECK(doc.at("format") == "auditor-review/1");
  CHECK(doc.at("entries").size() == 2);

  const test::CliRun merged = b.run("review import --db a.db " + sh_quote(file.string()));
  CHECK(merged.status == 1);  // one conflict
  CHECK(merged.out.find("新增 1 条") != std::string::npos);
  CHECK(merged.out.find("冲突 1 条") != std::string::npos);
  CHECK(merged.out.find(kReceipt) != std::string::npos);
  const nlohmann::json r = review_of(b.list(), kNanshi);
  CHECK(r.at("items")[0].at("verdict") == "dismissed");
  CHECK(r.at("items")[0].at("inspector") == "张三");
  CHECK(r.at("items")[1].at("verdict") == "dismissed");
  CHECK(r.at("items")[1].at("inspector") == "李四");  // not overwritten
  CHECK(b.run("round verify --db a.db").status == 0);
}

}  // namespace
}  // namespace auditor

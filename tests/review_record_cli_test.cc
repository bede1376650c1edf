// `auditor review object|rule|objections|rectify|rectify-update|rectification`
// end to end with the real binary: a street objects and the group rules, a
// finding is rectified, the street reports, a corrected archive is audited
// again and re-checked; each refusal's exit status; a tampered objection
// named by `round verify`.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/review_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using namespace test;

struct Site : test::ReviewSite {
  test::CliRun on_case(const std::string& sub, const std::string& key, const std::string& rest) {
    return run("review " + sub + " --db a.db --case " + sh_quote(kNanshi) + " --finding " +
               sh_quote(key) + " " + rest);
  }
  nlohmann::json json_of(const std::string& args) {
    const test::CliRun r = run(args);
    REQUIRE(r.status == 0);
    return nlohmann::json::parse(r.out);
  }
};

const nlohmann::json& item_of(const nlohmann::json& list, const std::string& key) {
  for (const nlohmann::json& c : list.at("cases"))
    if (c.at("case") == kNanshi)
      for (const nlohmann::json& i : c.at("review").at("items"))
        if (i.at("key") == key) return i;
  FAIL("no item " << key);
  return list;
}

TEST_CASE(
    "a street objects to a confirmed finding and the group accepts it: the finding counts "
    "nothing",
    "[review-record-cli]") {
  Site site;
  const test::CliRun undecided = site.on_case("object", kReceipt, "--reason 已补送达 --as 李街道");
  CHECK(undecided.status == 1);
  CHECK(undecided.err.find("待定") != std::string::npos);
  REQUIRE(site.on_case("decide", kReceipt, "--confirm --as 张三").status == 0);
  CHECK(site.on_case("object", kReceipt, "--as 李街道").status == 1);  // no reason
  const test::CliRun objected =
      site.on_case("object", kReceipt, "--reason 已补送达 --as 李街道 --unit 南石头街道");
  REQUIRE(objected.status == 0);
  CHECK(objected.out.find("第 2 号") != std::string::npos);
  CHECK(site.on_case("object", kReceipt, "--reason 再次 --as 李街道").status == 1);  // pending

  const nlohmann::json pending = site.json_of("review objections --db a.db --pending --json");
  CHECK(pending.at("format") == "auditor-objections/1");
  REQUIRE(pending.at("cases").size() == 1);
  const nlohmann::json& o = pending.at("cases")[0].at("objections")[0];
  CHECK(o.at("id") == 2);
  CHECK(o.at("unit") == "南石头街道");
  CHECK(o.at("ruling").is_null());

  CHECK(site.run("review rule --db a.db --objection 2 --reason 属实 --as 评查组").status == 2);
  CHECK(
      site.run("review rule --db a.db --objection 2 --accept --reject --reason x --as 组").status ==
      2);
  CHECK(site.run("review rule --db a.db --objection 9 --accept --reason 属实 --as 评查组").status ==
        1);
  const test::CliRun ruled = site.run(
      "review rule --db a.db --objection 2 --accept --reason 回证在补充材料中 --as 评查组");
  REQUIRE(ruled.status == 0);
  CHECK(ruled.out.find("采纳") != std::string::npos);
  const test::CliRun twice =
      site.run("review rule --db a.db --objection 2 --reject --reason 改主意 --as 评查组");
  CHECK(twice.status == 1);
  CHECK(twice.err.find("不能再次裁定") != std::string::npos);

  const nlohmann::json list = site.json_of("review list --db a.db --json");
  const nlohmann::json& item = item_of(list, kReceipt);
  CHECK(item.at("verdict") == "withdrawn");
  CHECK(item.at("deduction").is_null());
  const test::CliRun text = site.run("review list --db a.db --case " + sh_quote(kNanshi));
  CHECK(text.out.find("[异议已采纳]") != std::string::npos);
  CHECK(site.run("review objections --db a.db --pending").out.find("没有尚未裁定的异议") !=
        std::string::npos);
  CHECK(site.run("review objections --db a.db").out.find("裁定：采纳") != std::string::npos);
}

TEST_CASE("rectify, the street's report, overdue items and the re-check of a corrected archive",
          "[review-record-cli]") {
  Site site;
  REQUIRE(site.on_case("decide", kReceipt, "--confirm --as 张三").status == 0);
  REQUIRE(site.on_case("decide", kNotice, "--confirm --as 张三").status == 0);
  CHECK(site.on_case("rectify", kReceipt, "--kind 随便 --owner 王五 --as 张三").status == 1);
  CHECK(site.on_case("rectify", kReceipt, "--kind 卷内补正 --owner 王五 --due 2026-13-01 --as 张三")
            .status == 2);
  const test::CliRun made =
      site.on_case("rectify", kReceipt, "--kind 卷内补正 --owner 王五 --due 2099-01-31 --as 张三");
  REQUIRE(made.status == 0);
  CHECK(made.out.find("第 3 号") != std::string::npos);
  CHECK(made.out.find("2099-01-31") != std::string::npos);
  REQUIRE(site.on_case("rectify", kNotice, "--kind 制度整改 --owner 赵六 --as 张三").status == 0);
  CHECK(site.on_case("rectify", kNotice, "--kind 制度整改 --owner 赵六 --as 张三").status == 1);

  CHECK(site.run("review rectify-update --db a.db --item 3 --status 完成 --note x --as 李街道")
            .status == 1);
  CHECK(site.run("review rectify-update --db a.db --item 77 --status 整改中 --note x --as 李街道")
            .status == 1);
  REQUIRE(site.run("review rectify-update --db a.db --item 3 --status 整改中 --note 正在补送达 "
                   "--as 李街道")
              .status == 0);

  nlohmann::json l = site.json_of("review rectification --db a.db --today 2099-02-01 --json");
  CHECK(l.at("format") == "auditor-rectification/1");
  CHECK(l.at("today") == "2099-02-01");
  REQUIRE(l.at("cases").size() == 1);
  const nlohmann::json& items = l.at("cases")[0].at("items");
  REQUIRE(items.size() == 2);
  CHECK(items[0].at("id") == 3);
  CHECK(items[0].at("status") == "整改中");
  CHECK(items[0].at("note") == "正在补送达");
  CHECK(items[0].at("owner") == "王五");
  CHECK(items[0].at("kind") == "卷内补正");
  CHECK(items[0].at("overdue") == true);
  CHECK(items[0].at("recheck") == "not_yet");
  CHECK(items[1].at("kind") == "制度整改");
  const nlohmann::json overdue =
      site.json_of("review rectification --db a.db --overdue --today 2099-02-01 --json");
  CHECK(overdue.at("cases")[0].at("items").size() == 2);  // the default due date passed too
  CHECK(site.json_of("review rectification --db a.db --overdue --today 2020-01-01 --json")
            .at("cases")
            .empty());
  CHECK(site.run("review rectification --db a.db --today 明天").status == 2);

  // The street resubmits a corrected archive; it is audited again.
  fs::copy_file(kTestdata / "01-complete-structured.zip", site.dir.path / "03.zip",
                fs::copy_options::overwrite_existing);
  REQUIRE(site.run("audit --db a.db --round 第一轮 03.zip").status == 0);
  const test::CliRun text = site.run("review rectification --db a.db --case 03.zip");
  REQUIRE(text.status == 0);
  CHECK(text.out.find("复查：已整改") != std::string::npos);
  CHECK(text.out.find("新发现：MAN-seal-image@correction_order#1") != std::string::npos);
  l = site.json_of("review rectification --db a.db --json");
  CHECK(l.at("cases")[0].at("items")[0].at("recheck") == "fixed");
  CHECK(l.at("cases")[0].at("items")[1].at("recheck") == "fixed");
  CHECK(site.run("round verify --db a.db").status == 0);
}

TEST_CASE("round verify names a tampered objection row", "[review-record-cli]") {
  Site site;
  REQUIRE(site.on_case("decide", kReceipt, "--confirm --as 张三").status == 0);
  REQUIRE(site.on_case("object", kReceipt, "--reason 已补送达 --as 李街道").status == 0);
  REQUIRE(
      site.run("review rule --db a.db --objection 2 --reject --reason 不属实 --as 评查组").status ==
      0);
  const test::CliRun intact = site.run("round verify --db a.db");
  CHECK(intact.status == 0);
  CHECK(intact.out.find("3 条") != std::string::npos);
  site.sql(
      "DROP TRIGGER trail_no_update;"
      "UPDATE trail SET payload = replace(payload, '\"accepted\":false', '\"accepted\":true')"
      " WHERE seq = 3");
  const test::CliRun broken = site.run("round verify --db a.db");
  CHECK(broken.status == 1);
  CHECK(broken.out.find("第 3 条") != std::string::npos);
}

TEST_CASE("review --help lists the objection and rectification commands", "[review-record-cli]") {
  Site site;
  const test::CliRun help = site.run("review --help");
  CHECK(help.status == 0);
  for (const char* sub :
       {"object", "rule", "objections", "rectify", "rectify-update", "rectification"})
    CHECK(help.out.find(std::string("  ") + sub + " ") != std::string::npos);
  CHECK(site.run("review object --help").status == 0);
}

}  // namespace
}  // namespace auditor

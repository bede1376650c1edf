// report.json: the JSON result contract of one stored round.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/report_fixture.h"

namespace auditor {
namespace {

using nlohmann::json;
using test::read_file;
using test::ReportFixture;

json report(ReportFixture& fx, const std::string& round) {
  return json::parse(read_file(fx.render(round, "out", "json") / "report.json"));
}

TEST_CASE("report.json is the JSON result of the round's stored cases", "[reports]") {
  ReportFixture fx;
  const json j = report(fx, "第一轮");
  Checklist checklist;
  checklist.id = "general-penalty";
  checklist.version = "2025.1";
  checklist.sha256 = "abc123";
  json expected = result_json("0.1.0", checklist, test::first_round_cases());
  json without_round = j;
  without_round.erase("round");
  CHECK(without_round == expected);
}

TEST_CASE("report.json names its round, runs and time", "[reports]") {
  ReportFixture fx;
  const json j = report(fx, "第一轮");
  const json& round = j.at("round");
  CHECK(round.at("name") == "第一轮");
  CHECK(round.at("mode") == "inspection");
  CHECK(round.at("created_at") == "2024-05-01T08:00:00Z");
  CHECK(round.at("as_of").get<std::string>().size() == 20);
  REQUIRE(round.at("runs").size() == 1);
  CHECK(round.at("runs")[0].at("inspector") == "张三");
  CHECK(round.at("runs")[0].at("checklist").at("sha256") == "abc123");
  CHECK(report(fx, "第二轮").at("round").at("runs")[0].at("inspector").is_null());
}

TEST_CASE("hostile strings come out of report.json exactly", "[reports]") {
  ReportFixture fx;
  const std::string text = read_file(fx.render("第二轮", "out", "json") / "report.json");
  CHECK(text.find('\x01') == std::string::npos);
  CHECK(text.find("\\u0001") != std::string::npos);
  const json j = json::parse(text);
  CHECK(j.at("cases")[2].at("party") == test::kHostile);
  CHECK(j.at("cases")[2].at("archive") == "赤岗/" + test::kHostile + ".zip");
  CHECK(j.at("cases")[2].at("findings")[0].at("evidence")[0] == test::kHostile);
}

}  // namespace
}  // namespace auditor

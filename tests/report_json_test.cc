// report.json: the JSON result contract of one stored round.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reports/json_report.h"
#include "reports/json_text.h"
#include "store/round_reader.h"
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

std::string streamed(const RoundData& data) {
  std::string text;
  REQUIRE(write_round_json(data, [&](std::string_view piece) {
    text += piece;
    return true;
  }));
  return text;
}

TEST_CASE("report.json is byte for byte round_json().dump(2) of the stored round", "[reports]") {
  ReportFixture fx;
  for (const char* name : {"第一轮", "第二轮", "赤岗自查"}) {
    INFO(name);
    auto round = find_round(*fx.store, name);
    REQUIRE((round.ok() && round->has_value()));
    Result<RoundData> data = load_round(*fx.store, **round);
    REQUIRE(data.ok());
    CHECK(read_file(fx.render(name, "out", "json") / "report.json") ==
          round_json(*data).dump(2) + "\n");
  }
}

TEST_CASE("streamed JSON escapes and prints numbers as nlohmann does", "[reports]") {
  RoundData data;
  data.round = {1, "轮次", "inspection", "2024-05-01T08:00:00Z"};
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  controls += "\x7f\"\\/";
  CaseResult odd;
  odd.c.archive = "坏\xff\xfe字节\xe4\xb8.zip" + controls;
  odd.c.info.party = test::kHostile;
  odd.c.documents.push_back({});
  odd.c.documents.back().facts = {{"street", "赤岗\xc3", ""}};
  for (double d : {2.5, 0.1, -3.0, -0.0, 1e20, 1.0 / 3, 123456789012.0}) {
    Finding f;
    f.rule = "R";
    f.deduction = d;
    f.evidence = {controls};
    odd.audit.findings.push_back(f);
  }
  odd.audit.score = 97.25;
  odd.audit.checks = {{"R", Outcome::failed}, {"S", Outcome::not_checkable}};
  CaseResult empty;
  CaseResult rejected;
  rejected.c.rejected = true;
  rejected.c.error = "不是有效的 ZIP 压缩包";
  data.cases = {odd, empty, rejected};
  CHECK(streamed(data) == round_json(data).dump(2));
  data.runs.push_back({7, "张三", "2024-05-01T08:00:00Z", std::nullopt, "0.1.0", "g", "1", ""});
  CHECK(streamed(data) == round_json(data).dump(2));
}

}  // namespace
}  // namespace auditor

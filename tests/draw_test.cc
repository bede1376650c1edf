// The round's plan, draw and assignment as pure values (auditor/draw.h):
// street names, inspectors, the plan's checks, 回避, the must-check rules
// and their file, the reproducible draw and the round robin.
#include "auditor/draw.h"

#include <catch2/catch.hpp>

#include "app/data_dirs.h"
#include "tests/cli_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::TempDir;
using test::write_file;

RoundPlan plan_of(std::vector<std::string> streets, std::vector<Inspector> inspectors = {}) {
  RoundPlan p;
  p.streets = std::move(streets);
  p.inspectors = std::move(inspectors);
  if (p.inspectors.empty()) p.inspectors = {{"张三", "区司法局"}};
  p.by = "赵六";
  return p;
}

DrawCandidate candidate(const std::string& key, const char* street,
                        std::optional<std::string> closed = "2024-06-01") {
  DrawCandidate c;
  c.key = key;
  c.archive = key + ".zip";
  if (street) c.street = std::string(street);
  c.closed.date = std::move(closed);
  if (!c.closed.date) c.closed.why = "卷内未见结案审批表，结案日期无法读取";
  return c;
}

std::vector<std::string> keys_of(const Draw& d) {
  std::vector<std::string> out;
  for (const DrawnCase& c : d.cases) out.push_back(c.key);
  return out;
}

CaseResult with_findings(std::vector<std::pair<std::string, std::string>> rule_severity,
                         std::optional<double> fine = std::nullopt) {
  CaseResult r;
  r.c.info.fine = fine;
  for (auto& [rule, severity] : rule_severity) {
    Finding f;
    f.rule = rule;
    f.severity = severity;
    r.audit.findings.push_back(f);
  }
  return r;
}

TEST_CASE("a street is named alike with or without 街道 and its office", "[draw]") {
  CHECK(street_name("南华西街道办事处") == "南华西");
  CHECK(street_name(" 南华西 街道") == "南华西");
  CHECK(street_name("南华西街道综合行政执法队") == "南华西");
  CHECK(street_name("区司法局") == "区司法局");
  CHECK(same_street("南华西", "南华西街道"));
  CHECK_FALSE(same_street("南华西", "南华东"));
  CHECK_FALSE(same_street("", ""));
}

TEST_CASE("an inspector is written name@unit", "[draw]") {
  Result<Inspector> i = parse_inspector("张三@区司法局");
  REQUIRE(i);
  CHECK(i->name == "张三");
  CHECK(i->unit == "区司法局");
  CHECK(inspector_text(*i) == "张三@区司法局");
  CHECK_FALSE(parse_inspector("张三"));
  CHECK_FALSE(parse_inspector("@区司法局"));
  CHECK_FALSE(parse_inspector("张三@"));
  CHECK_FALSE(parse_inspector("张三@甲@乙"));
}

TEST_CASE("a plan needs streets, inspectors, a sound window and who recorded it", "[draw]") {
  RoundPlan ok = plan_of({"南华西", "琶洲"});
  CHECK(plan_problem(ok).empty());
  RoundPlan p = ok;
  p.streets.clear();
  CHECK(plan_problem(p).find("街道") != std::string::npos);
  p = ok;
  p.streets = {"南华西", "南华西街道"};
  CHECK(plan_problem(p).find("重复") != std::string::npos);
  p = ok;
  p.inspectors.clear();
  CHECK(plan_problem(p).find("评查人员") != std::string::npos);
  p = ok;
  p.inspectors = {{"张三", "区司法局"}, {"张三", "琶洲街道"}};
  CHECK(plan_problem(p).find("重复") != std::string::npos);
  p = ok;
  p.closed_from = "2024-13-01";
  CHECK(plan_problem(p).find("YYYY-MM-DD") != std::string::npos);
  p = ok;
  p.closed_from = "2024-06-01";
  p.closed_to = "2024-01-01";
  CHECK(plan_problem(p).find("早于") != std::string::npos);
  p = ok;
  p.by.clear();
  CHECK(plan_problem(p).find("--as") != std::string::npos);
}

TEST_CASE("an inspector from the case's own street must recuse", "[draw]") {
  const RoundPlan p = plan_of({"南华西"}, {{"张三", "区司法局"}, {"李四", "南华西街道"}});
  CHECK(recusal_problem(p, "李四", std::string("南华西")).find("回避") != std::string::npos);
  CHECK(recusal_problem(p, "李四@南华西街道", std::string("南华西街道")).find("回避") !=
        std::string::npos);
  CHECK(recusal_problem(p, "张三", std::string("南华西")).empty());
  CHECK(recusal_problem(p, "李四", std::string("琶洲")).empty());
  CHECK(recusal_problem(p, "王五", std::string("琶洲")).find("不在") != std::string::npos);
  CHECK(recusal_problem(p, "张三", std::nullopt).find("街道无法读取") != std::string::npos);
  CHECK(recusal_problem(RoundPlan{}, "任何人", std::nullopt).empty());
}

TEST_CASE("a case's rank is the SHA-256 of seed, newline and key, as sha256sum computes it",
          "[draw]") {
  // printf '%s\n%s' s k | sha256sum
  CHECK(draw_rank("s", "k") == "7550cce1e8de1d2d8c0584b1672309084423e797c6aad20a5bce5ca707b9bf23");
  CHECK(draw_rank("2026-12", "穗海南华综执立〔2024〕52号") ==
        "33dfc1766059adb8993537a4ab7f1ce161d7c0e04832566efcda64a294273511");
}

TEST_CASE("a seed is printable UTF-8 text of at most 200 bytes", "[draw]") {
  CHECK(seed_problem("2026-12 第一轮 抽签 37").empty());
  CHECK_FALSE(seed_problem("").empty());
  CHECK_FALSE(seed_problem("a\nb").empty());
  CHECK_FALSE(seed_problem("a\tb").empty());
  CHECK_FALSE(seed_problem("\xff\xfe").empty());
  CHECK_FALSE(seed_problem(std::string(201, 'x')).empty());
  CHECK(seed_problem(std::string(200, 'x')).empty());
}

TEST_CASE("the draw takes the N lowest ranks per street and the same seed gives the same draw",
          "[draw]") {
  std::vector<DrawCandidate> cs;
  for (int i = 1; i <= 6; ++i) cs.push_back(candidate("甲" + std::to_string(i), "甲"));
  for (int i = 1; i <= 4; ++i) cs.push_back(candidate("乙" + std::to_string(i), "乙街道"));
  const RoundPlan p = plan_of({"甲街道", "乙"});
  const Draw a = draw_cases(cs, &p, "seed-1", 2);
  const Draw b = draw_cases(cs, &p, "seed-1", 2);
  CHECK(keys_of(a) == keys_of(b));
  REQUIRE(a.cases.size() == 4);
  REQUIRE(a.streets.size() == 2);
  CHECK(a.streets[0].street == "甲街道");
  CHECK(a.streets[0].candidates == 6);
  CHECK(a.streets[0].random == 2);
  // Each street's picks are its two lowest ranks.
  for (const StreetTally& t : a.streets) {
    std::vector<std::string> ranks;
    for (const DrawCandidate& c : cs)
      if (same_street(*c.street, t.street)) ranks.push_back(draw_rank("seed-1", c.key));
    std::sort(ranks.begin(), ranks.end());
    std::vector<std::string> picked;
    for (const DrawnCase& c : a.cases)
      if (c.street == t.street) {
        CHECK(c.at_random());
        CHECK(c.rank == draw_rank("seed-1", c.key));
        picked.push_back(c.rank);
      }
    CHECK(picked == std::vector<std::string>(ranks.begin(), ranks.begin() + 2));
  }
  // Another seed gives another draw (of 15 × 6 possible pairs).
  CHECK(keys_of(draw_cases(cs, &p, "seed-2", 2)) != keys_of(a));
  // The order of the stored cases does not matter.
  std::vector<DrawCandidate> reversed(cs.rbegin(), cs.rend());
  CHECK(keys_of(draw_cases(reversed, &p, "seed-1", 2)) == keys_of(a));
}

TEST_CASE("must-check cases are drawn besides the random ones, with their rule ids", "[draw]") {
  std::vector<DrawCandidate> cs;
  for (int i = 1; i <= 4; ++i) cs.push_back(candidate("甲" + std::to_string(i), "甲"));
  cs[2].must = {"MC-veto", "MC-fine-large"};
  const RoundPlan p = plan_of({"甲"});
  const Draw d = draw_cases(cs, &p, "x", 1);
  REQUIRE(d.cases.size() == 2);
  CHECK(d.cases[0].key == "甲3");
  CHECK(d.cases[0].why_text() == "MC-veto、MC-fine-large");
  CHECK(d.cases[1].at_random());
  CHECK(d.cases[1].key != "甲3");
  CHECK(d.streets[0].must == 1);
  // Per street 0: the must-check cases only.
  CHECK(keys_of(draw_cases(cs, &p, "x", 0)) == std::vector<std::string>{"甲3"});
}

TEST_CASE("cases without a readable street or closing date are listed, never dropped silently",
          "[draw]") {
  std::vector<DrawCandidate> cs = {
      candidate("有", "甲"), candidate("无街道", nullptr), candidate("未结案", "甲", std::nullopt),
      candidate("早结案", "甲", "2023-01-01"), candidate("他街", "乙")};
  DrawCandidate rejected = candidate("坏包", nullptr);
  rejected.rejected = true;
  cs.push_back(rejected);
  RoundPlan p = plan_of({"甲"});
  p.closed_from = "2024-01-01";
  p.closed_to = "2024-12-31";
  const Draw d = draw_cases(cs, &p, "x", 5);
  CHECK(keys_of(d) == std::vector<std::string>{"有"});
  REQUIRE(d.excluded.size() == 3);
  CHECK(d.excluded[0].key == "无街道");
  CHECK(d.excluded[0].why.find("街道无法读取") != std::string::npos);
  CHECK(d.excluded[1].key == "未结案");
  CHECK(d.excluded[1].why.find("结案日期无法读取") != std::string::npos);
  CHECK(d.excluded[2].key == "坏包");
  CHECK(d.outside_window == 1);
  CHECK(d.outside_streets == 1);
  // Without a window an undated case is a candidate.
  p.closed_from.reset();
  p.closed_to.reset();
  CHECK(draw_cases(cs, &p, "x", 5).streets[0].candidates == 3);
  // Without a plan every readable street is drawn from, by name.
  const Draw all = draw_cases(cs, nullptr, "x", 5);
  REQUIRE(all.streets.size() == 2);
  CHECK(all.streets[0].street == "乙");
  CHECK(all.streets[1].street == "甲");
  CHECK(all.excluded.size() == 2);
}

TEST_CASE("the must-check kinds fire on their finding, fact or rule and stay quiet otherwise",
          "[draw]") {
  MustCheckRule veto{"MC-veto", "否决", "依据", MustCheckKind::severity, "veto"};
  MustCheckRule fine{"MC-fine", "罚款", "依据", MustCheckKind::fact_above, "", "fine", 10000};
  MustCheckRule fired{"MC-rule", "规则", "依据", MustCheckKind::rule_fired};
  fired.rules = {"DL-limitation-2y", "REQ-4-legal_review"};
  const std::vector<MustCheckRule> rules = {veto, fine, fired};
  using V = std::vector<std::string>;
  CHECK(must_check_matches(rules, with_findings({{"REQ-3-penalty_notice", "veto"}})) ==
        V{"MC-veto"});
  CHECK(must_check_matches(rules, with_findings({{"REQ-3-penalty_notice", "major"}})).empty());
  CHECK(must_check_matches(rules, with_findings({}, 10000.5)) == V{"MC-fine"});
  CHECK(must_check_matches(rules, with_findings({}, 10000)).empty());
  CHECK(must_check_matches(rules, with_findings({})).empty());
  CHECK(must_check_matches(rules, with_findings({{"REQ-4-legal_review", "major"}})) ==
        V{"MC-rule"});
  CHECK(must_check_matches(rules, with_findings({{"REQ-4-penalty_approval", "major"}})).empty());
  CaseResult all = with_findings({{"DL-limitation-2y", "veto"}}, 20000);
  CHECK(must_check_matches(rules, all) == V{"MC-veto", "MC-fine", "MC-rule"});
  all.c.rejected = true;
  CHECK(must_check_matches(rules, all).empty());
}

TEST_CASE("the bundled must-check file loads with its three kinds", "[draw]") {
  Result<MustCheckRules> r = load_must_check(must_check_file(data_dir() / "draw"));
  REQUIRE(r);
  CHECK(r->id == "haizhu-draw");
  REQUIRE(r->rules.size() == 3);
  CHECK(r->rules[0].kind == MustCheckKind::severity);
  CHECK(r->rules[1].kind == MustCheckKind::fact_above);
  CHECK(r->rules[1].fact == "fine");
  CHECK(r->rules[2].kind == MustCheckKind::rule_fired);
  CHECK(r->sha256.size() == 64);
  for (const MustCheckRule& rule : r->rules) {
    CHECK_FALSE(rule.label.empty());
    CHECK_FALSE(rule.basis.empty());
  }
}

TEST_CASE("a broken must-check file fails naming its line", "[draw]") {
  TempDir dir;
  const fs::path f = dir.path / "must-check.xml";
  auto load = [&](const std::string& rules) {
    write_file(f, "<?xml version=\"1.0\"?>\n<must-check id=\"t\" version=\"1\">\n" + rules +
                      "</must-check>\n");
    return load_must_check(f);
  };
  const std::string body = "<label>标签</label><basis>依据</basis>";
  CHECK(load("<rule id=\"a\" kind=\"severity\" severity=\"veto\">" + body + "</rule>\n"));
  Result<MustCheckRules> r = load("<rule id=\"a\" kind=\"lottery\">" + body + "</rule>\n");
  REQUIRE_FALSE(r);
  CHECK(r.error().find("must-check.xml:3:") != std::string::npos);
  CHECK(r.error().find("lottery") != std::string::npos);
  CHECK_FALSE(load("<rule id=\"a\" kind=\"severity\" severity=\"veto\"><label>x</label></rule>"));
  CHECK_FALSE(load("<rule id=\"a\" kind=\"severity\" severity=\"fatal\">" + body + "</rule>"));
  CHECK_FALSE(load("<rule id=\"a\" kind=\"fact_above\" fact=\"party\" threshold=\"1\">" + body +
                   "</rule>"));
  CHECK_FALSE(load("<rule id=\"a\" kind=\"fact_above\" fact=\"fine\" threshold=\"many\">" + body +
                   "</rule>"));
  CHECK_FALSE(load("<rule id=\"a\" kind=\"rule_fired\" rules=\" , \">" + body + "</rule>"));
  CHECK_FALSE(
      load("<rule id=\"a\" kind=\"severity\" severity=\"veto\" fact=\"fine\">" + body + "</rule>"));
  Result<MustCheckRules> twice =
      load("<rule id=\"a\" kind=\"severity\" severity=\"veto\">" + body + "</rule>\n" +
           "<rule id=\"a\" kind=\"severity\" severity=\"major\">" + body + "</rule>\n");
  REQUIRE_FALSE(twice);
  CHECK(twice.error().find("重复") != std::string::npos);
  write_file(f, "<checklist/>");
  CHECK_FALSE(load_must_check(f));
  Result<MustCheckRules> missing = load_must_check(dir.path / "none.xml");
  REQUIRE_FALSE(missing);
  CHECK(missing.code() == Code::not_found);
}

TEST_CASE("the closing date is the earliest dated 结案审批表", "[draw]") {
  Case c;
  CHECK_FALSE(closing_date(c).date);
  CHECK(closing_date(c).why.find("未见结案审批表") != std::string::npos);
  Document d;
  d.type = "closing_approval";
  c.documents.push_back(d);
  CHECK(closing_date(c).why.find("日期无法读取") != std::string::npos);
  d.date = "2024-06-27";
  c.documents.push_back(d);
  d.date = "2024-05-01";
  c.documents.push_back(d);
  d.type = "penalty_decision";
  d.date = "2024-01-01";
  c.documents.push_back(d);
  CHECK(closing_date(c).date == "2024-05-01");
}

TEST_CASE("round robin skips an inspector of the case's street and wraps around", "[draw]") {
  const RoundPlan p =
      plan_of({"甲", "乙"}, {{"张三", "区司法局"}, {"李四", "甲街道"}, {"王五", "乙街道"}});
  const std::vector<RobinCase> cases = {{"1", "1.zip", std::string("甲")},
                                        {"2", "2.zip", std::string("甲")},
                                        {"3", "3.zip", std::string("乙")},
                                        {"4", "4.zip", std::nullopt}};
  const std::vector<RobinPick> picks = round_robin(p, cases);
  REQUIRE(picks.size() == 4);
  CHECK(picks[0].inspector == 0u);  // 张三
  CHECK(picks[1].inspector == 2u);  // 李四 recuses: 王五
  CHECK(picks[2].inspector == 0u);  // wraps to 张三
  CHECK_FALSE(picks[3].inspector);
  CHECK(picks[3].why.find("街道无法读取") != std::string::npos);
  const RoundPlan local = plan_of({"甲"}, {{"李四", "甲街道"}});
  const std::vector<RobinPick> none = round_robin(local, {{"1", "1.zip", std::string("甲")}});
  CHECK_FALSE(none[0].inspector);
  CHECK(none[0].why.find("回避") != std::string::npos);
}

}  // namespace
}  // namespace auditor

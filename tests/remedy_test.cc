// The remedy sentence (救济途径告知) against the district's table
// (SUB-remedy): the review body, the court and both periods. Decisions are
// real DOCX files read back.
#include <catch2/catch.hpp>

#include "auditor/remedy.h"
#include "tests/discretion_fixtures.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

Audit with_remedy(const std::string& sentence) {
  DecisionText t;
  t.remedy = sentence;
  return audit_decision(t);
}

}  // namespace

TEST_CASE("the district's remedy sentence passes, in several wordings", "[substance]") {
  for (const char* s :
       {"当事人如不服本决定，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政复议，"
        "或者在六个月内依法向广州铁路运输法院提起行政诉讼。",
        "如不服本决定，可自收到本决定书之日起60日内向海珠区人民政府申请行政复议；也可以自收到本决定"
        "书之日起6个月内直接向广州铁路运输法院提起行政诉讼。",
        "当事人对本决定不服的，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政复议。"
        "\n当事人也可以在收到本决定书之日起六个月内向广州铁路运输法院提起行政诉讼。"}) {
    INFO(s);
    const Audit a = with_remedy(s);
    CHECK(outcome_of(a, "SUB-remedy") == Outcome::passed);
    CHECK(findings_of(a, "SUB-remedy").empty());
  }
}

TEST_CASE("a remedy sentence naming another review body is a finding", "[substance]") {
  const Audit a = with_remedy(
      "当事人如不服本决定，可以在收到本决定书之日起六十日内向广州市人民政府申请行政复议，或者在六个"
      "月"
      "内依法向广州铁路运输法院提起行政诉讼。");
  CHECK(outcome_of(a, "SUB-remedy") == Outcome::failed);
  CHECK_THAT(messages(a, "SUB-remedy"),
             Catch::Contains("行政复议机关写作“广州市人民政府”，应为广州市海珠区人民政府"));
}

TEST_CASE("a remedy sentence with a wrong period or court is a finding, whatever the numerals",
          "[substance]") {
  for (const char* s :
       {"当事人如不服本决定，可以在收到本决定书之日起十五日内向广州市海珠区人民政府申请行政复议，"
        "或者在三个月内依法向广州铁路运输法院提起行政诉讼。",
        "如不服本决定，可自收到本决定书之日起15日内向海珠区人民政府申请行政复议；也可以在3个月内直"
        "接"
        "向广州铁路运输法院提起行政诉讼。"}) {
    INFO(s);
    const std::string m = messages(with_remedy(s), "SUB-remedy");
    CHECK_THAT(m, Catch::Contains("申请行政复议的期限写作 15 日，应为 60 日"));
    CHECK_THAT(m, Catch::Contains("提起行政诉讼的期限写作 3 个月，应为 6 个月"));
  }
  const std::string court = messages(
      with_remedy(
          "当事人如不服本决定，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政"
          "复议，或者在六个月内依法向人民法院提起行政诉讼。"),
      "SUB-remedy");
  CHECK_THAT(court, Catch::Contains("管辖法院写作“人民法院”，应为广州铁路运输法院"));
}

TEST_CASE("a decision without a remedy sentence is a finding", "[substance]") {
  const Audit a = with_remedy("");
  CHECK(outcome_of(a, "SUB-remedy") == Outcome::failed);
  CHECK_THAT(messages(a, "SUB-remedy"), Catch::Contains("未告知申请行政复议的途径和期限"));
  CHECK_THAT(messages(a, "SUB-remedy"), Catch::Contains("未告知提起行政诉讼的途径和期限"));
}

TEST_CASE("a remedy sentence a PDF broke over lines is read whole", "[substance]") {
  const RemedySentence s = read_remedy_sentence(
      "你单位如不服本决定，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政复\n议，或"
      "者"
      "在六个月内向广州铁路运输法院提起行政诉讼。\n");
  CHECK(s.review);
  CHECK(s.review_body == "广州市海珠区人民政府");
  CHECK(s.review_days == 60);
  CHECK(s.court == "广州铁路运输法院");
  CHECK(s.litigation_months == 6);
}

TEST_CASE("a decision telling only the lawsuit against the review decision misses the direct one",
          "[substance]") {
  const std::string only = messages(
      with_remedy(
          "如不服本决定，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政复议；对行"
          "政复议决定不服的，可以在收到行政复议决定书之日起十五日内，依法向人民法院提起行政诉讼"
          "。"),
      "SUB-remedy");
  CHECK_THAT(only,
             Catch::Contains(
                 "只告知了对行政复议决定不服再起诉的途径，未告知可在 6 个月内直接向广州铁路运输"
                 "法院提起行政诉讼"));
  const Audit both = with_remedy(
      "如不服本决定，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政复议；对行政复议"
      "决"
      "定不服的，可以在收到行政复议决定书之日起十五日内依法提起行政诉讼；也可以在收到本决定书之日起"
      "六"
      "个月内直接向广州铁路运输法院提起行政诉讼。");
  CHECK(outcome_of(both, "SUB-remedy") == Outcome::passed);
}

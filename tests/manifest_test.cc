#include "importers/manifest.h"

#include <catch2/catch.hpp>

namespace auditor {
namespace {

const char* const kGood = R"(<?xml version="1.0" encoding="UTF-8"?>
<case-file version="1">
  <case number="穗海赤岗综执立〔2024〕12号" street="赤岗" party="广州市海珠区粤香园餐饮管理有限公司"
        party-id="91440105MA5D0RKX0Q" procedure="general" fine="5000" colour="ignored">
    <dates filed="2024-03-01" notice-served="2024-03-12" decided="2024-03-21"
           decision-served="2024-03-22" closed="2024-04-08"/>
    <flag name="hearing_requested" value="false"/>
    <flag name="fine_imposed" value="true"/>
    <flag name="district_pilot" value="true"/>
  </case>
  <documents>
    <document member="01立案/01-立案审批表.docx" type="filing_approval" stage="1"
              date="2024-03-01" pages="2"/>
    <document member="05决定/11-行政处罚决定书.docx" type="penalty_decision" stage="5"
              number="穗海赤岗综执罚决〔2024〕31号" date="2024-03-21" pages="3"
              seal="广州市海珠区人民政府赤岗街道办事处"/>
    <document member="02调查取证/现场照片1.png"/>
  </documents>
</case-file>
)";

// `kGood` with the first occurrence of `from` replaced by `to`.
std::string good_with(const std::string& from, const std::string& to) {
  std::string xml = kGood;
  const std::size_t at = xml.find(from);
  REQUIRE(at != std::string::npos);
  return xml.replace(at, from.size(), to);
}

std::string error_of(const std::string& xml) {
  Result<Manifest> m = parse_manifest(xml);
  REQUIRE_FALSE(m.ok());
  return m.error();
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST_CASE("a good manifest gives every case field and document", "[testdata]") {
  Result<Manifest> m = parse_manifest(kGood);
  INFO((m.ok() ? std::string() : m.error()));
  REQUIRE(m.ok());
  const CaseInfo& info = m->info;
  CHECK(info.case_number == "穗海赤岗综执立〔2024〕12号");
  CHECK(info.street == "赤岗");
  CHECK(info.party == "广州市海珠区粤香园餐饮管理有限公司");
  CHECK(info.party_id == "91440105MA5D0RKX0Q");
  CHECK(info.procedure == "general");
  CHECK(info.fine == 5000.0);
  CHECK(info.dates == std::map<std::string, std::string>{{"filed", "2024-03-01"},
                                                         {"notice-served", "2024-03-12"},
                                                         {"decided", "2024-03-21"},
                                                         {"decision-served", "2024-03-22"},
                                                         {"closed", "2024-04-08"}});
  CHECK(info.flags == std::map<std::string, std::string>{{"hearing_requested", "false"},
                                                         {"fine_imposed", "true"},
                                                         {"district_pilot", "true"}});
  REQUIRE(m->documents.size() == 3);
  const ManifestDocument& decision = m->documents[1];
  CHECK(decision.member == "05决定/11-行政处罚决定书.docx");
  CHECK(decision.type == "penalty_decision");
  CHECK(decision.stage == 5);
  CHECK(decision.number == "穗海赤岗综执罚决〔2024〕31号");
  CHECK(decision.date == "2024-03-21");
  CHECK(decision.pages == 3);
  CHECK(decision.seal == "广州市海珠区人民政府赤岗街道办事处");
  CHECK(m->documents[0].number == std::nullopt);
  const ManifestDocument& photo = m->documents[2];
  CHECK(photo.type == std::nullopt);
  CHECK(photo.stage == std::nullopt);
  CHECK(photo.date == std::nullopt);
  CHECK(photo.pages == std::nullopt);
}

TEST_CASE("a document without member is an error naming its line", "[testdata]") {
  const std::string e =
      error_of(good_with(R"(member="05决定/11-行政处罚决定书.docx")", R"(file="x.docx")"));
  CHECK(contains(e, "第14行"));
  CHECK(contains(e, "member"));
}

TEST_CASE("an impossible or malformed date is an error", "[testdata]") {
  CHECK(
      contains(error_of(good_with(R"(date="2024-03-21")", R"(date="2023-02-29")")), "2023-02-29"));
  CHECK(contains(error_of(good_with(R"(date="2024-03-01")", R"(date="2024-3-1")")), "第12行"));
  CHECK(
      contains(error_of(good_with(R"(closed="2024-04-08")", R"(closed="2024-04-31")")), "closed"));
  CHECK(parse_manifest(good_with(R"(date="2024-03-21")", R"(date="2024-02-29")")).ok());
}

TEST_CASE("stage, pages, fine, procedure and flag values are validated", "[testdata]") {
  CHECK(contains(error_of(good_with(R"(stage="5")", R"(stage="9")")), "stage"));
  CHECK(contains(error_of(good_with(R"(stage="5")", R"(stage="五")")), "stage"));
  CHECK(contains(error_of(good_with(R"(pages="3")", R"(pages="0")")), "pages"));
  CHECK(contains(error_of(good_with(R"(fine="5000")", R"(fine="-1")")), "fine"));
  CHECK(contains(error_of(good_with(R"(fine="5000")", R"(fine="五千")")), "fine"));
  CHECK(contains(error_of(good_with(R"(procedure="general")", R"(procedure="normal")")),
                 "procedure"));
  CHECK(contains(error_of(good_with(R"(value="false")", R"(value="no")")), "hearing_requested"));
  CHECK(parse_manifest(good_with(R"(fine="5000")", R"(fine="1500.50")")).ok());
  for (const std::string answer_file : {"reconsideration", "litigation"}) {
    Result<Manifest> m =
        parse_manifest(good_with(R"(procedure="general")", "procedure=\"" + answer_file + "\""));
    REQUIRE(m.ok());
    CHECK(m->info.procedure == answer_file);
  }
}

TEST_CASE("malformed XML, a wrong root and a duplicate member are errors", "[testdata]") {
  CHECK(contains(error_of(good_with("</documents>", "</document>")), "第18行"));
  CHECK(contains(error_of("<catalogue version=\"1\"/>"), "case-file"));
  CHECK(contains(error_of(good_with(R"(version="1")", R"(version="2")")), "版本"));
  CHECK(contains(error_of(good_with("02调查取证/现场照片1.png", "01立案/01-立案审批表.docx")),
                 "重复"));
  CHECK(contains(error_of("<case-file version=\"1\"><documents/></case-file>"), "<case>"));
}

}  // namespace
}  // namespace auditor

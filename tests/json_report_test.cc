#include "reports/json_report.h"

#include <catch2/catch.hpp>
#include <set>

namespace auditor {
namespace {

using nlohmann::json;

std::set<std::string> keys(const json& object) {
  std::set<std::string> out;
  for (const auto& [key, value] : object.items()) out.insert(key);
  return out;
}

Checklist sample_checklist() {
  Checklist checklist;
  checklist.id = "haizhu-general";
  checklist.version = "2024.1";
  checklist.sha256 = std::string(64, 'c');
  return checklist;
}

Document document(const std::string& path, const std::string& format) {
  Document d;
  d.path = path;
  d.format = format;
  return d;
}

Finding finding(const std::string& rule, const std::string& kind, const std::string& severity,
                const std::string& message) {
  Finding f;
  f.rule = rule;
  f.kind = kind;
  f.severity = severity;
  f.message = message;
  return f;
}

CaseResult audited_case() {
  CaseResult r;
  r.c.archive = "赤岗/2024-012.zip";
  r.c.sha256 = std::string(64, 'a');
  r.c.info.case_number = "穗海赤岗综执立〔2024〕12号";
  r.c.info.street = "赤岗";
  r.c.info.party = "广州市某某餐饮有限公司";
  Document decision = document("05-行政处罚决定书.ofd", "ofd");
  decision.type = "penalty_decision";
  decision.stage = 5;
  decision.number = "穗海赤岗综执罚决〔2024〕31号";
  decision.date = "2024-04-02";
  r.c.documents = {decision, document("扫描件.jpg", "image")};
  Finding late = finding("deadline.service", "deadline", "major", "决定书送达超过 7 个工作日");
  late.stage = 6;
  late.document = "penalty_decision";
  late.basis = "《行政处罚法》第六十一条";
  late.evidence = {"决定日期 2024-04-02"};
  late.deduction = 5;
  r.audit.findings = {late, finding("seal.manual", "seal", "info", "请人工核对印章")};
  r.audit.checks = {{"deadline.service", Outcome::failed}, {"seal.manual", Outcome::not_checkable}};
  r.audit.score = 95;
  r.audit.grade = "优秀";
  return r;
}

CaseResult rejected_case() {
  CaseResult r;
  r.c.archive = "坏包.zip";
  r.c.sha256 = std::string(64, 'b');
  r.c.rejected = true;
  r.c.error = "不是有效的 zip 压缩包";
  r.audit.score = 0;
  r.audit.grade = "不合格";
  return r;
}

TEST_CASE("every key of the JSON result has its contract name", "[store]") {
  json j = result_json("0.1.0", sample_checklist(), {audited_case()});
  CHECK(keys(j) == std::set<std::string>{"tool", "checklist", "summary", "cases"});
  CHECK(keys(j["tool"]) == std::set<std::string>{"name", "version"});
  CHECK(keys(j["checklist"]) == std::set<std::string>{"id", "version", "sha256"});
  CHECK(keys(j["summary"]) == std::set<std::string>{"archives", "audited", "rejected", "findings"});
  const json& c = j["cases"][0];
  CHECK(keys(c) == std::set<std::string>{"archive", "sha256", "status", "error", "case_number",
                                         "street", "party", "procedure", "score", "grade",
                                         "documents", "findings", "checks"});
  CHECK(keys(c["documents"][0]) ==
        std::set<std::string>{"path", "format", "type", "stage", "number", "date", "title"});
  CHECK(keys(c["findings"][0]) == std::set<std::string>{"rule", "kind", "severity", "stage",
                                                        "document", "message", "basis", "evidence",
                                                        "deduction"});
  CHECK(keys(c["checks"][0]) == std::set<std::string>{"rule", "outcome"});
}

TEST_CASE("the JSON result carries the tool, checklist and case values", "[store]") {
  json j = result_json("0.1.0", sample_checklist(), {audited_case(), rejected_case()});
  CHECK(j["tool"] == json{{"name", "auditor"}, {"version", "0.1.0"}});
  CHECK(j["checklist"]["id"] == "haizhu-general");
  CHECK(j["checklist"]["version"] == "2024.1");
  CHECK(j["summary"] == json{{"archives", 2}, {"audited", 1}, {"rejected", 1}, {"findings", 2}});
  const json& c = j["cases"][0];
  CHECK(c["status"] == "audited");
  CHECK(c["error"].is_null());
  CHECK(c["score"] == 95.0);
  CHECK(c["grade"] == "优秀");
  CHECK(c["street"] == "赤岗");
  CHECK(c["documents"][0]["type"] == "penalty_decision");
  CHECK(c["documents"][0]["stage"] == 5);
  CHECK(c["findings"][0]["evidence"] == json::array({"决定日期 2024-04-02"}));
  CHECK(c["findings"][0]["deduction"] == 5.0);
  CHECK(c["checks"][1] == json{{"rule", "seal.manual"}, {"outcome", "not_checkable"}});
}

TEST_CASE("values the tool does not know are null in the case JSON", "[store]") {
  CaseResult r = audited_case();
  r.c.sha256.clear();
  r.c.info = CaseInfo{};
  r.audit.grade.clear();
  json c = case_json(r.c, r.audit);
  for (const char* unknown : {"sha256", "case_number", "street", "party", "grade"})
    CHECK(c[unknown].is_null());
  const json& scan = c["documents"][1];
  for (const char* unknown : {"type", "stage", "number", "date"}) CHECK(scan[unknown].is_null());
  CHECK(scan["format"] == "image");
  const json& manual = c["findings"][1];
  for (const char* unknown : {"stage", "document", "basis"}) CHECK(manual[unknown].is_null());
  CHECK(manual["evidence"] == json::array());
}

TEST_CASE("a rejected case has its error and neither score nor grade", "[store]") {
  CaseResult r = rejected_case();
  json c = case_json(r.c, r.audit);
  CHECK(c["status"] == "rejected");
  CHECK(c["error"] == "不是有效的 zip 压缩包");
  CHECK(c["score"].is_null());
  CHECK(c["grade"].is_null());
  CHECK(c["documents"] == json::array());
  CHECK(c["findings"] == json::array());
  CHECK(c["checks"] == json::array());
}

TEST_CASE("case number and party fall back to the documents' facts", "[store]") {
  CaseResult r = audited_case();
  r.c.info = CaseInfo{};
  r.c.documents[0].facts = {{"case_number", "穗海赤岗综执立〔2024〕99号", ""},
                            {"party", "张三", ""}};
  r.c.documents.push_back(document("01-立案审批表.docx", "docx"));
  r.c.documents.back().type = "filing_approval";
  r.c.documents.back().facts = {{"case_number", "穗海赤岗综执立〔2024〕12号", ""},
                                {"party", "李四", ""}};
  json c = case_json(r.c, r.audit);
  CHECK(c["case_number"] == "穗海赤岗综执立〔2024〕12号");  // the filing approval's
  CHECK(c["party"] == "张三");                              // the first party fact
  CHECK(c["street"].is_null());

  SECTION("declared values win over facts") {
    r.c.info.case_number = "穗海赤岗综执立〔2024〕1号";
    r.c.info.party = "王五";
    json declared = case_json(r.c, r.audit);
    CHECK(declared["case_number"] == "穗海赤岗综执立〔2024〕1号");
    CHECK(declared["party"] == "王五");
  }
  SECTION("without a filing approval the first case number fact is used") {
    r.c.documents.pop_back();
    CHECK(case_json(r.c, r.audit)["case_number"] == "穗海赤岗综执立〔2024〕99号");
  }
}

TEST_CASE("Chinese text survives a dump and parse unescaped", "[store]") {
  json j = result_json("0.1.0", sample_checklist(), {audited_case()});
  const std::string text = j.dump(2);
  CHECK(text.find("穗海赤岗综执罚决〔2024〕31号") != std::string::npos);
  CHECK(text.find("\\u") == std::string::npos);
  json back = json::parse(text);
  CHECK(back == j);
  CHECK(back["cases"][0]["findings"][0]["basis"] == "《行政处罚法》第六十一条");
}

TEST_CASE("the same input dumps to identical bytes", "[store]") {
  const std::string a =
      result_json("0.1.0", sample_checklist(), {audited_case(), rejected_case()}).dump(2);
  const std::string b =
      result_json("0.1.0", sample_checklist(), {audited_case(), rejected_case()}).dump(2);
  CHECK(a == b);
  // Keys are sorted, so the order in which a value was built does not matter.
  CHECK(a.find("\"archive\"") < a.find("\"case_number\""));
  CHECK(a.find("\"case_number\"") < a.find("\"status\""));
}

TEST_CASE("malformed UTF-8 is replaced so the JSON always dumps", "[store]") {
  CaseResult r = audited_case();
  r.audit.findings[0].evidence = {"坏\xff字节", "截断\xe5\x86"};
  r.c.documents[1].path = "\xc0\xaf.jpg";  // overlong encoding of '/'
  json c = case_json(r.c, r.audit);
  std::string text;
  REQUIRE_NOTHROW(text = c.dump());
  CHECK(c["findings"][0]["evidence"][0] == "坏\xEF\xBF\xBD字节");
  CHECK(c["findings"][0]["evidence"][1] == "截断\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(c["documents"][1]["path"] == "\xEF\xBF\xBD\xEF\xBF\xBD.jpg");
}

}  // namespace
}  // namespace auditor

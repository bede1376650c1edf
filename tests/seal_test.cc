// Rule kind seal: real OFD samples (read in place from AUDITOR_REALDATA)
// put into constructed cases, manifest-declared seal names against the seal
// register, the manual-check items, and the <seals> data file loader.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "importers/formats.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

namespace fs = std::filesystem;

const std::string kOrgan = "广州市海珠区人民政府赤岗街道办事处";
const std::string kSampleSeal = "OFD R&W 测试用印章";  // the seal name in the ofdrw samples

Document ofd_decision(const std::string& sample) {
  std::ifstream in(std::string(AUDITOR_REALDATA) + "/ofd/" + sample, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream bytes;
  bytes << in.rdbuf();
  Document d;
  d.path = "05决定/" + sample;
  d.format = "ofd";
  REQUIRE(parse_ofd(bytes.str(), ZipLimits{}, d).ok());
  d.type = "penalty_decision";
  d.type_source = Source::manifest;
  d.stage = 5;
  return d;
}

Case case_of(std::vector<Document> docs, const std::string& street = "赤岗") {
  Case c;
  c.archive = "seal.zip";
  if (!street.empty()) c.info.street = street;
  c.documents = std::move(docs);
  return c;
}

// The bundled checklist with the samples' seal registered for 赤岗.
const Checklist& sample_registered() {
  static const Checklist cl = [] {
    Checklist copy = bundled_checklist();
    for (StreetSeals& s : copy.seals.streets)
      if (s.street == "赤岗") s.names.push_back(kSampleSeal);
    return copy;
  }();
  return cl;
}

Document declared(const std::string& seal) {
  Document d = text_document("penalty_decision", "行政处罚决定书\n穗海赤岗综执罚决〔2024〕31号\n");
  d.seal = seal;
  return d;
}

}  // namespace

TEST_CASE("the bundled seal register lists every street's organ and enforcement seal", "[seal]") {
  const SealRegister& reg = bundled_checklist().seals;
  REQUIRE(reg.streets.size() == 18);
  CHECK(reg.streets[0].street == "赤岗");
  CHECK(reg.streets[0].names == std::vector<std::string>{kOrgan, kOrgan + "综合行政执法专用章"});
  CHECK(reg.streets[3].code == "江南");
  CHECK(std::find(reg.internal_units.begin(), reg.internal_units.end(), "执法队") !=
        reg.internal_units.end());
}

TEST_CASE("an OFD decision with an intact SES V4 seal passes the digest check", "[seal]") {
  const Audit a =
      check_case(case_of({ofd_decision("ofdrw-reader__SESV4SignDoc.ofd")}), bundled_checklist());
  CHECK(outcome_of(a, "SEAL-ofd-intact") == Outcome::passed);
  CHECK(findings_of(a, "SEAL-ofd-intact").empty());
}

TEST_CASE("an OFD decision whose seal digests do not match is reported", "[seal]") {
  const Audit a =
      check_case(case_of({ofd_decision("ofdrw-converter__n.ofd")}), bundled_checklist());
  CHECK(outcome_of(a, "SEAL-ofd-intact") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "SEAL-ofd-intact");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "seal");
  CHECK(f[0].severity == "major");
  CHECK(f[0].document == "penalty_decision");
  CHECK(contains(f[0].message, "摘要校验未通过（0/6 项一致）"));
  CHECK(contains(f[0].message, "某某省人力资源和社会测试章"));
}

TEST_CASE("an OFD decision without any seal is reported", "[seal]") {
  const Audit a =
      check_case(case_of({ofd_decision("ofdrw-reader__helloworld.ofd")}), bundled_checklist());
  const std::vector<Finding> f = findings_of(a, "SEAL-ofd-intact");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "未加盖电子印章"));
}

TEST_CASE("an OFD seal not registered for the street office is reported", "[seal]") {
  const Audit a =
      check_case(case_of({ofd_decision("ofdrw-reader__SESV4SignDoc.ofd")}), bundled_checklist());
  CHECK(outcome_of(a, "SEAL-organ-match") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "SEAL-organ-match");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "“" + kSampleSeal + "”与办案机关的登记印章（“" + kOrgan + "”或“" +
                                   kOrgan + "综合行政执法专用章”）不符"));
}

TEST_CASE("an OFD seal registered for the case's street matches", "[seal]") {
  const Audit a =
      check_case(case_of({ofd_decision("ofdrw-reader__SESV4SignDoc.ofd")}), sample_registered());
  CHECK(outcome_of(a, "SEAL-organ-match") == Outcome::passed);
}

TEST_CASE("another street's seal is reported, the street found from the case number", "[seal]") {
  Case c = case_of({ofd_decision("ofdrw-reader__SESV4SignDoc.ofd")}, "");
  c.info.case_number = "穗海新港综执立〔2024〕7号";
  const std::vector<Finding> f =
      findings_of(check_case(c, sample_registered()), "SEAL-organ-match");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "广州市海珠区人民政府新港街道办事处"));
}

TEST_CASE("a declared seal in the register for the street stays quiet", "[seal]") {
  const Audit a =
      check_case(case_of({declared(kOrgan + "综合行政执法专用章")}), bundled_checklist());
  CHECK(outcome_of(a, "SEAL-register") == Outcome::passed);
  CHECK(outcome_of(a, "SEAL-subject") == Outcome::passed);
}

TEST_CASE("a declared seal of another street office is reported", "[seal]") {
  const Audit a =
      check_case(case_of({declared("广州市海珠区人民政府新港街道办事处")}), bundled_checklist());
  CHECK(outcome_of(a, "SEAL-register") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "SEAL-register");
  REQUIRE(f.size() == 1);
  CHECK(contains(f[0].message, "声明的印章“广州市海珠区人民政府新港街道办事处”"));
}

TEST_CASE("an internal unit sealing in its own name is a veto, reported once", "[seal]") {
  const Audit a = check_case(case_of({declared("广州市海珠区人民政府赤岗街道综合行政执法队")}),
                             bundled_checklist());
  const std::vector<Finding> f = findings_of(a, "SEAL-subject");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == "veto");
  CHECK(contains(f[0].message, "内设机构印章"));
  CHECK(findings_of(a, "SEAL-register").empty());
  CHECK(a.score == 0);
}

TEST_CASE("seal images of DOCX and scanned documents are one manual check per case", "[seal]") {
  Case c =
      case_of({text_document("penalty_notice", "行政处罚事先告知书\n"),
               text_document("penalty_decision", "行政处罚决定书\n"),
               scan_document("penalty_decision"), ofd_decision("ofdrw-reader__SESV4SignDoc.ofd")});
  const Audit a = check_case(c, bundled_checklist());
  const std::vector<Finding> f = findings_of(a, "MAN-seal-image");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(f[0].severity == "info");
  CHECK(f[0].deduction == 0);
  CHECK(f[0].message == "请核对《行政处罚事先告知书》、《行政处罚决定书》的印章与落款机关一致");
  CHECK(f[0].evidence.size() == 3);  // the OFD's seal is checked by machine
}

TEST_CASE("an OFD-only file has no seal-image manual check", "[seal]") {
  const Audit a =
      check_case(case_of({ofd_decision("ofdrw-reader__SESV4SignDoc.ofd")}), bundled_checklist());
  CHECK(outcome_of(a, "MAN-seal-image") == Outcome::not_applicable);
}

TEST_CASE("record signatures are one manual check listing each record type", "[seal]") {
  Case c =
      case_of({text_document("inspection_record", "现场检查笔录\n"),
               text_document("inquiry_record", "询问笔录\n"), scan_document("inquiry_record")});
  const std::vector<Finding> f = findings_of(check_case(c, bundled_checklist()), "MAN-signatures");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "请核对《现场检查笔录》、《询问笔录》每页均有当事人和执法人员签名");

  const Audit none = check_case(case_of({declared(kOrgan)}), bundled_checklist());
  CHECK(outcome_of(none, "MAN-signatures") == Outcome::not_applicable);
  CHECK(findings_of(none, "MAN-signatures").empty());
}

// ---- the <seals> data file ------------------------------------------------

namespace {

// A copy of the bundled checklists (the general folder refers to its
// siblings: calendar, profiles) with general/seals.xml replaced, or removed
// when `seals` is empty. Returns the copy's general folder.
fs::path checklist_with_seals(const std::string& name, const std::string& seals) {
  const fs::path root = fs::temp_directory_path() / ("auditor-seal-test-" + name);
  fs::remove_all(root);
  fs::copy(fs::path(AUDITOR_SOURCE_DIR) / "checklists", root, fs::copy_options::recursive);
  const fs::path dir = root / "general";
  fs::remove(dir / "seals.xml");
  if (!seals.empty()) std::ofstream(dir / "seals.xml") << seals;
  return dir;
}

std::string load_error(const fs::path& dir) {
  Result<Checklist> r = load_checklist(dir);
  fs::remove_all(dir.parent_path());
  return r ? std::string() : r.error();
}

}  // namespace

TEST_CASE("a street listed twice in the seal register fails naming file and line", "[seal]") {
  const std::string err = load_error(checklist_with_seals(
      "duplicate",
      "<seals>\n  <street name=\"赤岗\" code=\"赤岗\"><seal>甲</seal></street>\n"
      "  <street name=\"赤岗\" code=\"赤岗2\"><seal>乙</seal></street>\n</seals>\n"));
  INFO(err);
  CHECK(contains(err, "seals.xml:3"));
  CHECK(contains(err, "重复的街道 赤岗"));
}

TEST_CASE("an unknown element in the seal register fails naming file and line", "[seal]") {
  const std::string err =
      load_error(checklist_with_seals("unknown",
                                      "<seals>\n  <street name=\"赤岗\" code=\"赤岗\">\n    "
                                      "<stamp>甲</stamp>\n  </street>\n</seals>\n"));
  INFO(err);
  CHECK(contains(err, "seals.xml:3"));
  CHECK(contains(err, "<stamp>"));
}

TEST_CASE("seal rules needing the register fail to load without one", "[seal]") {
  const std::string err = load_error(checklist_with_seals("missing", ""));
  INFO(err);
  CHECK(contains(err, "rules-seals.xml"));
  CHECK(contains(err, "印章登记表"));
}

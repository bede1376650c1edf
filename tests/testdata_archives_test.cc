// The committed archives in testdata/ (made by scripts/make-testdata.sh) hold
// the members testdata/README.md promises, and their DOCX members are real
// WordprocessingML. The end-to-end audit of these archives is tested
// elsewhere; this guards the fixtures themselves.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "importers/manifest.h"
#include "importers/zip_central.h"
#include "importers/zip_reader.h"

namespace auditor {
namespace {

const std::filesystem::path kTestdata = std::filesystem::path(AUDITOR_SOURCE_DIR) / "testdata";

std::string slurp(const std::string& file) {
  std::ifstream f(kTestdata / file, std::ios::binary);
  REQUIRE(f.good());
  return std::string((std::istreambuf_iterator<char>(f)), {});
}

// The archive's members by decoded name (directories left out).
std::map<std::string, std::string> members(const std::string& zip) {
  auto reader = ZipReader::open(zip, {});
  INFO((reader.ok() ? std::string() : reader.error()));
  REQUIRE(reader.ok());
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < (*reader)->entries().size(); ++i) {
    const ZipEntry& e = (*reader)->entries()[i];
    REQUIRE(e.name_ok);
    if (!e.is_dir) out[e.name] = *(*reader)->read(i);
  }
  return out;
}

std::vector<std::string> names(const std::map<std::string, std::string>& m) {
  std::vector<std::string> out;
  for (const auto& [name, data] : m) out.push_back(name);
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// Every .docx opens as a zip with the main parts, and its text names the case
// (internal forms) or the party (outgoing documents, receipts, slips).
void check_docx(const std::map<std::string, std::string>& m, const std::string& case_number,
                const std::string& party) {
  int checked = 0;
  for (const auto& [name, data] : m) {
    if (!name.ends_with(".docx")) continue;
    INFO(name);
    const std::map<std::string, std::string> parts = members(data);
    REQUIRE(parts.count("word/document.xml") == 1);
    CHECK(parts.count("word/styles.xml") == 1);
    const std::string& xml = parts.at("word/document.xml");
    CHECK((xml.find(case_number) != std::string::npos || xml.find(party) != std::string::npos));
    ++checked;
  }
  CHECK(checked > 5);
}

TEST_CASE("the complete structured archive lists every member in its manifest", "[testdata]") {
  const auto m = members(slurp("01-complete-structured.zip"));
  const std::vector<std::string> expected = {"manifest.xml",
                                             "01立案/01-立案审批表.docx",
                                             "01立案/02-案件来源登记表.docx",
                                             "02调查取证/03-现场检查笔录.docx",
                                             "02调查取证/04-责令限期改正通知书.docx",
                                             "02调查取证/05-询问笔录.docx",
                                             "02调查取证/06-现场照片1.png",
                                             "02调查取证/07-案件调查终结报告.docx",
                                             "03告知/08-行政处罚事先告知书.docx",
                                             "03告知/09-送达回证（行政处罚事先告知书）.docx",
                                             "04审核/10-行政处罚审批表.docx",
                                             "05决定/11-行政处罚决定书.docx",
                                             "06送达/12-送达回证（行政处罚决定书）.docx",
                                             "06送达/13-行政处罚决定公示.docx",
                                             "07执行/14-罚没款缴款凭证.docx",
                                             "07执行/15-整改复查记录.docx",
                                             "08结案/16-结案审批表.docx",
                                             "08结案/17-卷内目录.docx",
                                             "08结案/18-卷内备考表.docx"};
  CHECK(names(m) == sorted(expected));
  check_docx(m, "穗海赤岗综执立〔2024〕12号", "广州市海珠区粤香园餐饮管理有限公司");
  CHECK(m.at("02调查取证/06-现场照片1.png").starts_with("\x89PNG\r\n\x1a\n"));

  Result<Manifest> manifest = parse_manifest(m.at("manifest.xml"));
  INFO((manifest.ok() ? std::string() : manifest.error()));
  REQUIRE(manifest.ok());
  CHECK(manifest->info.case_number == "穗海赤岗综执立〔2024〕12号");
  CHECK(manifest->info.fine == 5000.0);
  CHECK(manifest->info.flags.at("hearing_requested") == "false");
  REQUIRE(manifest->documents.size() == expected.size() - 1);
  for (const ManifestDocument& d : manifest->documents) CHECK(m.count(d.member) == 1);
}

TEST_CASE("the bare GBK archive has raw GBK names in an outer case folder", "[testdata]") {
  const std::string zip = slurp("02-complete-bare-gbk.zip");
  auto directory = read_central_directory(zip, 100);
  REQUIRE(directory.ok());
  for (const CentralRecord& r : *directory) CHECK((r.flags & kFlagUtf8) == 0);

  const auto m = members(zip);
  const std::string outer = "陈建华占用人行道摆卖水果案（穗海新港综执立〔2024〕7号）/";
  CHECK(m.count(outer + "03告知/06-行政处罚事先告知书.docx") == 1);
  CHECK(m.count(outer + "02调查/现场照片1.png") == 1);
  CHECK(m.count(outer + "08结案/17-卷内备考表.docx") == 1);
  CHECK(m.size() == 18);
  CHECK(m.count("manifest.xml") == 0);
  check_docx(m, "穗海新港综执立〔2024〕7号", "陈建华");
}

TEST_CASE("the defective archives lack exactly the documents the README names", "[testdata]") {
  const auto missing_notice = members(slurp("03-missing-notice-bare.zip"));
  CHECK(missing_notice.size() == 13);
  CHECK(missing_notice.count("07-行政处罚决定书.docx") == 1);
  for (const std::string& name : names(missing_notice))
    CHECK(name.find("告知书") == std::string::npos);
  check_docx(missing_notice, "穗海南石综执立〔2024〕21号", "广州市海珠区南石头鸿运五金店");

  const auto hearing = members(slurp("04-structured-hearing-missing-review.zip"));
  CHECK(hearing.size() == 23);
  CHECK(hearing.count("03告知/13-听证报告.docx") == 1);
  for (const std::string& name : names(hearing)) {
    CHECK(name.find("听证笔录") == std::string::npos);
    CHECK(name.find("法制审核") == std::string::npos);
  }
  check_docx(hearing, "穗海琶洲综执立〔2024〕33号", "广州琶洲华建建筑工程有限公司");
  REQUIRE(parse_manifest(hearing.at("manifest.xml")).ok());

  const auto legacy = members(slurp("05-unsupported-and-scan.zip"));
  CHECK(legacy.size() == 13);
  CHECK(legacy.at("03-询问笔录.wps").starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"));
  CHECK(legacy.at("05-案件调查终结报告.doc").starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"));
  CHECK(legacy.at("12-罚没款缴款凭证.png").starts_with("\x89PNG"));
  for (const std::string& name : names(legacy)) {
    CHECK(name.find("结案审批表") == std::string::npos);
    CHECK(name.find("备考表") == std::string::npos);
  }
  check_docx(legacy, "穗海昌岗综执立〔2024〕9号", "李秀英");
}

TEST_CASE("the archive that is not a zip is refused by the reader", "[testdata]") {
  CHECK_FALSE(ZipReader::open(slurp("06-not-a-zip.zip"), {}).ok());
}

}  // namespace
}  // namespace auditor

// A case archive whose documents were saved in Word 97-2003 format (and one
// as a .wps, which Kingsoft WPS writes in the same structure) is audited as
// its all-DOCX original: same classification, facts and findings. The .doc
// files are made by LibreOffice from the DOCX members; the audit runs the
// real binary, so every document is read in the parse process.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "importers/zip_reader.h"
#include "tests/cli_support.h"
#include "tests/zip_fixtures.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::run_cli;
using test::sh_quote;
using test::TempDir;

const fs::path kTestdata = fs::path(AUDITOR_SOURCE_DIR) / "testdata";

struct Mixed {
  std::string zip;
  std::map<std::string, std::string> renamed;  // member in the mixed archive -> original
};

// `archive` with every second DOCX member converted to .doc by LibreOffice
// (the last converted one named .wps), members in their order.
Mixed mixed_archive(const std::string& archive) {
  const std::string bytes = test::read_file(kTestdata / archive);
  auto zip = ZipReader::open(bytes, ZipLimits{});
  REQUIRE(zip);
  TempDir dir, home;
  std::vector<testing::Member> members;
  std::vector<std::string> converted;  // file names in dir
  int docx = 0;
  for (std::size_t i = 0; i < (*zip)->entries().size(); ++i) {
    const ZipEntry& e = (*zip)->entries()[i];
    if (e.is_dir) continue;
    Result<std::string> data = (*zip)->read(i);
    REQUIRE(data);
    members.emplace_back(e.name, std::move(*data));
    if (e.name.ends_with(".docx") && docx++ % 2 == 0) {
      const std::string file = std::to_string(i) + ".docx";
      test::write_file(dir.path / file, members.back().data);
      converted.push_back(file);
    }
  }
  REQUIRE(converted.size() >= 3);
  std::string files;
  for (const std::string& f : converted) files += " " + sh_quote(f);
  const std::string cmd =
      "cd " + sh_quote(dir.path.string()) + " && HOME=" + sh_quote(home.path.string()) +
      " soffice --headless --convert-to doc --outdir out" + files + " >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  Mixed mixed;
  // Members skip the directory entries: the converted ones are found by name.
  for (testing::Member& m : members) {
    for (const std::string& file : converted) {
      const std::size_t i = std::stoul(file);
      if ((*zip)->entries()[i].name != m.name) continue;
      const std::string doc =
          test::read_file(dir.path / "out" / fs::path(file).replace_extension(".doc"));
      REQUIRE(doc.starts_with("\xD0\xCF\x11\xE0"));
      const std::string original = m.name;
      const bool wps = file == converted.back();
      m.name = original.substr(0, original.size() - 5) + (wps ? ".wps" : ".doc");
      m.data = doc;
      mixed.renamed[m.name] = original;
    }
  }
  mixed.zip = testing::make_zip(members);
  return mixed;
}

// The case of the one archive in a result file.
json audit(const fs::path& dir, const std::string& zip_name) {
  const auto run = run_cli("audit " + sh_quote(zip_name) + " --db a.db --json r.json", dir);
  INFO(run.err);
  REQUIRE(fs::exists(dir / "r.json"));
  json r = json::parse(test::read_file(dir / "r.json"));
  REQUIRE(r["cases"].size() == 1);
  return r["cases"][0];
}

// `value` dumped, with the renamed members named as in the original.
std::string as_original(const json& value, const Mixed& mixed) {
  std::string s = value.dump();
  for (const auto& [now, was] : mixed.renamed) {
    for (std::size_t at = s.find(now); at != std::string::npos; at = s.find(now, at + was.size()))
      s.replace(at, now.size(), was);
  }
  return s;
}

TEST_CASE("an archive of .doc, .wps and DOCX documents gives the all-DOCX archive's findings",
          "[legacy][e2e]") {
  // 02: GBK names in stage folders, no manifest; 03: flat, a missing notice.
  for (const std::string archive : {"02-complete-bare-gbk.zip", "03-missing-notice-bare.zip"}) {
    INFO(archive);
    const Mixed mixed = mixed_archive(archive);
    TempDir dir, dir2;
    fs::copy_file(kTestdata / archive, dir.path / "docx.zip");
    test::write_file(dir2.path / "mixed.zip", mixed.zip);
    const json docx = audit(dir.path, "docx.zip");
    const json legacy = audit(dir2.path, "mixed.zip");

    REQUIRE(legacy["documents"].size() == docx["documents"].size());
    int read_as_doc = 0;
    for (std::size_t i = 0; i < docx["documents"].size(); ++i) {
      json a = docx["documents"][i], b = legacy["documents"][i];
      INFO(a["path"]);
      read_as_doc += b["format"] == "doc";
      a.erase("format");
      b.erase("format");
      CHECK(as_original(b, mixed) == a.dump());
    }
    CHECK(read_as_doc == static_cast<int>(mixed.renamed.size()));
    // A finding's evidence names the document's format: "（doc）" for "（docx）".
    REQUIRE(legacy["findings"].size() == docx["findings"].size());
    for (std::size_t i = 0; i < docx["findings"].size(); ++i) {
      std::string b = as_original(legacy["findings"][i], mixed);
      for (std::size_t at = b.find("（doc）"); at != std::string::npos; at = b.find("（doc）"))
        b.replace(at, std::string_view("（doc）").size(), "（docx）");
      CHECK(b == docx["findings"][i].dump());
    }
    for (const char* key : {"case_number", "party", "score", "grade", "procedure"})
      CHECK(legacy[key] == docx[key]);
  }
}

}  // namespace
}  // namespace auditor

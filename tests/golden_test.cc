// Each bundled testdata archive gives exactly its reviewed result:
// testdata/expected/<archive>.json is the case's JSON (docs/formats/
// result-json.md) with the archive named by its file name. After a reviewed
// change of rules or readers, regenerate with
//   AUDITOR_UPDATE_GOLDEN=1 build/auditor_tests "[golden]"
// and review the diff (git diff testdata/expected) before committing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "app/checklist_load.h"
#include "app/pipeline.h"
#include "tests/cli_support.h"

namespace fs = std::filesystem;
using namespace auditor;

TEST_CASE("every testdata archive gives exactly its reviewed findings", "[golden]") {
  Result<Checklist> checklist = load_audit_checklist(AUDITOR_SOURCE_DIR "/checklists/general");
  REQUIRE(checklist.ok());
  Result<std::vector<fs::path>> archives = collect_archives({AUDITOR_SOURCE_DIR "/testdata"});
  REQUIRE(archives.ok());
  // The bundled archives only; testdata/variants/ has its own test ([variants]).
  std::erase_if(*archives,
                [](const fs::path& a) { return a.parent_path().filename() != "testdata"; });
  REQUIRE(archives->size() == 6);
  const bool update = std::getenv("AUDITOR_UPDATE_GOLDEN") != nullptr;
  for (const fs::path& archive : *archives) {
    CaseResult r = audit_archive(archive, *checklist, ImportOptions{});
    r.c.archive = archive.filename().string();
    const std::string actual = case_json(r.c, r.audit).dump(2) + "\n";
    const fs::path expected_file =
        fs::path(AUDITOR_SOURCE_DIR "/testdata/expected") / (archive.stem().string() + ".json");
    if (update) test::write_file(expected_file, actual);
    INFO("golden file " << expected_file.string()
                        << " differs; review and regenerate with AUDITOR_UPDATE_GOLDEN=1");
    REQUIRE(fs::exists(expected_file));
    CHECK(actual == test::read_file(expected_file));
  }
}

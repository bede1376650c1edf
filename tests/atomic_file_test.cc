#include "util/atomic_file.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "tests/cli_support.h"

namespace auditor {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::TempDir;
using test::write_file;

// Names in `dir`, sorted.
std::vector<std::string> names(const fs::path& dir) {
  std::vector<std::string> out;
  for (const fs::directory_entry& e : fs::directory_iterator(dir))
    out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("a file is written whole under its name with no temporary left", "[atomic_file]") {
  TempDir dir;
  REQUIRE(write_file_atomic(dir.path / "report.json", "{}\n").ok());
  CHECK(read_file(dir.path / "report.json") == "{}\n");
  REQUIRE(write_file_atomic(dir.path / "report.json", "[1]\n").ok());
  CHECK(read_file(dir.path / "report.json") == "[1]\n");
  CHECK(names(dir.path) == std::vector<std::string>{"report.json"});
}

TEST_CASE("a symbolic link at the destination is replaced, its target left unchanged",
          "[atomic_file]") {
  TempDir dir, elsewhere;
  const fs::path target = elsewhere.path / "precious.txt";
  write_file(target, "do not touch");
  fs::create_symlink(target, dir.path / "report.html");
  fs::create_symlink(elsewhere.path / "missing.txt", dir.path / "report.docx");
  REQUIRE(write_file_atomic(dir.path / "report.html", "<html>").ok());
  REQUIRE(write_file_atomic(dir.path / "report.docx", "PK").ok());
  CHECK(read_file(target) == "do not touch");
  CHECK_FALSE(fs::exists(elsewhere.path / "missing.txt"));
  CHECK_FALSE(fs::is_symlink(dir.path / "report.html"));
  CHECK(read_file(dir.path / "report.html") == "<html>");
  CHECK(read_file(dir.path / "report.docx") == "PK");
  CHECK(names(elsewhere.path) == std::vector<std::string>{"precious.txt"});
}

TEST_CASE("a file being replaced keeps its permission bits", "[atomic_file]") {
  TempDir dir;
  const fs::path file = dir.path / "result.json";
  write_file(file, "old");
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  REQUIRE(write_file_atomic(file, "new").ok());
  CHECK(read_file(file) == "new");
  CHECK((fs::status(file).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("a failed write leaves no temporary file and says why in Chinese", "[atomic_file]") {
  TempDir dir;
  SECTION("the destination is a folder") {
    fs::create_directory(dir.path / "report.xlsx");
    const Status s = write_file_atomic(dir.path / "report.xlsx", "bytes");
    REQUIRE_FALSE(s.ok());
    CHECK(s.code == Code::io);
    CHECK_THAT(s.reason, Catch::StartsWith("无法写入文件") && Catch::Contains("同名的文件夹"));
    CHECK(names(dir.path) == std::vector<std::string>{"report.xlsx"});
    CHECK(fs::is_directory(dir.path / "report.xlsx"));
  }
  SECTION("the folder does not exist") {
    const Status s = write_file_atomic(dir.path / "missing" / "a.json", "bytes");
    REQUIRE_FALSE(s.ok());
    CHECK_THAT(s.reason, Catch::Contains("文件夹不存在"));
    CHECK(names(dir.path).empty());
  }
  SECTION("the writer gives up before committing") {
    {
      Result<AtomicFile> file = AtomicFile::create(dir.path / "a.json");
      REQUIRE(file.ok());
      REQUIRE(file->write("half").ok());
      CHECK(fs::exists(file->temporary()));
    }
    CHECK(names(dir.path).empty());
  }
}

TEST_CASE("a library writes the temporary file through its open-file name", "[atomic_file]") {
  TempDir dir;
  // A read-only original is replaced all the same, and stays read-only.
  test::write_file(dir.path / "book.xlsx", "old");
  fs::permissions(dir.path / "book.xlsx", fs::perms::owner_read);
  Result<AtomicFile> file = AtomicFile::create(dir.path / "book.xlsx");
  REQUIRE(file.ok());
  // What libxlsxwriter does with the name it is given: fopen(name, "wb").
  std::FILE* f = std::fopen(file->open_file_name().c_str(), "wb");
  REQUIRE(f != nullptr);
  std::fputs("workbook", f);
  std::fclose(f);
  REQUIRE(file->commit().ok());
  CHECK(read_file(dir.path / "book.xlsx") == "workbook");
  CHECK((fs::status(dir.path / "book.xlsx").permissions() & fs::perms::all) ==
        fs::perms::owner_read);
  CHECK(names(dir.path) == std::vector<std::string>{"book.xlsx"});
}

}  // namespace
}  // namespace auditor

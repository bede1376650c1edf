#include "auditor/cli/progress.h"

#include <catch2/catch.hpp>
#include <cstdio>

namespace auditor {
namespace {

// Everything written to `f` so far.
std::string contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buf[256];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, f)) out.append(buf, n);
  return out;
}

TEST_CASE("progress line shows done of total, rate and time left", "[perf]") {
  const std::string line = progress_line(50, 200, 10.0, 20);
  CHECK(line.starts_with("[#####---------------]"));
  CHECK(line.find(" 50/200") != std::string::npos);
  CHECK(line.find("5.0 个/秒") != std::string::npos);
  CHECK(line.find("剩余 0:30") != std::string::npos);
}

TEST_CASE("progress line before anything is done shows no rate or time left", "[perf]") {
  const std::string line = progress_line(0, 7, 0.0, 10);
  CHECK(line.find("0/7") != std::string::npos);
  CHECK(line.find("-- 个/秒") != std::string::npos);
  CHECK(line.find("剩余 --") != std::string::npos);
}

TEST_CASE("progress line of a long batch gives hours of time left", "[perf]") {
  CHECK(progress_line(1, 10001, 1.0).find("剩余 2:46:40") != std::string::npos);
}

TEST_CASE("progress bar writes nothing when its stream is not a terminal", "[perf]") {
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    Progress p(10, f);
    CHECK_FALSE(p.enabled());
    for (std::size_t i = 1; i <= 10; ++i) p.update(i);
    p.clear();
  }
  CHECK(contents(f).empty());
  std::fclose(f);
}

TEST_CASE("progress bar on a terminal redraws its line and erases it for other output", "[perf]") {
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    Progress p(3, f, /*force=*/true);
    p.update(1);
    p.clear();
    p.update(3);
  }
  const std::string out = contents(f);
  CHECK(out.find("\r\033[K[") != std::string::npos);
  CHECK(out.find("1/3") != std::string::npos);
  CHECK(out.find("3/3") != std::string::npos);
  CHECK(out.ends_with("\n"));  // the finished bar stays on its own line
  std::fclose(f);
}

TEST_CASE("scanned pages read by OCR are counted on the bar while any are found", "[perf]") {
  CHECK(pages_text(0, 0).empty());
  CHECK(pages_text(3, 12) == "  扫描页 3/12");
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    Progress p(2, f, /*force=*/true);
    p.update(0);
    p.pages(5, 0);  // from the workers, as ImportOptions::ocr_progress reports
    p.pages(0, 5);
    p.update(2);
  }
  const std::string out = contents(f);
  CHECK(out.find("扫描页 5/5") != std::string::npos);
  CHECK(out.find("2/2") != std::string::npos);
  std::fclose(f);
}

}  // namespace
}  // namespace auditor

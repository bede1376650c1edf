// make_testdata: writes the generated case archives into a folder.
// Usage: make_testdata <output-dir>. Output is byte-for-byte reproducible.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "testdata/generator/archives.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_testdata <output-dir>\n");
    return 2;
  }
  const std::filesystem::path out = argv[1];
  std::error_code ec;
  std::filesystem::create_directories(out, ec);  // a failure shows up on write
  std::vector<testdata::Archive> archives = testdata::build_archives();
  for (testdata::Archive& a : testdata::build_resubmissions()) archives.push_back(std::move(a));
  for (const testdata::Archive& a : archives) {
    std::filesystem::create_directories((out / a.file).parent_path(), ec);
    std::ofstream f(out / a.file, std::ios::binary | std::ios::trunc);
    f.write(a.bytes.data(), static_cast<std::streamsize>(a.bytes.size()));
    f.close();
    if (!f) {
      std::fprintf(stderr, "make_testdata: cannot write %s\n", (out / a.file).c_str());
      return 1;
    }
    std::printf("%s\t%zu bytes\n", a.file.c_str(), a.bytes.size());
  }
  return 0;
}

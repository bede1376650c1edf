// The generated test archives: file name and bytes, in a fixed order. What
// each carries and what an auditor must report is in testdata/README.md.
#pragma once

#include <string>
#include <vector>

namespace testdata {

struct Archive {
  std::string file;   // e.g. 01-complete-structured.zip
  std::string bytes;
};

std::vector<Archive> build_archives();

}  // namespace testdata

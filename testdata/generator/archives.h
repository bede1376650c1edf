// The generated test archives: file name and bytes, in a fixed order. What
// each carries and what an auditor must report is in testdata/README.md.
#pragma once

#include <string>
#include <vector>

namespace testdata {

struct Archive {
  std::string file;  // e.g. 01-complete-structured.zip
  std::string bytes;
};

// serial_offset raises every case and document serial (穗…〔2024〕N号) by
// that much, so that copies of the cases do not share numbers (the benchmark
// corpus); 0 gives the bundled testdata.
std::vector<Archive> build_archives(int serial_offset = 0);

// Archives as a street resubmits them after rectification, each under
// resubmitted/ with the file name of the archive it corrects (same case
// number): resubmitted/03-missing-notice-bare.zip adds 03's missing notice.
std::vector<Archive> build_resubmissions();

}  // namespace testdata

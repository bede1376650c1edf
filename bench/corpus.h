// The benchmark corpus: N case archives of a realistic mix. Each archive is
// one of the generated test cases (DOCX documents, PNG photos, manifest or
// GBK names) plus members a real archive carries: one or two real OFD files,
// a LibreOffice PDF, and 2-3 incompressible JPEG scans of 150-450 KB. The
// output depends only on (n, seed): the same call gives the same bytes.
#pragma once

#include <filesystem>
#include <string>

#include "util/status.h"

namespace auditor::bench {

struct CorpusSources {
  std::filesystem::path ofd_dir;  // real OFD samples, read in place
  std::filesystem::path pdf;      // a text PDF made by LibreOffice
};

// Writes archives case-00000.zip ... into `out` (created if needed). Fails
// (Chinese reason) when a source cannot be read or an archive written.
Status write_corpus(const std::filesystem::path& out, int n, unsigned seed,
                    const CorpusSources& sources);

}  // namespace auditor::bench

// bench_corpus: writes the benchmark corpus.
// Usage: bench_corpus <output-dir> <n> [seed]. Reproducible for (n, seed).
#include <cstdio>
#include <cstdlib>

#include "bench/corpus.h"

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr, "usage: bench_corpus <output-dir> <n> [seed]\n");
    return 2;
  }
  const int n = std::atoi(argv[2]);
  const unsigned seed = argc == 4 ? static_cast<unsigned>(std::atoi(argv[3])) : 1;
  auditor::bench::CorpusSources src{AUDITOR_REALDATA "/ofd",
                                    AUDITOR_SOURCE_DIR "/testdata/fixtures/evidence.pdf"};
  auditor::Status s = auditor::bench::write_corpus(argv[1], n, seed, src);
  if (!s.ok()) {
    std::fprintf(stderr, "bench_corpus: %s\n", s.reason.c_str());
    return 1;
  }
  std::printf("%d archives in %s\n", n, argv[1]);
  return 0;
}

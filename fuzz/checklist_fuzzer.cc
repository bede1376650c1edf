// Fuzzes the checklist loader through its real entry point: the input is
// split at NUL bytes into up to four XML files written to a private temp
// folder, which load_checklist then reads.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "auditor/checklist.h"
#include "fuzz/fuzz_common.h"

namespace {

namespace fs = std::filesystem;

// The private folder; never freed, so the exit handler can still remove it.
const fs::path* g_dir = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_dir = new fs::path(fs::temp_directory_path() /
                       ("auditor-checklist-fuzz-" + std::to_string(::getpid())));
  fs::create_directories(*g_dir);
  std::atexit([] {
    std::error_code ec;
    fs::remove_all(*g_dir, ec);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  for (const auto& entry : fs::directory_iterator(*g_dir)) fs::remove(entry.path());
  std::string_view rest = auditor::fuzz::as_view(data, size);
  for (int i = 0; i < 4 && !rest.empty(); ++i) {
    const std::size_t nul = rest.find('\0');
    std::ofstream(*g_dir / ("part" + std::to_string(i) + ".xml"), std::ios::binary)
        << rest.substr(0, nul);
    rest.remove_prefix(nul == std::string_view::npos ? rest.size() : nul + 1);
  }
  auto checklist = auditor::load_checklist(*g_dir);
  (void)checklist;
  return 0;
}

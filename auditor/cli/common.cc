#include <iostream>

#include "auditor/cli/commands.h"

namespace auditor::cli {

std::filesystem::path default_checklist_dir() {
  return std::filesystem::path(AUDITOR_SOURCE_DIR) / "checklists" / "general";
}

std::optional<Checklist> load_checklist_or_report(const std::filesystem::path& dir) {
  Result<Checklist> loaded = load_checklist(dir);
  if (!loaded) {
    std::cerr << "检查清单有误：" << loaded.error() << "\n";
    return std::nullopt;
  }
  return std::move(*loaded);
}

}  // namespace auditor::cli

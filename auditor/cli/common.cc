#include <iostream>

#include "auditor/cli/commands.h"
#include "reports/report.h"

namespace auditor::cli {

std::filesystem::path default_checklist_dir() {
  return std::filesystem::path(AUDITOR_SOURCE_DIR) / "checklists" / "general";
}

std::string sheets_option_help() {
  return "逐案评查表：auto（默认；案卷不超过 " + std::to_string(kMaxCasesWithSheets) +
         " 个时附上）、all（全部附上）或 none（不附，改附案卷一览）";
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

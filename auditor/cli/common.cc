#include <iostream>

#include "app/checklist_load.h"
#include "auditor/cli/commands.h"
#include "reports/report.h"

namespace auditor::cli {

std::string sheets_option_help() {
  return "逐案评查表：auto（默认；案卷不超过 " + std::to_string(kMaxCasesWithSheets) +
         " 个时附上）、all（全部附上）或 none（不附，改附案卷一览）";
}

std::optional<Checklist> load_checklist_or_report(const std::filesystem::path& dir) {
  Result<Checklist> loaded = load_audit_checklist(dir);
  if (!loaded) {
    report_checklist_error(loaded.error());
    return std::nullopt;
  }
  return std::move(*loaded);
}

int report_error(const std::string& reason) {
  std::cerr << reason << "\n";
  return kExitUsage;
}

int report_checklist_error(const std::string& reason) {
  return report_error("检查清单有误：" + reason);
}

}  // namespace auditor::cli

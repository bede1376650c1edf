#include "app/data_dirs.h"

#include "util/self_path.h"

namespace auditor {

std::filesystem::path data_dir() {
  const std::filesystem::path installed =
      executable_dir() / ".." / "share" / "auditor" / "checklists";
  std::error_code ec;
  if (std::filesystem::is_directory(installed, ec)) return installed.lexically_normal();
  return std::filesystem::path(AUDITOR_SOURCE_DIR) / "checklists";
}

std::filesystem::path default_checklist_dir() { return data_dir() / "general"; }

std::filesystem::path default_profiles_dir() { return data_dir() / "profiles"; }

}  // namespace auditor

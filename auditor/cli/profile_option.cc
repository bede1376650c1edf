#include "auditor/cli/profile_option.h"

#include <iostream>

#include "auditor/hash.h"
#include "auditor/scoring.h"

namespace auditor::cli {

std::filesystem::path default_profiles_dir() {
  return std::filesystem::path(AUDITOR_SOURCE_DIR) / "checklists" / "profiles";
}

bool use_profile_option(const std::string& id_or_file, Checklist& checklist) {
  const bool is_file = id_or_file.find('/') != std::string::npos ||
                       std::filesystem::path(id_or_file).extension() == ".xml";
  const std::filesystem::path path =
      is_file ? std::filesystem::path(id_or_file) : default_profiles_dir() / (id_or_file + ".xml");
  Result<ScoringProfile> loaded = load_profile(path);
  if (!loaded) {
    std::cerr << "计分方案有误：" << loaded.error() << "\n";
    if (!is_file) std::cerr << "内置计分方案在 " << default_profiles_dir().string() << "\n";
    return false;
  }
  if (!is_file && loaded->id != id_or_file) {
    std::cerr << "计分方案有误：" << path.string() << " 的编号为 " << loaded->id << "，不是 "
              << id_or_file << "\n";
    return false;
  }
  if (Status s = check_profile(*loaded, checklist); !s.ok()) {
    std::cerr << "计分方案有误：" << s.reason << "\n";
    return false;
  }
  checklist.sha256 = sha256_hex(checklist.sha256 + std::string("\0profile\0", 9) + loaded->sha256);
  checklist.scoring = std::move(*loaded);
  return true;
}

}  // namespace auditor::cli

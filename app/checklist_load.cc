#include "app/checklist_load.h"

#include "app/data_dirs.h"
#include "auditor/scoring.h"
#include "importers/facts.h"
#include "util/hash.h"

namespace auditor {

Result<Checklist> load_audit_checklist(const std::filesystem::path& dir) {
  return load_checklist(dir, facts_data_sha256());
}

Status apply_profile(const std::string& id_or_file, Checklist& checklist) {
  const bool is_file = id_or_file.find('/') != std::string::npos ||
                       std::filesystem::path(id_or_file).extension() == ".xml";
  const std::filesystem::path path =
      is_file ? std::filesystem::path(id_or_file) : default_profiles_dir() / (id_or_file + ".xml");
  Result<ScoringProfile> loaded = load_profile(path);
  if (!loaded) {
    std::string why = "计分方案有误：" + loaded.error();
    if (!is_file) why += "\n内置计分方案在 " + default_profiles_dir().string();
    return Status::failure(why, is_file ? Code::invalid : Code::not_found);
  }
  if (!is_file && loaded->id != id_or_file)
    return Status::failure("计分方案有误：" + path.string() + " 的编号为 " + loaded->id +
                           "，不是 " + id_or_file);
  if (Status s = check_profile(*loaded, checklist); !s.ok())
    return Status::failure("计分方案有误：" + s.reason);
  checklist.sha256 = sha256_hex(checklist.sha256 + std::string("\0profile\0", 9) + loaded->sha256);
  checklist.scoring = std::move(*loaded);
  return Status::success();
}

}  // namespace auditor

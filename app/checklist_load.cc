#include "app/checklist_load.h"

#include "app/data_dirs.h"
#include "auditor/discretion_rules.h"
#include "auditor/scoring.h"
#include "importers/facts.h"
#include "util/hash.h"

namespace auditor {

Status load_substance_tables(const std::filesystem::path& dir, Checklist& checklist) {
  std::string digests;
  for (Rule& r : checklist.rules) {
    if (!is_substance_kind(r.kind)) continue;
    std::error_code ec;
    const std::filesystem::path path =
        std::filesystem::weakly_canonical(dir / r.params["table"], ec).lexically_normal();
    if (!std::filesystem::exists(path, ec)) continue;  // not checkable: missing_substance_tables
    std::string sha;
    if (std::string why = load_substance_table(r.kind, path.string(), sha); !why.empty())
      return Status::failure(why + "（规则 " + r.id + "，" + r.source + " 所引用）");
    r.params["table"] = path.string();
    r.params["table_sha256"] = sha;
    digests += r.id + '\0' + sha + '\0';
  }
  if (!digests.empty())
    checklist.sha256 = sha256_hex(checklist.sha256 + std::string("\0substance\0", 11) + digests);
  return Status::success();
}

std::vector<std::string> missing_substance_tables(const Checklist& checklist) {
  std::vector<std::string> out;
  for (const Rule& r : checklist.rules)
    if (is_substance_kind(r.kind) && !r.params.count("table_sha256"))
      out.push_back("规则 " + r.id + "（" + r.source + "）所引用的数据表 " + r.params.at("table") +
                    " 不存在，该规则将无法核对");
  return out;
}

Result<Checklist> load_audit_checklist(const std::filesystem::path& dir) {
  Result<Checklist> cl = load_checklist(dir, facts_data_sha256());
  if (!cl) return cl;
  if (Status s = load_substance_tables(dir, *cl); !s.ok()) return Error{s.reason};
  return cl;
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

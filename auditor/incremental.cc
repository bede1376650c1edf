#include "auditor/incremental.h"

#include <fstream>

#include "auditor/case_info.h"
#include "auditor/hash.h"
#include "auditor/store_load.h"

namespace auditor {
namespace {

// The file's bytes and sha256 in one read; nullopt when it cannot be read
// or is over the size cap (the full import then reports why).
std::optional<std::string> read_hashed(const std::filesystem::path& p, const ImportOptions& opt,
                                       std::string& sha256) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  Hasher hash;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    std::string_view chunk(buf, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() + chunk.size() > opt.max_archive_bytes) return std::nullopt;
    hash.update(chunk);
    bytes.append(chunk);
  }
  sha256 = hash.finish_hex();
  return bytes;
}

// A full audit from bytes already read.
CaseResult audit_bytes(const std::filesystem::path& p, const std::string& bytes,
                       const Checklist& checklist, const ImportOptions& opt) {
  CaseResult r{import_archive_bytes(p.string(), bytes, opt), {}};
  if (!r.c.rejected) {
    classify(r.c, checklist);
    derive_case_info(r.c);
  }
  r.audit = check_case(r.c, checklist);
  return r;
}

}  // namespace

void audit_batch_incremental(Store& store, const std::vector<std::filesystem::path>& archives,
                             const Checklist& checklist, const ImportOptions& opt, int jobs,
                             const std::string& round,
                             const std::function<void(CaseResult&&, Reuse)>& consume) {
  Result<std::map<std::string, StoredAudit>> index = load_stored_index(store);
  const std::map<std::string, StoredAudit> stored =
      index ? std::move(*index) : std::map<std::string, StoredAudit>{};
  std::vector<Reuse> reuse(archives.size(), Reuse::parsed);
  std::vector<long long> case_ids(archives.size(), 0);

  auto work = [&](std::size_t i) {
    const std::filesystem::path& p = archives[i];
    std::string sha;
    std::optional<std::string> bytes = read_hashed(p, opt, sha);
    if (!bytes) return audit_archive(p, checklist, opt);
    auto it = stored.find(p.string());
    if (it != stored.end() && !it->second.sha256.empty() && it->second.sha256 == sha) {
      const bool same_checklist = it->second.checklist_sha256 == checklist.sha256;
      if (same_checklist || it->second.complete) {
        reuse[i] = !same_checklist               ? Reuse::rechecked
                   : it->second.round == round ? Reuse::unchanged
                                               : Reuse::carried;
        case_ids[i] = it->second.case_id;
        return CaseResult{};  // loaded from the store in the consumer's turn
      }
    }
    return audit_bytes(p, *bytes, checklist, opt);
  };
  run_ordered(archives.size(), jobs, work, [&](std::size_t i, CaseResult&& r) {
    if (reuse[i] != Reuse::parsed) {
      Result<CaseResult> loaded = load_case(store, case_ids[i]);
      if (!loaded) {
        reuse[i] = Reuse::parsed;
        r = audit_archive(archives[i], checklist, opt);
      } else {
        r = std::move(*loaded);
        r.c.archive = archives[i].string();
        if (reuse[i] == Reuse::rechecked && !r.c.rejected) {
          derive_case_info(r.c);
          r.audit = check_case(r.c, checklist);
        }
      }
    }
    consume(std::move(r), reuse[i]);
  });
}

}  // namespace auditor

#include "app/incremental.h"

#include "app/pipeline.h"
#include "auditor/case_info.h"
#include "importers/facts.h"
#include "importers/split_documents.h"
#include "store/case_reader.h"
#include "store/party_history.h"

namespace auditor {
namespace {

// The facts of a stored document read again from its stored text, as the
// extractors now read it (their data is part of the checklist hash); a
// number or date the manifest declared instead of the text's stays.
void refresh_facts(Document& d) {
  if (!d.has_text || d.text.empty()) return;
  const std::optional<std::string> number = first_fact(d, "doc_number");
  const std::optional<std::string> date = first_fact(d, "doc_date");
  d.facts = extract_facts(d);
  if (d.number == number) d.number = first_fact(d, "doc_number");
  if (d.date == date) d.date = first_fact(d, "doc_date");
}

// The rules of `checklist` over a stored case, as over a parsed one: types
// not declared by a manifest are found again (the title variants may have
// changed), then case data and checks.
void recheck(CaseResult& r, const Checklist& checklist, const PartyHistory* history) {
  // Stored parts of a whole-case file stay as they are (they hold one type
  // each); a stored file left whole is split when the new title variants
  // name several types in it.
  split_documents(r.c, checklist);
  for (Document& d : r.c.documents) {
    if (d.type_source != Source::manifest) d.type.reset(), d.stage.reset();
    refresh_facts(d);
  }
  // A procedure not declared by a manifest is found again from the types.
  if (!r.c.has_manifest) r.c.info.procedure.reset();
  classify(r.c, checklist);
  derive_case_info(r.c, checklist);
  r.audit = check_case(r.c, checklist, history);
}

}  // namespace

std::optional<PartyHistory> party_history(Store& store, const Checklist& checklist) {
  const std::vector<std::string> types = repeat_decision_types(checklist);
  if (types.empty()) return std::nullopt;
  Result<PartyHistory> h = read_party_history(store, types);
  if (h) return std::move(*h);
  PartyHistory failed;
  failed.read = false;
  failed.reason = h.error();
  return failed;
}

void audit_batch_incremental(Store& store, const std::vector<std::filesystem::path>& archives,
                             const Checklist& checklist, const ImportOptions& opt, int jobs,
                             const std::string& round, Load unchanged,
                             const std::function<void(std::size_t, CaseResult&&, Reuse)>& consume) {
  Result<std::map<std::string, StoredAudit>> index = load_stored_index(store);
  const std::map<std::string, StoredAudit> stored =
      index ? std::move(*index) : std::map<std::string, StoredAudit>{};
  const std::optional<PartyHistory> history = party_history(store, checklist);
  const PartyHistory* parties = history ? &*history : nullptr;
  std::vector<Reuse> reuse(archives.size(), Reuse::parsed);
  std::vector<long long> case_ids(archives.size(), 0);
  // A reused archive whose bytes were hashed again: its current stamp.
  std::vector<std::optional<FileStamp>> stamps(archives.size());

  auto work = [&](std::size_t i) {
    const std::filesystem::path& p = archives[i];
    auto it = stored.find(p.string());
    const StoredAudit* before =
        it != stored.end() && !it->second.sha256.empty() ? &it->second : nullptr;
    // Reused when the stored audit is of the same bytes: known without
    // reading when the file's stamp is the stored one, else by hashing.
    auto reuse_stored = [&] {
      const bool same_checklist = before->checklist_sha256 == checklist.sha256;
      if (!same_checklist && !before->complete) return false;
      reuse[i] = !same_checklist          ? Reuse::rechecked
                 : before->round == round ? Reuse::unchanged
                                          : Reuse::carried;
      case_ids[i] = before->case_id;
      return true;
    };
    if (before && before->stamp && before->stamp == stamp_of(p) && reuse_stored())
      return CaseResult{};  // loaded from the store in the consumer's turn
    Result<ArchiveFile> file = read_archive_file(p, opt);
    if (file && before && before->sha256 == file->sha256 && reuse_stored()) {
      stamps[i] = file->stamp;
      return CaseResult{};
    }
    return audit_case(import_archive_file(p.string(), file, opt), checklist, parties);
  };
  CaseLoader loader(store);
  run_as_completed(archives.size(), jobs, work, [&](std::size_t i, CaseResult&& r) {
    if (reuse[i] != Reuse::parsed) {
      // An unchanged case is not saved again: it is only reported.
      Result<CaseResult> loaded =
          loader.load(case_ids[i], reuse[i] == Reuse::unchanged ? unchanged : Load::full);
      if (!loaded) {
        reuse[i] = Reuse::parsed;
        r = audit_case(import_archive(archives[i], opt), checklist, parties);
      } else {
        r = std::move(*loaded);
        r.c.archive = archives[i].string();
        if (stamps[i]) r.c.stamp = stamps[i];
        if (reuse[i] == Reuse::rechecked && !r.c.rejected) recheck(r, checklist, parties);
      }
    }
    consume(i, std::move(r), reuse[i]);
  });
}

}  // namespace auditor

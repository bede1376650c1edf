// The incremental audit of a batch: an archive whose bytes (sha256) and
// checklist (sha256) are those of its latest stored audit is not parsed; its
// stored case and findings are reused. When only the checklist changed (its
// hash includes the importers' date-label data, facts_data_sha256()), the
// facts are read again from the stored texts and the rules re-run on the
// stored documents, signatures and declared case data without re-reading the
// archive's members — unless
// the case was stored by an older schema without texts: then the archive is
// parsed again (docs/performance.md).
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "app/pipeline.h"
#include "store/case_reader.h"
#include "store/party_history.h"
#include "store/store.h"

namespace auditor {

enum class Reuse {
  parsed,     // imported, classified and checked as in a full audit
  unchanged,  // stored in this round, same bytes and checklist: nothing to
              // save; the case comes as CaseLoader::load(unchanged) gives it
  carried,    // same bytes and checklist, stored in another round: the stored
              // case and findings, to be saved into this round
  rechecked,  // stored case, findings from the current checklist
};

// The parties' stored cases (before a batch, or after it) (store/party_history.h), when a
// rule of `checklist` counts repeat offences (SUB-repeat-offence); nullopt
// when none does. A database that cannot be read gives a history with
// `read` false and the reason, which the rule tells as a manual check.
std::optional<PartyHistory> party_history(Store& store, const Checklist& checklist);

// Audits `archives` like audit_batch (consume(i, result, reuse) in completion
// order), for a run of round `round`. A file
// whose size and mtime are the stored ones is not read; any other is read
// once (for its sha256) on a worker thread, and parsed only when `parsed`.
// `store` is read on the calling thread only, before the batch and in
// `consume`'s turn, so the consumer may write to it between calls. A stored
// case that cannot be read back is parsed instead. `unchanged` says how much
// of an unchanged case to read back (Load::summary or Load::findings). Never
// throws.
void audit_batch_incremental(Store& store, const std::vector<std::filesystem::path>& archives,
                             const Checklist& checklist, const ImportOptions& opt, int jobs,
                             const std::string& round, Load unchanged,
                             const std::function<void(std::size_t, CaseResult&&, Reuse)>& consume);

}  // namespace auditor

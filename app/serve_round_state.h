// The reviewed state of every case of a round, as `auditor serve` lists,
// filters and shows them: computed from the whole round and shared by every
// reader (the round's pages, its case list in the API, a case page). Kept in
// memory per database and round (at most kCachedRounds rounds, app/
// stamped_cache.h: one computation per change, concurrent requests wait for
// it). Each use reads the round's stamp (store/case_access.h round_stamp:
// two index lookups, whatever the round's size) and computes again only when
// it, the checklist or the date differs; then only the cases whose row or
// share of the record changed are scored again, the others are reused.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/serve_access.h"
#include "auditor/checklist.h"
#include "auditor/review.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

constexpr std::size_t kCachedRounds = 16;

// A case of a round with what the list's filters look at.
struct RoundCase {
  CaseListItem item;  // row, reviewed score and grade, provisional
  // The distinct severities of the findings the score counts (confirmed,
  // changed, failed manual checks, added; an undecided machine finding as
  // suggested), veto first. A dismissed or withdrawn finding has none.
  std::vector<std::string> severities;
  int overdue = 0;  // rectification items due before the date, not reported 已整改
};

struct RoundState {
  std::vector<RoundCase> cases;  // every case of the round, in stored order
  std::vector<Record> records;   // each case's share of the round's record (split_record)
  std::size_t scored = 0;        // cases scored when this state was made (the rest reused)
  std::string basis;             // the checklist's sha256 and the date it was made for
  std::map<long long, std::size_t> position;  // case id → index in `cases`
  // The case's share of the record; nullptr for a case the round lacks.
  const Record* record_of(long long case_id) const;
};

// The state of round `round_id` of `db`, read through `store` (a read-only
// connection to `db`) when it must be computed; `today` (YYYY-MM-DD) decides
// which rectification items are overdue. `computed` tells whether this call
// computed it (false: cached, or computed by a concurrent call).
Result<std::shared_ptr<const RoundState>> round_state(Store& store, const std::filesystem::path& db,
                                                      long long round_id,
                                                      const Checklist& checklist,
                                                      const std::string& today,
                                                      bool* computed = nullptr);

}  // namespace auditor

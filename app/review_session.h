// The database and round one inspection-record command works on
// (app/review.h): opened read-only, or for writing under the database's run
// lock, and the round read from it. Internal to app/.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/review.h"
#include "auditor/round.h"
#include "store/run_lock.h"
#include "store/store.h"
#include "util/status.h"

namespace auditor {

struct ReviewSession {
  std::optional<RunLock> lock;  // held while writing
  std::unique_ptr<Store> store;
  RoundData data;  // with `load`; else only data.round

  // Opens scope.db (Code::not_found when it does not exist; `write`: takes
  // its run lock first, Code::busy while an audit runs) and finds the round
  // (Code::not_found when none). With `load` reads the round (load_round;
  // `full`: with documents and checks).
  static Result<ReviewSession> open(const ReviewScope& scope, bool write, bool full,
                                    bool load = true);
  // The store of `db` alone, read-only or (with `lock` given) for writing
  // under its run lock.
  static Result<std::unique_ptr<Store>> open_store(const std::filesystem::path& db, bool write,
                                                   std::optional<RunLock>* lock = nullptr);

  // The index of the case named `id` (its case number or archive path).
  // Code::not_found when no case has it; Code::invalid when several cases
  // share the number (the archive path then names one).
  Result<std::size_t> find_case(const std::string& id) const;
  // The case's key and archive path now.
  CaseRef ref(std::size_t i) const;
};

}  // namespace auditor

// The connection behind a Store, for the readers and passes inside store/
// (case_reader, round_reader, number_uniqueness) and for tests. No other
// layer includes this header (scripts/check-layers.sh).
#pragma once

#include "store/store.h"

struct sqlite3;

namespace auditor {

struct StoreAccess {
  static sqlite3* db(Store& store) { return store.db_; }
};

}  // namespace auditor

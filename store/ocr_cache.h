// OCR in the store (docs/formats/ocr.md, docs/formats/database.md version
// 9): the OCR pages of a document as stored (documents.ocr, JSON) and the
// cache of readings (table ocr_cache), keyed by the SHA-256 of the member
// a page image came from, the page and kOcrSettings: a scan read once is
// never read again, in this run or a later one, whatever archive holds it.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "auditor/model.h"
#include "store/store.h"
#include "util/status.h"

struct sqlite3;

namespace auditor {

// Document::ocr_pages as the documents.ocr column holds them (a JSON array;
// nullopt when there are none), and back (an unreadable column: none).
std::optional<std::string> ocr_pages_json(const Document& d);
std::vector<OcrPage> ocr_pages_from_json(const std::string& json);

// Adds the readings of `c` made in this run (OcrPage::fresh) to the cache,
// inside the caller's transaction (Store::save_case); a reading already
// cached is kept. Returns SQLite's reason on failure, empty on success.
std::string cache_ocr_readings(sqlite3* db, const Case& c);

// Looks readings up for the import's workers (ImportOptions::ocr_lookup)
// through a read-only connection of its own beside the run's writer: it sees
// the readings committed before each lookup (WAL). Thread-safe: lookups are
// serialised (each takes some microseconds; a page read takes a second).
class OcrCache {
 public:
  // Fails (Chinese reason) when the database cannot be opened read-only
  // (Store::open_read_only): the run then reads every scan.
  static Result<std::unique_ptr<OcrCache>> open(const std::filesystem::path& db);
  ~OcrCache();
  // The reading of page `page` of the member hashing to `sha256`, made with
  // kOcrSettings: true and `out` filled when cached.
  bool find(const std::string& sha256, int page, OcrReading& out);

 private:
  struct Query;
  OcrCache(std::unique_ptr<Store> store);
  std::mutex mu_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Query> query_;
};

}  // namespace auditor

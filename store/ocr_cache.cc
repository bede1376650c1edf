#include "store/ocr_cache.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "store/schema.h"
#include "store/statement.h"
#include "store/store_internal.h"

namespace auditor {
namespace {

using json = nlohmann::json;

json lines_json(const std::vector<OcrLine>& lines) {
  json out = json::array();
  for (const OcrLine& l : lines) out.push_back({l.end, l.confidence});
  return out;
}

// Lines from [[end, confidence], ...]; those out of order or out of the
// page's `size` bytes end the list.
std::vector<OcrLine> lines_from(const json& j, std::size_t size) {
  std::vector<OcrLine> out;
  if (!j.is_array()) return out;
  std::uint32_t last = 0;
  for (const json& l : j) {
    if (!l.is_array() || l.size() != 2 || !l[0].is_number_unsigned() || !l[1].is_number_integer())
      break;
    const auto end = l[0].get<std::uint64_t>();
    const int confidence = l[1].get<int>();
    if (end < last || end > size || confidence < 0 || confidence > 100) break;
    last = static_cast<std::uint32_t>(end);
    out.push_back({last, confidence});
  }
  return out;
}

}  // namespace

std::optional<std::string> ocr_pages_json(const Document& d) {
  if (d.ocr_pages.empty()) return std::nullopt;
  json out = json::array();
  for (const OcrPage& p : d.ocr_pages)
    out.push_back({{"page", p.page},
                   {"confidence", p.confidence},
                   {"rotation", p.rotation},
                   {"skew", p.skew},
                   {"begin", p.begin},
                   {"end", p.end},
                   {"lines", lines_json(p.lines)},
                   {"image_sha256", p.image_sha256}});
  return out.dump();
}

std::vector<OcrPage> ocr_pages_from_json(const std::string& text) {
  std::vector<OcrPage> out;
  const json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const json& p : j) {
    if (!p.is_object()) return {};
    OcrPage page;
    page.page = p.value("page", 0);
    page.confidence = p.value("confidence", 0);
    page.rotation = p.value("rotation", 0);
    page.skew = p.value("skew", 0.0);
    page.begin = p.value("begin", std::size_t{0});
    page.end = p.value("end", std::size_t{0});
    page.image_sha256 = p.value("image_sha256", std::string());
    if (page.page < 1 || page.end < page.begin) return {};
    page.lines = lines_from(p.value("lines", json::array()), page.end - page.begin);
    out.push_back(std::move(page));
  }
  return out;
}

std::string cache_ocr_readings(sqlite3* db, const Case& c) {
  const bool any = std::any_of(c.documents.begin(), c.documents.end(), [](const Document& d) {
    return std::any_of(d.ocr_pages.begin(), d.ocr_pages.end(),
                       [](const OcrPage& p) { return p.fresh; });
  });
  if (!any) return {};
  Statement add(db,
                "INSERT OR IGNORE INTO ocr_cache (image_sha256, page, settings, text, confidence,"
                " rotation, skew, lines, read_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                " strftime('%Y-%m-%dT%H:%M:%SZ'))");
  for (const Document& d : c.documents)
    for (const OcrPage& p : d.ocr_pages) {
      if (!p.fresh || p.image_sha256.empty() || p.end > d.text.size()) continue;
      if (!add.run(p.image_sha256, p.page, kOcrSettings, d.text.substr(p.begin, p.end - p.begin),
                   p.confidence, p.rotation, p.skew, lines_json(p.lines).dump()))
        return sqlite_reason(db);
    }
  return {};
}

struct OcrCache::Query {
  explicit Query(sqlite3* db)
      : find(db,
             "SELECT text, confidence, rotation, skew, lines FROM ocr_cache"
             " WHERE image_sha256 = ?1 AND page = ?2 AND settings = ?3") {}
  Statement find;
};

OcrCache::OcrCache(std::unique_ptr<Store> store)
    : store_(std::move(store)), query_(std::make_unique<Query>(StoreAccess::db(*store_))) {}

OcrCache::~OcrCache() { query_.reset(); }  // finalized before the connection closes

Result<std::unique_ptr<OcrCache>> OcrCache::open(const std::filesystem::path& db) {
  Result<std::unique_ptr<Store>> store = Store::open_read_only(db);
  if (!store) return store.failure();
  return std::unique_ptr<OcrCache>(new OcrCache(std::move(*store)));
}

bool OcrCache::find(const std::string& sha256, int page, OcrReading& out) {
  std::lock_guard lock(mu_);
  Statement& q = query_->find;
  q.reset();
  q.bind(1, sha256).bind(2, page).bind(3, kOcrSettings);
  const bool found = q.next();
  if (found) {
    out = OcrReading{};
    out.text = q.text(0);
    out.page.page = page;
    out.page.confidence = static_cast<int>(q.integer(1));
    out.page.rotation = static_cast<int>(q.integer(2));
    out.page.skew = q.real(3);
    out.page.end = out.text.size();
    out.page.lines = lines_from(json::parse(q.text(4), nullptr, false), out.text.size());
    out.page.image_sha256 = sha256;
  }
  q.reset();
  return found;
}

}  // namespace auditor

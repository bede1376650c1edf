// A read-only prepared query over the store, stepped row by row (the report
// readers, the incremental audit's loader, the numbering post-pass). Errors
// are left on the connection: a failed prepare or step makes next() false
// and failed() true.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

#include "auditor/model.h"

#include "reports/report_text.h"

namespace auditor {

class Rows {
 public:
  Rows(sqlite3* db, const char* sql) {
    ok_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK;
  }
  ~Rows() { sqlite3_finalize(stmt_); }
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;

  Rows& bind(int i, long long v) {
    ok_ = ok_ && sqlite3_bind_int64(stmt_, i, v) == SQLITE_OK;
    return *this;
  }
  Rows& bind(int i, const std::string& v) {
    ok_ = ok_ && sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()),
                                   SQLITE_TRANSIENT) == SQLITE_OK;
    return *this;
  }
  // Back to before the first row, bindings kept, to run the query again.
  void reset() { sqlite3_reset(stmt_); }
  // Steps to the next row; false at the end or on an error.
  bool next() {
    if (!ok_) return false;
    const int rc = sqlite3_step(stmt_);
    ok_ = rc == SQLITE_ROW || rc == SQLITE_DONE;
    return rc == SQLITE_ROW;
  }
  bool failed() const { return !ok_; }

  bool null(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  long long integer(int c) const { return sqlite3_column_int64(stmt_, c); }
  double real(int c) const { return sqlite3_column_double(stmt_, c); }
  // Text as well-formed UTF-8 (see valid_utf8); "" for NULL.
  std::string text(int c) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
    return data ? valid_utf8({data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c))})
                : std::string();
  }
  std::optional<std::string> opt_text(int c) const {
    return null(c) ? std::nullopt : std::optional<std::string>(text(c));
  }
  std::optional<int> opt_int(int c) const {
    return null(c) ? std::nullopt : std::optional<int>(static_cast<int>(integer(c)));
  }
  std::optional<double> opt_real(int c) const {
    return null(c) ? std::nullopt : std::optional<double>(real(c));
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  bool ok_ = false;
};

// The evidence column: a JSON array of strings as the store writes it; any
// other text is one line.
std::vector<std::string> parse_evidence(const std::string& text);

// A finding from the columns rule, kind, severity, stage, document, message,
// basis, evidence, deduction of `rows`, the first at column `first`.
Finding finding_row(const Rows& rows, int first);

// A document from the columns path, format, type, stage, number, date, pages,
// seal, has_text, title of `rows`, the first at column `first`; the text,
// facts and signatures are left empty.
Document document_row(const Rows& rows, int first);

}  // namespace auditor

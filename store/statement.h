// The store's one SQLite wrapper: a prepared statement, bound and stepped.
// Internal to store/ (no other layer sees <sqlite3.h>). Errors are left on
// the connection for sqlite_reason(): a failed prepare, bind or step makes
// run()/next() false and failed() true.
#pragma once

#include <sqlite3.h>

#include <optional>
#include <string>
#include <vector>

#include "auditor/model.h"
#include "util/utf8.h"

namespace auditor {

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    ok_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Writing: binds `args` to ?1, ?2 ... (every other parameter NULL) and
  // steps once; true on a row or on completion.
  template <typename... Args>
  bool run(const Args&... args) {
    clear();
    int i = 0;
    return (set(++i, args) && ...) && step();
  }
  // The same one parameter at a time, for statements with many: clear(),
  // set(i, value)..., step().
  void clear() {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    ok_ = true;
  }
  template <typename T>
  bool set(int i, const T& v) {
    ok_ = ok_ && stmt_ && bind_value(i, v);
    return ok_;
  }
  bool step() {
    rc_ = ok_ ? sqlite3_step(stmt_) : SQLITE_MISUSE;
    ok_ = rc_ == SQLITE_ROW || rc_ == SQLITE_DONE;
    return ok_;
  }
  bool has_row() const { return rc_ == SQLITE_ROW; }

  // Reading: bind(i, v)... then next() row by row.
  template <typename T>
  Statement& bind(int i, const T& v) {
    set(i, v);
    return *this;
  }
  // Back to before the first row, bindings kept, to run the query again.
  void reset() { sqlite3_reset(stmt_); }
  // Steps to the next row; false at the end or on an error.
  bool next() { return step() && has_row(); }
  bool failed() const { return !ok_; }

  bool null(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
  long long integer(int c) const { return sqlite3_column_int64(stmt_, c); }
  double real(int c) const { return sqlite3_column_double(stmt_, c); }
  // Text as well-formed UTF-8 (valid_utf8); "" for NULL.
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
  static bool ok(int rc) { return rc == SQLITE_OK; }
  bool bind_value(int i, std::nullopt_t) { return ok(sqlite3_bind_null(stmt_, i)); }
  bool bind_value(int i, const std::string& v) {
    return ok(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  bool bind_value(int i, const char* v) {
    return ok(sqlite3_bind_text(stmt_, i, v, -1, SQLITE_STATIC));
  }
  bool bind_value(int i, long long v) { return ok(sqlite3_bind_int64(stmt_, i, v)); }
  bool bind_value(int i, int v) { return ok(sqlite3_bind_int64(stmt_, i, v)); }
  bool bind_value(int i, double v) { return ok(sqlite3_bind_double(stmt_, i, v)); }
  template <typename T>
  bool bind_value(int i, const std::optional<T>& v) {
    return v ? bind_value(i, *v) : bind_value(i, std::nullopt);
  }

  sqlite3_stmt* stmt_ = nullptr;
  bool ok_ = false;
  int rc_ = SQLITE_OK;
};

// The evidence column: a JSON array of strings as the store writes it; any
// other text is one line.
std::vector<std::string> parse_evidence(const std::string& text);

// A finding from the columns rule, kind, severity, stage, document, message,
// basis, evidence, deduction of `rows`, the first at column `first`.
Finding finding_row(const Statement& rows, int first);

// A document from the columns path, format, type, stage, number, date, pages,
// seal, has_text, title of `rows`, the first at column `first`; the text,
// facts and signatures are left empty.
Document document_row(const Statement& rows, int first);

}  // namespace auditor

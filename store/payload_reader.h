// Reads the fields of a trail payload (store/record.h) without exceptions:
// a missing or mistyped field is remembered (ok() false) and read as empty
// (0, false, nullopt, an empty list); a nullable field may also be null.
// What a caller does with !ok() is its own policy (the record refuses the
// row as corrupt; the plan and draw read what they can).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "auditor/review.h"

namespace auditor {

class PayloadReader {
 public:
  explicit PayloadReader(const nlohmann::json& p) : p_(p), ok_(p.is_object()) {}

  std::string text(const char* key, bool nullable = false) {
    const nlohmann::json* v = field(key);
    if (v && v->is_string()) return v->get<std::string>();
    if (!(v && nullable && v->is_null())) ok_ = false;
    return "";
  }
  // nullopt for null (no failure) and for a missing or mistyped field.
  std::optional<std::string> optional_text(const char* key) {
    const nlohmann::json* v = field(key);
    if (v && v->is_string()) return v->get<std::string>();
    if (!(v && v->is_null())) ok_ = false;
    return std::nullopt;
  }
  long long integer(const char* key) { return optional_integer(key, false).value_or(0); }
  std::optional<long long> optional_integer(const char* key, bool nullable = true) {
    const nlohmann::json* v = field(key);
    if (v && v->is_number_integer()) return v->get<long long>();
    if (!(v && nullable && v->is_null())) ok_ = false;
    return std::nullopt;
  }
  double number(const char* key, bool nullable = false) {
    const nlohmann::json* v = field(key);
    if (v && v->is_number()) return v->get<double>();
    if (!(v && nullable && v->is_null())) ok_ = false;
    return 0;
  }
  bool boolean(const char* key) {
    const nlohmann::json* v = field(key);
    if (v && v->is_boolean()) return v->get<bool>();
    ok_ = false;
    return false;
  }
  // An array of strings; a null one reads as empty when `nullable`.
  std::vector<std::string> texts(const char* key, bool nullable = false) {
    std::vector<std::string> out;
    for (const nlohmann::json* e : elements(key, nullable)) {
      if (e->is_string())
        out.push_back(e->get<std::string>());
      else
        ok_ = false;
    }
    return out;
  }
  // An array of objects, each read by its own reader (whose failures are
  // its own).
  std::vector<PayloadReader> objects(const char* key) {
    std::vector<PayloadReader> out;
    for (const nlohmann::json* e : elements(key, false)) out.emplace_back(*e);
    return out;
  }
  // The object `key` (a reader of null, not ok, when it is not one).
  PayloadReader object(const char* key) {
    const nlohmann::json* v = field(key);
    if (!v || !v->is_object()) ok_ = false;
    return PayloadReader(v ? *v : null_value());
  }
  // The case a record row is about: "case" and "archive".
  CaseRef at() { return {text("case"), text("archive")}; }
  bool ok() const { return ok_; }

 private:
  static const nlohmann::json& null_value() {
    static const nlohmann::json kNull;
    return kNull;
  }
  const nlohmann::json* field(const char* key) const {
    if (!p_.is_object()) return nullptr;
    auto it = p_.find(key);
    return it == p_.end() ? nullptr : &*it;
  }
  std::vector<const nlohmann::json*> elements(const char* key, bool nullable) {
    std::vector<const nlohmann::json*> out;
    const nlohmann::json* v = field(key);
    if (v && v->is_array())
      for (const nlohmann::json& e : *v) out.push_back(&e);
    else if (!(v && nullable && v->is_null()))
      ok_ = false;
    return out;
  }

  const nlohmann::json& p_;
  bool ok_;
};

}  // namespace auditor

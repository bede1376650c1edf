// Status values returned across module edges instead of exceptions.
// A failed Result carries a Chinese reason meant for the inspector.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace auditor {

struct Error {
  std::string reason;  // Chinese, shown to the user as is
};

template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error e) : v_(std::move(e)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const std::string& error() const { return std::get<1>(v_).reason; }

 private:
  std::variant<T, Error> v_;
};

// Result of an operation with no value: ok, or failed with a reason.
struct Status {
  std::string reason;  // empty when ok
  bool ok() const { return reason.empty(); }
  static Status success() { return {}; }
  static Status failure(std::string why) { return {std::move(why)}; }
};

}  // namespace auditor

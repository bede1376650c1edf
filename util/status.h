// Status values returned across module edges instead of exceptions.
// A failure carries a code a program can branch on and a Chinese reason
// meant for the inspector; nothing in the library throws across an edge.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace auditor {

// What kind of failure. `invalid` is the default: the input (an archive, a
// document, an argument, a data file) is not acceptable.
enum class Code {
  ok,
  invalid,      // bad input or argument
  not_found,    // the named round, case, file or data folder does not exist
  corrupt,      // stored data is damaged or not what this version wrote
  io,           // a file or the database could not be read or written
  busy,         // another process holds the lock
  unsupported,  // a format or feature this version does not handle
  internal,     // a broken assumption inside the program
};

struct Error {
  std::string reason;  // Chinese, shown to the user as is
  Code code = Code::invalid;
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
  Code code() const { return ok() ? Code::ok : std::get<1>(v_).code; }
  // The failure as it is, to pass on unchanged (only when !ok()).
  const Error& failure() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result of an operation with no value: ok, or failed with a code and reason.
struct Status {
  std::string reason;  // empty when ok
  Code code = Code::ok;
  bool ok() const { return code == Code::ok; }
  static Status success() { return {}; }
  static Status failure(std::string why, Code code = Code::invalid) {
    return {std::move(why), code};
  }
  static Status failure(const Error& e) { return {e.reason, e.code}; }
};

}  // namespace auditor

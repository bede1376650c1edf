// Digests through OpenSSL (which uses the CPU's SHA instructions).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace auditor {

// Incremental digest; `algorithm` is an OpenSSL name ("SHA256", "SM3").
// Never throws: when this OpenSSL lacks the algorithm, ok() is false,
// update() does nothing and finish_*() return "".
class Hasher {
 public:
  explicit Hasher(const char* algorithm = "SHA256");
  bool ok() const;
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  void update(std::string_view bytes);
  std::string finish_raw();  // raw digest bytes; the hasher is spent
  std::string finish_hex();  // lower-case hex

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::string sha256_hex(std::string_view bytes);
std::string to_hex(std::string_view raw);

}  // namespace auditor

#include "util/hash.h"

#include <openssl/evp.h>

#include <map>
#include <mutex>

namespace auditor {

struct Hasher::Impl {
  EVP_MD_CTX* ctx = nullptr;
  bool ok = false;  // the digest exists in this OpenSSL and was initialised
};

namespace {

// The digest `algorithm` fetched once for the process: given an EVP_MD
// found by name, OpenSSL 3 fetches its implementation again on every init.
// nullptr when OpenSSL has no such digest. The table is never destroyed, so
// the digests stay reachable until exit (no leak for LeakSanitizer).
const EVP_MD* fetched(const char* algorithm) {
  static std::mutex mu;
  static auto* const digests = new std::map<std::string, EVP_MD*, std::less<>>();
  std::lock_guard lock(mu);
  auto it = digests->find(std::string_view(algorithm));
  if (it == digests->end())
    it = digests->emplace(algorithm, EVP_MD_fetch(nullptr, algorithm, nullptr)).first;
  return it->second;
}

}  // namespace

Hasher::Hasher(const char* algorithm) : impl_(std::make_unique<Impl>()) {
  const EVP_MD* md = fetched(algorithm);
  impl_->ctx = EVP_MD_CTX_new();
  impl_->ok = md && impl_->ctx && EVP_DigestInit_ex(impl_->ctx, md, nullptr) == 1;
}

bool Hasher::ok() const { return impl_->ok; }

Hasher::~Hasher() { EVP_MD_CTX_free(impl_->ctx); }

void Hasher::update(std::string_view bytes) {
  if (impl_->ok) EVP_DigestUpdate(impl_->ctx, bytes.data(), bytes.size());
}

std::string Hasher::finish_raw() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!impl_->ok || EVP_DigestFinal_ex(impl_->ctx, out, &len) != 1) return {};
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string Hasher::finish_hex() { return to_hex(finish_raw()); }

std::string sha256_hex(std::string_view bytes) {
  Hasher h;
  h.update(bytes);
  return h.finish_hex();
}

std::string to_hex(std::string_view raw) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(raw.size() * 2);
  for (unsigned char b : raw) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

}  // namespace auditor

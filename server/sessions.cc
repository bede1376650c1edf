#include "server/sessions.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>

#include "util/hash.h"

namespace auditor::server {
namespace {

constexpr std::size_t kMaxKeys = 100000;  // throttle entries kept at most per kind

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Drops the times older than `window` before `now`.
void expire(std::vector<Clock::time_point>& times, std::chrono::seconds window,
            Clock::time_point now) {
  times.erase(std::remove_if(times.begin(), times.end(),
                             [&](Clock::time_point t) { return now - t >= window; }),
              times.end());
}

void prune_keys(std::map<std::string, std::vector<Clock::time_point>>& keys,
                std::chrono::seconds window, Clock::time_point now) {
  for (auto it = keys.begin(); it != keys.end();) {
    expire(it->second, window, now);
    it = it->second.empty() ? keys.erase(it) : std::next(it);
  }
}

}  // namespace

std::string random_token() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return "";
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string Sessions::create(const User& u, std::string* csrf) {
  std::string token = random_token();
  std::string check = random_token();
  if (token.empty() || check.empty()) return "";
  const Clock::time_point now = Clock::now();
  std::lock_guard<std::mutex> hold(mutex_);
  prune(now);
  by_hash_[sha256_hex(token)] = Session{u, check, now, now};
  if (csrf) *csrf = check;
  return token;
}

std::optional<Session> Sessions::find(const std::string& token) {
  if (token.empty()) return std::nullopt;
  const Clock::time_point now = Clock::now();
  std::lock_guard<std::mutex> hold(mutex_);
  auto it = by_hash_.find(sha256_hex(token));
  if (it == by_hash_.end()) return std::nullopt;
  Session& s = it->second;
  if (now - s.created >= limits_.absolute || now - s.last_seen >= limits_.idle) {
    by_hash_.erase(it);
    return std::nullopt;
  }
  s.last_seen = now;
  return s;
}

void Sessions::remove(const std::string& token) {
  std::lock_guard<std::mutex> hold(mutex_);
  by_hash_.erase(sha256_hex(token));
}

void Sessions::prune(Clock::time_point now) {
  for (auto it = by_hash_.begin(); it != by_hash_.end();) {
    const Session& s = it->second;
    const bool over = now - s.created >= limits_.absolute || now - s.last_seen >= limits_.idle;
    it = over ? by_hash_.erase(it) : std::next(it);
  }
}

long long Throttle::wait_of(std::vector<Clock::time_point>& times, int max, Clock::time_point now) {
  expire(times, limits_.window, now);
  if (static_cast<int>(times.size()) < max) return 0;
  const auto left = limits_.window - (now - times.front());
  return std::max<long long>(1, std::chrono::ceil<std::chrono::seconds>(left).count());
}

long long Throttle::retry_after(const std::string& user, const std::string& address) {
  const Clock::time_point now = Clock::now();
  std::lock_guard<std::mutex> hold(mutex_);
  long long wait = 0;
  if (auto it = users_.find(lower_ascii(user)); it != users_.end())
    wait = std::max(wait, wait_of(it->second, limits_.per_user, now));
  if (auto it = addresses_.find(address); it != addresses_.end())
    wait = std::max(wait, wait_of(it->second, limits_.per_address, now));
  return wait;
}

void Throttle::failed(const std::string& user, const std::string& address) {
  const Clock::time_point now = Clock::now();
  std::lock_guard<std::mutex> hold(mutex_);
  if (users_.size() >= kMaxKeys) prune_keys(users_, limits_.window, now);
  if (addresses_.size() >= kMaxKeys) prune_keys(addresses_, limits_.window, now);
  users_[lower_ascii(user)].push_back(now);
  addresses_[address].push_back(now);
}

void Throttle::succeeded(const std::string& user) {
  std::lock_guard<std::mutex> hold(mutex_);
  users_.erase(lower_ascii(user));
}

}  // namespace auditor::server

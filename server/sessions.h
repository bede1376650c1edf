// Signed-in sessions and the sign-in throttle of `auditor serve`, in memory
// (a restart signs everybody out). Thread-safe.
//
// A session is named by a token of 32 random bytes (OpenSSL RAND_bytes) in
// lower-case hex, kept only as its SHA-256: the table never holds a token a
// copy of memory could replay. It carries its own CSRF token (the same
// kind), compared in constant time. It ends 8 hours after sign-in
// (absolute) or 30 minutes after its last request (idle), whichever is
// first, and on sign-out.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/users.h"

namespace auditor::server {

using Clock = std::chrono::steady_clock;

struct SessionLimits {
  std::chrono::seconds absolute{8 * 3600};
  std::chrono::seconds idle{30 * 60};
};

struct Session {
  User user;
  std::string csrf;
  Clock::time_point created, last_seen;
};

// 32 random bytes in hex; "" when the generator fails.
std::string random_token();
// Whether `a` equals `b`, in time independent of where they differ.
bool same_secret(const std::string& a, const std::string& b);

class Sessions {
 public:
  explicit Sessions(SessionLimits limits = {}) : limits_(limits) {}
  // A new session for `u`: its token (give it to the client once); "" when
  // no random token could be drawn.
  std::string create(const User& u, std::string* csrf);
  // The session of `token`, touched; nullopt when unknown or expired.
  std::optional<Session> find(const std::string& token);
  void remove(const std::string& token);
  const SessionLimits& limits() const { return limits_; }

 private:
  void prune(Clock::time_point now);  // under mutex_
  SessionLimits limits_;
  std::mutex mutex_;
  std::map<std::string, Session> by_hash_;  // SHA-256 of the token → session
};

// Failed sign-ins per user name (ASCII case ignored) and per client
// address, each kept for `window`. A key with `max_failures` failures in the
// window is refused until the oldest of them leaves it.
struct ThrottleLimits {
  int per_user = 5;
  int per_address = 20;
  std::chrono::seconds window{15 * 60};
};

class Throttle {
 public:
  explicit Throttle(ThrottleLimits limits = {}) : limits_(limits) {}
  // Seconds to wait before `user` may try again from `address`; 0 when they
  // may try now.
  long long retry_after(const std::string& user, const std::string& address);
  void failed(const std::string& user, const std::string& address);
  // A successful sign-in clears the user's failures (not the address's).
  void succeeded(const std::string& user);

 private:
  long long wait_of(std::vector<Clock::time_point>& times, int max, Clock::time_point now);
  ThrottleLimits limits_;
  std::mutex mutex_;
  std::map<std::string, std::vector<Clock::time_point>> users_, addresses_;
};

}  // namespace auditor::server

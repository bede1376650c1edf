// Password hashes for the users of `auditor serve` (store/users.h): Argon2id
// (libargon2) in the PHC string form "$argon2id$v=19$m=…,t=…,p=…$salt$tag",
// which carries its own parameters and salt, so a hash made with other
// parameters still verifies. Pure: no store, no clock; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/status.h"

namespace auditor {

// The parameters of new hashes: the OWASP Password Storage Cheat Sheet's
// Argon2id setting of 19 MiB, 2 passes, 1 lane (one of its equivalent
// minimums; the one that costs the least memory per sign-in, so a server
// checking several sign-ins at once stays small). About 30–60 ms per hash on
// one core. 16 random bytes of salt (OpenSSL RAND_bytes), a 32-byte tag.
struct PasswordParams {
  std::uint32_t memory_kib = 19 * 1024;
  std::uint32_t passes = 2;
  std::uint32_t parallelism = 1;
  std::size_t salt_bytes = 16;
  std::size_t tag_bytes = 32;
};
constexpr PasswordParams kPasswordParams{};

// The password policy: at least kMinPasswordChars characters (code points)
// and at most kMaxPasswordBytes bytes (a bound on what a sign-in hashes).
constexpr std::size_t kMinPasswordChars = 8;
constexpr std::size_t kMaxPasswordBytes = 1024;

// Why `password` may not be set (Chinese), or "" when the policy allows it.
// The reason never repeats the password.
std::string password_problem(std::string_view password);

// The encoded Argon2id hash of `password` with a fresh salt. Fails with
// Code::invalid (password_problem) for a refused password, Code::internal
// when no random salt can be drawn or libargon2 fails.
Result<std::string> hash_password(std::string_view password);

// Whether `password` matches `encoded` (any Argon2id PHC string). False for
// a mismatch and for an `encoded` that is not an Argon2id hash; the
// comparison takes the same time wherever the tags differ (libargon2).
bool verify_password(const std::string& encoded, std::string_view password);

// Runs one verification of `password` against a fixed hash made with
// kPasswordParams, and throws the answer away: for a sign-in under a name
// that does not exist, so that it takes as long as one under a real name.
void verify_password_dummy(std::string_view password);

}  // namespace auditor

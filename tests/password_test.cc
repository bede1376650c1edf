// Password hashes (util/password.h): Argon2id in its encoded form with the
// documented parameters, a fresh salt each time, the policy's bounds, and
// verification that refuses a wrong password and a hash of another kind.
#include "util/password.h"

#include <catch2/catch.hpp>
#include <chrono>

namespace auditor {
namespace {

TEST_CASE("a hashed password verifies and a wrong one does not", "[password]") {
  Result<std::string> h = hash_password("correct horse");
  REQUIRE(h);
  CHECK(verify_password(*h, "correct horse"));
  CHECK_FALSE(verify_password(*h, "correct horsf"));
  CHECK_FALSE(verify_password(*h, "correct horse "));
  CHECK_FALSE(verify_password(*h, ""));
}

TEST_CASE("the encoded hash says argon2id with the documented parameters and hides the password",
          "[password]") {
  Result<std::string> h = hash_password("correct horse");
  REQUIRE(h);
  CHECK(h->rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0) == 0);
  CHECK(h->find("correct") == std::string::npos);
  // Salt (16 bytes) and tag (32 bytes) in unpadded base64.
  const std::size_t tag = h->rfind('$'), salt = h->rfind('$', tag - 1);
  CHECK(tag - salt - 1 == 22);
  CHECK(h->size() - tag - 1 == 43);
}

TEST_CASE("the same password hashes differently each time (a fresh salt)", "[password]") {
  Result<std::string> a = hash_password("correct horse"), b = hash_password("correct horse");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(*a != *b);
  CHECK(verify_password(*b, "correct horse"));
}

TEST_CASE("a password shorter than 8 characters is refused, counted in characters", "[password]") {
  Result<std::string> seven = hash_password("1234567");
  REQUIRE_FALSE(seven);
  CHECK(seven.code() == Code::invalid);
  CHECK(seven.error().find("至少需要 8 个字符") != std::string::npos);
  CHECK(seven.error().find("1234567") == std::string::npos);
  CHECK_FALSE(password_problem("").empty());
  CHECK(password_problem("评查密码评查密码").empty());      // 8 characters, 24 bytes
  CHECK_FALSE(password_problem("评查密码评查密").empty());  // 7 characters, 21 bytes
  CHECK(password_problem("12345678").empty());
}

TEST_CASE("a password longer than the bound or not UTF-8 is refused", "[password]") {
  CHECK(password_problem(std::string(kMaxPasswordBytes, 'a')).empty());
  CHECK(password_problem(std::string(kMaxPasswordBytes + 1, 'a')).find("过长") !=
        std::string::npos);
  CHECK(password_problem("abcdefgh\xff").find("UTF-8") != std::string::npos);
  CHECK_FALSE(hash_password(std::string(kMaxPasswordBytes + 1, 'a')));
}

TEST_CASE("verification refuses hashes that are not argon2id or are damaged", "[password]") {
  Result<std::string> h = hash_password("correct horse");
  REQUIRE(h);
  std::string argon2i = *h;
  argon2i.replace(0, 10, "$argon2i$");
  CHECK_FALSE(verify_password(argon2i, "correct horse"));
  std::string cut = h->substr(0, h->size() - 5);
  CHECK_FALSE(verify_password(cut, "correct horse"));
  std::string flipped = *h;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  CHECK_FALSE(verify_password(flipped, "correct horse"));
  CHECK_FALSE(verify_password("", "correct horse"));
  CHECK_FALSE(verify_password("correct horse", "correct horse"));
}

TEST_CASE("the dummy verification costs about as much as a real one", "[password]") {
  Result<std::string> h = hash_password("correct horse");
  REQUIRE(h);
  using Clock = std::chrono::steady_clock;
  const auto time = [](auto&& f) {
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
      const auto t0 = Clock::now();
      f();
      best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    return best;
  };
  const double real = time([&] { (void)verify_password(*h, "wrong password"); });
  const double dummy = time([] { verify_password_dummy("wrong password"); });
  INFO("real " << real << " ms, dummy " << dummy << " ms");
  CHECK(real > 5);
  CHECK(dummy > real * 0.5);
}

}  // namespace
}  // namespace auditor

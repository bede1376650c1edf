#include "util/password.h"

#include <argon2.h>
#include <openssl/rand.h>

#include <vector>

#include "util/utf8.h"

namespace auditor {
namespace {

Result<std::string> encode(std::string_view password, const unsigned char* salt,
                           std::size_t salt_len) {
  const PasswordParams& p = kPasswordParams;
  std::vector<char> out(argon2_encodedlen(p.passes, p.memory_kib, p.parallelism,
                                          static_cast<std::uint32_t>(salt_len), p.tag_bytes,
                                          Argon2_id));
  const int rc =
      argon2id_hash_encoded(p.passes, p.memory_kib, p.parallelism, password.data(), password.size(),
                            salt, salt_len, p.tag_bytes, out.data(), out.size());
  if (rc != ARGON2_OK)
    return Error{std::string("无法计算密码哈希（Argon2id）：") + argon2_error_message(rc),
                 Code::internal};
  return std::string(out.data());
}

}  // namespace

std::string password_problem(std::string_view password) {
  if (password.size() > kMaxPasswordBytes)
    return "密码过长：最多 " + std::to_string(kMaxPasswordBytes) + " 字节";
  if (!is_valid_utf8(password)) return "密码不是有效的 UTF-8 文本";
  if (code_point_count(password) < kMinPasswordChars)
    return "密码太短：至少需要 " + std::to_string(kMinPasswordChars) + " 个字符";
  return "";
}

Result<std::string> hash_password(std::string_view password) {
  if (std::string why = password_problem(password); !why.empty()) return Error{why, Code::invalid};
  std::vector<unsigned char> salt(kPasswordParams.salt_bytes);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
    return Error{"无法生成随机盐值（OpenSSL RAND_bytes 失败）", Code::internal};
  return encode(password, salt.data(), salt.size());
}

bool verify_password(const std::string& encoded, std::string_view password) {
  if (encoded.rfind("$argon2id$", 0) != 0 || password.size() > kMaxPasswordBytes) return false;
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void verify_password_dummy(std::string_view password) {
  // Made once, with a fixed salt: only its cost matters.
  static const std::string kDummy = [] {
    static constexpr unsigned char kSalt[16] = {'a', 'u', 'd', 'i', 't', 'o', 'r', '-',
                                                'd', 'u', 'm', 'm', 'y', 0,   0,   0};
    Result<std::string> h = encode("auditor-dummy-password", kSalt, sizeof kSalt);
    return h ? *h : std::string();
  }();
  if (!kDummy.empty()) (void)verify_password(kDummy, password);
}

}  // namespace auditor

// The users of `auditor serve`, for every front end: add, list, disable,
// enable, change a password, sign in. Roles: admin (all rounds and the
// users), inspector (the rounds assigned to them), street (one street's
// cases). A write takes the database's run lock (store/run_lock.h) for its
// length, creating the database when it does not exist, and appends one
// trail row (store/users.h) with the change; a refused change writes
// nothing and fails with Code::invalid and a Chinese reason. Passwords are
// only hashed (util/password.h), never stored, logged or returned.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/users.h"
#include "util/status.h"

namespace auditor {

struct NewUser {
  std::string name;  // 1 to 64 characters, no control characters, no outer spaces
  UserRole role = UserRole::inspector;
  std::string street;    // required for a street user, refused for the others
  std::string password;  // the policy of util/password.h
};

// The one answer to a failed sign-in, whether the name exists or not.
constexpr const char* kSignInRefused = "用户名或密码错误";

// Adds the user. Refused: a name taken (ignoring ASCII case) or malformed,
// a street user without a street or another role with one, a password the
// policy refuses. `by` names who made the change for the trail ("" = not
// stated).
Result<User> add_user(const std::filesystem::path& db, const NewUser& u, const std::string& by);

// Every user, by name. Code::not_found when the database does not exist.
Result<std::vector<User>> list_users(const std::filesystem::path& db);

// The user `name` (ignoring ASCII case) as stored; nullopt when none.
// Read-only; Code::not_found when the database does not exist.
Result<std::optional<User>> find_user_named(const std::filesystem::path& db,
                                            const std::string& name);

// Disables or enables the user `name`; one that already is stays as it is
// (no trail row). Code::not_found when no user has the name.
Result<User> set_user_disabled(const std::filesystem::path& db, const std::string& name,
                               bool disabled, const std::string& by);

// Replaces the password of `name` (the policy of util/password.h).
// Code::not_found when no user has the name.
Result<User> set_password(const std::filesystem::path& db, const std::string& name,
                          const std::string& password, const std::string& by);

// The user `name` when `password` is theirs and they are not disabled.
// An unknown name and a wrong password give the same refusal
// (kSignInRefused, Code::invalid) after the same work: an unknown name is
// checked against a dummy hash. A disabled user with the right password is
// told the account is disabled. Reads the database read-only.
Result<User> authenticate(const std::filesystem::path& db, const std::string& name,
                          const std::string& password);

// check_users_against_trail on `db` (read-only): "" when every user row is
// the one its trail row describes, else the Chinese reason.
Result<std::string> verify_users(const std::filesystem::path& db);

// The role's Chinese name: 管理员, 评查人员, 街道.
const char* user_role_label(UserRole r);

}  // namespace auditor

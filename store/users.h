// Every SQL statement about the users of `auditor serve` (table `users`,
// docs/formats/database.md, version 8). Each write is one row change plus
// one trail row of no round (store/record.h, round 0) whose payload is the
// user as stored after the change, never a password: run them inside a
// RecordTransaction so both land or neither. Which changes are allowed
// (the name, the role's street, the password policy) is app/users.h's to
// decide; the store writes what it is given.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "util/status.h"

namespace auditor {

enum class UserRole { admin, inspector, street };

// "admin", "inspector", "street"; user_role_from is its inverse (nullopt
// for anything else).
const char* user_role_name(UserRole r);
std::optional<UserRole> user_role_from(const std::string& name);

// A user as stored, without the password hash.
struct User {
  long long id = 0;
  std::string name;  // unique, compared ignoring ASCII case
  UserRole role = UserRole::inspector;
  std::optional<std::string> street;  // the street of a street user; nullopt otherwise
  bool disabled = false;
  std::string created_at, updated_at;  // ISO 8601 UTC with milliseconds
};

// The user with its encoded hash (util/password.h), for signing in.
struct StoredUser {
  User user;
  std::string password_hash;
};

// The trail actions of user changes.
constexpr const char* kUserAddAction = "user_add";
constexpr const char* kUserPasswordAction = "user_password";
constexpr const char* kUserDisableAction = "user_disable";
constexpr const char* kUserEnableAction = "user_enable";

// Inserts `u` (its id and times are set here) with `password_hash`;
// `by` names who made the change ("" = not stated). Returns the user as
// stored. Fails (Code::invalid) when the row breaks a constraint, e.g. the
// name is taken. Inside a RecordTransaction.
Result<User> insert_user(Store& store, const User& u, const std::string& password_hash,
                         const std::string& by);

// The user named `name` (ignoring ASCII case), nullopt when none.
Result<std::optional<StoredUser>> find_user(Store& store, const std::string& name);

// Every user, by name.
Result<std::vector<User>> load_users(Store& store);

// Replaces the user's password hash / sets its disabled flag, stamping
// updated_at. Returns the user as stored. Code::not_found when no user has
// `id`. Inside a RecordTransaction.
Result<User> update_user_password(Store& store, long long id, const std::string& password_hash,
                                  const std::string& by);
Result<User> update_user_disabled(Store& store, long long id, bool disabled, const std::string& by);

// Whether each user row is the one its latest trail row describes (the
// trail chain itself is verify_trail's): a row changed behind the tool's
// back — a role raised, a hash swapped, a user enabled or added without a
// trail row — gives the Chinese reason naming it; "" when all agree.
Result<std::string> check_users_against_trail(Store& store);

}  // namespace auditor

#include "store/users.h"

#include <sqlite3.h>

#include <map>
#include <nlohmann/json.hpp>

#include "store/record.h"
#include "store/schema.h"
#include "store/statement.h"
#include "store/store_internal.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace auditor {
namespace {

using nlohmann::json;

constexpr char kColumns[] =
    "SELECT id, name, role, street, disabled, created_at, updated_at, password_hash FROM users";

StoredUser user_row(const Statement& r) {
  StoredUser out;
  out.user.id = r.integer(0);
  out.user.name = r.text(1);
  out.user.role = user_role_from(r.text(2)).value_or(UserRole::inspector);
  out.user.street = r.opt_text(3);
  out.user.disabled = r.integer(4) != 0;
  out.user.created_at = r.text(5);
  out.user.updated_at = r.text(6);
  out.password_hash = r.text(7);
  return out;
}

// The trail payload of a user as stored: the hash only as its SHA-256, so
// the trail pins it without holding anything a password can be tried on.
json user_payload(const User& u, const std::string& password_hash, const std::string& by) {
  json p = {{"id", u.id},
            {"user", u.name},
            {"role", user_role_name(u.role)},
            {"street", u.street ? json(*u.street) : json(nullptr)},
            {"disabled", u.disabled},
            {"password_sha256", sha256_hex(password_hash)}};
  if (!by.empty()) p["by"] = valid_utf8(by);
  return p;
}

Error write_error(sqlite3* db, const std::string& what) {
  Error e = sqlite_error(db, what);
  if (sqlite3_errcode(db) == SQLITE_CONSTRAINT) e.code = Code::invalid;
  return e;
}

Result<std::optional<StoredUser>> find_by_id(Store& store, long long id) {
  sqlite3* db = StoreAccess::db(store);
  Statement find(db, (std::string(kColumns) + " WHERE id = ?1").c_str());
  find.bind(1, id);
  if (find.next()) return std::optional<StoredUser>(user_row(find));
  if (find.failed()) return sqlite_error(db, "无法读取用户");
  return std::optional<StoredUser>();
}

// Sets `column` (a fixed name) of user `id` to `value` and trails the user
// as it is then under `action`.
template <class T>
Result<User> update_user(Store& store, long long id, const char* column, const T& value,
                         const char* action, const std::string& by) {
  sqlite3* db = StoreAccess::db(store);
  Result<std::string> now = record_now(store);
  if (!now) return now.failure();
  const std::string sql =
      std::string("UPDATE users SET ") + column + " = ?1, updated_at = ?2 WHERE id = ?3";
  Statement set(db, sql.c_str());
  if (!set.run(value, *now, id)) return write_error(db, "无法修改用户");
  if (sqlite3_changes(db) == 0)
    return Error{"没有编号为 " + std::to_string(id) + " 的用户", Code::not_found};
  Result<std::optional<StoredUser>> u = find_by_id(store, id);
  if (!u) return u.failure();
  if (!*u) return Error{"修改后找不到用户", Code::internal};
  Result<long long> seq =
      append_trail(store, 0, action, user_payload((*u)->user, (*u)->password_hash, by));
  if (!seq) return seq.failure();
  return (*u)->user;
}

}  // namespace

const char* user_role_name(UserRole r) {
  switch (r) {
    case UserRole::admin:
      return "admin";
    case UserRole::inspector:
      return "inspector";
    case UserRole::street:
      return "street";
  }
  return "inspector";
}

std::optional<UserRole> user_role_from(const std::string& name) {
  for (UserRole r : {UserRole::admin, UserRole::inspector, UserRole::street})
    if (name == user_role_name(r)) return r;
  return std::nullopt;
}

Result<User> insert_user(Store& store, const User& u, const std::string& password_hash,
                         const std::string& by) {
  sqlite3* db = StoreAccess::db(store);
  Result<std::string> now = record_now(store);
  if (!now) return now.failure();
  User out = u;
  out.name = valid_utf8(u.name);
  if (out.street) out.street = valid_utf8(*out.street);
  out.created_at = out.updated_at = *now;
  Statement add(db,
                "INSERT INTO users (name, role, street, password_hash, disabled, created_at,"
                " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
  if (!add.run(out.name, user_role_name(out.role), out.street, password_hash, out.disabled ? 1 : 0,
               *now))
    return write_error(db, "无法添加用户「" + out.name + "」");
  out.id = sqlite3_last_insert_rowid(db);
  Result<long long> seq =
      append_trail(store, 0, kUserAddAction, user_payload(out, password_hash, by));
  if (!seq) return seq.failure();
  return out;
}

Result<std::optional<StoredUser>> find_user(Store& store, const std::string& name) {
  sqlite3* db = StoreAccess::db(store);
  Statement find(db, (std::string(kColumns) + " WHERE name = ?1").c_str());
  find.bind(1, name);
  if (find.next()) return std::optional<StoredUser>(user_row(find));
  if (find.failed()) return sqlite_error(db, "无法读取用户");
  return std::optional<StoredUser>();
}

Result<std::vector<User>> load_users(Store& store) {
  sqlite3* db = StoreAccess::db(store);
  Statement rows(db, (std::string(kColumns) + " ORDER BY name, id").c_str());
  std::vector<User> out;
  while (rows.next()) out.push_back(user_row(rows).user);
  if (rows.failed()) return sqlite_error(db, "无法读取用户列表");
  return out;
}

Result<User> update_user_password(Store& store, long long id, const std::string& password_hash,
                                  const std::string& by) {
  return update_user(store, id, "password_hash", password_hash, kUserPasswordAction, by);
}

Result<User> update_user_disabled(Store& store, long long id, bool disabled,
                                  const std::string& by) {
  return update_user(store, id, "disabled", disabled ? 1 : 0,
                     disabled ? kUserDisableAction : kUserEnableAction, by);
}

Result<std::string> check_users_against_trail(Store& store) {
  sqlite3* db = StoreAccess::db(store);
  // The latest trail payload of each user id, and its seq.
  std::map<long long, std::pair<long long, json>> latest;
  Statement trail(db,
                  "SELECT seq, payload FROM trail WHERE round_id IS NULL AND action IN"
                  " ('user_add', 'user_password', 'user_disable', 'user_enable') ORDER BY seq");
  while (trail.next()) {
    json p = json::parse(trail.text(1), nullptr, false);
    if (!p.is_object() || !p.contains("id") || !p["id"].is_number_integer())
      return "审计记录第 " + std::to_string(trail.integer(0)) + " 条不是用户记录";
    p.erase("by");
    const long long id = p["id"].get<long long>();
    latest[id] = {trail.integer(0), std::move(p)};
  }
  if (trail.failed()) return sqlite_error(db, "无法读取审计记录");
  Statement rows(db, (std::string(kColumns) + " ORDER BY id").c_str());
  while (rows.next()) {
    const StoredUser u = user_row(rows);
    const std::string name = "用户「" + u.user.name + "」";
    auto it = latest.find(u.user.id);
    if (it == latest.end()) return name + "没有对应的审计记录（未经本工具添加）";
    if (it->second.second != user_payload(u.user, u.password_hash, ""))
      return name + "与其最近的审计记录第 " + std::to_string(it->second.first) +
             " 条不符（被直接改动）";
    latest.erase(it);
  }
  if (rows.failed()) return sqlite_error(db, "无法读取用户");
  if (!latest.empty())
    return "审计记录第 " + std::to_string(latest.begin()->second.first) + " 条所记的用户「" +
           latest.begin()->second.second.value("user", "") + "」已被删除";
  return std::string();
}

}  // namespace auditor

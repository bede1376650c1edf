#include "app/users.h"

#include <memory>

#include "store/record.h"
#include "store/run_lock.h"
#include "store/store.h"
#include "util/password.h"
#include "util/utf8.h"

namespace auditor {
namespace {

constexpr std::size_t kMaxNameChars = 64;

// Why `text` cannot be a user's or street's name (`what`), "" when it can.
std::string name_problem(const std::string& text, const std::string& what) {
  if (text.empty()) return what + "不能为空";
  if (!is_valid_utf8(text)) return what + "不是有效的 UTF-8 文本";
  const std::u32string cps = decode_utf8(text);
  if (cps.size() > kMaxNameChars)
    return what + "过长：最多 " + std::to_string(kMaxNameChars) + " 个字符";
  for (char32_t c : cps)
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return what + "含有控制字符";
  const auto space = [](char32_t c) { return c == U' ' || c == U'\u3000'; };
  if (space(cps.front()) || space(cps.back())) return what + "的首尾不能是空格";
  return "";
}

// A database opened for writing under its run lock (created when missing).
struct Writer {
  std::optional<RunLock> lock;
  std::unique_ptr<Store> store;
};

Result<Writer> open_writer(const std::filesystem::path& db) {
  if (Status s = Store::check_file(db); !s.ok())
    return Error{"无法打开数据库 " + db.string() + "：" + s.reason, s.code};
  Writer w;
  Result<RunLock> taken = RunLock::acquire(db);
  if (!taken) return taken.failure();
  w.lock.emplace(std::move(*taken));
  Result<std::unique_ptr<Store>> store = Store::open(db);
  if (!store) return Error{"无法打开数据库 " + db.string() + "：" + store.error(), store.code()};
  w.store = std::move(*store);
  return w;
}

Result<std::unique_ptr<Store>> open_reader(const std::filesystem::path& db) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db, ec))
    return Error{"数据库文件不存在：" + db.string() + "（请先用 auditor user add 添加用户）",
                 Code::not_found};
  return Store::open_read_only(db);
}

Error no_such_user(const std::string& name) {
  return Error{"没有名为「" + valid_utf8(name) + "」的用户", Code::not_found};
}

// Opens `db` for writing, finds `name` and runs `change(store, user)`
// (returning Result<User>) in one transaction.
template <class F>
Result<User> change_user(const std::filesystem::path& db, const std::string& name, F&& change) {
  Result<Writer> w = open_writer(db);
  if (!w) return w.failure();
  Store& store = *w->store;
  RecordTransaction tx(store);
  if (Status st = tx.status(); !st.ok()) return Error{st.reason, st.code};
  Result<std::optional<StoredUser>> found = find_user(store, name);
  if (!found) return found.failure();
  if (!*found) return no_such_user(name);
  Result<User> out = change(store, **found);
  if (!out) return out;
  if (Status st = tx.commit(); !st.ok()) return Error{st.reason, st.code};
  return out;
}

}  // namespace

const char* user_role_label(UserRole r) {
  switch (r) {
    case UserRole::admin:
      return "管理员";
    case UserRole::inspector:
      return "评查人员";
    case UserRole::street:
      return "街道";
  }
  return "";
}

Result<User> add_user(const std::filesystem::path& db, const NewUser& u, const std::string& by) {
  if (std::string why = name_problem(u.name, "用户名"); !why.empty()) return Error{why};
  const bool street_role = u.role == UserRole::street;
  if (street_role && u.street.empty()) return Error{"街道用户必须指定所属街道（--street）"};
  if (!street_role && !u.street.empty())
    return Error{std::string("只有街道用户属于某个街道；") + user_role_label(u.role) +
                 "不能指定街道"};
  if (street_role)
    if (std::string why = name_problem(u.street, "街道名称"); !why.empty()) return Error{why};
  // Hashed before the lock is taken: the hash is the slow part.
  Result<std::string> hash = hash_password(u.password);
  if (!hash) return hash.failure();
  Result<Writer> w = open_writer(db);
  if (!w) return w.failure();
  Store& store = *w->store;
  RecordTransaction tx(store);
  if (Status st = tx.status(); !st.ok()) return Error{st.reason, st.code};
  Result<std::optional<StoredUser>> found = find_user(store, u.name);
  if (!found) return found.failure();
  if (*found) return Error{"用户名「" + (*found)->user.name + "」已被使用"};
  User row;
  row.name = u.name;
  row.role = u.role;
  if (street_role) row.street = u.street;
  Result<User> out = insert_user(store, row, *hash, by);
  if (!out) return out;
  if (Status st = tx.commit(); !st.ok()) return Error{st.reason, st.code};
  return out;
}

Result<std::vector<User>> list_users(const std::filesystem::path& db) {
  Result<std::unique_ptr<Store>> store = open_reader(db);
  if (!store) return store.failure();
  return load_users(**store);
}

Result<std::optional<User>> find_user_named(const std::filesystem::path& db,
                                            const std::string& name) {
  Result<std::unique_ptr<Store>> store = open_reader(db);
  if (!store) return store.failure();
  Result<std::optional<StoredUser>> found = find_user(**store, name);
  if (!found) return found.failure();
  if (!*found) return std::optional<User>();
  return std::optional<User>((*found)->user);
}

Result<User> set_user_disabled(const std::filesystem::path& db, const std::string& name,
                               bool disabled, const std::string& by) {
  return change_user(db, name, [&](Store& store, const StoredUser& u) -> Result<User> {
    if (u.user.disabled == disabled) return u.user;
    return update_user_disabled(store, u.user.id, disabled, by);
  });
}

Result<User> set_password(const std::filesystem::path& db, const std::string& name,
                          const std::string& password, const std::string& by) {
  Result<std::string> hash = hash_password(password);
  if (!hash) return hash.failure();
  return change_user(db, name, [&](Store& store, const StoredUser& u) {
    return update_user_password(store, u.user.id, *hash, by);
  });
}

Result<User> authenticate(const std::filesystem::path& db, const std::string& name,
                          const std::string& password) {
  Result<std::unique_ptr<Store>> store = open_reader(db);
  if (!store) return store.failure();
  Result<std::optional<StoredUser>> found = find_user(**store, name);
  if (!found) return found.failure();
  if (!*found) {
    verify_password_dummy(password);
    return Error{kSignInRefused};
  }
  if (!verify_password((*found)->password_hash, password)) return Error{kSignInRefused};
  if ((*found)->user.disabled) return Error{"该账号已停用，请联系管理员"};
  return (*found)->user;
}

Result<std::string> verify_users(const std::filesystem::path& db) {
  Result<std::unique_ptr<Store>> store = open_reader(db);
  if (!store) return store.failure();
  return check_users_against_trail(**store);
}

}  // namespace auditor

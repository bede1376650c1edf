// `auditor user <add|list|disable|enable|passwd>`: the users of `auditor
// serve` (app/users.h). A password is only ever read from standard input
// (--password-stdin, one line), never from the command line, and never
// printed. Exit 0 on success, 2 on a refusal or an error (Chinese reason).
#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/users.h"
#include "auditor/cli/options.h"
#include "util/password.h"
#include "util/utf8.h"

namespace auditor::cli {
namespace {

// Who makes a change from the command line, for the trail.
std::string cli_actor() {
  const passwd* pw = ::getpwuid(::getuid());
  return pw && pw->pw_name ? std::string("命令行（系统用户 ") + pw->pw_name + "）" : "命令行";
}

// Turns the terminal's echo off while it lives, when standard input is one:
// a password typed at a prompt is not shown.
struct NoEcho {
  termios saved{};
  bool active = false;
  NoEcho() {
    if (!::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &saved) != 0) return;
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    if (active) std::cerr << "密码（输入时不显示，回车结束）：" << std::flush;
  }
  ~NoEcho() {
    if (!active) return;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::cerr << "\n";
  }
};

// The first line of standard input, without its line end; nullopt (after
// printing why) when there is none or it is longer than a password may be.
std::optional<std::string> read_password() {
  std::optional<NoEcho> no_echo(std::in_place);
  std::string line;
  char ch = 0;
  bool any = false;
  while (std::cin.get(ch)) {
    any = true;
    if (ch == '\n') break;
    line += ch;
    if (line.size() > kMaxPasswordBytes + 1) break;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  no_echo.reset();
  if (!any) {
    std::cerr << "标准输入中没有密码（--password-stdin 读取第一行）\n";
    return std::nullopt;
  }
  if (line.size() > kMaxPasswordBytes) {
    std::cerr << "密码过长：最多 " << kMaxPasswordBytes << " 字节\n";
    return std::nullopt;
  }
  return line;
}

// The options every command has (--db) and NAME as the positional argument
// when `named`.
struct Common {
  po::options_description desc = option_list();
  po::positional_options_description positional;
  std::string db, name;
  explicit Common(bool named) {
    desc.add_options()("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件");
    if (named) {
      desc.add_options()("name", po::value(&name), "用户名（也可作为第一个参数）");
      positional.add("name", 1);
    }
  }
  // parse_options, then a name required when `named`: -1 to go on.
  int parse(const Args& args, const std::string& usage, po::variables_map& vm, bool named) {
    if (int rc = parse_options(args, desc, positional, usage, vm); rc >= 0) return rc;
    if (named && name.empty()) {
      std::cerr << "请指定用户名。\n用法：" << usage << "\n";
      return kExitUsage;
    }
    return -1;
  }
};

std::string describe(const User& u) {
  std::string out = u.name + "（" + user_role_label(u.role);
  if (u.street) out += "：" + *u.street;
  return out + "）";
}

int require_stdin_flag(const po::variables_map& vm, const std::string& usage) {
  if (vm.count("password-stdin")) return -1;
  std::cerr << "请用 --password-stdin 从标准输入提供密码（密码不能写在命令行上）。\n用法：" << usage
            << "\n";
  return kExitUsage;
}

int add(const Args& args) {
  Common c(true);
  std::string role, street;
  c.desc.add_options()("role", po::value(&role),
                       "角色：admin（管理员）、inspector（评查人员）或 street（街道）")(
      "street", po::value(&street), "所属街道（街道用户必填，如 昌岗）")(
      "password-stdin", "从标准输入读取密码（第一行，至少 8 个字符）");
  po::variables_map vm;
  const std::string usage =
      "auditor user add 用户名 --role admin|inspector|street [--street 街道] --password-stdin "
      "[--db 文件]";
  if (int rc = c.parse(args, usage, vm, true); rc >= 0) return rc;
  const std::optional<UserRole> r = user_role_from(role);
  if (!r) {
    std::cerr << "请用 --role admin、inspector 或 street 指定角色。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  if (int rc = require_stdin_flag(vm, usage); rc >= 0) return rc;
  std::optional<std::string> password = read_password();
  if (!password) return kExitUsage;
  Result<User> u = add_user(c.db, {c.name, *r, street, *password}, cli_actor());
  if (!u) return report_error(u.error());
  std::cout << "已添加用户 " << describe(*u) << "\n";
  return kExitOk;
}

int list(const Args& args) {
  Common c(false);
  c.desc.add_options()("json", "以 JSON 输出");
  po::variables_map vm;
  const std::string usage = "auditor user list [--db 文件] [--json]";
  if (int rc = c.parse(args, usage, vm, false); rc >= 0) return rc;
  Result<std::vector<User>> users = list_users(c.db);
  if (!users) return report_error(users.error());
  if (Result<std::string> check = verify_users(c.db); !check)
    std::cerr << "警告：" << check.error() << "\n";
  else if (!check->empty())
    std::cerr << "警告：用户表与审计记录不符：" << *check << "\n";
  if (vm.count("json")) {
    nlohmann::json out = nlohmann::json::array();
    for (const User& u : *users)
      out.push_back({{"name", u.name},
                     {"role", user_role_name(u.role)},
                     {"street", u.street ? nlohmann::json(*u.street) : nlohmann::json(nullptr)},
                     {"disabled", u.disabled},
                     {"created_at", u.created_at},
                     {"updated_at", u.updated_at}});
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  if (users->empty()) {
    std::cout << "还没有用户（用 auditor user add 添加）\n";
    return kExitOk;
  }
  for (const User& u : *users)
    std::cout << u.name << "\t" << user_role_label(u.role) << "\t" << u.street.value_or("-") << "\t"
              << (u.disabled ? "已停用" : "可用") << "\t更新于 " << u.updated_at << "\n";
  std::cout << "共 " << users->size() << " 个用户\n";
  return kExitOk;
}

int disable_or_enable(const Args& args, bool disabled) {
  Common c(true);
  po::variables_map vm;
  const std::string usage =
      std::string("auditor user ") + (disabled ? "disable" : "enable") + " 用户名 [--db 文件]";
  if (int rc = c.parse(args, usage, vm, true); rc >= 0) return rc;
  Result<User> u = set_user_disabled(c.db, c.name, disabled, cli_actor());
  if (!u) return report_error(u.error());
  std::cout << (disabled ? "已停用用户 " : "已启用用户 ") << describe(*u) << "\n";
  return kExitOk;
}

int passwd(const Args& args) {
  Common c(true);
  c.desc.add_options()("password-stdin", "从标准输入读取新密码（第一行，至少 8 个字符）");
  po::variables_map vm;
  const std::string usage = "auditor user passwd 用户名 --password-stdin [--db 文件]";
  if (int rc = c.parse(args, usage, vm, true); rc >= 0) return rc;
  if (int rc = require_stdin_flag(vm, usage); rc >= 0) return rc;
  std::optional<std::string> password = read_password();
  if (!password) return kExitUsage;
  Result<User> u = set_password(c.db, c.name, *password, cli_actor());
  if (!u) return report_error(u.error());
  std::cout << "已修改用户 " << describe(*u) << " 的密码\n";
  return kExitOk;
}

}  // namespace

int user(const Args& args) {
  const std::string sub = args.empty() ? "" : args[0];
  const Args rest = args.empty() ? Args() : Args(args.begin() + 1, args.end());
  if (sub == "add") return add(rest);
  if (sub == "list") return list(rest);
  if (sub == "disable") return disable_or_enable(rest, true);
  if (sub == "enable") return disable_or_enable(rest, false);
  if (sub == "passwd") return passwd(rest);
  std::ostream& out = sub == "--help" || sub == "-h" ? std::cout : std::cerr;
  if (!sub.empty() && &out == &std::cerr) out << "未知的 user 子命令：" << sub << "\n";
  out << "用法：auditor user <子命令> [选项]\n\n子命令：\n"
         "  add       添加用户：管理员、评查人员或街道用户（密码从标准输入读取）\n"
         "  list      列出用户、角色、所属街道和是否停用\n"
         "  disable   停用用户（不能再登录）\n"
         "  enable    重新启用用户\n"
         "  passwd    修改用户的密码（从标准输入读取）\n";
  return &out == &std::cout ? kExitOk : kExitUsage;
}

}  // namespace auditor::cli

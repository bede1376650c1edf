// `auditor round <verify|settings>`: the round's trail and settings
// (app/review.h). verify exits 0 when the trail is intact, 1 naming the first
// broken row, 2 when the database cannot be read.
#include <iostream>

#include "app/review.h"
#include "app/users.h"
#include "auditor/cli/options.h"
#include "auditor/cli/round_plan_cli.h"

namespace auditor::cli {
namespace {

int verify(const Args& args) {
  po::options_description desc = option_list();
  std::string db;
  desc.add_options()("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件");
  po::variables_map vm;
  const std::string usage = "auditor round verify [--db 文件]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  Result<TrailCheck> r = verify_record(db);
  if (!r) return report_error(r.error());
  if (r->broken_seq) {
    std::cout << "审计记录已被改动：第 " << *r->broken_seq << " 条起无法验证。" << r->why << "\n";
    return 1;
  }
  // The user rows against the trail rows that describe them (app/users.h).
  Result<std::string> users = verify_users(db);
  if (!users) return report_error(users.error());
  if (!users->empty()) {
    std::cout << "用户表与审计记录不符：" << *users << "\n";
    return 1;
  }
  std::cout << "审计记录完整：共 " << r->rows << " 条，哈希链逐条核对无误\n";
  return kExitOk;
}

int settings(const Args& args) {
  po::options_description desc = option_list();
  std::string db, round, second_review;
  int rectify_days = 0;
  desc.add_options()("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件")(
      "round", po::value(&round), "审查轮次名称（默认最近建立的轮次）")(
      "second-review", po::value(&second_review),
      "是否需要复核人签字：yes 或 no（默认 no：评查人签字即完成）")(
      "rectify-days", po::value(&rectify_days),
      "整改期限：整改项自登记之日起的天数，1 到 365（默认 30）");
  po::variables_map vm;
  const std::string usage =
      "auditor round settings [--round 轮次] [--second-review yes|no] [--rectify-days 天数]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  RoundSettings settings;
  if (vm.count("second-review")) {
    if (second_review != "yes" && second_review != "no") {
      std::cerr << "请用 --second-review yes 或 no 指定是否需要复核。\n用法：" << usage << "\n";
      return kExitUsage;
    }
    settings.second_review = second_review == "yes";
  }
  if (vm.count("rectify-days")) settings.rectify_days = rectify_days;
  if (Status s = set_round_settings({db, round}, settings); !s.ok()) return report_error(s.reason);
  if (settings.second_review)
    std::cout << (*settings.second_review ? "本轮需要复核人签字\n" : "本轮不需要复核人签字\n");
  if (settings.rectify_days)
    std::cout << "本轮整改期限：登记后 " << *settings.rectify_days << " 天\n";
  return kExitOk;
}

}  // namespace

int round(const Args& args) {
  const std::string sub = args.empty() ? "" : args[0];
  const Args rest = args.empty() ? Args() : Args(args.begin() + 1, args.end());
  if (sub == "verify") return verify(rest);
  if (sub == "settings") return settings(rest);
  if (sub == "plan") return round_plan(rest);
  if (sub == "draw") return round_draw(rest);
  if (sub == "assign") return round_assign(rest);
  std::ostream& out = sub == "--help" || sub == "-h" ? std::cout : std::cerr;
  if (!sub.empty() && &out == &std::cerr) out << "未知的 round 子命令：" << sub << "\n";
  out << "用法：auditor round <子命令> [选项]\n\n子命令：\n"
         "  verify    重新计算评查记录的哈希链，报告第一条被改动的记录\n"
         "  settings  设置审查轮次是否需要复核人签字、整改期限天数\n"
         "  plan      登记或查看评查计划（街道、结案日期范围、评查人员）\n"
         "  draw      按种子随机抽取各街道案卷，并加上必查案卷\n"
         "  assign    把抽取的案卷分配给评查人员（回避本街道人员）\n";
  return &out == &std::cout ? kExitOk : kExitUsage;
}

}  // namespace auditor::cli

// Parses the subcommand name and dispatches; each subcommand parses its own
// options (auditor/cli/cmd_*.cc).
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "auditor/cli/commands.h"

namespace {

struct Command {
  const char* name;
  const char* help;
  int (*run)(const auditor::cli::Args&);
};

// The one table of subcommands.
constexpr Command kCommands[] = {
    {"audit", "审查案卷压缩包，输出问题清单并存入数据库", auditor::cli::audit},
    {"checklist", "校验检查清单数据文件", auditor::cli::checklist},
    {"extract", "显示文档的格式、类型、阶段、提取的要素和全文", auditor::cli::extract},
    {"report", "从数据库生成一个审查轮次的评查表和通报（HTML、DOCX、XLSX、JSON）",
     auditor::cli::report},
    {"review", "评查记录：对问题作出决定、添加问题、签字、导出导入", auditor::cli::review},
    {"round", "审查轮次：校验评查记录的审计链、设置是否复核", auditor::cli::round},
    {"rules", "列出检查清单中的全部规则及其法律依据", auditor::cli::rules},
    {"serve", "启动网页评查工作台和 JSON 接口（auditor serve --db 文件）", auditor::cli::serve},
    {"user", "用户：添加、列出、停用、启用、修改密码（供 auditor serve 登录）", auditor::cli::user},
};

void usage(std::ostream& out) {
  out << "用法：auditor <命令> [选项] [参数...]\n\n"
         "行政处罚案卷评查工具（离线）\n\n命令：\n";
  for (const Command& c : kCommands)
    out << "  " << c.name << std::string(12 - std::strlen(c.name), ' ') << c.help << "\n";
  out << "\n  auditor <命令> --help   查看命令的选项\n"
         "  auditor --version       显示版本\n";
}

}  // namespace

int main(int argc, char** argv) {
  // With TZ unset, glibc stats /etc/localtime on every mktime, which libzip
  // calls for each member it opens; naming the same zone file caches it.
  setenv("TZ", ":/etc/localtime", 0);
  if (argc < 2) {
    usage(std::cerr);
    return auditor::cli::kExitUsage;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    usage(std::cout);
    return auditor::cli::kExitOk;
  }
  if (name == "--version" || name == "-V") {
    std::cout << "auditor " << AUDITOR_VERSION << "\n";
    return auditor::cli::kExitOk;
  }
  for (const Command& c : kCommands)
    if (name == c.name) return c.run(auditor::cli::Args(argv + 2, argv + argc));
  std::cerr << "未知命令：" << name << "\n\n";
  usage(std::cerr);
  return auditor::cli::kExitUsage;
}

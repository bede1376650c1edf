// `auditor rules`: every rule of the checklist, generated from its data.
#include <iostream>

#include "auditor/cli/options.h"
#include "reports/labels.h"

namespace auditor::cli {

int rules(const Args& args) {
  po::options_description desc("选项");
  std::string dir;
  desc.add_options()("checklist", po::value(&dir)->default_value(default_checklist_dir().string()),
                     "检查清单目录");
  po::variables_map vm;
  if (int rc = parse_options(args, desc, {}, "auditor rules [--checklist DIR]", vm); rc >= 0)
    return rc;
  std::optional<Checklist> cl = load_checklist_or_report(dir);
  if (!cl) return kExitUsage;
  std::cout << "检查清单：" << cl->name << "（" << cl->id << " " << cl->version << "）\n"
            << "内容哈希：" << cl->sha256 << "\n"
            << "规则共 " << cl->rules.size() << " 条\n\n";
  for (const Rule& r : cl->rules) {
    std::cout << r.id << "\n"
              << "  类型：" << r.kind << "    严重程度：" << severity_label(r.severity)
              << "    扣分：" << r.deduction << "\n"
              << "  说明：" << r.description << "\n"
              << "  依据：" << r.basis << "\n";
  }
  return kExitOk;
}

}  // namespace auditor::cli

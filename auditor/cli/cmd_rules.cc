// `auditor rules`: every rule of the checklist, generated from its data: its
// kind and what the kind checks, severity, what it costs under the active
// scoring profile (the checklist's own, or --profile), description, basis.
#include <iostream>

#include "app/checklist_load.h"
#include "auditor/cli/options.h"
#include "auditor/rule_kinds.h"
#include "auditor/scoring.h"
#include "reports/labels.h"

namespace auditor::cli {

int rules(const Args& args) {
  po::options_description desc = option_list();
  std::string dir, profile;
  desc.add_options()("checklist", po::value(&dir)->default_value(default_checklist_dir().string()),
                     "检查清单目录")(
      "profile", po::value(&profile),
      "计分方案：内置方案编号（haizhu-default、mee-2024）或方案文件；默认为检查清单指定的方案");
  po::variables_map vm;
  if (int rc =
          parse_options(args, desc, {}, "auditor rules [--checklist DIR] [--profile ID|FILE]", vm);
      rc >= 0)
    return rc;
  std::optional<Checklist> cl = load_checklist_or_report(dir);
  if (!cl) return kExitUsage;
  if (!profile.empty())
    if (Status s = apply_profile(profile, *cl); !s.ok()) return report_error(s.reason);
  const ScoringProfile& s = cl->scoring;
  std::cout << "检查清单：" << cl->name << "（" << cl->id << " " << cl->version << "）\n"
            << "内容哈希：" << cl->sha256 << "\n"
            << "计分方案：" << s.id << (s.name.empty() ? "" : "（" + s.name + "）") << "，公式 "
            << s.formula << "，等次 " << bands_text(s) << "\n"
            << "规则共 " << cl->rules.size() << " 条\n\n";
  for (const Rule& r : cl->rules) {
    const RuleKind* kind = find_rule_kind(r.kind);
    std::cout << r.id << "\n"
              << "  类型：" << r.kind << (kind ? std::string("（") + kind->help + "）" : "") << "\n"
              << "  严重程度：" << severity_label(r.severity) << "    计分："
              << rule_scoring_text(r, s) << "\n"
              << "  说明：" << r.description << "\n"
              << "  依据：" << r.basis << "\n";
    if (!r.procedures.empty()) {
      std::string names;
      for (const std::string& id : r.procedures) {
        const Procedure* p = cl->procedure(id);
        names += (names.empty() ? "" : "、") + (p ? p->name : id);
      }
      std::cout << "  适用程序：" << names << "\n";
    }
  }
  return kExitOk;
}

}  // namespace auditor::cli

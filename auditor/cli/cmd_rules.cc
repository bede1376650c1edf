// `auditor rules`: every rule of the checklist, generated from its data: its
// kind and what the kind checks, severity, what it costs under the active
// scoring profile (the checklist's own, or --profile), description, basis;
// then the 会审 / 法制审核 scope table the conditions read, entry by entry,
// and each street's changes to it.
#include <algorithm>
#include <iostream>

#include "app/checklist_load.h"
#include "auditor/cli/options.h"
#include "auditor/discretion_rules.h"
#include "auditor/rule_kinds.h"
#include "auditor/scope.h"
#include "auditor/scoring.h"
#include "reports/labels.h"

namespace auditor::cli {
namespace {

void print_entry(const ScopeEntry& e) {
  std::cout << "  " << e.id << "：" << e.name << "\n"
            << "    条件：" << describe_entry(e)
            << (e.test == "complex" && e.undecided == "no" ? "（未载明的视为否）" : "")
            << "    须：" << needs_label(e) << "\n";
}

void print_scope(const Checklist& cl) {
  if (!cl.scope) {
    std::cout << "\n会审和法制审核范围表：未配置（complex_case、major_decision 无法判断）\n";
    return;
  }
  const ScopeTable& d = cl.scope->district;
  std::cout << "\n会审和法制审核范围表：" << d.name << "（" << d.id << " " << d.version << "）\n"
            << "条目共 " << d.entries.size() << " 条\n";
  for (const ScopeEntry& e : d.entries) print_entry(e);
  for (const ScopeTable& t : cl.scope->streets) {
    std::cout << "\n"
              << t.street << "街道范围表（" << t.version << "）"
              << (t.name.empty() ? "" : "：" + t.name) << "\n";
    for (const ScopeEntry& e : t.entries) {
      const bool replaces = std::any_of(d.entries.begin(), d.entries.end(),
                                        [&](const ScopeEntry& x) { return x.id == e.id; });
      std::cout << (replaces ? "  替换 " : "  新增 ") << e.id << "\n";
      print_entry(e);
    }
    for (const std::string& id : t.removed) std::cout << "  删除 " << id << "\n";
  }
}

}  // namespace

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
  print_scope(*cl);
  std::cout << substance_tables_listing(*cl);
  return kExitOk;
}

}  // namespace auditor::cli

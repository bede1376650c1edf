// `auditor checklist check [DIR]`: validates every checklist data file under
// DIR (default: the bundled checklists/ folder) — checklist folders, scoring
// profiles, calendars, the draw's must-check rules, the 会审 / 法制审核 scope
// tables (each file, then each district table with its streets), the
// substance tables (discretion standard, provision table, remedy table), the
// enforcement-field map —
// printing a summary of
// each valid one and "<file>:<line>: <reason>" for each error. Exit 2 when
// any file is wrong.
#include <algorithm>
#include <iostream>

#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/data_files.h"
#include "auditor/calendar.h"
#include "auditor/cli/options.h"
#include "auditor/discretion.h"
#include "auditor/draw.h"
#include "auditor/fields.h"
#include "auditor/provision_table.h"
#include "auditor/remedy.h"
#include "auditor/rule_kinds.h"
#include "auditor/scope.h"
#include "auditor/scoring.h"

namespace auditor::cli {
namespace {

namespace fs = std::filesystem;

std::string profile_line(const ScoringProfile& p) {
  std::string line = p.id + (p.name.empty() ? "" : "（" + p.name + "）") + "，公式 " + p.formula +
                     "，等次 " + bands_text(p);
  if (p.formula == "ratio")
    line += "，合法性 " + points_text(p.legality_points) + " 分，评查项目 " +
            points_text(p.items_points) + " 分";
  return line;
}

void print_checklist(const fs::path& dir, const Checklist& cl) {
  std::string kinds;
  for (const RuleKind& k : rule_kinds()) {
    const auto n = std::count_if(cl.rules.begin(), cl.rules.end(),
                                 [&](const Rule& r) { return r.kind == k.name; });
    if (n > 0)
      kinds += (kinds.empty() ? "" : "、") + std::string(k.name) + " " + std::to_string(n) + " 条";
  }
  std::cout << "检查清单 " << dir.string() << "：通过\n"
            << "  编号：" << cl.id << "    版本：" << cl.version << "    名称：" << cl.name << "\n"
            << "  内容哈希（SHA-256）：" << cl.sha256 << "\n"
            << "  阶段 " << cl.stages.size() << " 个，文书类型 " << cl.doc_types.size()
            << " 种，规则 " << cl.rules.size() << " 条\n"
            << "  各类型规则：" << (kinds.empty() ? "无" : kinds) << "\n"
            << "  计分方案：" << profile_line(cl.scoring) << "\n";
  if (!cl.scoring.file.empty()) std::cout << "  计分方案文件：" << cl.scoring.file << "\n";
  for (const std::string& missing : missing_substance_tables(cl))
    std::cout << "  注意：" << missing << "\n";
  if (cl.scope) {
    std::string streets;
    for (const ScopeTable& t : cl.scope->streets)
      streets += (streets.empty() ? "" : "、") + t.street + "（" + t.version + "）";
    std::cout << "  会审和法制审核范围表：" << cl.scope->district.id << "（版本 "
              << cl.scope->district.version << "，" << cl.scope->district.entries.size() << " 条）"
              << (streets.empty() ? "" : "，街道范围表：" + streets) << "\n";
  }
}

void print_profile(const fs::path& file, const ScoringProfile& p) {
  std::cout << "计分方案 " << file.string() << "：通过\n"
            << "  " << profile_line(p) << "\n"
            << "  内容哈希（SHA-256）：" << p.sha256 << "\n";
}

void print_calendar(const fs::path& file, const WorkCalendar& cal) {
  std::cout << "节假日日历 " << file.string() << "：通过（" << cal.first_year() << "—"
            << cal.last_year() << " 年）\n";
}

void print_must_check(const fs::path& file, const MustCheckRules& r) {
  std::cout << "必查规则 " << file.string() << "：通过（" << r.id << " 版本 " << r.version << "，"
            << r.rules.size() << " 条）\n"
            << "  内容哈希（SHA-256）：" << r.sha256 << "\n";
}

void print_scope(const fs::path& file, const ScopeTable& t) {
  std::cout << "范围表 " << file.string() << "：通过（"
            << (t.street.empty() ? "区级 " + t.id : t.street + "街道，继承 " + t.extends)
            << " 版本 " << t.version << "，" << t.entries.size() << " 条"
            << (t.removed.empty() ? "" : "，删除 " + std::to_string(t.removed.size()) + " 条")
            << "）\n"
            << "  内容哈希（SHA-256）：" << t.sha256 << "\n";
}

void print_substance(const std::vector<fs::path>& discretion,
                     const std::vector<fs::path>& provisions, const std::vector<fs::path>& remedies,
                     std::vector<std::string>& errors, int& passed) {
  for (const fs::path& f : discretion) {
    Result<DiscretionTable> t = load_discretion(f);
    if (!t) {
      errors.push_back(t.error());
      continue;
    }
    std::size_t bands = 0, examples = 0;
    for (const DiscretionEntry& e : t->entries) {
      bands += e.bands.size();
      examples += e.example ? 1 : 0;
    }
    std::cout << "裁量基准 " << f.string() << "：通过（" << t->files.front() << "，条款 "
              << t->entries.size() << " 条，阶次 " << bands << " 个"
              << (examples ? "，其中示例条款 " + std::to_string(examples) + " 条" : "") << "）\n"
              << "  内容哈希（SHA-256）：" << t->sha256 << "\n";
    ++passed;
  }
  for (const fs::path& f : provisions) {
    Result<ProvisionTable> t = load_provision_table(f);
    if (!t) {
      errors.push_back(t.error());
      continue;
    }
    std::string laws;
    for (const KnownLaw& l : t->laws)
      laws += (laws.empty() ? "" : "、") + ("《" + l.name + "》") + (l.example ? "（示例）" : "");
    std::cout << "条文版本表 " << f.string() << "：通过（" << t->id << " 版本 " << t->version
              << "，法律 " << t->laws.size() << " 部）\n"
              << "  " << laws << "\n"
              << "  内容哈希（SHA-256）：" << t->sha256 << "\n";
    ++passed;
  }
  for (const fs::path& f : remedies) {
    Result<RemedyTable> t = load_remedy(f);
    if (!t) {
      errors.push_back(t.error());
      continue;
    }
    std::cout << "救济途径表 " << f.string() << "：通过（" << t->id << " 版本 " << t->version
              << "）\n"
              << "  行政复议：" << t->review_bodies.front() << "，" << t->review_days
              << " 日；行政诉讼：" << t->courts.front() << "，" << t->litigation_months << " 个月\n"
              << "  内容哈希（SHA-256）：" << t->sha256 << "\n";
    ++passed;
  }
}

// Each scope file alone, then each district table's folder as a whole (the
// street tables against it), when every file of it passed alone.
int check_scopes(const std::vector<fs::path>& files, std::vector<std::string>& errors) {
  int passed = 0;
  std::vector<fs::path> districts;
  const std::size_t errors_before = errors.size();
  for (const fs::path& f : files) {
    Result<ScopeTable> t = load_scope_file(f);
    if (!t) {
      errors.push_back(t.error());
      continue;
    }
    print_scope(f, *t);
    if (t->street.empty()) districts.push_back(f.parent_path());
    ++passed;
  }
  if (errors.size() > errors_before) return passed;
  for (const fs::path& dir : districts)
    if (Result<Scope> scope = load_scope(dir); !scope) errors.push_back(scope.error());
  return passed;
}

}  // namespace

int checklist(const Args& args) {
  po::options_description desc = option_list();
  std::string action, dir = data_dir().string();
  desc.add_options()("action", po::value(&action), "操作：check")(
      "dir", po::value(&dir), "数据目录（默认为内置的 checklists 目录）");
  po::positional_options_description positional;
  positional.add("action", 1).add("dir", 1);
  po::variables_map vm;
  const std::string usage = "auditor checklist check [目录]";
  if (int rc = parse_options(args, desc, positional, usage, vm); rc >= 0) return rc;
  if (action != "check") {
    std::cerr << (action.empty() ? "请指定操作。" : "未知的操作：" + action) << "\n用法：" << usage
              << "\n";
    return kExitUsage;
  }
  Result<DataFiles> found = find_data_files(dir);
  if (!found) {
    std::cerr << found.error() << "\n";
    return kExitUsage;
  }
  std::vector<std::string> errors = found->errors;
  int passed = 0;
  for (const fs::path& d : found->checklists) {
    Result<Checklist> cl = load_audit_checklist(d);
    if (!cl) {
      errors.push_back(cl.error());
      continue;
    }
    print_checklist(d, *cl);
    ++passed;
  }
  for (const fs::path& f : found->profiles) {
    Result<ScoringProfile> p = load_profile(f);
    if (!p) {
      errors.push_back(p.error());
      continue;
    }
    print_profile(f, *p);
    ++passed;
  }
  for (const fs::path& f : found->calendars) {
    Result<WorkCalendar> cal = WorkCalendar::load(f);
    if (!cal) {
      errors.push_back(cal.error());
      continue;
    }
    print_calendar(f, *cal);
    ++passed;
  }
  for (const fs::path& f : found->must_check) {
    Result<MustCheckRules> r = load_must_check(f);
    if (!r) {
      errors.push_back(r.error());
      continue;
    }
    print_must_check(f, *r);
    ++passed;
  }
  passed += check_scopes(found->scopes, errors);
  print_substance(found->discretion, found->provisions, found->remedies, errors, passed);
  for (const fs::path& f : found->fields) {
    Result<FieldMap> m = load_field_map(f);  // errors are "<file>:<line>: <reason>"
    if (!m) {
      errors.push_back(m.error());
      continue;
    }
    std::cout << "执法领域对照表 " << f.string() << "：通过（" << m->id << " 版本 " << m->version
              << "，" << m->fields.size() << " 个领域，" << m->patterns.size() << " 条规则，默认 "
              << m->default_field << "）\n";
    ++passed;
  }
  for (const std::string& e : errors) std::cerr << e << "\n";
  std::cout << "\n校验完成：通过 " << passed << " 项，有误 " << errors.size() << " 项\n";
  return errors.empty() ? kExitOk : kExitUsage;
}

}  // namespace auditor::cli

// `auditor round plan|draw|assign` (round_plan_cli.h): flags and printing
// only; the rules live in app/round_plan.h and auditor/draw.h.
#include <iostream>

#include "app/data_dirs.h"
#include "app/round_plan.h"
#include "auditor/cli/options.h"
#include "auditor/cli/round_plan_cli.h"
#include "auditor/round.h"
#include "auditor/scoring.h"

namespace auditor::cli {
namespace {

constexpr int kExitRefused = 1;

int failed(const std::string& reason, Code code) {
  std::cerr << reason << "\n";
  return code == Code::invalid || code == Code::not_found ? kExitRefused : kExitUsage;
}

void add_scope(po::options_description& desc, std::string& db, std::string& round) {
  desc.add_options()("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件")(
      "round", po::value(&round), "审查轮次名称（默认最近建立的轮次）");
}

// "甲,乙，丙、丁" → {甲, 乙, 丙, 丁}.
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string item;
  auto flush = [&] {
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) out.push_back(item);
    item.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ',') {
      flush();
      ++i;
    } else if (text.compare(i, 3, "，") == 0 || text.compare(i, 3, "、") == 0) {
      flush();
      i += 3;
    } else {
      item += text[i++];
    }
  }
  flush();
  return out;
}

std::string joined(const std::vector<std::string>& items, const char* sep = "、") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

void print_plan(const RoundPlan& p) {
  std::cout << "评查计划（审计记录第 " << p.seq << " 条，" << p.by << " 于 " << p.at << " 登记"
            << (p.reason ? "，理由：" + *p.reason : "") << "）\n"
            << "  街道：" << joined(p.streets) << "\n"
            << "  结案日期：" << p.closed_from.value_or("不限") << " 至 "
            << p.closed_to.value_or("不限") << "\n  评查人员：";
  std::vector<std::string> people;
  for (const Inspector& i : p.inspectors) people.push_back(i.name + "（" + i.unit + "）");
  std::cout << joined(people) << "\n  检查清单：";
  if (p.checklist_id.empty())
    std::cout << "（本轮尚无审查记录）\n";
  else
    std::cout << p.checklist_id << " 版本 " << p.checklist_version << "（SHA-256 "
              << p.checklist_sha256.substr(0, 12) << "…）\n";
  std::cout << "  方式：" << mode_label(p.mode) << "\n";
}

void print_draw(const Draw& d) {
  std::cout << "抽取（审计记录第 " << d.seq << " 条，" << d.by << " 于 " << d.at
            << (d.reason ? "，理由：" + *d.reason : "") << "）：种子 " << d.seed
            << "，每个街道随机 " << d.per_street << " 件；必查规则 " << d.rules.id << " 版本 "
            << d.rules.version << "（SHA-256 " << d.rules.sha256.substr(0, 12) << "…）\n";
  for (const StreetTally& t : d.streets) {
    std::cout << t.street << "（在范围内 " << t.candidates << " 件，必查 " << t.must << " 件，随机 "
              << t.random << " 件）";
    std::cout << (t.must + t.random == 0 ? "：无可抽取的案卷\n" : "：\n");
    for (const DrawnCase& c : d.cases)
      if (c.street == t.street) std::cout << "  " << c.key << "  " << c.why_text() << "\n";
  }
  if (!d.excluded.empty()) {
    std::cout << "未参加抽取（" << d.excluded.size() << " 件）：\n";
    for (const ExcludedCase& c : d.excluded)
      std::cout << "  " << (c.key == c.archive ? c.key : c.key + "（" + c.archive + "）") << "："
                << c.why << "\n";
  }
  if (d.outside_streets || d.outside_window)
    std::cout << "不在计划范围内：其他街道 " << d.outside_streets << " 件，结案日期不在范围内 "
              << d.outside_window << " 件\n";
  std::cout << "复算：每个案卷计算 printf '%s\\n%s' 种子 案号 | sha256sum（无案号时用压缩包路径），"
               "各街道除必查案卷外取值最小的 "
            << d.per_street << " 件\n";
}

void print_assignment(const Assignment& a) {
  std::cout << "  " << a.key << " → " << a.inspector.name << "（" << a.inspector.unit << "）\n";
}

}  // namespace

int round_plan(const Args& args) {
  po::options_description desc = option_list();
  std::string db, round, streets, from, to, as, reason;
  std::vector<std::string> inspectors;
  add_scope(desc, db, round);
  desc.add_options()("streets", po::value(&streets), "本轮评查的街道，以逗号或顿号分隔")(
      "closed-from", po::value(&from), "结案日期起（YYYY-MM-DD，含）")(
      "closed-to", po::value(&to), "结案日期止（YYYY-MM-DD，含）")(
      "inspector", po::value(&inspectors), "评查人员「姓名@单位」，可多次指定")(
      "as", po::value(&as), "登记人姓名")("reason", po::value(&reason), "修改计划的理由（可选）");
  po::variables_map vm;
  const std::string usage =
      "auditor round plan [--round 轮次] [--streets 甲,乙 --inspector 姓名@单位 ... "
      "[--closed-from 日期] [--closed-to 日期] --as 姓名]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  const bool change = vm.count("streets") || vm.count("inspector") || vm.count("closed-from") ||
                      vm.count("closed-to") || vm.count("reason");
  if (!change) {
    Result<RoundPlanRecord> r = show_round_plan({db, round});
    if (!r) return failed(r.error(), r.code());
    if (!r->plan) {
      std::cout << "本轮还没有评查计划\n";
    } else {
      print_plan(*r->plan);
    }
    if (r->draw)
      std::cout << "已抽取 " << r->draw->cases.size() << " 件（种子 " << r->draw->seed
                << "，共抽取 " << r->draws << " 次），已分配 " << r->assignments.size() << " 件\n";
    return kExitOk;
  }
  if (as.empty()) {
    std::cerr << "请用 --as 写明登记人。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  PlanRequest req;
  req.streets = split_list(streets);
  if (vm.count("closed-from")) req.closed_from = from;
  if (vm.count("closed-to")) req.closed_to = to;
  req.inspectors = inspectors;
  req.by = as;
  if (vm.count("reason")) req.reason = reason;
  Result<RoundPlan> r = record_round_plan({db, round}, req);
  if (!r) return failed(r.error(), r.code());
  std::cout << "已登记";
  print_plan(*r);
  return kExitOk;
}

int round_draw(const Args& args) {
  po::options_description desc = option_list();
  std::string db, round, seed, as, reason, rules = (data_dir() / "draw").string();
  int per_street = -1;
  add_scope(desc, db, round);
  desc.add_options()("per-street", po::value(&per_street), "每个街道随机抽取的案卷数")(
      "seed", po::value(&seed),
      "随机种子（文字，最多 200 字节，不含换行；记录在案，他人可据此复算）")(
      "rules", po::value(&rules)->default_value(rules), "必查规则文件或其所在目录")(
      "as", po::value(&as), "抽取人姓名")("reason", po::value(&reason),
                                          "重新抽取的理由（本轮已抽取过时必须写明）");
  po::variables_map vm;
  const std::string usage =
      "auditor round draw [--round 轮次] --per-street N --seed 种子 [--rules 目录] --as 姓名 "
      "[--reason 理由]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (!vm.count("per-street") || seed.empty() || as.empty()) {
    std::cerr << "请指定 --per-street、--seed 和 --as。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  DrawRequest req{seed, per_street, rules, as, std::nullopt};
  if (vm.count("reason")) req.reason = reason;
  Result<DrawOutcome> r = draw_round({db, round}, req);
  if (!r) return failed(r.error(), r.code());
  print_draw(r->draw);
  if (r->voided_assignments > 0)
    std::cout << "原抽取的 " << r->voided_assignments << " 项分配已失效，请重新分配\n";
  return kExitOk;
}

int round_assign(const Args& args) {
  po::options_description desc = option_list();
  std::string db, round, case_id, inspector, as;
  bool automatic = false;
  add_scope(desc, db, round);
  desc.add_options()("case", po::value(&case_id), "案卷（案号或压缩包路径）")(
      "inspector", po::value(&inspector), "评查人员（姓名，或「姓名@单位」）")(
      "auto", po::bool_switch(&automatic), "按评查计划的人员顺序轮流分配尚未分配的抽取案卷")(
      "as", po::value(&as), "分配人姓名");
  po::variables_map vm;
  const std::string usage =
      "auditor round assign [--round 轮次] (--case 案号 --inspector 姓名 | --auto) --as 姓名";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (as.empty() || (automatic == (!case_id.empty() || !inspector.empty())) ||
      (!automatic && (case_id.empty() || inspector.empty()))) {
    std::cerr << "请指定 --case 和 --inspector，或 --auto；并用 --as 写明分配人。\n用法：" << usage
              << "\n";
    return kExitUsage;
  }
  if (!automatic) {
    Result<Assignment> r = assign_case({db, round}, case_id, inspector, as);
    if (!r) return failed(r.error(), r.code());
    std::cout << "已分配：\n";
    print_assignment(*r);
    return kExitOk;
  }
  Result<AutoAssignment> r = assign_auto({db, round}, as);
  if (!r) return failed(r.error(), r.code());
  std::cout << "已分配 " << r->made.size() << " 件";
  if (r->kept) std::cout << "（另有 " << r->kept << " 件此前已分配，未改动）";
  std::cout << (r->made.empty() ? "\n" : "：\n");
  for (const Assignment& a : r->made) print_assignment(a);
  if (r->left.empty()) return kExitOk;
  std::cerr << "未能分配 " << r->left.size() << " 件：\n";
  for (const std::string& why : r->left) std::cerr << "  " << why << "\n";
  return kExitRefused;
}

}  // namespace auditor::cli

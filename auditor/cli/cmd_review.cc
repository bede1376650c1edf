// `auditor review <list|decide|add|sign|reopen|export|import|object|...>`: the
// inspection record of a round (app/review.h). Exit 0 done, 1 refused (the
// reason on stderr), 2 usage or database error.
#include <iostream>

#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/review.h"
#include "app/typical.h"
#include "auditor/cli/options.h"
#include "auditor/cli/review_cli.h"

namespace auditor::cli {

void ReviewOptions::add(po::options_description& desc) {
  desc.add_options()("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件")(
      "round", po::value(&round), "审查轮次名称（默认最近建立的轮次）");
}

void ReviewOptions::add_checklist(po::options_description& desc) {
  desc.add_options()("checklist",
                     po::value(&checklist_dir)->default_value(default_checklist_dir().string()),
                     "检查清单目录")(
      "profile", po::value(&profile),
      "计分方案：内置方案编号或方案文件（应与本轮审查时所用的一致）；默认为检查清单指定的方案");
}

std::optional<Checklist> ReviewOptions::checklist() const {
  std::optional<Checklist> cl = load_checklist_or_report(checklist_dir);
  if (cl && !profile.empty())
    if (Status s = apply_profile(profile, *cl); !s.ok()) {
      report_error(s.reason);
      return std::nullopt;
    }
  return cl;
}

int failed(const std::string& reason, Code code) {
  std::cerr << reason << "\n";
  return code == Code::invalid || code == Code::not_found ? kExitRefused : kExitUsage;
}

namespace {

int list(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions common;
  std::string case_id;
  bool json = false;
  common.add(desc);
  common.add_checklist(desc);
  desc.add_options()("case", po::value(&case_id), "只列这一案卷（案号或压缩包路径）")(
      "json", po::bool_switch(&json), "以 JSON 输出");
  po::variables_map vm;
  const std::string usage = "auditor review list [--round 轮次] [--case 案号] [--json] [--db 文件]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  std::optional<Checklist> checklist = common.checklist();
  if (!checklist) return kExitUsage;
  Result<RoundReview> r = list_reviews(common.scope(), case_id, *checklist);
  if (!r) return failed(r.error(), r.code());
  print_review(std::cout, *r, json);
  return kExitOk;
}

int decide(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions common;
  std::string case_id, key, as, dismiss, change, fail, severity, message;
  double deduction = 0;
  bool confirm = false, pass = false;
  common.add(desc);
  desc.add_options()("case", po::value(&case_id), "案卷（案号或压缩包路径）")(
      "finding", po::value(&key), "问题编号（auditor review list 所列）")(
      "confirm", po::bool_switch(&confirm), "确认机器提示的问题")("dismiss", po::value(&dismiss),
                                                                  "不予认定，并写明理由")(
      "change", po::value(&change), "修改严重程度、扣分或表述，并写明理由")(
      "severity", po::value(&severity), "修改后的严重程度：veto、major、minor 或 info")(
      "deduction", po::value(&deduction), "修改后的扣分（核对有问题时也可指定）")(
      "message", po::value(&message), "修改后的问题表述")("pass", po::bool_switch(&pass),
                                                          "人工核对项：核对无误")(
      "fail", po::value(&fail), "人工核对项：核对有问题，并写明理由")("as", po::value(&as),
                                                                      "评查人姓名");
  po::variables_map vm;
  const std::string usage =
      "auditor review decide --case 案号 --finding 编号 (--confirm | --dismiss 理由 | --change "
      "理由 "
      "[--severity S] [--deduction N] [--message M] | --pass | --fail 理由) --as 姓名";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  const int chosen = confirm + pass +
                     static_cast<int>(vm.count("dismiss") + vm.count("change") + vm.count("fail"));
  if (case_id.empty() || key.empty() || as.empty() || chosen != 1) {
    std::cerr << "请指定 --case、--finding、--as，以及 --confirm、--dismiss、--change、--pass、"
                 "--fail 中的一项。\n用法："
              << usage << "\n";
    return kExitUsage;
  }
  Decision d;
  d.key = key;
  d.inspector = as;
  if (confirm) d.verdict = FindingVerdict::confirmed;
  if (pass) d.verdict = FindingVerdict::passed;
  if (vm.count("dismiss")) d.verdict = FindingVerdict::dismissed, d.reason = dismiss;
  if (vm.count("change")) d.verdict = FindingVerdict::changed, d.reason = change;
  if (vm.count("fail")) d.verdict = FindingVerdict::failed, d.reason = fail;
  if (vm.count("severity")) d.severity = severity;
  if (vm.count("deduction")) d.deduction = deduction;
  if (vm.count("message")) d.message = message;
  if ((d.severity || d.message) && d.verdict != FindingVerdict::changed &&
      d.verdict != FindingVerdict::failed) {
    std::cerr << "--severity、--message 只能与 --change 或 --fail 一起使用\n";
    return kExitUsage;
  }
  if (d.deduction && d.verdict != FindingVerdict::changed && d.verdict != FindingVerdict::failed) {
    std::cerr << "--deduction 只能与 --change 或 --fail 一起使用\n";
    return kExitUsage;
  }
  Result<RecordedDecision> r = decide_finding(common.scope(), case_id, d);
  if (!r) return failed(r.error(), r.code());
  std::cout << "已记录：" << r->at.key << " " << r->decision.key << " "
            << verdict_label(r->decision.verdict) << "（" << r->decision.inspector << "，"
            << r->decision.decided_at << "）\n";
  return kExitOk;
}

int add(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions common;
  std::string case_id, severity, document;
  double deduction = 0;
  int stage = 0, page = 0;
  NewFinding f;
  common.add(desc);
  common.add_checklist(desc);
  desc.add_options()("case", po::value(&case_id), "案卷（案号或压缩包路径）")(
      "as", po::value(&f.inspector), "评查人姓名")(
      "rule", po::value(&f.rule), "检查清单中的规则编号；不属于清单规则时为「其他」（默认）")(
      "severity", po::value(&severity),
      "严重程度：veto、major、minor 或 info（有规则时默认按规则）")(
      "deduction", po::value(&deduction), "扣分（有规则时默认按规则）")(
      "text", po::value(&f.text), "问题内容")("stage", po::value(&stage), "阶段 1–8")(
      "document", po::value(&document), "文书类型或文件名")("page", po::value(&page), "页码")(
      "basis", po::value(&f.basis), "依据");
  po::variables_map vm;
  const std::string usage =
      "auditor review add --case 案号 --as 姓名 --severity S --deduction N --text 内容 [--rule "
      "规则] "
      "[--stage N] [--document 文书] [--page P] [--basis 依据]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (case_id.empty()) {
    std::cerr << "请用 --case 指定案卷。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  if (vm.count("severity")) f.severity = severity;
  if (vm.count("deduction")) f.deduction = deduction;
  if (vm.count("stage")) f.stage = stage;
  if (vm.count("page")) f.page = page;
  if (vm.count("document")) f.document = document;
  std::optional<Checklist> checklist = common.checklist();
  if (!checklist) return kExitUsage;
  Result<RecordedAdded> r = add_finding(common.scope(), case_id, f, *checklist);
  if (!r) return failed(r.error(), r.code());
  std::cout << "已添加问题 " << r->added.key << "（" << r->at.key << "，扣 "
            << points_text(r->added.finding.deduction) << " 分）\n";
  return kExitOk;
}

int sign(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions common;
  std::string case_id, as, role;
  common.add(desc);
  common.add_checklist(desc);
  desc.add_options()("case", po::value(&case_id), "案卷（案号或压缩包路径）")(
      "as", po::value(&as), "签字人姓名")("role", po::value(&role)->default_value(kSignerRole),
                                          "签字身份：评查人（默认）或复核人");
  po::variables_map vm;
  const std::string usage = "auditor review sign --case 案号 --as 姓名 [--role 评查人|复核人]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (case_id.empty() || as.empty()) {
    std::cerr << "请指定 --case 和 --as。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  std::optional<Checklist> checklist = common.checklist();
  if (!checklist) return kExitUsage;
  Result<SignOff> r = sign_case(common.scope(), case_id, role, as, *checklist);
  if (!r) return failed(r.error(), r.code());
  std::cout << "已签字：" << r->at.key << " " << r->role << " " << r->name << "（" << r->signed_at
            << "）\n";
  return kExitOk;
}

int reopen(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions common;
  std::string case_id, as, reason;
  common.add(desc);
  desc.add_options()("case", po::value(&case_id), "案卷（案号或压缩包路径）")(
      "as", po::value(&as), "重新打开的人")("reason", po::value(&reason), "理由");
  po::variables_map vm;
  const std::string usage = "auditor review reopen --case 案号 --as 姓名 --reason 理由";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (case_id.empty()) {
    std::cerr << "请用 --case 指定案卷。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  Result<Reopen> r = reopen_case(common.scope(), case_id, as, reason);
  if (!r) return failed(r.error(), r.code());
  std::cout << "已重新打开：" << r->at.key << "（" << r->name << "，" << r->reopened_at << "）\n";
  return kExitOk;
}

int typical(const Args& args) {
  po::options_description desc = option_list();
  ReviewOptions common;
  TypicalChange c;
  common.add(desc);
  desc.add_options()("case", po::value(&c.case_id), "案卷（案号或压缩包路径）")(
      "finding", po::value(&c.finding),
      "只标记其中一项问题：问题编号（auditor review list 所列）或只有一项问题的规则编号")(
      "note", po::value(&c.note), "典型意义（标记时必填）")(
      "remove", po::bool_switch(&c.remove), "取消典型案例标记")("as", po::value(&c.inspector),
                                                                "评查人姓名");
  po::variables_map vm;
  const std::string usage =
      "auditor review typical --case 案号 [--finding 编号|规则] (--note 典型意义 | --remove) --as "
      "姓名";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (c.case_id.empty() || c.inspector.empty() || (c.note.empty() && !c.remove)) {
    std::cerr << "请指定 --case、--as，以及 --note 或 --remove。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  Result<TypicalMark> r = mark_typical(common.scope(), c);
  if (!r) return failed(r.error(), r.code());
  std::cout << (r->marked ? "已标记为典型案例：" : "已取消典型案例标记：") << r->at.key
            << (r->finding.empty() ? "" : " " + r->finding) << "（" << r->inspector << "，"
            << r->marked_at << "）\n";
  return kExitOk;
}

struct Sub {
  const char* name;
  const char* help;
  int (*run)(const Args&);
};

constexpr Sub kSubs[] = {
    {"list", "列出各案卷的问题、决定和得分", list},
    {"decide", "对一项问题作出决定（确认、不予认定、修改、核对无误、核对有问题）", decide},
    {"add", "添加评查人发现的问题", add},
    {"sign", "评查人或复核人签字（签字后锁定）", sign},
    {"reopen", "写明理由重新打开已签字的案卷", reopen},
    {"typical", "把案卷或其中一项问题标记为典型案例（写明典型意义），或取消标记", typical},
    {"export", "把一个轮次的评查记录导出为 JSON 文件", review_export},
    {"import", "导入另一台电脑导出的评查记录（相同的跳过，冲突的报告）", review_import},
    {"object", "被评查街道对计入结果的问题提出异议", review_object},
    {"rule", "裁定异议（采纳或不予采纳）", review_rule},
    {"objections", "列出异议及其裁定", review_objections},
    {"rectify", "对计入结果的问题下达整改（期限、责任人、类型）", review_rectify},
    {"rectify-update", "记录街道报告的整改情况", review_rectify_update},
    {"rectification", "列出整改事项、逾期情况和回头看复查结果", review_rectification},
};

}  // namespace

int review(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::ostream& out = args.empty() ? std::cerr : std::cout;
    out << "用法：auditor review <子命令> [选项]\n\n子命令：\n";
    for (const Sub& s : kSubs)
      out << "  " << s.name << std::string(16 - std::string(s.name).size(), ' ') << s.help << "\n";
    out << "\n  auditor review <子命令> --help   查看子命令的选项\n";
    return args.empty() ? kExitUsage : kExitOk;
  }
  for (const Sub& s : kSubs)
    if (args[0] == s.name) return s.run(Args(args.begin() + 1, args.end()));
  std::cerr << "未知的 review 子命令：" << args[0] << "（可用 auditor review --help 查看）\n";
  return kExitUsage;
}

}  // namespace auditor::cli

// `auditor report`: render one stored round as HTML, DOCX, XLSX and JSON.
#include <iostream>
#include <tuple>

#include "app/checklist_load.h"
#include "app/round_reports.h"
#include "app/typical.h"
#include "auditor/cli/options.h"
#include "util/date.h"

namespace auditor::cli {

int report(const Args& args) {
  po::options_description desc = option_list();
  std::string db, round, compare, out, formats, dir, sheets, from, to;
  bool all_cases = false, typical = false;
  desc.add_options()("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件")(
      "round", po::value(&round), "审查轮次名称（默认最近建立的轮次）")(
      "compare", po::value(&compare), "与哪一轮比较（默认街道范围相同的上一轮）")(
      "out", po::value(&out), "报告写入的文件夹")(
      "format", po::value(&formats)->default_value("html,docx,xlsx,json"),
      "报告格式，逗号分隔：html,docx,xlsx,json")(
      "sheets", po::value(&sheets)->default_value("auto"), sheets_option_help().c_str())(
      "checklist", po::value(&dir)->default_value(default_checklist_dir().string()),
      "检查清单目录（提供文书和阶段名称）")(
      "all-cases", po::bool_switch(&all_cases),
      "本轮已抽查时也报告全部提交的案卷（默认只报告抽中的案卷）")(
      "typical", po::bool_switch(&typical),
      "只写典型案例汇编（典型案例汇编.docx，当事人和个人信息已隐去）")(
      "from", po::value(&from), "各街道案件办理情况统计的起始日期（YYYY-MM-DD，含当日）")(
      "to", po::value(&to), "各街道案件办理情况统计的截止日期（YYYY-MM-DD，含当日）");
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage = "auditor report --out 文件夹 [--db 文件] [--round 轮次] [选项]";
  if (int rc = parse_options(args, desc, positional, usage, vm); rc >= 0) return rc;
  if (out.empty()) {
    std::cerr << "请用 --out 指定报告写入的文件夹。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  Result<ReportFormats> wanted = parse_formats(formats);
  if (!wanted) {
    std::cerr << "参数错误：" << wanted.error() << "\n";
    return kExitUsage;
  }
  Result<SheetMode> sheet_mode = parse_sheet_mode(sheets);
  if (!sheet_mode) {
    std::cerr << "参数错误：" << sheet_mode.error() << "\n";
    return kExitUsage;
  }
  StatsPeriod period;
  for (auto [value, name, end] :
       {std::tuple{&from, "--from", &period.from}, std::tuple{&to, "--to", &period.to}}) {
    if (value->empty()) continue;
    if (!Date::parse(*value)) {
      std::cerr << "参数错误：" << name << " 应为 YYYY-MM-DD 格式的日期，实际为“" << *value
                << "”\n";
      return kExitUsage;
    }
    *end = *value;
  }
  if (period.from && period.to && *period.to < *period.from) {
    std::cerr << "参数错误：--to 早于 --from\n";
    return kExitUsage;
  }
  if (!std::filesystem::exists(db)) {
    std::cerr << "数据库文件不存在：" << db << "\n";
    return kExitUsage;
  }
  Vocabulary names;
  Result<Checklist> checklist = load_audit_checklist(dir);
  if (typical) {
    if (!checklist)
      std::cerr << "警告：检查清单无法读取（" << checklist.error()
                << "），典型案例汇编列出机器提示的问题\n";
    Result<TypicalWritten> t =
        write_typical_report(db, {round, out, checklist ? &*checklist : nullptr});
    if (!t) {
      std::cerr << t.error() << "\n";
      return kExitUsage;
    }
    std::cout << "典型案例汇编已写入 " << t->file.string() << "（" << t->cases << " 个案例）\n";
    return kExitOk;
  }
  if (checklist)
    names = vocabulary(*checklist);
  else
    std::cerr << "警告：检查清单无法读取（" << checklist.error()
              << "），报告中的文书类型以代码显示，评查记录不计分\n";
  ReportRequest request;
  request.round = round;
  if (vm.count("compare")) request.compare_with = compare;
  request.dir = out;
  request.formats = *wanted;
  request.names = names;
  request.sheets = *sheet_mode;
  request.checklist = checklist ? &*checklist : nullptr;
  request.drawn_only = !all_cases;
  request.period = period;
  ReportWritten written;
  if (Status status = write_round_reports(db, request, &written); !status.ok()) {
    std::cerr << status.reason << "\n";
    return kExitUsage;
  }
  std::cout << "报告已写入 " << out << "\n";
  if (!written.case_sheets) std::cout << sheets_left_out_note(written.cases) << "\n";
  return kExitOk;
}

}  // namespace auditor::cli

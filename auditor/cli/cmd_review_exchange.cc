// `auditor review export` and `auditor review import`: a round's record as
// a JSON file between databases (app/review_exchange.h).
#include <iostream>

#include "app/review_exchange.h"
#include "auditor/cli/options.h"
#include "auditor/cli/review_cli.h"
#include "util/text_safety.h"

namespace auditor::cli {

int review_export(const Args& args) {
  po::options_description desc = option_list();
  std::string db, round, out;
  desc.add_options()("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件")(
      "round", po::value(&round), "审查轮次名称（默认最近建立的轮次）")("out", po::value(&out),
                                                                        "导出的 JSON 文件");
  po::variables_map vm;
  const std::string usage = "auditor review export [--round 轮次] --out 文件 [--db 文件]";
  if (int rc = parse_options(args, desc, {}, usage, vm); rc >= 0) return rc;
  if (out.empty()) {
    std::cerr << "请用 --out 指定导出的文件。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  Result<std::size_t> n = export_record({db, round}, out);
  if (!n) return report_error(n.error());
  std::cout << "已导出 " << *n << " 条评查记录到 " << out << "\n";
  return kExitOk;
}

int review_import(const Args& args) {
  po::options_description desc = option_list();
  std::string db, round, file;
  desc.add_options()("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件")(
      "round", po::value(&round), "导入到哪个审查轮次（默认与文件中的轮次同名）")(
      "file", po::value(&file), "auditor review export 导出的文件");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  const std::string usage = "auditor review import 文件 [--round 轮次] [--db 文件]";
  if (int rc = parse_options(args, desc, positional, usage, vm); rc >= 0) return rc;
  if (file.empty()) {
    std::cerr << "请指定要导入的文件。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  Result<ImportReport> r = import_record({db, round}, file);
  if (!r) return report_error(r.error());
  std::cout << "导入到审查轮次「" << one_line_safe(r->round) << "」：新增 " << r->added
            << " 条，跳过 " << r->skipped << " 条（本库已有），冲突 " << r->conflicts.size()
            << " 条\n";
  for (const std::string& c : r->conflicts) std::cout << "  冲突：" << one_line_safe(c) << "\n";
  return r->conflicts.empty() ? kExitOk : 1;
}

}  // namespace auditor::cli

// `auditor audit`: audit archives, store the results, print and write them.
#include <fstream>
#include <iostream>
#include <thread>

#include "auditor/cli/options.h"
#include "auditor/pipeline.h"
#include "auditor/store.h"
#include "reports/console.h"

namespace auditor::cli {
namespace {

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// Writes `text` to `target` ("-" = stdout); false with a message on failure.
bool write_output(const std::string& target, const std::string& text) {
  if (target == "-") {
    std::cout << text << "\n";
    return true;
  }
  std::ofstream out(target, std::ios::binary);
  out << text << "\n";
  if (!out) {
    std::cerr << "无法写入文件：" << target << "\n";
    return false;
  }
  return true;
}

}  // namespace

int audit(const Args& args) {
  po::options_description desc("选项");
  std::string db, json, dir;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> inputs;
  desc.add_options()
      ("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件")
      ("json", po::value(&json), "把结果写成 JSON 文件（- 表示标准输出）")
      ("checklist", po::value(&dir)->default_value(default_checklist_dir().string()),
       "检查清单目录")
      ("jobs,j", po::value(&jobs)->default_value(jobs), "并行处理的线程数")
      ("input", po::value(&inputs)->composing(), "压缩包或包含压缩包的文件夹");
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  const std::string usage = "auditor audit [选项] 路径...";
  if (int rc = parse_options(args, desc, positional, usage, vm); rc >= 0) return rc;
  if (inputs.empty()) {
    std::cerr << "请指定要审查的压缩包或文件夹。\n用法：" << usage << "\n";
    return kExitUsage;
  }
  if (jobs < 1) {
    std::cerr << "参数错误：--jobs 必须是正整数\n";
    return kExitUsage;
  }
  std::optional<Checklist> checklist = load_checklist_or_report(dir);
  if (!checklist) return kExitUsage;
  Result<std::vector<std::filesystem::path>> archives = collect_archives(inputs);
  if (!archives) {
    std::cerr << archives.error() << "\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = Store::open(db);
  if (!store) {
    std::cerr << "无法打开数据库 " << db << "：" << store.error() << "\n";
    return kExitUsage;
  }
  RunInfo run_info{AUDITOR_VERSION, checklist->id, checklist->version, checklist->sha256,
                   now_utc()};
  Result<long long> run = (*store)->begin_run(run_info);
  if (!run) {
    std::cerr << "数据库写入失败：" << run.error() << "\n";
    return kExitUsage;
  }

  // With JSON on stdout the console summary goes to stderr.
  std::ostream& console = json == "-" ? std::cerr : std::cout;
  if (archives->empty()) console << "未找到任何 .zip 压缩包，没有审查案卷。\n";
  BatchTotals totals;
  std::vector<CaseResult> results;
  bool store_failed = false;
  audit_batch(*archives, *checklist, ImportOptions{}, jobs, [&](CaseResult&& r) {
    Status saved = (*store)->save_case(*run, r.c, r.audit);
    if (!saved.ok()) {
      std::cerr << "数据库写入失败（" << r.c.archive << "）：" << saved.reason << "\n";
      store_failed = true;
    }
    console << console_line(r) << "\n";
    totals.add(r);
    if (!json.empty()) results.push_back(std::move(r));
  });
  (*store)->end_run(*run);
  console << console_totals(totals) << "\n";
  if (!json.empty() &&
      !write_output(json, result_json(AUDITOR_VERSION, *checklist, results).dump(2)))
    return kExitUsage;
  if (store_failed) return kExitUsage;
  return totals.rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace auditor::cli

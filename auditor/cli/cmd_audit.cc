// `auditor audit`: audit archives, store the results, print and write them.
#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include "auditor/cli/limit_options.h"
#include "auditor/cli/options.h"
#include "auditor/cli/profile_option.h"
#include "auditor/incremental.h"
#include "auditor/number_registry.h"
#include "auditor/pipeline.h"
#include "auditor/progress.h"
#include "auditor/run_lock.h"
#include "auditor/store.h"
#include "reports/console.h"
#include "reports/report.h"

namespace auditor::cli {
namespace {

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// The default round name carries the local date, as the inspector sees it.
std::string today_local() {
  std::time_t t = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", std::localtime(&t));
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

// How a batch is audited.
struct BatchOptions {
  ImportOptions import;
  int jobs = 1;
  std::string round;
  bool full = false;          // parse every archive, reuse nothing stored
  bool keep_results = false;  // for --json
};

struct BatchResult {
  BatchTotals totals;
  std::vector<CaseResult> results;  // when kept, without document texts
  bool store_failed = false;        // reasons were printed to stderr
};

// Audits `archives` into `run` of `store`, printing one line per case on
// `console`, then runs the cross-case numbering post-pass.
BatchResult audit_into(Store& store, long long run, const std::vector<std::filesystem::path>& archives,
                 const Checklist& checklist, const BatchOptions& how, std::ostream& console) {
  BatchResult b;
  Progress progress(archives.size());
  std::size_t done = 0, saved = 0;
  // Cases are committed in batches of about half a second of work.
  using Clock = std::chrono::steady_clock;
  auto batch_started = Clock::now();
  auto check = [&](Status s) {
    if (!s.ok()) {
      std::cerr << s.reason << "\n";
      b.store_failed = true;
    }
  };
  check(store.begin_batch());
  auto take = [&](CaseResult&& r, bool save, const char* note) {
    if (save) {
      if (Status s = store.save_case(run, r.c, r.audit); !s.ok()) {
        std::cerr << "数据库写入失败（" << r.c.archive << "）：" << s.reason << "\n";
        b.store_failed = true;
      } else {
        ++saved;
      }
      if (Clock::now() - batch_started > std::chrono::milliseconds(500)) {
        check(store.commit_batch());
        check(store.begin_batch());
        batch_started = Clock::now();
      }
    }
    progress.clear();
    console << console_line(r) << note << "\n";
    progress.update(++done);
    b.totals.add(r);
    if (!how.keep_results) return;
    // The JSON shows no document text: dropping it keeps a large batch small.
    for (Document& d : r.c.documents) std::string().swap(d.text);
    b.results.push_back(std::move(r));
  };
  if (how.full) {
    audit_batch(archives, checklist, how.import, how.jobs,
                [&](CaseResult&& r) { take(std::move(r), true, ""); });
  } else {
    // Without --json an unchanged case only needs its console line.
    audit_batch_incremental(store, archives, checklist, how.import, how.jobs, how.round,
                            how.keep_results ? Load::summary : Load::findings,
                            [&](CaseResult&& r, Reuse reuse) {
                              const bool reused = reuse == Reuse::unchanged ||
                                                  reuse == Reuse::carried;
                              take(std::move(r), reuse != Reuse::unchanged,
                                   reused ? "（压缩包与清单未变，沿用已存结果）" : "");
                            });
  }
  progress.clear();
  check(store.commit_batch());
  // Serial numbers are unique across cases: compared once the run is stored
  // (a run that stored no case has nothing to compare); a case that gains a
  // finding is printed again with its new score.
  if (saved == 0) return b;
  check(apply_number_uniqueness(store, run, checklist, [&](const CaseResult& r) {
    console << "编号重复 " << console_line(r) << "\n";
    for (CaseResult& kept : b.results)
      if (kept.c.archive == r.c.archive) kept = r;
  }));
  return b;
}

}  // namespace

int audit(const Args& args) {
  po::options_description desc = option_list();
  std::string db, json, dir, profile, round, mode, inspector, out, formats, sheets;
  bool full = false;
  ImportOptions import_options;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> inputs;
  desc.add_options()
      ("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件")
      ("json", po::value(&json), "把结果写成 JSON 文件（- 表示标准输出）")
      ("checklist", po::value(&dir)->default_value(default_checklist_dir().string()),
       "检查清单目录")
      ("profile", po::value(&profile),
       "计分方案：内置方案编号（haizhu-default、mee-2024）或方案文件；默认为检查清单指定的方案")
      ("full", po::bool_switch(&full),
       "重新解析全部压缩包（默认跳过内容和检查清单都未变的压缩包，沿用已存结果）")
      ("jobs,j", po::value(&jobs)->default_value(jobs), "并行处理的线程数")
      ("round", po::value(&round), "审查轮次名称（默认“当天日期 审查”，如“2026-11-25 审查”）")
      ("mode", po::value(&mode)->default_value("inspection"),
       "审查方式：inspection（部门检查）或 self-check（街道自查）")
      ("inspector", po::value(&inspector), "检查人员")
      ("out", po::value(&out), "审查后把本轮报告写入此文件夹")
      ("format", po::value(&formats)->default_value("html,docx,xlsx,json"),
       "报告格式，逗号分隔：html,docx,xlsx,json")
      ("sheets", po::value(&sheets)->default_value("auto"), sheets_option_help().c_str())
      ("input", po::value(&inputs)->composing(), "压缩包或包含压缩包的文件夹");
  add_limit_options(desc, import_options);
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
  Result<std::string> stored_mode = round_mode(mode);
  if (!stored_mode) {
    std::cerr << "参数错误：" << stored_mode.error() << "\n";
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
  if (round.empty()) round = default_round_name(today_local());
  std::optional<Checklist> checklist = load_checklist_or_report(dir);
  if (!checklist) return kExitUsage;
  if (!profile.empty() && !use_profile_option(profile, *checklist)) return kExitUsage;
  Result<std::vector<std::filesystem::path>> archives = collect_archives(inputs);
  if (!archives) {
    std::cerr << archives.error() << "\n";
    return kExitUsage;
  }
  Result<RunLock> lock = RunLock::acquire(db);
  if (!lock) {
    std::cerr << lock.error() << "\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<Store>> store = Store::open(db);
  if (!store) {
    std::cerr << "无法打开数据库 " << db << "：" << store.error() << "\n";
    return kExitUsage;
  }
  RunInfo run_info{AUDITOR_VERSION, checklist->id, checklist->version, checklist->sha256,
                   now_utc(), round, *stored_mode, inspector};
  Result<long long> run = (*store)->begin_run(run_info);
  if (!run) {
    std::cerr << "数据库写入失败：" << run.error() << "\n";
    return kExitUsage;
  }

  // With JSON on stdout the console summary goes to stderr.
  std::ostream& console = json == "-" ? std::cerr : std::cout;
  if (archives->empty()) console << "未找到任何 .zip 压缩包，没有审查案卷。\n";
  BatchResult batch = audit_into(**store, *run, *archives, *checklist,
                                 {import_options, jobs, round, full, !json.empty()}, console);
  (*store)->end_run(*run);
  console << console_totals(batch.totals) << "\n";
  if (!json.empty() &&
      !write_output(json, result_json(AUDITOR_VERSION, *checklist, batch.results).dump(2)))
    return kExitUsage;
  if (!out.empty()) {
    ReportRequest request{round, std::nullopt, out, *wanted, vocabulary(*checklist), *sheet_mode};
    ReportWritten written;
    if (Status status = write_round_reports(**store, request, &written); !status.ok()) {
      std::cerr << status.reason << "\n";
      return kExitUsage;
    }
    console << "报告已写入 " << out << "\n";
    if (!written.case_sheets) console << sheets_left_out_note(written.cases) << "\n";
  }
  if (batch.store_failed) return kExitUsage;
  return batch.totals.rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace auditor::cli

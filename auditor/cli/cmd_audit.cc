// `auditor audit`: audit archives, store the results, print and write them.
#include <iostream>
#include <thread>

#include "app/audit.h"
#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/review.h"
#include "app/round_reports.h"
#include "auditor/cli/limit_options.h"
#include "auditor/cli/options.h"
#include "auditor/cli/progress.h"
#include "reports/console.h"
#include "reports/json_report.h"
#include "reports/report.h"
#include "util/atomic_file.h"
#include "util/text_safety.h"

namespace auditor::cli {
namespace {

// Writes the JSON `text` and a newline to `target` ("-" = stdout), with
// bidirectional controls and noncharacters escaped (json_text_safe); a file
// is written whole and renamed into place, never through a link
// (util/atomic_file.h). False with a message on failure.
bool write_output(const std::string& target, const std::string& text) {
  const std::string safe = json_text_safe(text) + "\n";
  if (target == "-") {
    std::cout << safe;
    return true;
  }
  if (Status s = write_file_atomic(target, safe); !s.ok()) {
    std::cerr << s.reason << "\n";
    return false;
  }
  return true;
}

// Prints one line per case on `console` under a progress bar.
AuditObserver console_observer(std::ostream& console, Progress& progress, std::size_t& done) {
  AuditObserver o;
  o.started = [&](std::size_t n) {
    if (n == 0) console << "未找到任何 .zip 压缩包，没有审查案卷。\n";
    progress.reset(n);
  };
  o.case_done = [&](const CaseResult& r, Reuse reuse) {
    const bool reused = reuse == Reuse::unchanged || reuse == Reuse::carried;
    progress.clear();
    console << console_line(r) << (reused ? "（压缩包与清单未变，沿用已存结果）" : "") << "\n";
    progress.update(++done);
  };
  // A case that gains a finding is printed again with its new score.
  o.rescored = [&](const CaseResult& r, const std::string& why) {
    progress.clear();
    console << why << " " << console_line(r) << "\n";
  };
  o.store_failed = [&](const std::string& reason) {
    progress.clear();
    std::cerr << reason << "\n";
  };
  return o;
}

// Adds each case's "review" (docs/formats/result-json.md) to `result` when
// the round has an inspection record: the decisions applied to the findings
// of this audit, matched by archive path.
Status add_recorded_reviews(nlohmann::json& result, const ReviewScope& scope,
                            const Checklist& checklist) {
  Result<std::optional<RoundReview>> reviews = list_reviews_if_recorded(scope, checklist);
  if (!reviews) return Status::failure(reviews.failure());
  if (!*reviews) return Status::success();
  for (nlohmann::json& c : result["cases"])
    for (const CaseReview& r : (*reviews)->cases)
      if (c["archive"].is_string() && c["archive"] == r.ref.archive)
        c["review"] = r.reviewed ? review_json(*r.reviewed, r.state, r.record, r.rectification)
                                 : nlohmann::json(nullptr);
  return Status::success();
}

}  // namespace

int audit(const Args& args) {
  po::options_description desc = option_list();
  std::string db, json, dir, profile, round, mode, inspector, out, formats, sheets;
  bool full = false;
  ImportOptions import_options;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> inputs;
  desc.add_options()("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件")(
      "json", po::value(&json), "把结果写成 JSON 文件（- 表示标准输出）")(
      "checklist", po::value(&dir)->default_value(default_checklist_dir().string()),
      "检查清单目录")(
      "profile", po::value(&profile),
      "计分方案：内置方案编号（haizhu-default、mee-2024）或方案文件；默认为检查清单指定的方案")(
      "full", po::bool_switch(&full),
      "重新解析全部压缩包（默认跳过内容和检查清单都未变的压缩包，沿用已存结果）")(
      "jobs,j", po::value(&jobs)->default_value(jobs), "并行处理的线程数")(
      "round", po::value(&round), "审查轮次名称（默认“当天日期 审查”，如“2026-11-25 审查”）")(
      "mode", po::value(&mode),
      "审查方式：inspection（部门检查）或 self-check（街道自查）；默认沿用已有轮次的方式，"
      "新轮次为部门检查")("inspector", po::value(&inspector), "检查人员")(
      "out", po::value(&out), "审查后把本轮报告写入此文件夹")(
      "format", po::value(&formats)->default_value("html,docx,xlsx,json"),
      "报告格式，逗号分隔：html,docx,xlsx,json")(
      "sheets", po::value(&sheets)->default_value("auto"), sheets_option_help().c_str())(
      "input", po::value(&inputs)->composing(), "压缩包或包含压缩包的文件夹");
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
  Result<std::string> stored_mode =
      mode.empty() ? Result<std::string>(std::string()) : round_mode(mode);
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
  Result<Checklist> checklist = load_audit_checklist(dir);
  if (!checklist) return report_checklist_error(checklist.error());
  if (!profile.empty())
    if (Status s = apply_profile(profile, *checklist); !s.ok()) return report_error(s.reason);

  AuditRequest request{inputs,       db,        import_options,  jobs, round,
                       *stored_mode, inspector, AUDITOR_VERSION, full, !json.empty()};
  // With JSON on stdout the console summary goes to stderr.
  std::ostream& console = json == "-" ? std::cerr : std::cout;
  Progress progress;
  std::size_t done = 0;
  if (progress.enabled())
    request.import.ocr_progress = [&progress](int found, int read) { progress.pages(found, read); };
  Result<AuditOutcome> outcome =
      audit_round(request, *checklist, console_observer(console, progress, done));
  progress.clear();
  if (!outcome) return report_error(outcome.error());
  console << console_totals(outcome->totals) << "\n";
  if (!json.empty()) {
    nlohmann::json result = result_json(AUDITOR_VERSION, *checklist, outcome->results);
    if (Status s = add_recorded_reviews(result, {db, outcome->round}, *checklist); !s.ok())
      return report_error(s.reason);
    if (!write_output(json, result.dump(2))) return kExitUsage;
  }
  if (!out.empty()) {
    ReportRequest report;
    report.round = outcome->round;
    report.dir = out;
    report.formats = *wanted;
    report.names = vocabulary(*checklist);
    report.sheets = *sheet_mode;
    report.checklist = &*checklist;
    ReportWritten written;
    if (Status status = write_round_reports(db, report, &written); !status.ok())
      return report_error(status.reason);
    console << "报告已写入 " << out << "\n";
    if (!written.case_sheets) console << sheets_left_out_note(written.cases) << "\n";
  }
  if (outcome->store_failed) return kExitUsage;
  return outcome->totals.rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace auditor::cli

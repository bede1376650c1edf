// The XLSX workbook, through libxlsxwriter: one sheet per table, a header
// row with filters, numbers stored as numbers so they can be summed.
#include <xlsxwriter.h>

#include <ctime>
#include <memory>

#include "reports/labels.h"
#include "reports/report.h"
#include "reports/report_content.h"
#include "util/atomic_file.h"
#include "util/text_safety.h"
#include "util/utf8.h"

namespace auditor {
namespace {

constexpr std::size_t kMaxCellBytes = 32000;  // Excel holds 32,767 characters

// `s` with each "_xHHHH_" in it kept literal: Excel and LibreOffice read
// that pattern in a cell as the escape of the character U+HHHH (so a party
// named "_x202E_" would carry a real right-to-left override), unless its
// underscore is itself escaped as "_x005F_".
std::string excel_literal(std::string s) {
  const auto hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  for (std::size_t at = s.find("_x"); at != std::string::npos; at = s.find("_x", at + 1)) {
    if (at + 7 > s.size() || s[at + 6] != '_') continue;
    if (hex(s[at + 2]) && hex(s[at + 3]) && hex(s[at + 4]) && hex(s[at + 5])) {
      s.replace(at, 1, "_x005F_");
      at += 6;
    }
  }
  return s;
}

struct Column {
  const char* name;
  double width;
};

// Rows written one after the other under a bold header row.
class Sheet {
 public:
  Sheet(lxw_workbook* book, const char* name, lxw_format* bold, std::vector<Column> columns)
      : ws_(workbook_add_worksheet(book, name)), columns_(columns.size()) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      worksheet_set_column(ws_, col(c), col(c), columns[c].width, nullptr);
      worksheet_write_string(ws_, 0, col(c), columns[c].name, bold);
    }
    worksheet_freeze_panes(ws_, 1, 0);
  }
  ~Sheet() {
    if (row_ > 0) worksheet_autofilter(ws_, 0, 0, row_, col(columns_ - 1));
  }

  Sheet& row() {
    ++row_;
    next_ = 0;
    return *this;
  }
  Sheet& text(const std::string& s) {
    std::string v = excel_literal(display_safe(s));
    if (v.size() > kMaxCellBytes) {
      v.resize(code_point_before(v, kMaxCellBytes + 1));  // whole code points only
    }
    if (!v.empty()) worksheet_write_string(ws_, row_, col(next_), v.c_str(), nullptr);
    ++next_;
    return *this;
  }
  Sheet& number(std::optional<double> v) {
    if (v) worksheet_write_number(ws_, row_, col(next_), *v, nullptr);
    ++next_;
    return *this;
  }

 private:
  static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }
  lxw_worksheet* ws_;
  std::size_t columns_;
  lxw_row_t row_ = 0;
  std::size_t next_ = 0;
};

std::optional<double> num(int n) { return static_cast<double>(n); }

void cases_sheet(const ReportInput& in, lxw_workbook* book, lxw_format* bold) {
  const bool self_check = in.data.round.mode == "self_check";
  std::vector<Column> cols = {{"街道", 10},     {"案号", 28},    {"当事人", 24}, {"程序", 10},
                              {"案卷文件", 30}, {"SHA-256", 20}, {"状态", 8},    {"得分", 8},
                              {"等级", 8},      {"问题数", 8},   {"否决项", 8},  {"重大", 8},
                              {"一般", 8},      {"人工核对", 8}, {"已立案", 8},  {"已结案", 8},
                              {"评查时间", 20}, {"检查清单", 30}};
  if (self_check) cols.push_back({"结案意见", 12});
  Sheet sheet(book, "案卷", bold, cols);
  for (std::size_t i = 0; i < in.data.cases.size(); ++i) {
    const CaseResult& r = in.data.cases[i];
    const CaseFacts& f = in.data.facts[i];
    const CountedCase& c = in.summary.counted[i];
    std::map<std::string, int> n;
    for (const Finding* problem : c.problems) ++n[problem->severity];
    int manual = 0;
    for (const Finding& finding : r.audit.findings)
      manual += finding.kind == "manual_check" ? 1 : 0;
    const RoundRun* run = in.data.run(f.run_id);
    sheet.row().text(street_label(f)).text(f.case_number.value_or("")).text(f.party.value_or(""));
    sheet.text(procedure_label(r.c.info.procedure)).text(r.c.archive).text(r.c.sha256);
    sheet.text(r.c.rejected    ? "无法读取：" + r.c.error
               : c.provisional ? "暂定（" + std::to_string(c.undecided) + " 项待定）"
               : c.reviewed    ? "已评查"
                               : "机器初筛");
    sheet.number(r.c.rejected ? std::nullopt : std::optional<double>(c.score));
    sheet.text(r.c.rejected ? "" : c.grade);
    sheet.number(num(n["veto"] + n["major"] + n["minor"])).number(num(n["veto"]));
    sheet.number(num(n["major"])).number(num(n["minor"])).number(num(manual));
    sheet.number(num(f.filed ? 1 : 0)).number(num(f.closed ? 1 : 0)).text(f.audited_at);
    sheet.text(run ? checklist_label(*run) : "");
    if (self_check) sheet.text(in.summary.verdicts[i].label());
  }
}

void findings_sheet(const ReportInput& in, lxw_workbook* book, lxw_format* bold) {
  Sheet sheet(book, "问题", bold,
              {{"街道", 10},
               {"案号", 28},
               {"案卷文件", 30},
               {"序号", 6},
               {"规则", 22},
               {"类型", 10},
               {"严重程度", 8},
               {"阶段", 6},
               {"文书", 20},
               {"问题", 50},
               {"依据", 30},
               {"证据", 40},
               {"扣分", 6},
               {"整改要求", 50}});
  for (std::size_t i = 0; i < in.data.cases.size(); ++i) {
    const CaseResult& r = in.data.cases[i];
    int ord = 0;
    for (const Finding& f : r.audit.findings) {
      std::string evidence;
      for (const std::string& e : f.evidence) evidence += (evidence.empty() ? "" : "\n") + e;
      sheet.row().text(street_label(in.data.facts[i])).text(case_label(in.data, i));
      sheet.text(r.c.archive).number(num(++ord)).text(f.rule).text(kind_label(f.kind));
      sheet.text(severity_label(f.severity));
      sheet.number(f.stage ? std::optional<double>(*f.stage) : std::nullopt);
      sheet.text(f.document ? in.names.doc_type(f.document) : "").text(f.message).text(f.basis);
      sheet.text(evidence).number(f.deduction).text(advice(f));
    }
  }
}

void streets_sheet(const ReportInput& in, lxw_workbook* book, lxw_format* bold) {
  const RoundSummary& s = in.summary;
  std::vector<Column> cols = {
      {"街道", 12}, {"案卷数", 8}, {"已评查", 8}, {"无法读取", 8}, {"平均分", 8}};
  for (const std::string& g : s.grades) cols.push_back({g.empty() ? "未定等级" : g.c_str(), 8});
  for (const char* h : {"已立案", "已结案", "问题数"}) cols.push_back({h, 8});
  Sheet sheet(book, "街道", bold, cols);
  for (const StreetRow& row : s.streets) {
    sheet.row().text(row.street).number(num(row.files)).number(num(row.audited));
    sheet.number(num(row.rejected)).number(row.mean_score);
    for (const std::string& g : s.grades)
      sheet.number(num(row.grades.count(g) ? row.grades.at(g) : 0));
    sheet.number(num(row.filed)).number(num(row.closed)).number(num(row.problems));
  }
}

void problems_sheet(const ReportInput& in, lxw_workbook* book, lxw_format* bold) {
  Sheet sheet(book, "典型问题", bold,
              {{"排名", 6},
               {"规则", 22},
               {"类型", 10},
               {"严重程度", 8},
               {"问题示例", 50},
               {"依据", 30},
               {"次数", 8},
               {"案卷数", 8},
               {"示例案卷", 40}});
  int rank = 0;
  for (const ProblemRow& p : in.summary.problems_ranked) {
    std::string examples;
    for (std::size_t i : p.examples)
      examples += (examples.empty() ? "" : "\n") + case_label(in.data, i);
    sheet.row().number(num(++rank)).text(p.rule).text(kind_label(p.kind));
    sheet.text(severity_label(p.severity)).text(p.message).text(p.basis);
    sheet.number(num(p.findings)).number(num(p.cases)).text(examples);
  }
}

void rectification_sheet(const ReportInput& in, lxw_workbook* book, lxw_format* bold) {
  Sheet sheet(book, "整改清单", bold,
              {{"街道", 10},
               {"案号", 28},
               {"案卷文件", 30},
               {"规则", 22},
               {"严重程度", 8},
               {"问题", 50},
               {"整改要求", 50}});
  for (const auto& [street, items] : in.summary.rectification)
    for (const StreetProblem& item : items) {
      const Finding& f = *item.finding;
      sheet.row().text(street).text(case_label(in.data, item.case_index));
      sheet.text(in.data.cases[item.case_index].c.archive).text(f.rule);
      sheet.text(severity_label(f.severity)).text(f.message).text(advice(f));
    }
}

void comparison_sheet(const ReportInput& in, lxw_workbook* book, lxw_format* bold) {
  Sheet sheet(
      book, "比较", bold,
      {{"变化", 8}, {"上一轮", 20}, {"案卷", 28}, {"街道", 10}, {"规则", 22}, {"问题", 50}});
  if (!in.summary.comparison) return;
  const Comparison& c = *in.summary.comparison;
  for (const ChangeItem& item : c.items)
    sheet.row()
        .text(change_label(item.change))
        .text(c.previous.name)
        .text(item.case_key)
        .text(item.street)
        .text(item.rule)
        .text(item.message);
}

void info_sheet(const ReportInput& in, lxw_workbook* book, lxw_format* bold) {
  const RoundData& d = in.data;
  Sheet sheet(book, "报告信息", bold, {{"项目", 14}, {"内容", 80}});
  sheet.row().text("审查轮次").text(d.round.name);
  sheet.row().text("审查方式").text(mode_label(d.round.mode));
  sheet.row().text("轮次开始时间").text(d.round.created_at);
  sheet.row().text("数据截至").text(d.as_of.empty() ? d.round.created_at : d.as_of);
  if (!in.case_sheets) sheet.row().text("逐案评查表").text(sheets_left_out_note(d.cases.size()));
  for (const RoundRun& run : d.runs) {
    sheet.row()
        .text("审查批次")
        .text(run.started_at + "　auditor " + run.tool_version + "　" + checklist_label(run) +
              "　检查人员：" + run.inspector.value_or("未填写"));
  }
  if (in.summary.comparison)
    sheet.row().text("比较的上一轮").text(in.summary.comparison->previous.name);
}

// Seconds since the epoch of an ISO 8601 UTC time; 0 (libxlsxwriter: now)
// only when unreadable.
// 街道统计 (the 通报's 各街道案件办理情况统计), last so that the other sheets keep
// their places; only when the statistics were computed.
void street_stats_sheet(const ReportInput& in, lxw_workbook* book, lxw_format* bold) {
  if (!in.summary.street_stats) return;
  const StreetStats& st = *in.summary.street_stats;
  Sheet sheet(book, "街道统计", bold,
              {{"分组", 8},
               {"名称", 14},
               {"立案", 8},
               {"结案", 8},
               {"结案率", 8},
               {"立案至决定中位天数", 10},
               {"立案至结案中位天数", 10},
               {"逾期未决", 8},
               {"行政复议", 8},
               {"行政诉讼", 8},
               {"有结果", 8},
               {"纠错", 8},
               {"纠错率", 8},
               {"复议诉讼结果", 30}});
  auto write = [&sheet](const char* group, const StatsRow& r) {
    std::string outcomes;
    for (const auto& [outcome, n] : r.outcomes)
      outcomes += (outcomes.empty() ? "" : "、") + outcome + " " + std::to_string(n);
    sheet.row().text(group).text(r.name).number(num(r.filed)).number(num(r.closed));
    sheet.number(r.closure_rate).number(r.days_to_decision).number(r.days_to_closing);
    sheet.number(num(r.overdue)).number(num(r.reconsideration)).number(num(r.litigation));
    sheet.number(num(r.with_outcome)).number(num(r.corrected)).number(r.correction_rate);
    sheet.text(outcomes);
  };
  for (const StatsRow& r : st.streets) write("街道", r);
  for (const StatsRow& r : st.fields) write("执法领域", r);
  write("合计", st.total);
}

std::time_t epoch(const std::string& iso) {
  std::tm tm{};
  if (!strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
  return timegm(&tm);
}

}  // namespace

Status write_xlsx_report(const ReportInput& in, const std::filesystem::path& file) {
  // A round without per-case sheets is a large one: its rows are streamed
  // (inline strings, one row in memory); with sheets the workbook keeps
  // shared strings, byte-identical to what it always was.
  lxw_workbook_options options{};
  options.constant_memory = in.case_sheets ? LXW_FALSE : LXW_TRUE;
  // libxlsxwriter takes a file name only: it writes the temporary file
  // through its /proc/self/fd name, which no planted link can redirect.
  Result<AtomicFile> out = AtomicFile::create(file);
  if (!out) return Status::failure(out.failure());
  lxw_workbook* book = workbook_new_opt(out->open_file_name().c_str(), &options);
  if (!book) return Status::failure("无法创建 XLSX 文件：" + file.string(), Code::io);
  const std::string title = display_safe(in.data.round.name) + " 评查数据";
  lxw_doc_properties props{};
  props.title = const_cast<char*>(title.c_str());
  props.author = const_cast<char*>("auditor");
  props.created = epoch(in.data.as_of.empty() ? in.data.round.created_at : in.data.as_of);
  workbook_set_properties(book, &props);
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  cases_sheet(in, book, bold);
  findings_sheet(in, book, bold);
  streets_sheet(in, book, bold);
  problems_sheet(in, book, bold);
  rectification_sheet(in, book, bold);
  comparison_sheet(in, book, bold);
  info_sheet(in, book, bold);
  street_stats_sheet(in, book, bold);
  if (lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
    return Status::failure("写入 XLSX 文件失败（" + file.string() + "）：" + lxw_strerror(e),
                           Code::io);
  return out->commit();
}

}  // namespace auditor

#include "reports/report.h"

#include <functional>
#include <future>
#include <sstream>
#include <utility>
#include <vector>

#include "reports/json_report.h"
#include "reports/json_text.h"
#include "util/atomic_file.h"

namespace auditor {

Result<ReportFormats> parse_formats(const std::string& list) {
  ReportFormats f;
  std::stringstream in(list);
  std::string item;
  bool any = false;
  while (std::getline(in, item, ',')) {
    if (item == "html")
      f.html = true;
    else if (item == "docx")
      f.docx = true;
    else if (item == "xlsx")
      f.xlsx = true;
    else if (item == "json")
      f.json = true;
    else
      return Error{"未知的报告格式「" + item + "」，可选 html、docx、xlsx、json"};
    any = true;
  }
  if (!any) return Error{"请至少指定一种报告格式：html、docx、xlsx、json"};
  return f;
}

Result<SheetMode> parse_sheet_mode(const std::string& value) {
  if (value == "auto") return SheetMode::automatic;
  if (value == "all") return SheetMode::all;
  if (value == "none") return SheetMode::none;
  return Error{"逐案评查表选项 --sheets 只能是 auto（不超过 " +
               std::to_string(kMaxCasesWithSheets) +
               " 个案卷时附上）、all（全部附上）或 none（不附），不能是「" + value + "」"};
}

bool sheets_for(std::size_t case_count, SheetMode mode) {
  if (mode == SheetMode::automatic) return case_count <= kMaxCasesWithSheets;
  return mode == SheetMode::all;
}

std::string sheets_left_out_note(std::size_t case_count) {
  return "本轮共 " + std::to_string(case_count) + " 个案卷" +
         (case_count > kMaxCasesWithSheets
              ? "（超过 " + std::to_string(kMaxCasesWithSheets) + " 个）"
              : std::string()) +
         "，报告未附逐案评查表；需要时请加 --sheets all 重新生成。";
}

nlohmann::json round_json(const RoundData& data, bool case_sheets) {
  Checklist checklist;
  std::string tool_version;
  if (!data.runs.empty()) {
    const RoundRun& latest = data.runs.back();
    checklist.id = latest.checklist_id;
    checklist.version = latest.checklist_version;
    checklist.sha256 = latest.checklist_sha256;
    tool_version = latest.tool_version;
  }
  nlohmann::json j = result_json(tool_version, checklist, data.cases);
  add_reviews(j, data);
  if (!case_sheets) {
    const auto text = [](const Text& t) {
      return t ? nlohmann::json(valid_utf8(*t)) : nlohmann::json(nullptr);
    };
    nlohmann::json& cases = j["cases"];
    for (std::size_t i = 0; i < data.cases.size(); ++i) {
      nlohmann::json& c = cases[i];
      c.erase("documents");
      c.erase("checks");
      c["case_number"] = text(data.facts[i].case_number);
      c["street"] = text(data.facts[i].street);
      c["party"] = text(data.facts[i].party);
    }
  }
  nlohmann::json runs = nlohmann::json::array();
  for (const RoundRun& r : data.runs)
    runs.push_back({{"started_at", r.started_at},
                    {"finished_at", r.finished_at ? nlohmann::json(*r.finished_at) : nullptr},
                    {"inspector", r.inspector ? nlohmann::json(*r.inspector) : nullptr},
                    {"tool_version", r.tool_version},
                    {"checklist",
                     {{"id", r.checklist_id},
                      {"version", r.checklist_version},
                      {"sha256", r.checklist_sha256}}}});
  j["round"] = {{"name", data.round.name},
                {"mode", data.round.mode},
                {"created_at", data.round.created_at},
                {"as_of", data.as_of.empty() ? data.round.created_at : data.as_of},
                {"runs", std::move(runs)}};
  if (!case_sheets) j["round"]["case_sheets"] = false;
  return j;
}

Status write_json_report(const RoundData& data, const std::filesystem::path& file,
                         bool case_sheets) {
  Result<AtomicFile> out = AtomicFile::create(file);
  if (!out) return Status::failure(out.failure());
  Status status = Status::success();
  const auto put = [&](std::string_view piece) { return (status = out->write(piece)).ok(); };
  if (!write_round_json(data, put, case_sheets) || !put("\n")) return status;
  return out->commit();
}

Status write_report_files(const ReportInput& in, const ReportFormats& formats,
                          const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::failure("无法创建报告文件夹 " + dir.string() + "：" + ec.message());
  // Each format renders on its own thread from the same read-only round.
  // Only the XLSX thread calls libxlsxwriter, whose gmtime() is not
  // re-entrant; libzip uses localtime_r.
  const std::vector<std::pair<bool, std::function<Status()>>> jobs = {
      {formats.json,
       [&] { return write_json_report(in.data, dir / "report.json", in.case_sheets); }},
      {formats.html, [&] { return write_file_atomic(dir / "report.html", html_report(in)); }},
      {formats.docx,
       [&] {
         Result<std::string> docx = docx_report(in);
         return docx ? write_file_atomic(dir / "report.docx", *docx)
                     : Status::failure(docx.error());
       }},
      {formats.xlsx, [&] { return write_xlsx_report(in, dir / "report.xlsx"); }},
  };
  std::vector<std::future<Status>> running;
  for (const auto& [wanted, job] : jobs)
    if (wanted) running.push_back(std::async(std::launch::async, job));
  Status first = Status::success();
  for (std::future<Status>& r : running)
    if (Status s = r.get(); first.ok() && !s.ok()) first = std::move(s);
  return first;
}

}  // namespace auditor

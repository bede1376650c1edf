// GET /rounds/{id}: one round's cases as the signed-in user may see them —
// filtered (street, grade, severity, undecided, overdue 整改), sorted (case
// number, street, score, grade; ascending or descending) and paged, 50 a
// page (app/serve_rounds.h: from the round's cached reviewed state) — and for
// an inspector or admin the charts of the round's 通报 as inline SVG, the
// report downloads (GET /api/rounds/{id}/report) and the link to the plan;
// the upload link for who may upload into the round (upload_target). Another
// street's round is the 404 page.
#include <charconv>

#include "app/serve_rounds.h"
#include "app/serve_self_check.h"
#include "reports/labels.h"
#include "server/html.h"
#include "server/pages.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;

constexpr std::size_t kPageSize = 50;
constexpr const char* kSeverities[] = {"veto", "major", "minor", "info"};

std::size_t page_number(const Request& req) {
  const std::string p = req.get_param_value("page");
  std::size_t v = 1;
  auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), v);
  if (p.empty() || ec != std::errc() || end != p.data() + p.size() || v == 0) return 1;
  return v;
}

// The query string of `q` (without paging), "&name=value..." for links.
std::string query_string(const CaseQuery& q) {
  std::string out;
  auto add = [&out](const char* name, const std::string& v) {
    if (!v.empty()) out += std::string("&") + name + "=" + url_encode(v);
  };
  add("street", q.street), add("grade", q.grade), add("severity", q.severity);
  if (q.undecided) out += "&undecided=1";
  if (q.overdue) out += "&overdue=1";
  add("sort", case_sort_name(q.sort));
  if (q.descending) out += "&order=desc";
  return out;
}

std::string option(const std::string& value, const std::string& label, bool selected) {
  return "<option value=\"" + html_escape(value) + "\"" + (selected ? " selected" : "") + ">" +
         html_escape(label) + "</option>";
}

// A <select name=`name`> of `values` (with labels) plus "any"; the chosen
// value is kept as an option even when no case has it.
std::string select(const char* name, const char* label,
                   std::vector<std::pair<std::string, std::string>> values,
                   const std::string& chosen) {
  bool found = chosen.empty();
  for (const auto& v : values) found = found || v.first == chosen;
  if (!found) values.emplace_back(chosen, chosen);
  std::string out = std::string("<label>") + label + " <select name=\"" + name + "\">";
  out += option("", "全部", chosen.empty());
  for (const auto& [value, text] : values) out += option(value, text, value == chosen);
  return out + "</select></label>";
}

std::vector<std::pair<std::string, std::string>> same(const std::vector<std::string>& values) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& v : values) out.emplace_back(v, v);
  return out;
}

std::string filters_html(const std::string& base, const CaseQuery& q, const RoundCaseList& list) {
  std::vector<std::pair<std::string, std::string>> severities;
  for (const char* s : kSeverities) severities.emplace_back(s, severity_label(s));
  std::string out = "<form class=\"filters\" id=\"case-filters\" method=\"get\" action=\"" + base +
                    "\">" + select("street", "街道", same(list.streets), q.street) +
                    select("grade", "等次", same(list.grades), q.grade) +
                    select("severity", "问题程度", severities, q.severity);
  out += "<label><input type=\"checkbox\" name=\"undecided\" value=\"1\"" +
         std::string(q.undecided ? " checked" : "") + "> 仅看未决</label>";
  out += "<label><input type=\"checkbox\" name=\"overdue\" value=\"1\"" +
         std::string(q.overdue ? " checked" : "") + "> 仅看整改逾期</label>";
  out += "<label>排序 <select name=\"sort\">";
  const std::pair<CaseSort, const char*> sorts[] = {{CaseSort::stored, "上传顺序"},
                                                    {CaseSort::number, "案号"},
                                                    {CaseSort::street, "街道"},
                                                    {CaseSort::score, "得分"},
                                                    {CaseSort::grade, "等次"}};
  for (const auto& [sort, label] : sorts)
    out += option(case_sort_name(sort), label, q.sort == sort);
  out += "</select></label><label>顺序 <select name=\"order\">" +
         option("asc", "升序", !q.descending) + option("desc", "降序", q.descending) +
         "</select></label><button type=\"submit\">筛选</button></form>";
  return out;
}

std::string case_row_html(const RoundCase& c) {
  const CaseRow& row = c.item.row;
  const std::string number = row.case_number.value_or(row.rejected ? "（无法读取）" : "（无案号）");
  std::string score = "—";
  if (c.item.score) score = score_text(*c.item.score);
  if (c.item.provisional) score += " <span class=\"provisional\">暂定</span>";
  std::string problems;
  for (const std::string& s : c.severities)
    problems +=
        "<span class=\"sev-" + html_escape(s) + "\">" + html_escape(severity_label(s)) + "</span> ";
  return "<tr data-case-row=\"" + std::to_string(row.id) + "\"><td><a href=\"/cases/" +
         std::to_string(row.id) + "\">" + html_escape(number) + "</a></td><td>" +
         html_escape(row.street.value_or("")) + "</td><td>" + score + "</td><td>" +
         html_escape(c.item.grade.value_or(row.rejected ? "未评分" : "")) + "</td><td>" + problems +
         "</td><td>" + (c.overdue ? std::to_string(c.overdue) + " 项" : "") + "</td></tr>";
}

std::string pager_html(const std::string& base, const CaseQuery& q, std::size_t page,
                       std::size_t total) {
  const std::size_t pages = (total + kPageSize - 1) / kPageSize;
  if (pages <= 1) return "";
  const std::string query = html_escape(query_string(q));
  std::string out = "<nav class=\"pager\">";
  if (page > 1)
    out += "<a href=\"" + base + "?page=" + std::to_string(page - 1) + query + "\">上一页</a>";
  out += "<span>第 " + std::to_string(page) + " / " + std::to_string(pages) + " 页</span>";
  if (page < pages)
    out += "<a href=\"" + base + "?page=" + std::to_string(page + 1) + query + "\">下一页</a>";
  return out + "</nav>";
}

// The upload link (who may upload into the round), the plan link and the
// downloads of every report format (inspectors and admins).
std::string actions_html(long long id, bool may_upload, bool may_plan, bool may_download) {
  const std::string base = "/rounds/" + std::to_string(id);
  std::string out = "<nav class=\"round-actions\">";
  if (may_upload) out += "<a id=\"upload-link\" href=\"" + base + "/upload\">上传案卷</a>";
  if (may_plan) out += "<a id=\"plan-link\" href=\"" + base + "/plan\">评查计划与抽取</a>";
  out += "</nav>";
  if (!may_download) return out;
  out += "<p class=\"downloads\">下载通报：";
  const std::pair<const char*, const char*> formats[] = {{"html", "网页（HTML）"},
                                                         {"docx", "Word（DOCX）"},
                                                         {"xlsx", "Excel（XLSX）"},
                                                         {"json", "JSON"}};
  for (const auto& [format, label] : formats)
    out += "<a data-report=\"" + std::string(format) + "\" href=\"/api/rounds/" +
           std::to_string(id) + "/report?format=" + format + "\">" + label + "</a> ";
  return out + "</p>";
}

// One table of the street statistics, cells escaped, the header row as <th>.
std::string stats_table_html(const char* id, const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<table id=\"" + std::string(id) + "\">";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    out += r == 0 ? "<thead><tr>" : "<tr>";
    for (const std::string& cell : rows[r])
      out += (r == 0 ? "<th>" : "<td>") + html_escape(cell) + (r == 0 ? "</th>" : "</td>");
    out += r == 0 ? "</tr></thead><tbody>" : "</tr>";
  }
  return out + "</tbody></table>";
}

// The 通报's 各街道案件办理情况统计 (its chart is among the charts above).
std::string street_stats_html(const RoundCharts& charts) {
  const StreetStatsView& v = *charts.street_stats;
  std::string out = "<section class=\"street-stats\" id=\"street-stats\"><h2>" +
                    std::string(kStreetStatsTitle) + "</h2>";
  if (!charts.field_map_problem.empty())
    out += "<p class=\"message\">执法领域对照表无法读取，全部计入“其他”：" +
           html_escape(charts.field_map_problem) + "</p>";
  out += "<p class=\"note\">" + html_escape(v.note) + "</p><h3>各街道</h3>" +
         stats_table_html("street-stats-streets", v.streets) + "<h3>各执法领域</h3>" +
         stats_table_html("street-stats-fields", v.fields);
  return out + "</section>";
}

void round_page(State& s, const Request& req, Response& res) {
  std::optional<Session> session = page_session(s, req, res);
  if (!session) return;
  const User& u = session->user;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_not_found(res, u, "该审查轮次");
  Result<std::optional<RoundInfo>> round = visible_round(s.config.db, *id, u);
  if (!round) return send_error_page(res, u, round.failure());
  if (!*round) return send_not_found(res, u, "该审查轮次");
  CaseQuery q = case_query(req);
  const std::size_t page = page_number(req);
  q.offset = (page - 1) * kPageSize;
  q.limit = kPageSize;
  Result<std::optional<RoundCaseList>> list = round_cases(s.config.db, *id, u, s.checklist, q);
  if (!list) return send_error_page(res, u, list.failure());
  if (!*list) return send_not_found(res, u, "该审查轮次");
  const std::string base = "/rounds/" + std::to_string(*id);
  std::string body = "<h1>" + html_escape((*round)->name) + "</h1><p>方式：" +
                     html_escape(mode_label((*round)->mode)) + "　案卷：" +
                     std::to_string((*list)->visible) + " 件";
  if ((*list)->total != (*list)->visible)
    body += "（符合条件 " + std::to_string((*list)->total) + " 件）";
  body += "</p>";
  Result<UploadTarget> upload = upload_target(s.config.db, *id, u);
  Result<std::optional<RoundInfo>> plannable = plannable_round(s.config.db, *id, u);
  body += actions_html(*id, upload && upload->access == UploadAccess::allowed,
                       plannable && *plannable, may_write(u));
  if (may_write(u))
    body +=
        "<p><a href=\"#charts\">查看统计图（同通报）</a>　<a "
        "href=\"#street-stats\">各街道案件办理情况统计</a></p>";
  body += filters_html(base, q, **list);
  if ((*list)->cases.empty()) {
    body += "<p>没有符合条件的案卷。</p>";
  } else {
    body +=
        "<table id=\"cases\"><thead><tr><th>案号</th><th>街道</th><th>得分</th><th>等次</th>"
        "<th>问题</th><th>整改逾期</th></tr></thead><tbody>";
    for (const RoundCase& c : (*list)->cases) body += case_row_html(c);
    body += "</tbody></table>";
  }
  body += pager_html(base, q, page, (*list)->total);
  if (may_write(u)) {
    Result<std::optional<RoundCharts>> charts = round_charts(s.config.db, *id, u, s.checklist);
    if (charts && *charts) {
      body += "<section class=\"charts\" id=\"charts\"><h2>统计图（同通报）</h2>";
      if (!(*charts)->current)
        body += "<p class=\"note\" id=\"charts-lag\">本轮次正在更新，统计图按 " +
                html_escape(local_minutes((*charts)->drawn_at)) + " 的数据绘制，" +
                std::to_string(kChartsLag.count()) + " 秒内最多重绘一次。</p>";
      for (const std::string& svg : (*charts)->svgs) body += "<figure>" + svg + "</figure>";
      body += "</section>";
      if ((*charts)->street_stats) body += street_stats_html(**charts);
    } else if (!charts) {
      body += "<p class=\"message\">统计图无法生成：" + html_escape(charts.error()) + "</p>";
    }
  }
  send_html(res, html_page((*round)->name, body, u, {"round.css"}));
}

}  // namespace

CaseQuery case_query(const Request& req) {
  CaseQuery q;
  q.street = req.get_param_value("street");
  q.grade = req.get_param_value("grade");
  for (const char* s : kSeverities)
    if (req.get_param_value("severity") == s) q.severity = s;
  q.undecided = !req.get_param_value("undecided").empty();
  q.overdue = !req.get_param_value("overdue").empty();
  q.sort = case_sort_from(req.get_param_value("sort")).value_or(CaseSort::stored);
  q.descending = req.get_param_value("order") == "desc";
  return q;
}

void add_round_page(State& s) {
  s.http->Get(R"(/rounds/(\d+))",
              [&s](const Request& req, Response& res) { round_page(s, req, res); });
}

}  // namespace auditor::server

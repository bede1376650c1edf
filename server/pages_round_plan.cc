// GET /rounds/{id}/plan: a round's plan (streets, closing-date window,
// inspectors with their unit), its latest draw (each drawn case with why it
// was drawn and its rank, the cases left out and why, the command that
// recomputes the draw) and the assignments, with the forms round.js posts to
// /api/rounds/{id}/plan, draw and assignments (server/api_round_plan.cc).
// Only who may plan the round sees it (plannable_round); anybody else gets
// the 404 page.
#include <filesystem>
#include <map>

#include "app/round_plan.h"
#include "app/serve_rounds.h"
#include "server/html.h"
#include "server/pages.h"
#include "util/date.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;

std::string joined(const std::vector<std::string>& items, const char* sep = "、") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The round's cases by archive path, to name a case of the draw by its row.
using Rows = std::map<std::string, CaseRow>;

// A case as the page names it: its number, else its stored file's name.
std::string case_label(const std::string& key, const std::string& archive, const Rows& rows) {
  auto it = rows.find(archive);
  if (it != rows.end() && it->second.case_number) return *it->second.case_number;
  if (key != archive) return key;
  return "（无案号）" + std::filesystem::path(archive).filename().string();
}

std::string plan_html(const RoundPlanRecord& r, const std::vector<std::string>& streets,
                      const std::vector<std::string>& accounts) {
  std::string out = "<section id=\"plan\"><h2>评查计划</h2>";
  const std::optional<RoundPlan>& p = r.plan;
  if (p) {
    std::vector<std::string> people;
    for (const Inspector& i : p->inspectors) people.push_back(i.name + "（" + i.unit + "）");
    out += "<dl class=\"plan\"><dt>街道</dt><dd>" + html_escape(joined(p->streets)) +
           "</dd><dt>结案日期</dt><dd>" + html_escape(p->closed_from.value_or("不限")) + " 至 " +
           html_escape(p->closed_to.value_or("不限")) + "</dd><dt>评查人员</dt><dd>" +
           html_escape(joined(people)) + "</dd><dt>登记</dt><dd>" + html_escape(p->by) + "，" +
           html_escape(p->at) + (p->reason ? "，理由：" + html_escape(*p->reason) : "") +
           "</dd></dl>";
  } else {
    out += "<p>本轮还没有评查计划。</p>";
  }
  out += "<form id=\"plan-form\" class=\"plan-form\"><fieldset><legend>街道</legend>";
  std::vector<std::string> choices = streets;
  if (p)
    for (const std::string& s : p->streets)
      if (std::find(choices.begin(), choices.end(), s) == choices.end()) choices.push_back(s);
  for (const std::string& s : choices) {
    const bool on = p && std::find(p->streets.begin(), p->streets.end(), s) != p->streets.end();
    out += "<label><input type=\"checkbox\" name=\"street\" value=\"" + html_escape(s) + "\"" +
           (on ? " checked" : "") + "> " + html_escape(s) + "</label>";
  }
  out +=
      "<label>其他街道 <input name=\"more-streets\" placeholder=\"以逗号或顿号分隔\"></label>"
      "</fieldset><label>结案日期起 <input type=\"date\" name=\"closed_from\" value=\"" +
      html_escape(p ? p->closed_from.value_or("") : "") +
      "\"></label><label>结案日期止 <input type=\"date\" name=\"closed_to\" value=\"" +
      html_escape(p ? p->closed_to.value_or("") : "") +
      "\"></label><label class=\"wide\">评查人员（每行一人：姓名@单位）<textarea "
      "name=\"inspectors\" rows=\"4\">";
  if (p)
    for (const Inspector& i : p->inspectors) out += html_escape(inspector_text(i)) + "\n";
  out += "</textarea></label>";
  if (!accounts.empty())
    out += "<p class=\"hint\">评查人员账号：" + html_escape(joined(accounts)) +
           "（计划中的姓名与账号名一致的评查人员可在工作台打开本轮）</p>";
  out +=
      "<label>修改理由（可选） <input name=\"reason\"></label><button "
      "type=\"submit\">登记计划</button></form></section>";
  return out;
}

std::string why_html(const DrawnCase& c, const Draw& d) {
  if (c.at_random()) return "随机（排序值在本街道最小之列）";
  std::vector<std::string> labels;
  for (const std::string& id : c.why) {
    std::string label = id;
    for (const MustCheckRule& r : d.rules.rules)
      if (r.id == id) label = r.label + "（" + r.id + "）";
    labels.push_back(label);
  }
  return "必查：" + html_escape(joined(labels));
}

std::string draw_html(const RoundPlanRecord& r, const Rows& rows) {
  std::string out = "<section id=\"draw\"><h2>抽取</h2>";
  if (!r.draw) {
    out += "<p>本轮还没有抽取案卷。</p>";
  } else {
    const Draw& d = *r.draw;
    out += "<p id=\"draw-summary\">" + html_escape(d.by) + " 于 " +
           html_escape(local_minutes(d.at)) + " 抽取（第 " + std::to_string(r.draws) + " 次" +
           (d.reason ? "，理由：" + html_escape(*d.reason) : "") + "）：种子 <code>" +
           html_escape(d.seed) + "</code>，每个街道随机 " + std::to_string(d.per_street) +
           " 件；必查规则 " + html_escape(d.rules.id + " 版本 " + d.rules.version) +
           "</p><table id=\"draw-streets\"><thead><tr><th>街道</th><th>在范围内</th><th>必查</th>"
           "<th>随机</th></tr></thead><tbody>";
    for (const StreetTally& t : d.streets)
      out += "<tr><td>" + html_escape(t.street) + "</td><td>" + std::to_string(t.candidates) +
             "</td><td>" + std::to_string(t.must) + "</td><td>" + std::to_string(t.random) +
             "</td></tr>";
    out +=
        "</tbody></table><table id=\"drawn\"><thead><tr><th>街道</th><th>案卷</th><th>抽取原因"
        "</th><th>排序值</th><th>评查人员</th></tr></thead><tbody>";
    for (const DrawnCase& c : d.cases) {
      const Assignment* a = r.assignment(c.key);
      auto row = rows.find(c.archive);
      const std::string label = html_escape(case_label(c.key, c.archive, rows));
      out += "<tr data-drawn=\"" + label + "\"><td>" + html_escape(c.street) + "</td><td>" +
             (row != rows.end()
                  ? "<a href=\"/cases/" + std::to_string(row->second.id) + "\">" + label + "</a>"
                  : label) +
             "</td><td>" + why_html(c, d) + "</td><td><code>" + html_escape(c.rank) +
             "</code></td><td>" +
             (a ? html_escape(a->inspector.name + "（" + a->inspector.unit + "）") : "未分配") +
             "</td></tr>";
    }
    out += "</tbody></table>";
    if (!d.excluded.empty()) {
      out += "<h3>未参加抽取（" + std::to_string(d.excluded.size()) + " 件）</h3><ul>";
      for (const ExcludedCase& c : d.excluded)
        out += "<li>" + html_escape(case_label(c.key, c.archive, rows)) + "：" +
               html_escape(c.why) + "</li>";
      out += "</ul>";
    }
    if (d.outside_streets || d.outside_window)
      out += "<p>不在计划范围内：其他街道 " + std::to_string(d.outside_streets) +
             " 件，结案日期不在范围内 " + std::to_string(d.outside_window) + " 件</p>";
    out += "<p id=\"recompute\">复算：每个案卷计算 <code>printf '%s\\n%s' " +
           html_escape(shell_quote(d.seed)) +
           " 案号 | sha256sum</code>（无案号时用压缩包路径），即上表的排序值；各街道除必查案卷外"
           "取值最小的 " +
           std::to_string(d.per_street) + " 件。</p>";
  }
  out += std::string(
             "<form id=\"draw-form\" class=\"plan-form\"><label>每个街道随机抽取 <input "
             "type=\"number\" name=\"per_street\" min=\"0\" max=\"10000\" value=\"") +
         std::to_string(r.draw ? r.draw->per_street : 3) +
         "\" required> 件</label><label>随机种子 <input name=\"seed\" maxlength=\"200\" "
         "required></label><label>重新抽取的理由 <input name=\"reason\"" +
         (r.draw ? " required" : "") + "></label><button type=\"submit\">" +
         (r.draw ? "重新抽取" : "抽取") + "</button></form></section>";
  return out;
}

std::string assign_html(const RoundPlanRecord& r, const Rows& rows) {
  std::string out = "<section id=\"assign\"><h2>分配</h2>";
  if (!r.plan) return out + "<p>登记评查计划后才能分配。</p></section>";
  out += "<form id=\"assign-form\" class=\"plan-form\"><label>案卷 <select name=\"case\" required>";
  auto add_case = [&](const CaseRow& row) {
    out += "<option value=\"" + std::to_string(row.id) + "\">" +
           html_escape(case_label(case_key(row.case_number, row.archive), row.archive, rows)) +
           "</option>";
  };
  if (r.draw) {
    for (const DrawnCase& c : r.draw->cases)
      if (auto row = rows.find(c.archive); row != rows.end()) add_case(row->second);
  } else {
    for (const auto& [archive, row] : rows)
      if (!row.rejected) add_case(row);
  }
  out += "</select></label><label>评查人员 <select name=\"inspector\" required>";
  for (const Inspector& i : r.plan->inspectors)
    out += "<option value=\"" + html_escape(inspector_text(i)) + "\">" +
           html_escape(i.name + "（" + i.unit + "）") + "</option>";
  out +=
      "</select></label><button type=\"submit\">分配</button></form><p><button type=\"button\" "
      "id=\"assign-auto\">自动分配（按计划人员顺序轮流，自动回避本街道）</button></p>"
      "<div id=\"assign-result\"></div></section>";
  return out;
}

void plan_page(State& s, const Request& req, Response& res) {
  std::optional<Session> session = page_session(s, req, res);
  if (!session) return;
  const User& u = session->user;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_not_found(res, u, "该审查轮次");
  Result<std::optional<RoundInfo>> round = plannable_round(s.config.db, *id, u);
  if (!round) return send_error_page(res, u, round.failure());
  if (!*round) return send_not_found(res, u, "该审查轮次");
  Result<RoundPlanRecord> record = show_round_plan({s.config.db, (*round)->name});
  if (!record) return send_error_page(res, u, record.failure());
  Result<std::optional<RoundCaseList>> cases = round_cases(s.config.db, *id, u, s.checklist, {});
  if (!cases || !*cases)
    return send_error_page(res, u, cases ? Error{"无法读取案卷列表"} : cases.failure());
  Rows rows;
  for (const RoundCase& c : (*cases)->cases) rows[c.item.row.archive] = c.item.row;
  std::vector<std::string> accounts;
  if (Result<std::vector<User>> users = list_users(s.config.db))
    for (const User& a : *users)
      if (a.role == UserRole::inspector && !a.disabled) accounts.push_back(a.name);
  const std::string base = "/rounds/" + std::to_string(*id);
  std::string body = "<div id=\"plan-page\" data-round=\"" + std::to_string(*id) + "\"><h1>" +
                     html_escape((*round)->name) + "：评查计划与抽取</h1><p><a href=\"" + base +
                     "\">返回本轮案卷</a></p><p id=\"message\" class=\"message\" "
                     "role=\"alert\"></p>";
  body += plan_html(*record, (*cases)->streets, accounts);
  body += draw_html(*record, rows);
  body += assign_html(*record, rows) + "</div>";
  send_html(res, html_page((*round)->name + " 评查计划", body, u, {"round.js", "round.css"}));
}

}  // namespace

void add_round_plan_page(State& s) {
  s.http->Get(R"(/rounds/(\d+)/plan)",
              [&s](const Request& req, Response& res) { plan_page(s, req, res); });
}

}  // namespace auditor::server

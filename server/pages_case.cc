// GET /cases/{id}: one case as a signed-in user may see it — identity,
// score (provisional: 暂定 with the range it can still take), each finding
// with its key, rule, severity, message, basis, evidence and verdict, and
// for an inspector or admin the decision buttons app.js sends to
// POST /api/cases/{id}/decisions. Another street's case is the 404 page.
#include <filesystem>

#include "app/serve_access.h"
#include "reports/labels.h"
#include "server/html.h"
#include "server/pages.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;

std::string identity_html(const CaseView& v) {
  const CaseInfo& info = v.result.c.info;
  auto row = [](const std::string& label, const std::string& value) {
    return "<dt>" + label + "</dt><dd>" + html_escape(value) + "</dd>";
  };
  std::string out = "<dl class=\"identity\">";
  out += "<dt>审查轮次</dt><dd><a href=\"/rounds/" + std::to_string(v.round.id) + "\">" +
         html_escape(v.round.name) + "</a></dd>";
  out += row("案号", info.case_number.value_or("（无案号）"));
  out += row("街道", v.row.street.value_or(info.street.value_or("")));
  out += row("当事人", info.party.value_or(""));
  if (info.procedure) out += row("程序", *info.procedure == "simple" ? "简易程序" : "普通程序");
  // The stored file's name only: the server's folders are not the reader's business.
  out += row("案卷文件", std::filesystem::path(v.row.archive).filename().string());
  out += "</dl>";
  return out;
}

std::string score_html(const CaseView& v) {
  if (v.result.c.rejected || !v.review.reviewed)
    return "<p class=\"message\">案卷无法读取，未评分：" + html_escape(v.result.c.error) + "</p>";
  const ReviewedCase& r = *v.review.reviewed;
  std::string out = "<p id=\"score\">得分：<strong>" + score_text(r.score.value) + "</strong>";
  if (!r.score.grade.empty()) out += "　等次：" + html_escape(r.score.grade);
  if (r.provisional())
    out += "　<span class=\"provisional\">暂定</span>（尚有 " + std::to_string(r.undecided) +
           " 项未决，可能范围 " + score_text(r.min_score) + "–" + score_text(r.max_score) + " 分）";
  out += "</p>";
  if (!r.score.explanation.empty()) out += "<p>计分：" + html_escape(r.score.explanation) + "</p>";
  return out;
}

std::string finding_html(const ReviewedItem& item, bool may_decide) {
  const Finding& f = item.machine;
  std::string out = "<section class=\"finding\" data-finding=\"" + html_escape(item.key) + "\">";
  out += "<h3><span class=\"sev-" + html_escape(f.severity) + "\">[" +
         html_escape(severity_label(f.severity)) + "]</span> " + html_escape(f.message) + "</h3>";
  out += "<p>编号：" + html_escape(item.key) + "　规则：" + html_escape(f.rule) + "　结论：" +
         html_escape(verdict_label(item.verdict));
  if (item.added) out += "（评查人员补充）";
  out += "</p>";
  if (item.decision && !item.decision->reason.empty())
    out += "<p>理由：" + html_escape(item.decision->reason) + "（" +
           html_escape(item.decision->inspector) + "）</p>";
  if (!f.basis.empty()) out += "<p>依据：" + html_escape(f.basis) + "</p>";
  if (!f.evidence.empty()) {
    out += "<p>证据：</p><ul>";
    for (const std::string& e : f.evidence) out += "<li>" + html_escape(e) + "</li>";
    out += "</ul>";
  }
  if (may_decide)
    out +=
        "<div class=\"actions\"><input data-reason "
        "placeholder=\"理由（不予认定、核对有问题时必填）\">"
        "<button type=\"button\" data-action=\"confirm\">确认</button>"
        "<button type=\"button\" data-action=\"dismiss\">不予认定</button>"
        "<button type=\"button\" data-action=\"pass\">核对无误</button>"
        "<button type=\"button\" data-action=\"fail\">核对有问题</button></div>";
  out += "</section>";
  return out;
}

void case_page(State& s, const Request& req, Response& res) {
  std::optional<Session> session = page_session(s, req, res);
  if (!session) return;
  const User& u = session->user;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_not_found(res, u, "该案卷");
  Result<std::optional<CaseView>> v = visible_case(s.config.db, *id, u, s.checklist);
  if (!v)
    return send_html(res, html_page("出错", "<p>" + html_escape(v.error()) + "</p>", u),
                     status_of(v.code()));
  if (!*v) return send_not_found(res, u, "该案卷");
  const CaseView& view = **v;
  const std::string title = view.result.c.info.case_number.value_or("案卷");
  std::string body = "<div data-case=\"" + std::to_string(*id) + "\"><h1>" + html_escape(title) +
                     "</h1>" + identity_html(view) + score_html(view) +
                     "<p id=\"message\" class=\"message\" role=\"alert\"></p>";
  if (view.review.reviewed) {
    const bool decide = may_write(u);
    body += "<h2>问题（" + std::to_string(view.review.reviewed->items.size()) + " 项）</h2>";
    for (const ReviewedItem& item : view.review.reviewed->items) body += finding_html(item, decide);
  }
  body += "</div>";
  send_html(res, html_page(title, body, u));
}

}  // namespace

void add_case_page(State& s) {
  s.http->Get(R"(/cases/(\d+))",
              [&s](const Request& req, Response& res) { case_page(s, req, res); });
}

}  // namespace auditor::server

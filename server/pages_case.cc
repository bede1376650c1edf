// GET /cases/{id}: one case as a signed-in user may see it — identity, the
// reviewed score in #case-score (provisional: 暂定 with the range it can
// still take), the 评查表 downloads, the sign-offs, the findings with their
// actions (server/pages_case_findings.cc) and the documents stage by stage
// (server/pages_case_documents.cc). /static/case.js sends the actions to the
// API. Another street's case is the 404 page, like a missing one.
#include <filesystem>

#include "server/html.h"
#include "server/pages.h"
#include "server/pages_case.h"
#include "util/date.h"

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
  out += row("案号", v.row.case_number.value_or(info.case_number.value_or("（无案号）")));
  out += row("街道", v.row.street.value_or(info.street.value_or("")));
  out += row("当事人", info.party.value_or(""));
  if (info.procedure) out += row("程序", *info.procedure == "simple" ? "简易程序" : "普通程序");
  // The stored file's name only: the server's folders are not the reader's business.
  out += row("案卷文件", std::filesystem::path(v.row.archive).filename().string());
  out += "</dl>";
  return out;
}

// The score: #case-score holds the number alone, for people and tests.
std::string score_html(const CaseView& v) {
  if (v.result.c.rejected || !v.review.reviewed)
    return "<p class=\"score\">得分：<span id=\"case-score\">未评分</span></p>"
           "<p class=\"message\">案卷无法读取，未评分：" +
           html_escape(v.result.c.error) + "</p>";
  const ReviewedCase& r = *v.review.reviewed;
  std::string out = "<p class=\"score\">得分：<span id=\"case-score\"><strong>" +
                    score_text(r.score.value) + "</strong></span>";
  if (!r.score.grade.empty()) out += "　等次：" + html_escape(r.score.grade);
  if (r.provisional())
    out += "　<span class=\"provisional\">暂定</span>（尚有 " + std::to_string(r.undecided) +
           " 项未决，可能范围 " + score_text(r.min_score) + "–" + score_text(r.max_score) + " 分）";
  out += "</p>";
  if (!r.score.explanation.empty()) out += "<p>计分：" + html_escape(r.score.explanation) + "</p>";
  return out;
}

std::string downloads_html(long long id) {
  const std::string sheet = "/api/cases/" + std::to_string(id) + "/sheet?format=";
  return "<p class=\"downloads\"><a id=\"download-sheet\" href=\"" + sheet +
         "docx\" download>下载评查表（DOCX）</a> <a id=\"download-sheet-html\" href=\"" + sheet +
         "html\" download>下载评查表（HTML）</a></p>";
}

void case_page(State& s, const Request& req, Response& res) {
  std::optional<Session> session = page_session(s, req, res);
  if (!session) return;
  const User& u = session->user;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_not_found(res, u, "该案卷");
  Result<std::optional<CaseView>> v = visible_case(s.config.db, *id, u, s.checklist, true);
  if (!v)
    return send_html(res, html_page("出错", "<p>" + html_escape(v.error()) + "</p>", u),
                     status_of(v.code()));
  if (!*v) return send_not_found(res, u, "该案卷");
  const CaseView& view = **v;
  const std::string title =
      view.row.case_number.value_or(view.result.c.info.case_number.value_or("案卷"));
  std::string body = "<h1>" + html_escape(title) + "</h1>" + identity_html(view) +
                     score_html(view) + "<p id=\"message\" class=\"message\" role=\"alert\"></p>" +
                     downloads_html(*id) + signoffs_html(view, u) +
                     findings_html(view, u, s.checklist) + documents_html(view, s.checklist);
  send_html(res, html_page(title, body, u, {"case.css", "case.js"},
                           " data-case=\"" + std::to_string(*id) + "\""));
}

}  // namespace

std::string signoffs_html(const CaseView& v, const User& u) {
  if (!v.review.reviewed) return "";
  const RecordState& state = v.review.state;
  std::string out = "<section class=\"signoffs\"><h2>签字</h2>";
  if (state.signoffs.empty()) out += "<p>尚未签字。</p>";
  for (const SignOff& o : state.signoffs)
    out += "<p class=\"signoff\">" + html_escape(o.role) + "：" + html_escape(o.name) + "（" +
           html_escape(local_minutes(o.signed_at)) + "）</p>";
  if (state.locked) out += "<p>案卷已签字锁定：需重新打开后才能修改决定。</p>";
  if (may_write(u)) {
    out += "<p class=\"actions\">";
    if (!state.signed_as(kSignerRole))
      out += "<button type=\"button\" id=\"sign\" data-role=\"评查人\">以评查人身份签字</button>";
    if (state.signed_as(kSignerRole) && !state.complete)  // the round asks for a 复核人
      out +=
          "<button type=\"button\" id=\"sign-review\" data-role=\"复核人\">以复核人身份签字"
          "</button>";
    out += "</p>";
  }
  return out + "</section>";
}

void add_case_page(State& s) {
  s.http->Get(R"(/cases/(\d+))",
              [&s](const Request& req, Response& res) { case_page(s, req, res); });
}

}  // namespace auditor::server

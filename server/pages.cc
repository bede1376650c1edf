// The pages of the workbench: sign in (GET /), the rounds (GET /rounds),
// one round's cases (GET /rounds/{id}, paged, filtered), the static files;
// the case page is server/pages_case.cc. Every value goes through
// html_escape; the pages use the same session and role scope as the API.
#include <charconv>
#include <cstdio>

#include "app/serve_access.h"
#include "server/html.h"
#include "server/pages.h"
#include "server/static_assets.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;

constexpr std::size_t kPageSize = 50;

void sign_in_page(State& s, const Request& req, Response& res) {
  // Already signed in: straight to the rounds.
  if (std::optional<std::string> token = cookie(req, kSessionCookie))
    if (s.sessions.find(*token)) return redirect(res, "/rounds");
  const std::string body =
      "<h1>登录</h1><form id=\"sign-in\" class=\"sign-in\" method=\"post\" action=\"/\">"
      "<label>用户名<input name=\"username\" autocomplete=\"username\" required></label>"
      "<label>密码<input name=\"password\" type=\"password\" autocomplete=\"current-password\" "
      "required></label><button type=\"submit\">登录</button>"
      "<p id=\"message\" class=\"message\" role=\"alert\"></p></form>";
  send_html(res, html_page("登录", body, std::nullopt));
}

void rounds_page(State& s, const Request& req, Response& res) {
  std::optional<Session> session = page_session(s, req, res);
  if (!session) return;
  const User& u = session->user;
  Result<std::vector<RoundInfo>> rounds = visible_rounds(s.config.db, u);
  if (!rounds)
    return send_html(res, html_page("出错", "<p>" + html_escape(rounds.error()) + "</p>", u),
                     status_of(rounds.code()));
  std::string body = "<h1>审查轮次</h1>";
  if (rounds->empty()) {
    body += "<p>暂无可查看的审查轮次。</p>";
  } else {
    body +=
        "<table><thead><tr><th>名称</th><th>方式</th><th>案卷数</th><th>创建时间</th></tr>"
        "</thead><tbody>";
    for (const RoundInfo& r : *rounds) {
      Result<std::optional<CasePage>> cases =
          visible_cases(s.config.db, r.id, u, s.checklist, 0, 0);
      const std::string count =
          cases && *cases ? std::to_string((*cases)->total) : std::string("—");
      body += "<tr><td><a href=\"/rounds/" + std::to_string(r.id) + "\">" + html_escape(r.name) +
              "</a></td><td>" + html_escape(mode_label(r.mode)) + "</td><td>" + count +
              "</td><td>" + html_escape(r.created_at) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  send_html(res, html_page("审查轮次", body, u));
}

// The case list's filters, from the query string.
struct Filters {
  std::string street, grade;
  bool undecided = false;
  bool any() const { return !street.empty() || !grade.empty() || undecided; }
  bool keep(const CaseListItem& c) const {
    if (!street.empty() && c.row.street.value_or("") != street) return false;
    if (!grade.empty() && c.grade.value_or("") != grade) return false;
    if (undecided && !c.provisional) return false;
    return true;
  }
  std::string query() const {
    std::string q;
    if (!street.empty()) q += "&street=" + url_encode(street);
    if (!grade.empty()) q += "&grade=" + url_encode(grade);
    if (undecided) q += "&undecided=1";
    return q;
  }
};

std::size_t page_number(const Request& req) {
  const std::string p = req.get_param_value("page");
  std::size_t v = 1;
  auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), v);
  if (p.empty() || ec != std::errc() || end != p.data() + p.size() || v == 0) return 1;
  return v;
}

std::string case_row_html(const CaseListItem& c) {
  const std::string number =
      c.row.case_number.value_or(c.row.rejected ? "（无法读取）" : "（无案号）");
  std::string score = "—";
  if (c.score) score = score_text(*c.score);
  if (c.provisional) score += " <span class=\"provisional\">暂定</span>";
  return "<tr><td><a href=\"/cases/" + std::to_string(c.row.id) + "\">" + html_escape(number) +
         "</a></td><td>" + html_escape(c.row.street.value_or("")) + "</td><td>" + score +
         "</td><td>" + html_escape(c.grade.value_or(c.row.rejected ? "未评分" : "")) + "</td></tr>";
}

void round_page(State& s, const Request& req, Response& res) {
  std::optional<Session> session = page_session(s, req, res);
  if (!session) return;
  const User& u = session->user;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_not_found(res, u, "该审查轮次");
  Result<std::optional<RoundInfo>> round = visible_round(s.config.db, *id, u);
  if (!round)
    return send_html(res, html_page("出错", "<p>" + html_escape(round.error()) + "</p>", u),
                     status_of(round.code()));
  if (!*round) return send_not_found(res, u, "该审查轮次");
  Filters f{req.get_param_value("street"), req.get_param_value("grade"),
            !req.get_param_value("undecided").empty()};
  const std::size_t page = page_number(req);
  const std::size_t offset = (page - 1) * kPageSize;
  std::vector<CaseListItem> shown;
  std::size_t total = 0;
  if (f.any()) {
    // A filter needs every case's score: score them all, then page.
    Result<std::optional<CasePage>> all = visible_cases(s.config.db, *id, u, s.checklist);
    if (!all || !*all) return send_html(res, html_page("出错", "<p>无法读取案卷列表</p>", u), 500);
    std::vector<CaseListItem> kept;
    for (CaseListItem& c : (*all)->cases)
      if (f.keep(c)) kept.push_back(std::move(c));
    total = kept.size();
    for (std::size_t i = offset; i < kept.size() && i < offset + kPageSize; ++i)
      shown.push_back(std::move(kept[i]));
  } else {
    Result<std::optional<CasePage>> part =
        visible_cases(s.config.db, *id, u, s.checklist, offset, kPageSize);
    if (!part || !*part)
      return send_html(res, html_page("出错", "<p>无法读取案卷列表</p>", u), 500);
    total = (*part)->total;
    shown = std::move((*part)->cases);
  }
  const std::string base = "/rounds/" + std::to_string(*id);
  std::string body = "<h1>" + html_escape((*round)->name) + "</h1><p>方式：" +
                     html_escape(mode_label((*round)->mode)) + "　案卷：" + std::to_string(total) +
                     " 件</p>";
  body += "<form class=\"filters\" method=\"get\" action=\"" + base +
          "\"><label>街道 <input name=\"street\" value=\"" + html_escape(f.street) +
          "\"></label><label>等次 <input name=\"grade\" value=\"" + html_escape(f.grade) +
          "\"></label><label><input type=\"checkbox\" name=\"undecided\" value=\"1\"" +
          (f.undecided ? " checked" : "") +
          "> 仅看未决</label><button type=\"submit\">筛选</button></form>";
  if (shown.empty()) {
    body += "<p>没有符合条件的案卷。</p>";
  } else {
    body +=
        "<table><thead><tr><th>案号</th><th>街道</th><th>得分</th><th>等次</th></tr></thead>"
        "<tbody>";
    for (const CaseListItem& c : shown) body += case_row_html(c);
    body += "</tbody></table>";
  }
  const std::size_t pages = (total + kPageSize - 1) / kPageSize;
  if (pages > 1) {
    body += "<nav class=\"pager\">";
    if (page > 1)
      body += "<a href=\"" + base + "?page=" + std::to_string(page - 1) + html_escape(f.query()) +
              "\">上一页</a>";
    body += "<span>第 " + std::to_string(page) + " / " + std::to_string(pages) + " 页</span>";
    if (page < pages)
      body += "<a href=\"" + base + "?page=" + std::to_string(page + 1) + html_escape(f.query()) +
              "\">下一页</a>";
    body += "</nav>";
  }
  send_html(res, html_page((*round)->name, body, u));
}

}  // namespace

std::optional<Session> page_session(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) redirect(res, "/");
  return session;
}

std::string mode_label(const std::string& mode) {
  if (mode == "inspection") return "检查";
  if (mode == "self_check" || mode == "self-check") return "自查";
  return mode;
}

std::string score_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string out = buf;
  if (out.size() > 2 && out.compare(out.size() - 2, 2, ".0") == 0) out.resize(out.size() - 2);
  return out;
}

void add_pages(State& s) {
  s.http->Get(R"(/static/([A-Za-z0-9_.-]+))", [](const Request& req, Response& res) {
    const std::optional<StaticFile> file = static_file(req.matches[1].str());
    if (!file) return send_error(res, 404, "没有这个文件");
    res.set_header("Cache-Control", "no-cache");
    res.set_content(std::string(file->content), file->content_type);
  });
  s.http->Get("/", [&s](const Request& req, Response& res) { sign_in_page(s, req, res); });
  s.http->Get("/rounds", [&s](const Request& req, Response& res) { rounds_page(s, req, res); });
  s.http->Get(R"(/rounds/(\d+))",
              [&s](const Request& req, Response& res) { round_page(s, req, res); });
  add_case_page(s);
}

}  // namespace auditor::server

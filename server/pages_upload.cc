// GET /rounds/{id}/upload: several archives chosen or dropped, sent with a
// progress bar for the bytes, then the background audit's progress and each
// archive's result as it lands (server/static/upload.js polls
// GET /api/jobs/{id}). Only a user who may upload into the round
// (upload_target) sees it; anyone else gets the 404 page.
#include "server/pages_upload.h"
#include "app/serve_self_check.h"
#include "server/html.h"
#include "server/pages.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;

std::string megabytes(std::uint64_t bytes) { return std::to_string(bytes >> 20); }

void upload_page(State& s, const Request& req, Response& res) {
  std::optional<Session> session = page_session(s, req, res);
  if (!session) return;
  const User& u = session->user;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_not_found(res, u, "该审查轮次");
  Result<UploadTarget> t = upload_target(s.config.db, *id, u);
  if (!t)
    return send_html(res, html_page("出错", "<p>" + html_escape(t.error()) + "</p>", u),
                     status_of(t.code()));
  if (t->access != UploadAccess::allowed) return send_not_found(res, u, "该审查轮次");
  const std::string round = std::to_string(t->round.id);
  std::string body = "<h1>上传案卷：" + html_escape(t->round.name) + "</h1><p>方式：" +
                     html_escape(mode_label(t->round.mode)) + "　<a href=\"/rounds/" + round +
                     "\">返回轮次</a></p>";
  if (t->street)
    body += "<p>这是「" + html_escape(*t->street) +
            "」街道的自查轮次：只保存该街道的案卷，其他街道的案卷不保存并说明原因。</p>";
  body += upload_block(s, round, false);
  send_html(res, html_page("上传案卷", body, u, {"upload.js", "upload.css"}));
}

}  // namespace

std::string upload_block(const State& s, const std::string& round_id, bool self_check) {
  const ServerConfig& c = s.config;
  return "<div id=\"upload\" class=\"upload\" data-round=\"" + html_escape(round_id) +
         "\" data-max-bytes=\"" + std::to_string(c.max_body_bytes) + "\" data-max-files=\"" +
         std::to_string(c.max_files) + "\"" + (self_check ? " data-self-check=\"1\"" : "") +
         "><div id=\"drop-zone\" class=\"drop-zone\"><p>把案卷压缩包（.zip）拖到这里，或</p>"
         "<label class=\"pick\">选择文件<input id=\"archives\" type=\"file\" name=\"archive\" "
         "multiple accept=\".zip,application/zip\"></label>"
         "<ul id=\"upload-chosen\" class=\"chosen\"></ul></div>"
         "<p class=\"limits\">一次最多 " +
         std::to_string(c.max_files) + " 个压缩包，合计不超过 " + megabytes(c.max_body_bytes) +
         " MB；每个压缩包按与命令行相同的限制检查（条目数、解压大小、压缩比、嵌套层数等）。</p>"
         "<p><button type=\"button\" id=\"upload-start\">开始上传</button></p>"
         "<p><progress id=\"upload-progress\" value=\"0\" max=\"1\"></progress> "
         "<span id=\"upload-state\" role=\"status\"></span></p>"
         "<p id=\"message\" class=\"message\" role=\"alert\"></p>"
         "<ul id=\"upload-results\" class=\"results\"></ul></div>";
}

void add_upload_page(State& s) {
  s.http->Get(R"(/rounds/(\d+)/upload)",
              [&s](const Request& req, Response& res) { upload_page(s, req, res); });
}

}  // namespace auditor::server

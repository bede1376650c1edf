// The rounds of the JSON API: list, create, upload archives (a background
// job), the job's progress, the round's cases and its reports.
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "app/round_reports.h"
#include "app/serve_access.h"
#include "app/serve_self_check.h"
#include "reports/report_text.h"
#include "server/context.h"
#include "server/http.h"
#include "server/upload.h"

namespace auditor::server {
namespace {

using httplib::Request;
using httplib::Response;
using nlohmann::json;

json text_json(const Text& t) { return t ? json(*t) : json(nullptr); }

json round_json(const RoundInfo& r) {
  return {{"id", r.id}, {"name", r.name}, {"mode", r.mode}, {"created_at", r.created_at}};
}

// The round of path match 1 as `u` may open it; nullopt after answering.
std::optional<RoundInfo> round_of(State& s, const Request& req, Response& res, const User& u) {
  std::optional<long long> id = path_id(req, 1);
  if (!id) {
    send_error(res, 404, "没有这个审查轮次");
    return std::nullopt;
  }
  Result<std::optional<RoundInfo>> round = visible_round(s.config.db, *id, u);
  if (!round) {
    send_failure(res, round.failure());
    return std::nullopt;
  }
  if (!*round) send_error(res, 404, "没有这个审查轮次");
  return *round;
}

void list(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) return;
  Result<std::vector<RoundInfo>> rounds = visible_rounds(s.config.db, session->user);
  if (!rounds) return send_failure(res, rounds.failure());
  json out = json::array();
  for (const RoundInfo& r : *rounds) out.push_back(round_json(r));
  send_json(res, out);
}

void create(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in_for_change(s, req, res);
  if (!session) return;
  if (!may_write(session->user)) return send_error(res, 403, "街道用户不能新建审查轮次");
  std::optional<json> body = json_body(req, res);
  if (!body) return;
  std::string mode = string_field(*body, "mode");
  if (mode.empty()) mode = "inspection";
  Result<std::optional<RoundInfo>> round =
      create_round(s.config.db, string_field(*body, "name"), mode, session->user);
  if (!round) return send_failure(res, round.failure());
  if (!*round) return send_error(res, 409, "已有同名的审查轮次");
  send_json(res, round_json(**round), 201);
}

// Streams each uploaded archive to "<data>/uploads/<sha256>.zip" (never
// under the client's name; server/upload.h) and queues their audit. The
// body is read only after the session, CSRF token, round and role pass
// (upload_target: a street user only into its own self-check round, whose
// job stores only that street's cases).
void upload(State& s, const Request& req, Response& res, const httplib::ContentReader& reader) {
  // A refusal before the body is read closes the connection.
  auto refuse = [&](int status, const std::string& why) {
    res.set_header("Connection", "close");
    send_error(res, status, why);
  };
  std::optional<Session> session = signed_in_for_change(s, req, res);
  if (!session) return res.set_header("Connection", "close");
  std::optional<long long> id = path_id(req, 1);
  if (!id) return refuse(404, "没有这个审查轮次");
  Result<UploadTarget> target = upload_target(s.config.db, *id, session->user);
  if (!target) return refuse(status_of(target.code()), target.error());
  if (target->access == UploadAccess::absent) return refuse(404, "没有这个审查轮次");
  if (target->access == UploadAccess::refused) return refuse(403, target->why);
  if (!req.is_multipart_form_data())
    return refuse(400, "请用 multipart/form-data 上传，字段名 archive");
  int status = 0;
  Result<std::vector<ReceivedArchive>> stored =
      receive_archives(reader, s.config.data / "uploads",
                       {s.config.max_files, s.config.import.max_archive_bytes}, status);
  if (!stored) {
    // httplib stops reading a body over the limit (and drops what it read).
    const std::string length = req.get_header_value("Content-Length");
    if (!length.empty() && std::strtoull(length.c_str(), nullptr, 10) > s.config.max_body_bytes)
      return send_error(res, 413, "请求内容超过大小上限");
    return send_error(res, status, stored.error());
  }
  JobRequest job{target->round.name,          target->round.id, "upload", {}, target->street,
                 s.config.data / "self-check"};
  for (ReceivedArchive& a : *stored) job.archives.push_back({std::move(a.path), std::move(a.name)});
  send_json(res, {{"job", s.jobs->submit(std::move(job), session->user)}}, 202);
}

void job(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) return;
  std::optional<long long> id = path_id(req, 1);
  std::optional<JobState> j = id ? s.jobs->get(*id) : std::nullopt;
  if (!j || (session->user.role != UserRole::admin && j->user_id != session->user.id))
    return send_error(res, 404, "没有这个任务");
  send_json(res, job_json(*j));
}

// The query parameter `name` as a count; `fallback` when absent, nullopt
// when it is not a number up to `max`.
std::optional<std::size_t> count_param(const Request& req, const char* name, std::size_t fallback,
                                       std::size_t max) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n > max) return std::nullopt;
  return n;
}

// ?offset=N&limit=M pages the list (only the page is scored); the header
// X-Total-Count gives how many cases the user may see in the round.
void cases(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) return;
  std::optional<long long> id = path_id(req, 1);
  if (!id) return send_error(res, 404, "没有这个审查轮次");
  const std::optional<std::size_t> offset =
      count_param(req, "offset", 0, static_cast<std::size_t>(-1));
  const std::optional<std::size_t> limit =
      count_param(req, "limit", static_cast<std::size_t>(-1), static_cast<std::size_t>(-1));
  if (!offset || !limit) return send_error(res, 400, "offset 和 limit 必须是非负整数");
  auto page = visible_cases(s.config.db, *id, session->user, s.checklist, *offset, *limit);
  if (!page) return send_failure(res, page.failure());
  if (!*page) return send_error(res, 404, "没有这个审查轮次");
  json out = json::array();
  for (const CaseListItem& c : (*page)->cases)
    out.push_back({{"id", c.row.id},
                   {"street", text_json(c.row.street)},
                   {"case_number", text_json(c.row.case_number)},
                   {"status", c.row.rejected ? "rejected" : "audited"},
                   {"error", text_json(c.row.error)},
                   {"score", c.score ? json(*c.score) : json(nullptr)},
                   {"grade", text_json(c.grade)},
                   {"provisional", c.provisional}});
  res.set_header("X-Total-Count", std::to_string((*page)->total));
  send_json(res, out);
}

struct ReportType {
  const char* format;
  const char* mime;
};
constexpr ReportType kReportTypes[] = {
    {"html", "text/html; charset=utf-8"},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"json", "application/json; charset=utf-8"},
};

// Writes the round's report in one format into a fresh folder under
// "<data>/tmp/", sends it as a download and removes the folder.
void report(State& s, const Request& req, Response& res) {
  std::optional<Session> session = signed_in(s, req, res);
  if (!session) return;
  std::optional<RoundInfo> round = round_of(s, req, res, session->user);
  if (!round) return;
  if (!may_write(session->user))
    return send_error(res, 403, "整轮报告含其他街道的案卷，街道用户不能下载");
  const std::string format = req.has_param("format") ? req.get_param_value("format") : "html";
  const ReportType* type = nullptr;
  for (const ReportType& t : kReportTypes)
    if (format == t.format) type = &t;
  if (!type) return send_error(res, 400, "报告格式只能是 html、docx、xlsx 或 json");
  Result<ReportFormats> formats = parse_formats(format);
  if (!formats) return send_error(res, 400, formats.error());
  const std::string token = random_token();
  if (token.empty()) return send_error(res, 500, "无法生成临时文件夹名");
  const std::filesystem::path dir = s.config.data / "tmp" / token;
  ReportRequest request;
  request.round = round->name;
  request.dir = dir;
  request.formats = *formats;
  request.names = vocabulary(s.checklist);
  request.checklist = &s.checklist;
  Status written = write_round_reports(s.config.db, request);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(dir / ("report." + format), std::ios::binary);
    std::ostringstream all;
    all << in.rdbuf();
    bytes = all.str();
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  if (!written.ok()) return send_failure(res, {written.reason, written.code});
  res.set_header("Content-Disposition",
                 "attachment; filename=\"round-" + std::to_string(round->id) + "." + format + "\"");
  res.set_content(bytes, type->mime);
}

}  // namespace

void add_round_api(State& s) {
  s.http->Get("/api/rounds", [&s](const Request& req, Response& res) { list(s, req, res); });
  s.http->Post("/api/rounds", [&s](const Request& req, Response& res) { create(s, req, res); });
  s.http->Post(R"(/api/rounds/(\d+)/archives)",
               [&s](const Request& req, Response& res, const httplib::ContentReader& reader) {
                 upload(s, req, res, reader);
               });
  s.http->Get(R"(/api/jobs/(\d+))", [&s](const Request& req, Response& res) { job(s, req, res); });
  s.http->Get(R"(/api/rounds/(\d+)/cases)",
              [&s](const Request& req, Response& res) { cases(s, req, res); });
  s.http->Get(R"(/api/rounds/(\d+)/report)",
              [&s](const Request& req, Response& res) { report(s, req, res); });
}

}  // namespace auditor::server

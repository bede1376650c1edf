#include "server/server.h"

#include <cstdlib>
#include <regex>
#include <system_error>

#include "app/checklist_load.h"
#include "app/data_dirs.h"
#include "app/serve_access.h"
#include "server/context.h"
#include "server/http.h"

namespace auditor::server {
namespace {

// A keep-alive connection holds its handler thread while the person reads
// the page, so there are more threads than people at once (an idle thread
// costs its stack); and a connection serves many requests before it closes
// (httplib's default of 5 made 50 browsing clients reconnect all the time,
// and its listen backlog is 5: docs/performance.md).
constexpr std::size_t kHandlerThreads = 128;
constexpr std::size_t kKeepAliveRequests = 100;
constexpr time_t kKeepAliveSeconds = 3;
// A request body other than an upload's (JSON): at most this, checked before
// it is read, so only the upload route may send up to max_body_bytes.
constexpr std::uint64_t kMaxJsonBody = 1 << 20;

bool is_upload(const httplib::Request& req) {
  static const std::regex kUpload(R"(/api/rounds/\d+/archives)");
  return req.method == "POST" && std::regex_match(req.path, kUpload);
}

// Refuses (413, Connection: close) a body over kMaxJsonBody, or of unknown
// length, on any route but the upload before it is read.
httplib::Server::HandlerResponse limit_body(const httplib::Request& req, httplib::Response& res) {
  if (is_upload(req)) return httplib::Server::HandlerResponse::Unhandled;
  const std::string length = req.get_header_value("Content-Length");
  const bool chunked = req.has_header("Transfer-Encoding");
  if (!chunked && (length.empty() || std::strtoull(length.c_str(), nullptr, 10) <= kMaxJsonBody))
    return httplib::Server::HandlerResponse::Unhandled;
  res.set_header("Connection", "close");
  send_error(res, 413, "请求内容超过大小上限");
  return httplib::Server::HandlerResponse::Handled;
}

// The JSON body of an error httplib answers itself (no route, a body over
// the limit, a malformed request), unless a handler already wrote one.
void fill_error(const httplib::Request&, httplib::Response& res) {
  if (!res.body.empty()) return;
  std::string reason = "请求有误";
  if (res.status == 404) reason = "没有这个地址";
  if (res.status == 405) reason = "不支持这个请求方法";
  if (res.status == 413) reason = "请求内容超过大小上限";
  if (res.status >= 500) reason = "服务器内部错误";
  send_error(res, res.status, reason);
}

Status prepare_data_folder(const std::filesystem::path& data) {
  std::error_code ec;
  std::filesystem::create_directories(data / "uploads", ec);
  if (!ec) std::filesystem::create_directories(data / "tmp", ec);
  if (ec)
    return Status::failure("无法创建数据文件夹 " + data.string() + "：" + ec.message(), Code::io);
  std::filesystem::permissions(data, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  // Reports left behind by a crash are never served again.
  for (const auto& entry : std::filesystem::directory_iterator(data / "tmp", ec))
    std::filesystem::remove_all(entry.path(), ec);
  return Status::success();
}

}  // namespace

Server::Server(std::unique_ptr<State> s) : s_(std::move(s)) {}

Server::~Server() {
  stop();
  if (s_->jobs) s_->jobs->stop();
}

Result<std::unique_ptr<Server>> Server::start(const ServerConfig& config) {
  auto s = std::make_unique<State>(config);
  if (s->config.data.empty()) s->config.data = config.db.string() + ".data";
  // Absolute: the stored archive paths must not depend on the working folder.
  std::error_code ec;
  s->config.data = std::filesystem::absolute(s->config.data, ec);
  if (ec) return Error{"无法确定数据文件夹的路径：" + ec.message(), Code::io};
  const std::filesystem::path checklist_dir =
      config.checklist.empty() ? default_checklist_dir() : config.checklist;
  Result<Checklist> checklist = load_audit_checklist(checklist_dir);
  if (!checklist) return Error{"检查清单有误：" + checklist.error(), checklist.code()};
  s->checklist = std::move(*checklist);
  {
    Result<std::unique_ptr<Store>> store = Store::open_read_only(config.db);
    if (!store)
      return Error{
          store.error() + "（请先用 auditor user add --db " + config.db.string() + " 添加用户）",
          store.code()};
  }
  if (Status st = prepare_data_folder(s->config.data); !st.ok()) return Error{st.reason, st.code};

  if (config.tls_cert.empty() != config.tls_key.empty())
    return Error{"--tls-cert 和 --tls-key 必须同时给出"};
  if (!config.tls_cert.empty()) {
    s->http = std::make_unique<httplib::SSLServer>(config.tls_cert.c_str(), config.tls_key.c_str());
    s->tls = true;
  } else {
    s->http = std::make_unique<httplib::Server>();
  }
  if (!s->http->is_valid()) return Error{"无法读取 TLS 证书或私钥", Code::io};
  httplib::Server& http = *s->http;
  http.new_task_queue = [] { return new httplib::ThreadPool(kHandlerThreads); };
  http.set_default_headers(security_headers());
  http.set_payload_max_length(config.max_body_bytes);
  http.set_read_timeout(30);
  http.set_keep_alive_max_count(kKeepAliveRequests);
  http.set_keep_alive_timeout(kKeepAliveSeconds);
  // Headers and body go out in two writes: without TCP_NODELAY a keep-alive
  // client's delayed ACK holds the body ~40 ms (docs/performance.md).
  http.set_tcp_nodelay(true);
  http.set_error_handler(fill_error);
  http.set_pre_routing_handler(limit_body);
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.body.clear();
        send_error(res, 500, "服务器内部错误");
      });
  add_session_api(*s);
  add_round_api(*s);
  add_case_api(*s);
  add_pages(*s);
  add_upload_page(*s);
  add_self_check(*s);

  s->port = config.port == 0 ? http.bind_to_any_port(config.host)
                             : (http.bind_to_port(config.host, config.port) ? config.port : -1);
  if (s->port <= 0)
    return Error{
        "无法监听 " + config.host + ":" + std::to_string(config.port) + "（地址被占用或无权限）",
        Code::io};
  s->jobs = std::make_unique<Jobs>(
      JobSetup{s->config.db, config.import, config.threads, std::chrono::seconds(30)},
      s->checklist);
  return std::unique_ptr<Server>(new Server(std::move(s)));
}

int Server::port() const { return s_->port; }

std::string Server::address() const {
  const bool v6 = s_->config.host.find(':') != std::string::npos;
  const std::string host = v6 ? "[" + s_->config.host + "]" : s_->config.host;
  return std::string(s_->tls ? "https" : "http") + "://" + host + ":" + std::to_string(s_->port);
}

bool Server::serve() { return s_->http->listen_after_bind(); }

void Server::stop() { s_->http->stop(); }

}  // namespace auditor::server

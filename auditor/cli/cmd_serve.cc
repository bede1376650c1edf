// `auditor serve`: the web workbench (server/server.h) on one address until
// SIGINT or SIGTERM. Prints the address once listening; a clean stop stops
// accepting, lets the running audit finish (each case is committed whole or
// not at all) and closes the store. Exit 0 after a clean stop, 2 when the
// server cannot start.
#include <signal.h>

#include <charconv>
#include <iostream>
#include <thread>

#include "app/data_dirs.h"
#include "auditor/cli/limit_options.h"
#include "auditor/cli/options.h"
#include "server/server.h"

namespace auditor::cli {
namespace {

// "HOST:PORT" or "[V6]:PORT" → host and port; false when malformed.
bool parse_listen(const std::string& text, std::string& host, int& port) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string digits = text.substr(colon + 1);
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  return !host.empty() && ec == std::errc() && end == digits.data() + digits.size() && port >= 0 &&
         port <= 65535;
}

}  // namespace

int serve(const Args& args) {
  po::options_description desc = option_list();
  server::ServerConfig config;
  std::string db, listen, cert, key, data, checklist;
  int max_upload_mb = static_cast<int>(config.max_body_bytes >> 20);
  int max_files = static_cast<int>(config.max_files);
  desc.add_options()("db", po::value(&db)->default_value("auditor.db"), "SQLite 数据库文件")(
      "listen", po::value(&listen)->default_value("127.0.0.1:8080"),
      "监听地址和端口（默认只监听本机）")("tls-cert", po::value(&cert), "TLS 证书文件（PEM）")(
      "tls-key", po::value(&key), "TLS 私钥文件（PEM）")(
      "data", po::value(&data), "上传文件和临时报告的文件夹（默认“数据库文件名.data”）")(
      "checklist", po::value(&checklist)->default_value(default_checklist_dir().string()),
      "检查清单目录")("jobs,j", po::value(&config.threads)->default_value(config.threads),
                      "后台审查的线程数")("max-upload-mb",
                                          po::value(&max_upload_mb)->default_value(max_upload_mb),
                                          "一次上传的总大小上限（MB）")(
      "max-files", po::value(&max_files)->default_value(max_files), "一次上传的压缩包个数上限");
  add_limit_options(desc, config.import);
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "auditor serve --db 文件 [--listen 127.0.0.1:8080] [--tls-cert 文件 --tls-key 文件]";
  if (int rc = parse_options(args, desc, positional, usage, vm); rc >= 0) return rc;
  if (!parse_listen(listen, config.host, config.port))
    return report_error("参数错误：--listen 应为 地址:端口，如 127.0.0.1:8080");
  if (config.threads < 1 || max_upload_mb < 1 || max_files < 1)
    return report_error("参数错误：--jobs、--max-upload-mb、--max-files 必须是正整数");
  config.db = db;
  config.data = data;
  config.tls_cert = cert;
  config.tls_key = key;
  config.checklist = checklist;
  config.max_body_bytes = static_cast<std::uint64_t>(max_upload_mb) << 20;
  config.max_files = static_cast<std::size_t>(max_files);

  // Every thread the server starts inherits the blocked signals; one thread
  // waits for them and stops the server.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  Result<std::unique_ptr<server::Server>> srv = server::Server::start(config);
  if (!srv) return report_error(srv.error());
  std::cout << "评查工作台已启动：" << (*srv)->address() << "（按 Ctrl-C 停止）" << std::endl;
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    std::cout << "正在停止：不再接受请求，等待正在进行的审查完成……" << std::endl;
    (*srv)->stop();
  });
  const bool ok = (*srv)->serve();
  if (!ok) {
    // serve() failed before a signal: wake the waiter.
    pthread_kill(waiter.native_handle(), SIGTERM);
  }
  waiter.join();
  srv->reset();
  std::cout << "评查工作台已停止。" << std::endl;
  return ok ? kExitOk : kExitUsage;
}

}  // namespace auditor::cli

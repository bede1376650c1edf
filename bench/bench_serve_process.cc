// The server process of the serve benchmark and signing in to it.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bench/bench_serve.h"

namespace auditor::bench {
namespace {

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "bench_serve: %s\n", what.c_str());
  std::exit(1);
}

}  // namespace

ServerProcess::ServerProcess(const std::string& binary, const std::filesystem::path& db,
                             const std::filesystem::path& data, const std::filesystem::path& log) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) die("pipe failed");
  const int err = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (err < 0) die("cannot write " + log.string());
  pid_ = fork();
  if (pid_ < 0) die("fork failed");
  if (pid_ == 0) {
    dup2(pipe_fds[1], 1);
    dup2(err, 2);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    close(err);
    execl(binary.c_str(), binary.c_str(), "serve", "--db", db.c_str(), "--data", data.c_str(),
          "--listen", "127.0.0.1:0", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_fds[1]);
  close(err);
  out_ = pipe_fds[0];
  // The first line names the address: "评查工作台已启动：http://127.0.0.1:PORT（…".
  std::string got;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (got.find('\n') == std::string::npos) {
    pollfd p{out_, POLLIN, 0};
    if (std::chrono::steady_clock::now() > give_up || poll(&p, 1, 1000) < 0)
      die("the server did not start (see " + log.string() + ")");
    if (p.revents == 0) continue;
    char buf[512];
    const ssize_t n = read(out_, buf, sizeof buf);
    if (n <= 0) die("the server stopped before listening (see " + log.string() + ")");
    got.append(buf, static_cast<std::size_t>(n));
  }
  const std::size_t at = got.find("127.0.0.1:");
  if (at == std::string::npos) die("no address in the server's output: " + got);
  port_ = std::atoi(got.c_str() + at + 10);
  if (port_ <= 0) die("no port in the server's output: " + got);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop();
}

double ServerProcess::cpu_seconds() const {
  std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
  std::string line;
  std::getline(in, line);
  // Fields after the command's closing parenthesis: state is 3, utime 14, stime 15.
  std::istringstream rest(line.substr(line.rfind(')') + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i)
    if (i >= 14) ticks += std::atof(field.c_str());
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

long ServerProcess::stop() {
  if (pid_ <= 0) return 0;
  kill(pid_, SIGINT);
  int status = 0;
  rusage usage{};
  wait4(pid_, &status, 0, &usage);
  pid_ = -1;
  close(out_);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    std::fprintf(stderr, "bench_serve: the server did not stop cleanly (status %d)\n", status);
  return usage.ru_maxrss;
}

Login sign_in(int port, const std::string& user, const std::string& password) {
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(60);
  const std::string body = nlohmann::json{{"username", user}, {"password", password}}.dump();
  httplib::Result r = c.Post("/api/session", body, "application/json");
  if (!r || r->status != 200)
    die("cannot sign in as " + user + (r ? ": " + r->body : std::string(": no answer")));
  const std::string set = r->get_header_value("Set-Cookie");
  return {set.substr(0, set.find(';')), nlohmann::json::parse(r->body)["csrf"].get<std::string>()};
}

}  // namespace auditor::bench

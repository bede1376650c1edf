// `auditor serve`: the web workbench's HTTP server over the app/ front door.
// It owns the listening socket (cpp-httplib, TLS when a certificate is
// given), the sessions and sign-in throttle (server/sessions.h), the
// background audits (server/jobs.h) and the handlers: the JSON API
// (server/api_*.cc) and, later, the pages — each a handler that shares the
// session, CSRF check and role scope of server/context.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "app/audit.h"
#include "server/sessions.h"
#include "util/status.h"

namespace auditor::server {

struct ServerConfig {
  std::filesystem::path db;
  std::filesystem::path data;  // uploads and temporary reports; default: "<db>.data"
  std::string host = "127.0.0.1";
  int port = 8080;                          // 0: any free port (tests)
  std::filesystem::path tls_cert, tls_key;  // both or neither
  std::filesystem::path checklist;          // default_checklist_dir() when empty
  ImportOptions import;                     // the command line's archive limits
  int threads = 2;                          // audit threads of a batch
  // A request body (all files of an upload together) beyond this is refused
  // with 413 before it is read into memory.
  std::uint64_t max_body_bytes = 512ull << 20;
  std::size_t max_files = 100;  // archives in one upload
  SessionLimits sessions;
  ThrottleLimits throttle;
};

class Server {
 public:
  // Loads the checklist, checks the database and creates the data folder;
  // fails (Chinese reason) when one of them cannot be used or the address
  // cannot be bound.
  static Result<std::unique_ptr<Server>> start(const ServerConfig& config);
  ~Server();
  // The port bound (the one asked, or the free one chosen for port 0).
  int port() const;
  // "http://127.0.0.1:8080" (https under TLS).
  std::string address() const;
  // Serves on the calling thread until stop(); false when it fails.
  bool serve();
  // Stops accepting and returns from serve(); running audits finish, queued
  // ones fail. Safe from another thread.
  void stop();

  struct State;

 private:
  explicit Server(std::unique_ptr<State> s);
  std::unique_ptr<State> s_;
};

}  // namespace auditor::server

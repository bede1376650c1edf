// What every handler of the server shares (internal to server/): the
// configuration, checklist, sessions, throttle and jobs, and the checks a
// handler runs first — signed in (401), CSRF token on a state-changing
// request (403). A page handler uses the same checks as the JSON API.
#pragma once

#include <httplib.h>

#include <memory>
#include <optional>

#include "auditor/checklist.h"
#include "server/jobs.h"
#include "server/server.h"
#include "server/sessions.h"

namespace auditor::server {

constexpr const char* kSessionCookie = "auditor_session";
constexpr const char* kCsrfHeader = "X-CSRF-Token";

struct Server::State {
  explicit State(const ServerConfig& c) : config(c), sessions(c.sessions), throttle(c.throttle) {}
  ServerConfig config;
  Checklist checklist;
  Sessions sessions;
  Throttle throttle;
  std::unique_ptr<Jobs> jobs;
  std::unique_ptr<httplib::Server> http;
  int port = 0;
  bool tls = false;
};
using State = Server::State;

// The session of the request's cookie; nullopt after answering 401.
std::optional<Session> signed_in(State& s, const httplib::Request& req, httplib::Response& res);
// signed_in, then the X-CSRF-Token header must equal the session's token
// (else 403). For every POST, PUT, PATCH and DELETE but the sign-in.
std::optional<Session> signed_in_for_change(State& s, const httplib::Request& req,
                                            httplib::Response& res);

// The route groups (server/api_*.cc).
void add_session_api(State& s);
void add_round_api(State& s);
void add_case_api(State& s);
// The pages and their static files (server/pages*.cc).
void add_pages(State& s);
// GET /rounds/{id}/upload (server/pages_upload.cc).
void add_upload_page(State& s);
// GET /self-check, GET /api/self-check, POST /api/self-check/round,
// POST /api/self-check/cases/{id}/submit (server/pages_self_check.cc).
void add_self_check(State& s);

}  // namespace auditor::server

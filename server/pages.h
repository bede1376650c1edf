// What the page handlers (server/pages*.cc) share: the session check of a
// page (not signed in: a redirect to the sign-in page, never a JSON 401)
// and the labels of values a page shows.
#pragma once

#include <optional>
#include <string>

#include "app/serve_rounds.h"
#include "server/context.h"
#include "server/http.h"

namespace auditor::server {

// The session of the request; nullopt after redirecting to "/".
std::optional<Session> page_session(State& s, const httplib::Request& req, httplib::Response& res);

// "检查" for inspection, "自查" for self_check, else the mode itself.
std::string mode_label(const std::string& mode);

// A score as the pages show it: "93" or "92.5".
std::string score_text(double v);

// The case list's query from the request's parameters (street, grade,
// severity, undecided=1, overdue=1, sort=number|street|score|grade,
// order=asc|desc); anything unknown is ignored. No paging.
CaseQuery case_query(const httplib::Request& req);

// The page of an error `e` of the front door: its Chinese reason with the
// status of its code.
void send_error_page(httplib::Response& res, const User& u, const Error& e);

// The route groups of the pages and the API behind them, registered by
// add_pages: GET /cases/{id} (server/pages_case.cc); GET /rounds/{id}
// (server/pages_round.cc); GET /rounds/{id}/plan
// (server/pages_round_plan.cc); GET /admin/users (server/pages_users.cc);
// /api/users (server/api_users.cc); /api/rounds/{id}/plan, draw and
// assignments (server/api_round_plan.cc).
void add_case_page(State& s);
void add_round_page(State& s);
void add_round_plan_page(State& s);
void add_users_page(State& s);
void add_users_api(State& s);
void add_round_plan_api(State& s);

}  // namespace auditor::server

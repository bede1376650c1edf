// What the page handlers (server/pages*.cc) share: the session check of a
// page (not signed in: a redirect to the sign-in page, never a JSON 401)
// and the labels of values a page shows.
#pragma once

#include <optional>
#include <string>

#include "server/context.h"
#include "server/http.h"

namespace auditor::server {

// The session of the request; nullopt after redirecting to "/".
std::optional<Session> page_session(State& s, const httplib::Request& req, httplib::Response& res);

// "检查" for inspection, "自查" for self_check, else the mode itself.
std::string mode_label(const std::string& mode);

// A score as the pages show it: "93" or "92.5".
std::string score_text(double v);

// GET /cases/{id} (server/pages_case.cc).
void add_case_page(State& s);

}  // namespace auditor::server

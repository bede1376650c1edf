// The answers every handler of `auditor serve` gives: JSON bodies, JSON
// errors with a Chinese message, the status of a Code, the security headers
// and the request's cookie. No state.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "util/status.h"

namespace auditor::server {

// The headers on every response (Content-Security-Policy without inline
// script, frame-ancestors 'none', nosniff, no referrer, no caching).
httplib::Headers security_headers();

// `body` as JSON (UTF-8, malformed bytes replaced) with `status`.
void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200);
// {"error": reason} with `status`.
void send_error(httplib::Response& res, int status, const std::string& reason);
// The HTTP status of a failure's code: invalid 400, not_found 404, busy
// 409, others 500.
int status_of(Code code);
// send_error with status_of(e.code) and e.reason.
void send_failure(httplib::Response& res, const Error& e);

// The value of cookie `name` in the request's Cookie headers; nullopt when
// absent.
std::optional<std::string> cookie(const httplib::Request& req, const std::string& name);

// The JSON object of the request body; nullopt (after sending 400) when the
// body is not a JSON object.
std::optional<nlohmann::json> json_body(const httplib::Request& req, httplib::Response& res);

// The string member `key` of `body`; "" when absent or not a string.
std::string string_field(const nlohmann::json& body, const std::string& key);

// The decimal id in path match `i`; nullopt when it is not a positive
// number that fits.
std::optional<long long> path_id(const httplib::Request& req, std::size_t i);

}  // namespace auditor::server

// The HTML of the workbench's pages: the one escape every value goes
// through, query-string encoding and the page frame (head, the stylesheet
// and script of server/static_assets.h, the signed-in user's bar). No
// inline script, no on* attribute, no style attribute: the
// Content-Security-Policy allows only the server's own files.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/users.h"

namespace auditor::server {

// `text` for HTML character data and attribute values: controls made
// visible (display_safe), then <&>"' escaped. Every value a page shows.
std::string html_escape(std::string_view text);

// `text` percent-encoded for a query-string value (all but unreserved ASCII).
std::string url_encode(std::string_view text);

// A whole page titled `title` around `body` (already HTML), with the user's
// name, role and a sign-out button when `user` is given. Besides app.css and
// app.js the page loads `assets`, names of files of server/static/ (a .css
// as a stylesheet, a .js as a deferred script). `main_attributes` (already
// escaped, e.g. ` data-case="12"`) go into the <main> tag.
std::string html_page(const std::string& title, const std::string& body,
                      const std::optional<User>& user, const std::vector<std::string>& assets = {},
                      const std::string& main_attributes = "");

// Sends `html` as text/html with `status`.
void send_html(httplib::Response& res, const std::string& html, int status = 200);

// The 404 page (a missing case and another street's case alike).
void send_not_found(httplib::Response& res, const std::optional<User>& user,
                    const std::string& what);

// A 303 redirect to `path` (a page of this server).
void redirect(httplib::Response& res, const std::string& path);

}  // namespace auditor::server

// The workbench's scripts and stylesheets: every file of server/static/,
// compiled in by cmake/embed_static.cmake (no file from the internet, works
// offline), served at GET /static/{name}. app.css and app.js are on every
// page (html_page); a page names its own further files.
//
// app.js: window.Auditor (what the pages' scripts share: #message, the
// CSRF token, JSON requests with their Chinese errors), the sign-in form and
// sign-out. Every other file says what it does in its first lines.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace auditor::server {

struct StaticFile {
  const char* name;          // "app.js"
  const char* content_type;  // "text/javascript; charset=utf-8"
  std::string_view content;
};

extern const StaticFile kStaticFiles[];
extern const std::size_t kStaticFileCount;

// The file called `name`; nullopt when there is none.
std::optional<StaticFile> static_file(std::string_view name);

}  // namespace auditor::server

// The workbench's scripts and stylesheets: every file of server/static/,
// compiled in by cmake/embed_static.cmake (no file from the internet, works
// offline), served at GET /static/{name}. app.css and app.js are on every
// page (html_page); a page names its own further files.
//
// app.js: signs in (the form #sign-in posts JSON to /api/session, then
// opens /rounds), signs out, and sends a case page's decision buttons
// ([data-action] with [data-finding], reason from the row's [data-reason])
// to POST /api/cases/{id}/decisions with the X-CSRF-Token of
// GET /api/session, then reloads the page. Other pages' files say what they
// do in their first lines.
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

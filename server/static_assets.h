// The workbench's only stylesheet and script, compiled in (no file from the
// internet, works offline): GET /static/app.css and /static/app.js.
#pragma once

namespace auditor::server {

extern const char* const kAppCss;
// Signs in (the form #sign-in posts JSON to /api/session, then opens
// /rounds), signs out, and sends a case page's decision buttons
// ([data-action] with [data-finding], reason from the row's
// [data-reason]) to POST /api/cases/{id}/decisions with the X-CSRF-Token
// of GET /api/session, then reloads the page.
extern const char* const kAppJs;

}  // namespace auditor::server

// The parts of the case page GET /cases/{id} (server/pages_case*.cc). Each
// returns HTML with every shown value through html_escape; the forms and
// buttons carry data-* attributes that /static/case.js reads (no inline
// script, no on* or style attribute).
#pragma once

#include <string>

#include "app/serve_access.h"
#include "auditor/checklist.h"

namespace auditor::server {

// Text of a document shown on the page, at most this many bytes (cut at a
// character; the page says how much was left out).
constexpr std::size_t kMaxShownText = 200 * 1024;

// The documents stage by stage in the checklist's order (documents without a
// stage last), each with its facts, its text in a collapsed <details> and
// its original: a PDF in an <iframe>, a PNG or JPEG in an <img>, anything
// else a download link, all from GET /api/cases/{id}/documents/{n}/original.
std::string documents_html(const CaseView& v, const Checklist& checklist);

// The findings (.finding[data-finding=KEY]) with basis, evidence, verdict,
// their objections and rectification items; for an inspector or admin the
// decision buttons (button[data-action]) with their reason
// (input[data-reason]), the ruling and rectification forms and the form
// #add-finding; for a street user the objection button of a finding that
// counts and the progress form of a rectification item.
std::string findings_html(const CaseView& v, const User& u, const Checklist& checklist);

// The sign-offs and, for an inspector or admin, button#sign (评查人) and,
// when the round asks for a second review, button#sign-review (复核人).
std::string signoffs_html(const CaseView& v, const User& u);

}  // namespace auditor::server

// The upload block the upload page (server/pages_upload.cc) and the street's
// self-check page (server/pages_self_check.cc) both show, driven by
// server/static/upload.js.
#pragma once

#include <string>

#include "server/context.h"

namespace auditor::server {

// The upload block: input#archives, div#drop-zone, button#upload-start,
// progress#upload-progress, #upload-state, #message and ul#upload-results,
// inside div#upload with data-round (the round's id; empty on the
// self-check page before the month's round exists: upload.js then asks
// POST /api/self-check/round), data-max-bytes and data-max-files (the
// server's bounds, checked before sending as well) and data-self-check="1"
// on the self-check page.
std::string upload_block(const State& s, const std::string& round_id, bool self_check);

}  // namespace auditor::server

// The one table of document formats: which parser reads which format
// (docs/architecture.md, "A document format"). Called in the parse process
// (importers/parse_server/), or in this process when isolation is off.
#pragma once

#include <string>
#include <string_view>

#include "auditor/model.h"
#include "importers/zip_reader.h"
#include "util/status.h"

namespace auditor {

// Parses `bytes` as doc.format (set by the caller) into `doc`; never throws
// but for std::bad_alloc. "unsupported" and "unknown" read nothing and fail
// with the reason.
Status parse_document(std::string_view bytes, const ZipLimits& limits, Document& doc);

// Whether a format has a parser (docx ofd pdf image doc): only those need
// the parse process. The compound files identified but not read (xls ppt
// works ole2) fail with the reason in this process.
bool has_parser(std::string_view format);

// A second format the bytes also are besides `format`, their format by the
// signature at offset 0 (detect_format): "pdf" for a DOCX, OFD or image
// holding "%PDF-" in its first KiB, "zip" (or "docx", "ofd") for a PDF or
// image whose end holds a readable zip directory. Empty when none: the file
// is a polyglot otherwise. Implemented in detect.cc.
std::string polyglot_format(std::string_view bytes, std::string_view format);

}  // namespace auditor

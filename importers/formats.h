// Document parsers, one per format. Each fills the text, title, metadata,
// page count and (OFD) signatures of a Document from the member's bytes.
// A parser never throws: on damage it returns a failed Status with a Chinese
// reason, and the caller records an import finding for that document.
// has_text stays false when nothing could be extracted (scan, vector-only
// glyphs, encryption): callers report "无可提取文本", never "wording missing".
#pragma once

#include <string_view>

#include "auditor/model.h"
#include "importers/zip_reader.h"
#include "util/status.h"

namespace auditor {

// By content (magic bytes, and for zips the parts inside), not by extension:
// "docx" "ofd" "pdf" "image" "zip" "unsupported" (doc/wps/rar/...) "unknown".
// `name` is only used to name legacy formats (.doc .wps) in messages.
std::string detect_format(std::string_view bytes, std::string_view name);

Status parse_docx(std::string_view bytes, const ZipLimits& limits, Document& doc);
Status parse_ofd(std::string_view bytes, const ZipLimits& limits, Document& doc);
Status parse_pdf(std::string_view bytes, Document& doc);
// Records pixel size in metadata ("width", "height"); has_text stays false.
Status parse_image(std::string_view bytes, Document& doc);

// The first heading lines of `text` (non-empty lines before the body), used
// to classify the document by its title.
std::string title_lines(std::string_view text);

}  // namespace auditor

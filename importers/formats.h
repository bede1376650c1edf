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

// By content (magic bytes, for zips the parts inside, for OLE2 compound
// files the streams in their root: importers/legacy_ole.h), never by
// extension: "docx" "ofd" "pdf" "image" "zip"; "doc" (Word 97-2003, and
// Kingsoft WPS files in Word's structure, whatever their extension); "xls"
// "ppt" "works" (Microsoft Works .wps) "ole2" (another, encrypted or damaged
// compound file), which are identified but not read; "unsupported" (rar 7z)
// and "unknown". `name` is not used.
std::string detect_format(std::string_view bytes, std::string_view name);

Status parse_docx(std::string_view bytes, const ZipLimits& limits, Document& doc);
Status parse_ofd(std::string_view bytes, const ZipLimits& limits, Document& doc);
Status parse_pdf(std::string_view bytes, Document& doc);
// Word 97-2003 binary documents (docs/formats/doc.md, wps.md): the text
// through the piece table; metadata title, creator, created, modified,
// application and, for WPS Office, kingsoft_build. An encrypted document
// fails with Code::unsupported, damage with Code::corrupt; a piece table cut
// short keeps the text before the cut and fails with the reason.
Status parse_doc(std::string_view bytes, Document& doc);
// Records pixel size in metadata ("width", "height"); has_text stays false.
Status parse_image(std::string_view bytes, Document& doc);

// The first heading lines of `text` (non-empty lines before the body), used
// to classify the document by its title.
std::string title_lines(std::string_view text);

}  // namespace auditor

// The fixed parts of the DOCX package written by DocxWriter (internal to
// reports/docx_writer.cc): content types, relationships, styles, the
// document wrapper with its A4 section, and the core properties.
#pragma once

#include <string>
#include <string_view>

namespace auditor {

std::string docx_content_types();
std::string docx_package_rels();
std::string docx_document_rels();
std::string docx_styles();
// word/document.xml is head, then the escaped WordprocessingML of the
// body's block elements, then tail (the A4 section).
std::string docx_document_head();
std::string docx_document_tail();
// Raw (unescaped) values; empty ones are left out.
std::string docx_core(std::string_view title, std::string_view author, std::string_view created);

}  // namespace auditor

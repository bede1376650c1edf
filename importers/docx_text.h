// Plain text of one WordprocessingML part (document, header or footer).
// Internal to the DOCX importer; see docs/formats/docx.md for the rules.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace auditor {

struct WordText {
  std::string text;        // one line per paragraph or table row, each ending "\n"
  bool truncated = false;  // elements nested deeper than the limit were skipped
  // The text reached kMaxTextBytes (importers/doc_limits.h): the characters
  // after it were not kept, so the text stays near that size whatever the
  // part holds (the caller cuts it after a whole line).
  bool full = false;
};

// "w:t" -> "t"; a name without a prefix is returned as it is.
std::string_view xml_local_name(std::string_view qname);

// Elements are matched by local name, whatever their namespace prefix.
WordText wordml_text(const pugi::xml_node& root);

}  // namespace auditor

// XML access for OFD parts by local name, so that both namespace URIs
// (http://www.ofdspec.org/2016 and http://www.ofdspec.org) and any prefix
// (ofd:, none, another) are read alike. See docs/formats/ofd.md.
#pragma once

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace auditor::ofd {

// The element name without its prefix ("ofd:Page" -> "Page").
std::string_view local_name(pugi::xml_node n);

// First child element named `local`; an empty node when there is none.
pugi::xml_node child(pugi::xml_node n, std::string_view local);

// Child elements named `local`, in document order.
std::vector<pugi::xml_node> children(pugi::xml_node n, std::string_view local);

// Attribute value by local name; "" when absent.
std::string attr(pugi::xml_node n, std::string_view local);

// The character data directly inside `n` (text and CDATA children joined),
// as written: entities decoded, whitespace kept.
std::string inner_text(pugi::xml_node n);

// inner_text() without leading and trailing ASCII whitespace.
std::string trimmed_text(pugi::xml_node n);

std::string trim(std::string_view s);

// Parses one part. UTF-8 and UTF-16 are detected by pugixml; a part that
// declares encoding GB2312/GBK/GB18030 is converted first. Fails with a
// Chinese reason naming `path` (no "OFD 文件损坏" prefix: callers add their
// context) when the XML is malformed or has no root.
Result<std::unique_ptr<pugi::xml_document>> parse_xml(std::string_view bytes,
                                                      const std::string& path);

}  // namespace auditor::ofd

// Zip member names: the encoding, decided once per archive (the original
// bytes are always kept). UTF-8 itself: util/utf8.h; matching: util/text_match.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace auditor {

enum class NameEncoding { utf8, gb18030 };

// UTF-8 when every non-flagged name is strictly valid UTF-8, otherwise
// GB18030. `raw` are the names without the UTF-8 flag (bit 11).
NameEncoding decide_name_encoding(const std::vector<std::string>& raw);

// Decodes one name; returns false when it is invalid in `enc` (and in UTF-8).
bool decode_name(std::string_view raw, NameEncoding enc, std::string& utf8);

std::string gb18030_to_utf8(std::string_view s, bool& ok);  // via iconv
std::string hex_bytes(std::string_view raw);                // "e4 b8 ad ..."

}  // namespace auditor

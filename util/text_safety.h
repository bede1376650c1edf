// Text made safe to show: the one place that decides which characters an
// output may carry (docs/hostile-input.md, "Outputs"). Every writer of the
// console, the reports, `extract` and the JSON result passes the text it got
// from a document, a file name or a manifest through these functions.
//
// Two kinds of character are never written raw:
// - forbidden: characters XML 1.0 does not allow (C0 controls other than tab,
//   LF and CR; surrogates; U+FFFE, U+FFFF) and those HTML5 makes parse errors
//   (DEL and the C1 controls U+007F..U+009F; the noncharacters U+FDD0..U+FDEF
//   and U+nFFFE, U+nFFFF of every plane). One in a DOCX or XLSX part makes
//   the whole file unreadable; in a terminal a control can move the cursor.
// - bidirectional controls: the embeddings and overrides U+202A..U+202E, the
//   isolates U+2066..U+2069 and the invisible marks U+200E (LRM), U+200F (RLM)
//   and U+061C (ALM). They reorder what is displayed around them, so that
//   "〔2024〕\u202E号21" reads as "〔2024〕12号". Chinese case files have no
//   use for them; a mark also moves neutral characters (a hyphen, a bracket)
//   across digits, so the marks count as controls too.
//
// Input may be any bytes: ill-formed UTF-8 becomes U+FFFD (util/utf8.h).
// Pure functions; none throws.
#pragma once

#include <string>
#include <string_view>

namespace auditor {

bool is_forbidden_char(char32_t c);
bool is_bidi_control(char32_t c);

// True when `s` is well-formed UTF-8 without forbidden characters: xml_safe
// would return it unchanged. Allocates nothing.
bool is_xml_safe(std::string_view s);
// `s` as well-formed UTF-8 with the forbidden characters dropped: what an
// XML writer (DOCX, XLSX, SVG) may put in character data. Bidirectional
// controls are kept (a writer of documents may need them).
std::string xml_safe(std::string_view s);

// What a report or the console shows: xml_safe(s) with each bidirectional
// control written visibly as "⟨U+202E⟩" (upper-case hex, four digits).
// Text without such characters comes back byte for byte.
std::string display_safe(std::string_view s);

// display_safe(s) on one line: tab, LF and CR become a space, for a console
// line that must stay one line.
std::string one_line_safe(std::string_view s);

// JSON text (what a serialiser produced: valid UTF-8, C0 controls already
// escaped) with every non-ASCII forbidden character (C1 controls,
// noncharacters) and every bidirectional control written as a \uXXXX escape (lower-case hex; a
// character above U+FFFF as a surrogate pair). A JSON parser reads the same
// values; the text itself shows no control when viewed. Such characters can
// only occur inside strings, so the escape is always in a string.
std::string json_text_safe(std::string_view json);
// The same, appended to `out`.
void append_json_text_safe(std::string& out, std::string_view json);

}  // namespace auditor

// The matching form of text: what titles, labels and names are compared in.
#pragma once

#include <string>
#include <string_view>

namespace auditor {

// For matching only: full-width digits, letters and brackets to ASCII,
// 〔〕【】［］ to [], （） to (), whitespace (Unicode White_Space) removed.
// Ill-formed bytes are kept as they are.
std::string normalize_for_match(std::string_view utf8);

}  // namespace auditor

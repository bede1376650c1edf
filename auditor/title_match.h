// Matching a title text against the checklist's document types, shared by
// classification (auditor/classify.cc) and doc_type_named(): title variants,
// and approval forms (a title ending in 审批表 … that names another document).
// Internal to auditor/; rules use doc_type_named() (auditor/rule_kinds.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "auditor/checklist.h"

namespace auditor {

// What a title names: the document type and, for an approval form, the type
// of the document it approves (nullptr otherwise).
struct TitleMatch {
  const DocType* type = nullptr;
  const DocType* approves = nullptr;
};

// `haystack` in normalize_for_match form; `except` (a type id) is skipped.
// A title ending in an approval ending is an approval form unless one of its
// own variants is (立案审批表, 结案审批表 ...); the approved document is the
// variant named before the ending, else the type whose variant contains that
// text (责令改正 -> 责令改正通知书); approving a decision makes it the
// penalty_approval, anything else the generic approval_form; an approval of
// something unknown gets no type. Inside a longer line (a catalogue row) a
// variant directly followed by an approval ending is an approval of it.
TitleMatch title_match(const std::string& haystack, const Checklist& checklist,
                       std::string_view except);

// The approval ending `s` ends with (审批表, 呈批表 ...), or empty.
std::string_view approval_ending(std::string_view s);

}  // namespace auditor

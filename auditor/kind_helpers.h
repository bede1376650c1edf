// Helpers shared by the rule kinds: params, document lookup, and the
// manual-check finding. Internal to the kinds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

// The value of param `name`, or `fallback` when the rule does not set it.
std::string rule_param(const Rule& r, std::string_view name, std::string fallback = {});
// A comma-separated list (、 also separates), trimmed, empties dropped.
std::vector<std::string> split_list(std::string_view list);
// "" when param `name` is absent or a whole number 1..99, else a Chinese reason.
std::string bad_count(const Rule& r, std::string_view name);
// "" when every id in `ids` is a document type of `cl`, else a Chinese reason.
std::string unknown_doc_type(const std::vector<std::string>& ids, const Checklist& cl);

// 《canonical title》 of a type id (the id itself when unknown).
std::string doc_title(const Checklist& cl, const std::string& type);
// 《title》（member path）, naming one document for messages and evidence.
std::string doc_label(const Checklist& cl, const Document& d);

// Whether a document has text to judge (has_text and not empty); a check
// never fails a document that is not readable.
bool readable(const Document& d);

// The documents of `c` whose type is one of `types`, in archive order.
std::vector<const Document*> documents_of(const Case& c, const std::vector<std::string>& types);

// Appends to `evidence` a line naming the documents of `c` whose type is
// unknown (up to ten), which might be the document a finding says is
// missing; nothing when every document has a type.
void add_unknown_documents(const Case& c, std::vector<std::string>& evidence);

// A manual_check finding of rule `r`: severity info, no deduction.
Finding manual_finding(const Rule& r, std::string message);

// Folds whitespace, full-width forms and bracket styles ((), [], 〔〕, 【】 all
// to []) for comparing names and numbers as written in different documents.
std::string fold(std::string_view s);

}  // namespace auditor

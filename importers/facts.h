// Facts pulled from the Simplified Chinese text of one document. Pure text in,
// facts out: no knowledge of rules. Fact kinds and value forms are listed in
// docs/facts.md; every fact keeps the snippet it came from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auditor/model.h"

namespace auditor {

std::vector<Fact> extract_facts(std::string_view text);

// The facts of a document's text, each read from a page OCR made
// (Document::ocr_pages) marked with that page and the confidence of its
// line (Fact::ocr_page, ocr_confidence): the page and line holding the
// start of the text it was read from.
std::vector<Fact> extract_facts(const Document& d);

// sha256 of the data compiled into the extractors (the date-label vocabulary,
// importers/date_labels.tsv): stored facts read with other data are stale.
const std::string& facts_data_sha256();

}  // namespace auditor

// Whole-case files: one PDF (or DOCX) holding several documents of a case,
// page after page, as case platforms export them (docs/whole-case-files.md).
// Runs before classify() on a parsed case and again on a stored one.
#pragma once

#include <string>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

// Splits each multi-page document whose pages (separated by '\f', as the
// PDF and DOCX readers mark them) start with titles of at least two
// different types into parts at those pages. A page's title is a short line
// among its first three non-empty lines that ends with a title variant
// (after an organ's name; a note in brackets may follow), or one wrapped
// over two lines; only heading-like lines may stand above it: no sentence,
// quotation, label or table row (，。；：《》“”、 or a tab), at most 40
// characters. A running header (a line starting half of the pages) is
// passed over.
// A page without a title, or whose title names the type of the part before,
// continues that part, unless printed page numbers ("第1页" on it, "第3页
// 共3页" on the page before) start another document of that type. Pages
// before the first title form a part of their own, and so does each run of
// pages without text (scans, blank pages: has_text false, read by hand).
// The part of "卷宗.pdf" covering pages 3 and 4 is "卷宗.pdf#第3-4页"
// ("#第5页" for one page; page indices, not printed numbers), with its own
// text, title, page count and facts (extract_facts), the member's format
// and metadata, and the signatures stamped on its pages (one without a page:
// the first part's). A document declared by a manifest is kept whole. Parts
// are never split again (their titled pages are of one type), so a re-check
// may run it on stored documents.
void split_documents(Case& c, const Checklist& checklist);

// The pages of `text` (split at '\f'); one page when it holds no mark.
std::vector<std::string> text_pages(const std::string& text);

}  // namespace auditor

// Internal to rule kind catalogue (auditor/catalogue.cc): the rows of a
// 卷内目录 and matching a row's title with the documents of the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor {

struct CatalogueEntry {
  std::string line;                  // the row as written (wrapped lines joined)
  std::string type;                  // document type; empty: a row naming no known type
  std::vector<std::string> numbers;  // 文号 written in the entry
  std::string title;                 // untyped rows: the title as written
};

// The entries of one readable catalogue, in order: each line (or a line and
// its wrapped continuation) naming a document type by a title variant, and
// each serial-numbered row naming none (table rows "1\t…\t题名\t…" — the
// title under the header's 题名 column, else the longest Han cell — and
// "1、现场照片……3" lines). Headers, 立卷人 and date lines are no entries.
std::vector<CatalogueEntry> catalogue_entries(const Document& catalogue, const Checklist& cl);

// A title folded for matching, without bracketed notes ("（共10张）"),
// leading serials and separators ("03-").
std::string catalogue_title_key(std::string_view s);

// Whether `d` is the document a row titled `key` (catalogue_title_key)
// names: its title, member name (without folder and extension) or first 600
// bytes of text hold the key, or the key holds its member name (≥ 2 Han
// characters).
bool catalogue_titled(const Document& d, const std::string& key);

}  // namespace auditor

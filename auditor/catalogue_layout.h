// Internal to rule kind catalogue (auditor/catalogue_entries.cc): repairs
// for catalogue rows as PDF and OFD readers give them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "auditor/checklist.h"

namespace auditor::catalogue_layout {

// Whether `s` holds a Han character.
bool has_han(const std::string& s);
// The length of "12 " at the start of `line` (1..3 ASCII digits and a space
// or tab); 0 when the line does not start so.
std::size_t spaced_serial(const std::string& line);
// Words naming the responsible organ (责任者: 人民政府, 办事处, 街道, 执法队).
bool organ_like(const std::string& s);
// A line continuing a wrapped untyped title: Han text without digits that
// names no type, no organ and starts no row.
bool title_continuation(const std::string& line, const Checklist& cl);
// Whether `title` ends like a document's name (…书 …表 …证 …录 …单 …据 …件
// …明 …告 …函 …图 …片), ignoring a bracketed note at its end.
bool document_like(std::string title);
// `s` without runs of six or more digits and the spaces around them (a date
// column interleaved into a wrapped title cell).
std::string without_long_numbers(const std::string& s);
// How many consecutive serials after `last` the digits `cell` concatenate
// ("23" after 1: rows merged into one line); 0 when not such a run.
int merged_serials(const std::string& cell, int last);
// The types of up to `n` titles in a merged line, in line order: every
// title variant found, the longest first, none overlapping another.
std::vector<const DocType*> merged_types(const std::string& line, int n, const Checklist& cl);

}  // namespace auditor::catalogue_layout

// Repairs for catalogue rows as PDF and OFD readers give them: wrapped
// cells, cells become words, a date column interleaved into a title, rows
// merged into one line (auditor/catalogue_layout.h).
#include "auditor/catalogue_layout.h"

#include <algorithm>
#include <cctype>

#include "auditor/rule_kinds.h"
#include "util/text_match.h"

namespace auditor::catalogue_layout {
namespace {

constexpr const char* kCatalogue = "catalogue";

}  // namespace

bool has_han(const std::string& s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    const unsigned char c = s[i];
    if (c >= 0xE4 && c <= 0xE9) return true;
  }
  return false;
}

// The length of "12 " at the start of `line`: 1..3 ASCII digits and a space
// or tab; 0 when the line does not start so.
std::size_t spaced_serial(const std::string& line) {
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits == 0 || digits > 3 || digits >= line.size()) return 0;
  return line[digits] == ' ' || line[digits] == '\t' ? digits + 1 : 0;
}

// Words naming the responsible organ (责任者), not a document.
bool organ_like(const std::string& s) {
  for (const char* w : {"人民政府", "办事处", "街道", "执法队"})
    if (s.find(w) != std::string::npos) return true;
  return false;
}

// A line continuing a wrapped untyped title: Han text without digits that
// names no type, no organ and starts no row.
bool title_continuation(const std::string& line, const Checklist& cl) {
  if (line.empty() || !has_han(line) || organ_like(line) || spaced_serial(line)) return false;
  if (std::any_of(line.begin(), line.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return false;
  return !doc_type_named(line, cl, kCatalogue);
}

// Whether `title` ends like a document's name (…书 …表 …证 …录 …单 …据 …件
// …明 …告 …函 …图 …片), ignoring a bracketed note at its end.
bool document_like(std::string title) {
  // A bracketed note at the end, closed or cut by the wrap: "缴款书（电子）".
  const std::size_t open = std::min(title.rfind("（"), title.rfind("("));
  if (open != std::string::npos && open > 0) {
    const std::string after = title.substr(open);
    std::size_t close = after.find("）");
    if (close != std::string::npos)
      close += std::string("）").size();
    else if ((close = after.find(')')) != std::string::npos)
      close += 1;
    if (close == std::string::npos || close == after.size()) title = title.substr(0, open);
  }
  for (const std::string end :
       {"书", "表", "证", "录", "单", "据", "件", "明", "告", "函", "图", "片"})
    if (title.size() >= end.size() &&
        title.compare(title.size() - end.size(), end.size(), end) == 0)
      return true;
  return false;
}

// `s` without runs of six or more digits and the spaces around them: a
// wrapped title cell that a PDF or OFD reader interleaved with the date
// column ("行政处罚事先 202403126告知书") reads whole again.
std::string without_long_numbers(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j - i >= 6) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      while (j < s.size() && s[j] == ' ') ++j;
      i = j;
    } else if (j > i) {
      out.append(s, i, j - i);
      i = j;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// How many consecutive serials after `last` the digits `cell` concatenate
// ("23" after 1, "101112131415" after 9: a reader merged those rows into
// one line); 0 when `cell` is not such a run.
int merged_serials(const std::string& cell, int last) {
  if (cell.empty() || cell.size() > 40 || !std::all_of(cell.begin(), cell.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }))
    return 0;
  std::size_t at = 0;
  int n = 0;
  while (at < cell.size()) {
    const std::string next = std::to_string(last + n + 1);
    if (cell.compare(at, next.size(), next) != 0) return 0;
    at += next.size();
    ++n;
  }
  return n;
}

// The types of up to `n` titles in a merged line, in line order: every
// title variant found, the longest first, none overlapping another.
std::vector<const DocType*> merged_types(const std::string& line, int n, const Checklist& cl) {
  const std::string rest = normalize_for_match(without_long_numbers(line));
  struct Hit {
    std::size_t at, len;
    const DocType* type;
  };
  std::vector<Hit> hits;
  for (const DocType& t : cl.doc_types) {
    if (t.id == kCatalogue) continue;
    for (std::size_t i = 0; i < t.titles.size(); ++i) {
      const std::string title =
          i < t.match_titles.size() ? t.match_titles[i] : normalize_for_match(t.titles[i]);
      for (std::size_t p = rest.find(title); !title.empty() && p != std::string::npos;
           p = rest.find(title, p + 1))
        hits.push_back({p, title.size(), &t});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.len > b.len; });
  std::vector<Hit> chosen;
  for (const Hit& h : hits) {
    const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const Hit& c) {
      return h.at < c.at + c.len && c.at < h.at + h.len;
    });
    if (!overlaps) chosen.push_back(h);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
  std::vector<const DocType*> out;
  for (const Hit& h : chosen)
    if (static_cast<int>(out.size()) < n) out.push_back(h.type);
  return out;
}

}  // namespace auditor::catalogue_layout

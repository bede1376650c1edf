#include "importers/split_documents.h"

#include "util/utf8.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <utility>

#include "auditor/title_match.h"
#include "importers/facts.h"
#include "importers/formats.h"
#include "importers/ocr.h"
#include "util/text_match.h"

namespace auditor {
namespace {

constexpr int kHeadLines = 3;              // non-empty lines of a page searched for its title
constexpr std::size_t kMaxTitleLine = 40;  // code points; longer lines are body text
constexpr std::size_t kMaxHalf = 20;       // code points of one half of a wrapped title

// Marks of a sentence, a quotation, a label or a table row: such a line is
// no title (根据《行政处罚决定书》…, 送达文书名称：…, 9<tab>询问笔录…).
constexpr std::string_view kNotInTitle[] = {"，", "。", "；", "：", ":",  ";",  ",", "《",
                                            "》", "“",  "”",  "\"", "\t", "、", "？"};

// A line as a running header is recognised: normalised, digits as '#'
// (案号：穗海…〔2024〕25号 第3页 共15页).
std::string header_key(std::string_view line) {
  std::string key = normalize_for_match(line);
  for (char& ch : key)
    if (std::isdigit(static_cast<unsigned char>(ch))) ch = '#';
  return key;
}

// The first `n` non-empty lines of a page, trimmed of whitespace, past the
// running headers `skip` (header_key forms).
std::vector<std::string> head_lines(std::string_view page, std::size_t n,
                                    const std::set<std::string>& skip) {
  std::vector<std::string> out;
  while (!page.empty() && out.size() < n) {
    const std::size_t end = std::min(page.find('\n'), page.size());
    std::string_view line = page.substr(0, end);
    page.remove_prefix(std::min(end + 1, page.size()));
    const std::size_t a = line.find_first_not_of(" \f\r\v");  // a leading tab: a table row
    if (a == std::string_view::npos) continue;
    const std::size_t b = line.find_last_not_of(" \f\r\v");
    line = line.substr(a, b - a + 1);
    if (skip.count(header_key(line))) continue;
    out.emplace_back(line);
  }
  return out;
}

// A title letter-spaced so widely that the PDF layout put its characters in
// cells of their own (送<tab>达<tab>回<tab>证): every cell one or two characters.
bool letter_spaced(std::string_view line) {
  for (std::size_t from = 0; from <= line.size();) {
    const std::size_t tab = std::min(line.find('\t', from), line.size());
    std::string_view cell = line.substr(from, tab - from);
    while (cell.starts_with(' ')) cell.remove_prefix(1);
    while (cell.ends_with(' ')) cell.remove_suffix(1);
    if (cell.empty() || code_point_count(cell) > 2) return false;
    from = tab + 1;
  }
  return true;
}

bool may_be_title(std::string_view line) {
  if (line.find('\t') != std::string_view::npos && !letter_spaced(line)) return false;
  for (std::string_view mark : kNotInTitle)
    if (mark != "\t" && line.find(mark) != std::string_view::npos) return false;
  return true;
}

// `s` (normalised) without one trailing bracketed note: 询问笔录(第二次).
std::string without_trailing_note(std::string s) {
  if (s.ends_with(")"))
    if (const std::size_t open = s.rfind('('); open != std::string::npos && open > 0) s.erase(open);
  return s;
}

// What the normalised line `key` names as a whole title: it ends with a
// variant of the matched type (or an approval ending) and what stands before
// holds no digit (an organ's name may: 某某街道办事处行政处罚决定书).
std::optional<std::pair<const DocType*, const DocType*>> title_of(const std::string& line,
                                                                  const Checklist& cl) {
  const std::string key = without_trailing_note(line);
  if (key.empty() || code_point_count(key) > kMaxTitleLine) return std::nullopt;
  const TitleMatch m = title_match(key, cl, {});
  if (!m.type) return std::nullopt;
  std::size_t prefix = std::string::npos;
  if (m.approves && !approval_ending(key).empty()) {
    prefix = 0;  // 某某审批表: the approved document's name stands before the ending
  } else {
    for (std::size_t i = 0; i < m.type->titles.size(); ++i) {
      const std::string v = i < m.type->match_titles.size()
                                ? m.type->match_titles[i]
                                : normalize_for_match(m.type->titles[i]);
      if (!v.empty() && key.ends_with(v)) prefix = std::min(prefix, key.size() - v.size());
    }
  }
  if (prefix == std::string::npos) return std::nullopt;
  for (std::size_t i = 0; i < prefix; ++i)
    if (std::isdigit(static_cast<unsigned char>(key[i]))) return std::nullopt;
  return std::pair{m.type, m.approves};
}

// Lines among the first two of at least half of the pages, and of three at
// least, that name no type: a header the exporting platform printed on every
// page (案号：…, 第3页 共15页), passed over when looking for a page's title.
std::set<std::string> running_headers(const std::vector<std::string>& pages, const Checklist& cl) {
  constexpr std::size_t kMinPages = 3;
  std::map<std::string, std::size_t> count;
  for (const std::string& page : pages) {
    std::set<std::string> keys;
    for (const std::string& line : head_lines(page, 2, {}))
      if (!title_of(normalize_for_match(line), cl)) keys.insert(header_key(line));
    for (const std::string& key : keys) ++count[key];
  }
  std::set<std::string> out;
  for (const auto& [key, n] : count)
    if (n >= kMinPages && 2 * n >= pages.size()) out.insert(key);
  return out;
}

// The type (and approved type) whose title heads a page (split_documents.h).
std::optional<std::pair<const DocType*, const DocType*>> page_title(
    std::string_view page, const Checklist& cl, const std::set<std::string>& headers) {
  // Normalised heading lines: the title, an organ's name or a page header
  // above it. The first line of body text (a sentence, a table row) ends
  // the search: a title below it is quoted or a cell, not the page's title.
  std::vector<std::string> lines;
  for (const std::string& raw : head_lines(page, kHeadLines, headers)) {
    if (!may_be_title(raw) || code_point_count(raw) > kMaxTitleLine) break;
    lines.push_back(normalize_for_match(raw));
  }
  for (const std::string& line : lines)
    if (auto t = title_of(line, cl)) return t;
  // A title wrapped over two short lines (行政处罚事先 / 告知书).
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string& a = lines[i - 1];
    const std::string& b = lines[i];
    if (code_point_count(a) > kMaxHalf || code_point_count(b) > kMaxHalf) continue;
    if (auto t = title_of(a + b, cl)) return t;
  }
  return std::nullopt;
}

// "原文件.pdf#第3-4页": pages first..last, 1-based.
std::string part_path(const std::string& path, std::size_t first, std::size_t last) {
  std::string out = path + "#第" + std::to_string(first);
  if (last != first) out += "-" + std::to_string(last);
  return out + "页";
}

// A part of `whole` made of pages [first, last) of `pages`.
Document make_part(const Document& whole, const std::vector<std::string>& pages, std::size_t first,
                   std::size_t last) {
  Document d;
  d.path = part_path(whole.path, first + 1, last);
  d.format = whole.format;
  d.metadata = whole.metadata;
  d.pages = static_cast<int>(last - first);
  // Signatures (OFD) go with the part holding their page; one without a
  // page with the first part.
  for (const Signature& g : whole.signatures) {
    const int from = static_cast<int>(first), to = static_cast<int>(last);  // pages from+1..to
    const bool here = g.page ? *g.page > from && *g.page <= to : first == 0;
    if (here) d.signatures.push_back(g);
  }
  for (std::size_t p = first; p < last; ++p) {
    if (p > first) d.text += '\f';
    d.text += pages[p];
  }
  d.has_text = d.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos;
  d.title = title_lines(d.text);
  d.ocr_pages = ocr_pages_of_part(whole, first, last);  // a scanned whole-case file's
  if (d.has_text) {
    d.facts = extract_facts(d);
    d.number = first_fact(d, "doc_number");
    d.date = first_fact(d, "doc_date");
  }
  return d;
}

// The page marker a form prints on each page, "第 2 页 共 3 页" (also
// 第2页/共3页, full-width digits): {2, 3}; nullopt when the page has none.
std::optional<std::pair<int, int>> page_marker(const std::string& page) {
  static const std::regex kMarker("第(\\d{1,3})页(?:,|，|/|／)?共(\\d{1,3})页");
  const std::string text = normalize_for_match(page);
  std::smatch m;
  if (!std::regex_search(text, m, kMarker)) return std::nullopt;
  return std::pair{std::stoi(m[1].str()), std::stoi(m[2].str())};
}

// Does page p open another document of the type of the part before? Only
// when the pages say so: p is printed "第1页", or the page before is the
// last of its document ("第3页 共3页").
bool opens_same_type(const std::vector<std::string>& pages, std::size_t p) {
  const auto here = page_marker(pages[p]);
  const auto before = p > 0 ? page_marker(pages[p - 1]) : std::nullopt;
  return (here && here->first == 1) || (before && before->first == before->second);
}

// The first page of each part of `pages`, or one start (0) when the
// document is no whole-case file.
std::vector<std::size_t> part_starts(const std::vector<std::string>& pages, const Checklist& cl) {
  const std::set<std::string> headers = running_headers(pages, cl);
  std::vector<std::size_t> starts{0};
  std::optional<std::pair<const DocType*, const DocType*>> current, first_seen;
  bool several_types = false;
  auto textless = [&](std::size_t p) {
    return pages[p].find_first_not_of(" \t\r\n\f\v") == std::string::npos;
  };
  for (std::size_t p = 0; p < pages.size(); ++p) {
    // A run of pages without text (scans, blank pages) is a part of its own,
    // reported as unreadable (IMP-no_text) rather than hidden in another.
    if (p > 0 && textless(p) != textless(p - 1)) {
      starts.push_back(p);
      current.reset();
    }
    if (textless(p)) continue;
    const auto t = page_title(pages[p], cl, headers);
    if (!t) continue;
    if (first_seen && *t != *first_seen) several_types = true;
    if (!first_seen) first_seen = t;
    // The title repeated on a following page of one record, unless the
    // printed page numbers start another document.
    if (current && *t == *current && !opens_same_type(pages, p)) continue;
    if (p > 0 && starts.back() != p) starts.push_back(p);
    current = t;
  }
  if (!several_types) return {0};
  return starts;
}

}  // namespace

std::vector<std::string> text_pages(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t ff; (ff = text.find('\f', start)) != std::string::npos; start = ff + 1)
    out.push_back(text.substr(start, ff - start));
  out.push_back(text.substr(start));
  return out;
}

void split_documents(Case& c, const Checklist& checklist) {
  std::vector<Document> out;
  out.reserve(c.documents.size());
  for (Document& d : c.documents) {
    if (d.type_source == Source::manifest || !d.has_text ||
        d.text.find('\f') == std::string::npos) {
      out.push_back(std::move(d));
      continue;
    }
    const std::vector<std::string> pages = text_pages(d.text);
    const std::vector<std::size_t> starts = part_starts(pages, checklist);
    if (starts.size() < 2) {
      out.push_back(std::move(d));
      continue;
    }
    for (std::size_t i = 0; i < starts.size(); ++i)
      out.push_back(
          make_part(d, pages, starts[i], i + 1 < starts.size() ? starts[i + 1] : pages.size()));
  }
  c.documents = std::move(out);
}

}  // namespace auditor

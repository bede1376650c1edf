// The rows of a 卷内目录 (rule kind catalogue, docs/formats/checklist.md):
// typed entries (a line naming a document type by a title variant) and
// untyped rows (a serial-numbered row naming none), and title matching.
#include "auditor/catalogue_entries.h"

#include <algorithm>
#include <cctype>

#include "auditor/catalogue_layout.h"
#include "auditor/kind_helpers.h"
#include "auditor/rule_kinds.h"
#include "util/text_match.h"

namespace auditor {
namespace {

using namespace catalogue_layout;

constexpr const char* kCatalogue = "catalogue";

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\f");  // \f: a PDF page start
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\f");
  return std::string(s.substr(first, last - first + 1));
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\f') out += c;
  return out;
}

std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t from = 0;
  for (std::size_t tab = line.find('\t');; tab = line.find('\t', from)) {
    cells.push_back(
        trimmed(std::string_view(line).substr(from, tab == std::string::npos ? tab : tab - from)));
    if (tab == std::string::npos) break;
    from = tab + 1;
  }
  return cells;
}

// The length of a serial number ("1", "12", "１２") at the start of `s`,
// followed by a cell end or a list separator (、 . ．); 0 when none.
std::size_t serial_length(const std::string& s) {
  const std::string folded = normalize_for_match(s.substr(0, std::min<std::size_t>(s.size(), 12)));
  std::size_t digits = 0;
  while (digits < folded.size() && std::isdigit(static_cast<unsigned char>(folded[digits])))
    ++digits;
  if (digits == 0 || digits > 3) return 0;
  if (digits == folded.size()) return s.size();
  for (const char* sep : {"、", ".", "．", " ", "\t"})
    if (folded.compare(digits, std::string(sep).size(), sep) == 0) return digits;
  return 0;
}

// A header cell naming the title column of a catalogue table.
bool title_header(const std::string& cell) {
  for (const char* h : {"题名", "文件名称", "文书名称", "材料名称", "文件材料名称", "名称", "标题"})
    if (cell == h) return true;
  return false;
}

// The title of a catalogue row that names no known document type: a table
// row whose first cell is a serial number (the title column from the header
// row, else its longest cell with Han text), or a "1、现场照片 3" line.
// Empty for lines that are not rows (headers, 立卷人, dates).
std::string untyped_title(const std::string& line, int title_column) {
  const std::vector<std::string> cells = cells_of(line);
  if (cells.size() >= 3) {
    if (serial_length(cells.front()) != cells.front().size()) return {};
    if (title_column > 0 && title_column < static_cast<int>(cells.size()) &&
        has_han(cells[title_column]))
      return without_long_numbers(cells[title_column]);
    std::string best;
    for (std::size_t k = 1; k < cells.size(); ++k)
      if (has_han(cells[k]) && cells[k].size() > best.size()) best = cells[k];
    return without_long_numbers(best);
  }
  std::string rest;
  if (const std::size_t spaced = spaced_serial(line)) {
    // "12 广东省非税收" (an OFD or PDF row whose cells became words): the
    // words after the serial, unless they are the responsible organ.
    rest = trimmed(line.substr(spaced));
    if (organ_like(rest)) return {};
  } else {
    const std::string folded = normalize_for_match(line);  // full-width digits, no spaces
    const std::size_t serial = serial_length(folded);
    if (serial == 0 || serial == folded.size()) return {};
    rest = folded.substr(serial);
  }
  for (const char* sep : {"、", ".", "．"})
    if (rest.rfind(sep, 0) == 0) rest = trimmed(rest.substr(std::string(sep).size()));
  // Trailing page numbers and leader dots: "现场照片……3".
  while (!rest.empty() && (std::isdigit(static_cast<unsigned char>(rest.back())) ||
                           rest.back() == '.' || rest.back() == ' ' || rest.back() == '-'))
    rest.pop_back();
  for (const std::string dots : {"…", "·"})
    while (rest.size() >= dots.size() &&
           rest.compare(rest.size() - dots.size(), dots.size(), dots) == 0)
      rest.erase(rest.size() - dots.size());
  return has_han(rest) ? trimmed(rest) : std::string();
}

}  // namespace

std::vector<CatalogueEntry> catalogue_entries(const Document& catalogue, const Checklist& cl) {
  std::vector<CatalogueEntry> out;
  std::string_view text = catalogue.text;
  int title_column = -1;
  std::vector<std::string> lines;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    lines.push_back(trimmed(text.substr(0, end)));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  int last_serial = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    // The row's serial: the digits the line starts with, before a tab or a
    // space; several when a reader merged consecutive rows into the line.
    std::size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits > 0 && (digits == line.size() || line[digits] == '\t' || line[digits] == ' ')) {
      const std::string serial = line.substr(0, digits);
      if (const int n = merged_serials(serial, last_serial); n >= 2) {
        for (const DocType* m : merged_types(line.substr(digits), n, cl))
          out.push_back(CatalogueEntry{line, m->id, {}, {}});
        last_serial += n;
        continue;
      }
      if (digits <= 3) last_serial = std::stoi(serial);
    }
    const DocType* t = doc_type_named(line, cl, kCatalogue);
    if (!t) t = doc_type_named(without_long_numbers(line), cl, kCatalogue);
    // A PDF or OFD table cell wraps its title over lines ("行政处罚事先" /
    // "（听证）告知" / "书"): a line naming no type joined with up to two next
    // lines naming none either is one entry when together they name a type.
    std::string joined = line;
    for (std::size_t k = 1; !t && k <= 2 && i + k < lines.size(); ++k) {
      if (lines[i + k].empty() || doc_type_named(lines[i + k], cl, kCatalogue)) break;
      joined += lines[i + k];
      if (const DocType* j = doc_type_named(joined, cl, kCatalogue)) {
        t = j;
        line = joined;
        i += k;
      }
    }
    if (!t) {
      const std::vector<std::string> cells = cells_of(line);
      for (std::size_t k = 0; k < cells.size() && cells.size() >= 3; ++k)
        if (title_header(cells[k])) title_column = static_cast<int>(k);
      std::string title = untyped_title(line, title_column);
      if (title.empty()) continue;
      if (cells.size() < 3 && spaced_serial(line)) {
        // A wrapped title ("12 广东省非税收" / "入电子缴款书"); the words after a
        // serial may also be a wrapped 文号 ("6 穗海南华综执"): only a title
        // ending like a document's name is an entry.
        std::size_t next = i;
        for (std::size_t k = 0;
             k < 2 && next + 1 < lines.size() && title_continuation(lines[next + 1], cl); ++k)
          title += lines[++next];
        if (!document_like(title)) continue;
        i = next;
      }
      out.push_back(CatalogueEntry{line, "", {}, std::move(title)});
      continue;
    }
    CatalogueEntry e{line, t->id, {}, {}};
    // The catalogue's own number facts (whitespace removed, verbatim) that
    // stand in this line.
    const std::string compact = without_spaces(line);
    for (const Fact& f : catalogue.facts)
      if ((f.kind == "doc_number" || f.kind == "cited_number") &&
          compact.find(f.value) != std::string::npos)
        e.numbers.push_back(f.value);
    out.push_back(std::move(e));
  }
  return out;
}

// `s` folded for title matching, without bracketed notes ("（共10张）"),
// leading serials and separators ("03-").
std::string catalogue_title_key(std::string_view s) {
  std::string t = fold(s);  // brackets folded to []
  for (std::size_t open = t.find('['); open != std::string::npos; open = t.find('[', open)) {
    const std::size_t close = t.find(']', open);
    if (close == std::string::npos) break;
    t.erase(open, close + 1 - open);
  }
  std::size_t lead = 0;
  while (lead < t.size() && (std::isdigit(static_cast<unsigned char>(t[lead])) ||
                             std::string("-_. ").find(t[lead]) != std::string::npos))
    ++lead;
  return t.substr(lead);
}

// Whether `d` is the document a catalogue row titled `key` names: its title,
// member name (without folder and extension) or opening text holds the
// row's title, or the row's title holds its member name.
bool catalogue_titled(const Document& d, const std::string& key) {
  if (key.empty()) return false;
  std::string name = d.path.substr(d.path.find_last_of('/') + 1);
  name = catalogue_title_key(name.substr(0, name.rfind('.')));
  const std::string head = catalogue_title_key(std::string_view(d.text).substr(0, 600));
  return catalogue_title_key(d.title).find(key) != std::string::npos ||
         name.find(key) != std::string::npos || head.find(key) != std::string::npos ||
         (name.size() >= 6 && key.find(name) != std::string::npos);
}

}  // namespace auditor

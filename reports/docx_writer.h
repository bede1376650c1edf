// A minimal DOCX (WordprocessingML) writer for case documents and inspection
// reports: A4 pages with official-document margins, Chinese fonts declared
// (仿宋_GB2312 body, 宋体 headings, Times New Roman for Latin text), headings,
// paragraphs and grid tables. All text is XML-escaped; ill-formed UTF-8
// becomes U+FFFD and characters XML 1.0 forbids are dropped (xml_safe,
// util/text_safety.h). Bidirectional controls are written as given: a report
// makes them visible before it calls the writer (display_safe).
// Output is deterministic: the same calls give the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/status.h"

namespace auditor {

enum class Align { left, center, right, justify };

struct ParagraphStyle {
  bool bold = false;
  Align align = Align::left;
  bool indent = false;  // first line indented by two characters
};

struct TableStyle {
  // Relative column widths; empty = equal columns.
  std::vector<int> weights;
  bool header = false;  // first row bold and repeated on each page
};

class DocxWriter {
 public:
  // Document properties written to docProps/core.xml, empty ones left out;
  // `created` is W3CDTF, e.g. 2024-03-01T09:00:00Z.
  explicit DocxWriter(std::string title = {}, std::string author = {}, std::string created = {})
      : title_(std::move(title)), author_(std::move(author)), created_(std::move(created)) {}

  // Level 1 is a document title (centred, large); 2 and 3 are section
  // headings. Levels outside 1..3 are clamped.
  void heading(std::string_view text, int level = 1);
  // '\n' in `text` becomes a line break, '\t' a tab.
  void paragraph(std::string_view text, ParagraphStyle style = {});
  // One row per vector; a row shorter than the widest one has its last cell
  // spanning the remaining columns. '\n' in a cell starts a new paragraph.
  void table(const std::vector<std::vector<std::string>>& rows, TableStyle style = {});
  void page_break();

  // Bytes of body written so far, and room for `bytes` of body in all, so a
  // large document grows without copying itself.
  std::size_t body_size() const { return body_.size(); }
  void reserve(std::size_t bytes) { body_.reserve(bytes); }

  // The .docx bytes. Fails only when the zip cannot be written (Chinese
  // reason). The writer may be finished more than once.
  Result<std::string> finish() const;

 private:
  std::string title_, author_, created_;
  std::string body_;  // w:body children written so far
};

// `text` escaped for XML character data and attribute values (<&>"'), made
// xml_safe first (well-formed UTF-8, XML-forbidden characters dropped).
std::string xml_escape(std::string_view text);
// The same, appended to `out`.
void append_xml_escaped(std::string& out, std::string_view text);

}  // namespace auditor

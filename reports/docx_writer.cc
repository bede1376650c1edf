#include "reports/docx_writer.h"

#include <algorithm>
#include <numeric>

#include "reports/docx_parts.h"
#include "reports/zip_writer.h"
#include "util/text_safety.h"

namespace auditor {
namespace {

// A4 text width in twips with the GB/T 9704 margins of docx_parts.cc.
constexpr int kTextWidth = 11906 - 1588 - 1474;

const char* jc_value(Align a) {
  switch (a) {
    case Align::center:
      return "center";
    case Align::right:
      return "right";
    case Align::justify:
      return "both";
    case Align::left:
      break;
  }
  return "left";
}

// Runs for `text`, appended to `out`: '\n' becomes <w:br/>, '\t' <w:tab/>.
void runs(std::string& out, std::string_view text, bool bold) {
  out += "<w:r>";
  if (bold) out += "<w:rPr><w:b/><w:bCs/></w:rPr>";
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\t') continue;
    if (i > start) {
      out += "<w:t xml:space=\"preserve\">";
      append_xml_escaped(out, text.substr(start, i - start));
      out += "</w:t>";
    }
    if (i < text.size()) out += text[i] == '\n' ? "<w:br/>" : "<w:tab/>";
    start = i + 1;
  }
  out += "</w:r>";
}

void para(std::string& out, std::string_view text, std::string_view style_id,
          const ParagraphStyle& s) {
  out += "<w:p>";
  if (!style_id.empty() || s.indent || s.align != Align::left) {
    out += "<w:pPr>";
    if (!style_id.empty()) out.append("<w:pStyle w:val=\"").append(style_id).append("\"/>");
    if (s.indent) out += "<w:ind w:firstLineChars=\"200\" w:firstLine=\"560\"/>";
    if (s.align != Align::left)
      out.append("<w:jc w:val=\"").append(jc_value(s.align)).append("\"/>");
    out += "</w:pPr>";
  }
  if (!text.empty()) runs(out, text, s.bold);
  out += "</w:p>";
}

std::vector<int> column_widths(std::size_t columns, const std::vector<int>& weights) {
  std::vector<int> w(columns, 1);
  for (std::size_t i = 0; i < columns && i < weights.size(); ++i) w[i] = std::max(weights[i], 1);
  const int total = std::accumulate(w.begin(), w.end(), 0);
  for (int& x : w) x = kTextWidth * x / total;
  return w;
}

void cell(std::string& out, std::string_view text, int width, int span, bool bold) {
  out.append("<w:tc><w:tcPr><w:tcW w:w=\"")
      .append(std::to_string(width))
      .append("\" w:type=\"dxa\"/>");
  if (span > 1) out.append("<w:gridSpan w:val=\"").append(std::to_string(span)).append("\"/>");
  out += "</w:tcPr>";
  std::size_t start = 0;
  while (true) {  // one paragraph per line; a cell always has at least one
    const std::size_t nl = text.find('\n', start);
    para(out, text.substr(start, nl - start), "", {.bold = bold});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  out += "</w:tc>";
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text) {
  std::string safe;
  if (!is_xml_safe(text)) text = safe = xml_safe(text);
  std::size_t plain = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char* entity = nullptr;
    switch (c) {
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '&':
        entity = "&amp;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&apos;";
        break;
      default:
        continue;
    }
    out.append(text.substr(plain, i - plain)).append(entity);
    plain = i + 1;
  }
  out.append(text.substr(plain));
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_xml_escaped(out, text);
  return out;
}

void DocxWriter::heading(std::string_view text, int level) {
  level = std::clamp(level, 1, 3);
  para(body_, text, "Heading" + std::to_string(level), {});
}

void DocxWriter::paragraph(std::string_view text, ParagraphStyle style) {
  para(body_, text, "", style);
}

void DocxWriter::table(const std::vector<std::vector<std::string>>& rows, TableStyle style) {
  std::size_t columns = 1;
  for (const auto& r : rows) columns = std::max(columns, r.size());
  const std::vector<int> widths = column_widths(columns, style.weights);
  body_ +=
      "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
      "<w:tblW w:w=\"" +
      std::to_string(kTextWidth) +
      "\" w:type=\"dxa\"/>"
      "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>";
  for (int w : widths) body_ += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  body_ += "</w:tblGrid>";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const bool head = style.header && r == 0;
    body_ += head ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>";
    const std::vector<std::string>& row = rows[r];
    const std::size_t n = std::max<std::size_t>(row.size(), 1);
    for (std::size_t c = 0; c < n; ++c) {
      const bool last = c + 1 == n;
      const int span = last ? static_cast<int>(columns - c) : 1;
      const int width = std::accumulate(widths.begin() + c, widths.begin() + c + span, 0);
      cell(body_, c < row.size() ? row[c] : "", width, span, head);
    }
    body_ += "</w:tr>";
  }
  // Word needs a paragraph between a table and what follows it.
  body_ += "</w:tbl><w:p/>";
}

void DocxWriter::page_break() { body_ += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"; }

Result<std::string> DocxWriter::finish() const {
  std::vector<ZipMember> parts;
  const auto add = [&](std::string name, std::string data) {
    parts.emplace_back(std::move(name), std::move(data));
  };
  add("[Content_Types].xml", docx_content_types());
  add("_rels/.rels", docx_package_rels());
  const std::string head = docx_document_head(), tail = docx_document_tail();
  add("word/document.xml", "");
  parts.back().pieces = {head, body_, tail};  // the body is not copied
  // The body of a round report runs to hundreds of megabytes of repetitive
  // XML: the fastest level compresses it several times faster for a
  // slightly larger file.
  parts.back().level = 1;
  add("word/_rels/document.xml.rels", docx_document_rels());
  add("word/styles.xml", docx_styles());
  add("docProps/core.xml", docx_core(title_, author_, created_));
  return write_zip(parts);
}

}  // namespace auditor

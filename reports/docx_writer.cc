#include "reports/docx_writer.h"

#include <algorithm>
#include <numeric>

#include "reports/docx_parts.h"
#include "reports/zip_writer.h"

namespace auditor {
namespace {

// A4 text width in twips with the GB/T 9704 margins of docx_parts.cc.
constexpr int kTextWidth = 11906 - 1588 - 1474;

const char* jc_value(Align a) {
  switch (a) {
    case Align::center: return "center";
    case Align::right: return "right";
    case Align::justify: return "both";
    case Align::left: break;
  }
  return "left";
}

// Runs for `text`: '\n' becomes <w:br/>, '\t' becomes <w:tab/>.
std::string runs(std::string_view text, bool bold) {
  const std::string rpr = bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "";
  std::string out = "<w:r>" + rpr;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '\t') continue;
    if (i > start) {
      out += "<w:t xml:space=\"preserve\">" + xml_escape(text.substr(start, i - start)) +
             "</w:t>";
    }
    if (i < text.size()) out += text[i] == '\n' ? "<w:br/>" : "<w:tab/>";
    start = i + 1;
  }
  return out + "</w:r>";
}

std::string para(std::string_view text, std::string_view style_id, const ParagraphStyle& s) {
  std::string ppr;
  if (!style_id.empty()) ppr += "<w:pStyle w:val=\"" + std::string(style_id) + "\"/>";
  if (s.indent) ppr += "<w:ind w:firstLineChars=\"200\" w:firstLine=\"560\"/>";
  if (s.align != Align::left) ppr += std::string("<w:jc w:val=\"") + jc_value(s.align) + "\"/>";
  if (!ppr.empty()) ppr = "<w:pPr>" + ppr + "</w:pPr>";
  return "<w:p>" + ppr + (text.empty() ? "" : runs(text, s.bold)) + "</w:p>";
}

std::vector<int> column_widths(std::size_t columns, const std::vector<int>& weights) {
  std::vector<int> w(columns, 1);
  for (std::size_t i = 0; i < columns && i < weights.size(); ++i) w[i] = std::max(weights[i], 1);
  const int total = std::accumulate(w.begin(), w.end(), 0);
  for (int& x : w) x = kTextWidth * x / total;
  return w;
}

std::string cell(std::string_view text, int width, int span, bool bold) {
  std::string out = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
  if (span > 1) out += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
  out += "</w:tcPr>";
  std::size_t start = 0;
  while (true) {  // one paragraph per line; a cell always has at least one
    const std::size_t nl = text.find('\n', start);
    out += para(text.substr(start, nl - start), "", {.bold = bold});
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out + "</w:tc>";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

void DocxWriter::heading(std::string_view text, int level) {
  level = std::clamp(level, 1, 3);
  body_ += para(text, "Heading" + std::to_string(level), {});
}

void DocxWriter::paragraph(std::string_view text, ParagraphStyle style) {
  body_ += para(text, "", style);
}

void DocxWriter::table(const std::vector<std::vector<std::string>>& rows, TableStyle style) {
  std::size_t columns = 1;
  for (const auto& r : rows) columns = std::max(columns, r.size());
  const std::vector<int> widths = column_widths(columns, style.weights);
  body_ += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>"
           "<w:tblW w:w=\"" + std::to_string(kTextWidth) + "\" w:type=\"dxa\"/>"
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
      body_ += cell(c < row.size() ? row[c] : "", width, span, head);
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
  add("word/document.xml", docx_document(body_));
  add("word/_rels/document.xml.rels", docx_document_rels());
  add("word/styles.xml", docx_styles());
  add("docProps/core.xml", docx_core(title_, author_, created_));
  return write_zip(parts);
}

}  // namespace auditor

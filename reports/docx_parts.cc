#include "reports/docx_parts.h"

#include "reports/docx_writer.h"

namespace auditor {
namespace {

constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelBase =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Run properties of one font set: Latin and complex script in Times New
// Roman, East Asian in `east_asia`, size in half-points.
std::string fonts(std::string_view east_asia, int half_points) {
  const std::string sz = std::to_string(half_points);
  return "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"" +
         std::string(east_asia) + "\" w:cs=\"Times New Roman\"/><w:sz w:val=\"" + sz +
         "\"/><w:szCs w:val=\"" + sz + "\"/>";
}

std::string heading_style(int level, int half_points, std::string_view extra_ppr) {
  const std::string n = std::to_string(level);
  return "<w:style w:type=\"paragraph\" w:styleId=\"Heading" + n + "\"><w:name w:val=\"heading " +
         n +
         "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
         "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"240\"/>" +
         std::string(extra_ppr) + "<w:outlineLvl w:val=\"" + std::to_string(level - 1) +
         "\"/></w:pPr><w:rPr>" + fonts("宋体", half_points) + "<w:b/><w:bCs/></w:rPr></w:style>";
}

}  // namespace

std::string docx_content_types() {
  return std::string(kXmlDecl) +
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" "
         "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" "
         "ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
         "<Override PartName=\"/word/styles.xml\" "
         "ContentType=\"application/"
         "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
         "<Override PartName=\"/docProps/core.xml\" "
         "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
         "</Types>";
}

std::string docx_package_rels() {
  return std::string(kXmlDecl) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"" +
         kRelBase +
         "/officeDocument\" Target=\"word/document.xml\"/>"
         "<Relationship Id=\"rId2\" "
         "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
         "core-properties\" Target=\"docProps/core.xml\"/>"
         "</Relationships>";
}

std::string docx_document_rels() {
  return std::string(kXmlDecl) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"" +
         kRelBase +
         "/styles\" Target=\"styles.xml\"/>"
         "</Relationships>";
}

std::string docx_styles() {
  const std::string border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
  std::string borders;
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    borders += std::string("<w:") + side + " " + border;
  return std::string(kXmlDecl) + "<w:styles xmlns:w=\"" + kW +
         "\">"
         "<w:docDefaults><w:rPrDefault><w:rPr>" +
         fonts("仿宋_GB2312", 28) +
         "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
         "<w:pPrDefault><w:pPr><w:spacing w:line=\"360\" w:lineRule=\"auto\"/></w:pPr>"
         "</w:pPrDefault></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
         "w:val=\"Normal\"/>"
         "<w:qFormat/><w:rPr>" +
         fonts("仿宋_GB2312", 28) + "</w:rPr></w:style>" +
         heading_style(1, 44, "<w:jc w:val=\"center\"/>") + heading_style(2, 32, "") +
         heading_style(3, 28, "") +
         "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name "
         "w:val=\"Normal Table\"/>"
         "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" "
         "w:type=\"dxa\"/>"
         "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
         "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
         "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
         "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>" +
         borders + "</w:tblBorders></w:tblPr></w:style></w:styles>";
}

std::string docx_document_head() {
  return std::string(kXmlDecl) + "<w:document xmlns:w=\"" + kW + "\" xmlns:r=\"" + kRelBase +
         "\"><w:body>";
}

std::string docx_document_tail() {
  // A4 portrait with the GB/T 9704 margins (37/35/28/26 mm).
  return "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" "
         "w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" "
         "w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
}

std::string docx_core(std::string_view title, std::string_view author, std::string_view created) {
  std::string out =
      std::string(kXmlDecl) +
      "<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  if (!title.empty()) out += "<dc:title>" + xml_escape(title) + "</dc:title>";
  if (!author.empty()) out += "<dc:creator>" + xml_escape(author) + "</dc:creator>";
  if (!created.empty()) {
    out += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + xml_escape(created) +
           "</dcterms:created>";
  }
  return out + "</cp:coreProperties>";
}

}  // namespace auditor

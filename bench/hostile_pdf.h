// Small generators of PDFs made to cost a lot to parse (issue 15): a few
// kilobytes that keep a PDF reader busy for hours or gigabytes. Used by
// tests/doc_budget_test.cc and by bench/make_hostile.cc, which writes them to
// disk for timing the real binary (docs/hostile-input.md).
#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace auditor::bench {

// A PDF of `objects` (object k + 1 is objects[k], without "obj"/"endobj"),
// catalog 1 0 R, with a correct cross-reference table.
inline std::string pdf_of(const std::vector<std::string>& objects) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t k = 0; k < objects.size(); ++k) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<</Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R>>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

inline std::string pdf_stream(const std::string& dict, const std::string& data) {
  return "<<" + dict + "/Length " + std::to_string(data.size()) + ">>\nstream\n" + data +
         "\nendstream";
}

// One page whose content draws form X1; form Xk draws X(k+1) `fanout` times,
// down to `levels` levels, the last one showing a glyph: fanout^levels glyphs
// from about 2 KB (10 x 9: a billion glyphs).
inline std::string pdf_nested_forms(int fanout, int levels) {
  // 1 catalog, 2 pages, 3 page, 4 font, 5 content, 6.. forms.
  std::vector<std::string> o = {
      "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
      "<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Resources<</XObject<</X 6 0 R>>>>"
      "/Contents 5 0 R>>",
      "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>", pdf_stream("", "/X Do")};
  for (int level = 1; level <= levels; ++level) {
    const int id = 5 + level;
    std::string draw, resources = "<</Font<</F1 4 0 R>>";
    if (level < levels) {
      for (int k = 0; k < fanout; ++k) draw += "/X Do\n";
      resources += "/XObject<</X " + std::to_string(id + 1) + " 0 R>>";
    } else {
      draw = "BT /F1 12 Tf 72 700 Td (A) Tj ET";
    }
    o.push_back(pdf_stream(
        "/Type/XObject/Subtype/Form/BBox[0 0 612 792]/Resources" + resources + ">>", draw));
  }
  return pdf_of(o);
}

// `pages` pages sharing one content stream of `glyphs` glyphs in words of
// five letters, 100 glyphs a line (2,500 x 50,000: 125 million glyphs).
inline std::string pdf_shared_content(int pages, int glyphs) {
  std::string text = "BT /F1 1 Tf 1.2 TL 10 780 Td\n(";
  for (int g = 0; g < glyphs; ++g) {
    text += (g % 6 == 5) ? ' ' : static_cast<char>('A' + g % 26);
    if (g % 100 == 99) text += ") Tj T*\n(";
  }
  text += ") Tj ET";
  // 1 catalog, 2 pages, 3 font, 4 content, 5.. pages.
  std::string kids;
  for (int p = 0; p < pages; ++p) kids += std::to_string(5 + p) + " 0 R ";
  std::vector<std::string> o = {"<</Type/Catalog/Pages 2 0 R>>",
                                "<</Type/Pages/Kids[" + kids + "]/Count " + std::to_string(pages) +
                                    "/MediaBox[0 0 612 792]/Resources<</Font<</F1 3 0 R>>>>>>",
                                "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
                                pdf_stream("", text)};
  for (int p = 0; p < pages; ++p) o.push_back("<</Type/Page/Parent 2 0 R/Contents 4 0 R>>");
  return pdf_of(o);
}

}  // namespace auditor::bench

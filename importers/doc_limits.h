// The cost limits of one document, shared by the DOCX, OFD and PDF readers
// (the PDF module includes this header too). Each is checked before the work
// it bounds, so a legitimate large document stays fast and a hostile one
// stops early with an import issue naming the limit; what was read up to the
// limit is kept. Measurements: docs/hostile-input.md ("Cost per document").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace auditor {

// Text kept per document. The fact extractors hold about 24 bytes per
// character of text while they run (importers/facts_text.h), so 8 MB is at
// most ~200 MB there; it is 2.7 million Han characters, over 1,500 dense
// A4 pages, where a whole-case file of 500 pages has about 2 MB.
inline constexpr std::size_t kMaxTextBytes = 8u << 20;

// Pages whose text is extracted per PDF, and per OFD package (all its
// documents together). Each page costs at least its content's parse, which
// the page count multiplies (a page tree may name one content stream 2,500
// times); whole-case files run to a few hundred pages.
inline constexpr int kMaxPages = 2000;

// Words (PDF) or text runs (OFD) held for the layout of one document
// (importers/layout/layout.h), which keeps about 150 bytes for each while it
// learns a document's table columns over all its pages: 1,000,000 is some
// 150 MB, and 700 pages of an OFD writer that sets each character apart.
inline constexpr std::size_t kMaxDocWords = 1000000;

// Budget of one XML part's tree (DOCX, OFD), the parse buffer included.
// The estimate below gives about 4 times the size for OFD page descriptions
// and 6 to 7 times for WordprocessingML (LibreOffice and Word output), so
// parts up to some 18 MB (several hundred pages) fit; a part needing more is
// not parsed. With the member and the part's bytes beside it, a reader stays
// well inside the parse process's address space (768 MB, importers/import.h).
inline constexpr std::uint64_t kMaxXmlTreeBytes = 128ull << 20;

// An upper bound of the bytes pugixml (1.13, 64-bit, default build) takes to
// parse `xml` with parse_default: the buffer (its copy, or the part parsed
// in place), 64 bytes per node and 40 per attribute, plus its 32 KB pages'
// headers and unused ends (under 1/64) and a first page. Every element and
// end tag starts with '<', every text node after a '>' that no '<' follows,
// every attribute has an '=': counting those bytes bounds the nodes and
// attributes whatever comments or quotes hide. 200 MB of `<a/>` gives
// 3.5 GB. One pass over the bytes.
inline std::uint64_t xml_tree_bytes(std::string_view xml) {
  constexpr std::uint64_t kNode = 64;
  constexpr std::uint64_t kAttribute = 40;
  std::uint64_t nodes = 1, attributes = 0;  // the document node
  const char* p = xml.data();
  const char* end = p + xml.size();
  for (; p < end; ++p) {
    const char c = *p;
    if (c == '<') {
      ++nodes;
    } else if (c == '>') {
      nodes += p + 1 < end && p[1] != '<';
    } else if (c == '=') {
      ++attributes;
    }
  }
  const std::uint64_t tree = xml.size() + kNode * nodes + kAttribute * attributes;
  return tree + tree / 64 + (64u << 10);
}

// Cuts `text` to at most kMaxTextBytes, after its last whole line (at a
// character boundary when that line alone is longer); true when it cut.
// Readers check the budget before each part or page; this trims the one
// that went past it.
inline bool cap_text(std::string& text) {
  if (text.size() <= kMaxTextBytes) return false;
  std::size_t cut = text.rfind('\n', kMaxTextBytes - 1);
  if (cut == std::string::npos) {
    cut = kMaxTextBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  } else {
    ++cut;
  }
  text.resize(cut);
  return true;
}

// Whole megabytes, rounded up, for messages.
inline std::uint64_t mb_of(std::uint64_t bytes) { return (bytes + (1u << 20) - 1) >> 20; }

}  // namespace auditor

// The text of a Word 97-2003 binary document (MS-DOC) from its streams:
// the File Information Block at the start of WordDocument, the piece table
// (Clx) in the table stream, and the paragraph properties (PlcBtePapx, its
// FKP pages, large ones in the Data stream) that tell a table's cell ends
// from its row ends. No I/O and
// no library: importers/legacy_doc.cc takes the streams out of the compound
// file. docs/formats/doc.md describes the text rules.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace auditor {

struct FcLcb {
  std::uint32_t fc = 0;   // offset in the table stream
  std::uint32_t lcb = 0;  // byte count
};

// The parts of the FIB the text needs.
struct WordFib {
  std::uint16_t ident = 0;  // 0xA5EC
  std::uint16_t nfib = 0;   // 0x00C1 from Word 97 on (later versions say more elsewhere)
  bool encrypted = false;   // fEncrypted: RC4 or XOR obfuscation, a password is needed
  bool table1 = false;      // fWhichTblStm: the table stream is 1Table, else 0Table
  // Story lengths in CPs, in their order: main, footnotes, headers and
  // footers, (macros), comments, endnotes, text boxes.
  std::uint32_t ccp_text = 0, ccp_ftn = 0, ccp_hdd = 0, ccp_mcr = 0, ccp_atn = 0, ccp_edn = 0,
                ccp_txbx = 0;
  FcLcb clx;   // the piece table
  FcLcb papx;  // PlcBtePapx
};

// Reads the FIB; fails (Chinese reason) when WordDocument is too short for
// one or it is not Word 97-2003's (Word 95 and older have no piece table
// in a table stream).
Result<WordFib> read_word_fib(std::string_view word);

// The document's text: the main story, then the non-blank lines of the
// text box story, then those of the header and footer story not repeated. `problems` names damage
// met on the way (a cut piece table), each a Chinese clause; the text read
// before it is kept. `capped` when the text reached kMaxTextBytes
// (importers/doc_limits.h) and was cut.
struct WordText {
  std::string text;
  std::vector<std::string> problems;
  bool capped = false;
};

// Work is bounded by the streams' sizes: the pieces read must lie inside
// WordDocument without overlapping (a piece table that breaks this is cut
// at the first such piece), so at most one character per byte of it is
// converted; paragraph properties are parsed once per distinct entry and
// at most kMaxSprmBytes in all.
// `data` is the Data stream (empty when the file has none).
WordText word_text(std::string_view word, std::string_view table, std::string_view data,
                   const WordFib& fib);

// Sprm bytes scanned for paragraph properties per document; past it cell and
// row ends are told apart by the marks alone.
inline constexpr std::size_t kMaxSprmBytes = 16u << 20;

}  // namespace auditor

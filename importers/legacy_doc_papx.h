// The paragraph properties a Word 97-2003 document's text needs (MS-DOC
// PlcBtePapx, FKP pages, PAPX sprms): whether a mark ends a table cell or
// row, and page breaks before paragraphs. Used by importers/legacy_doc_text.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "importers/legacy_doc_text.h"

namespace auditor {

// What the text needs of a paragraph's properties.
struct ParagraphProps {
  bool in_table = false;           // sprmPFInTable
  bool row_end = false;            // sprmPFTtp: this mark ends a table row
  bool inner_cell_end = false;     // sprmPFInnerTableCell: ends a nested table's cell
  bool inner_row_end = false;      // sprmPFInnerTtp: ends a nested table's row
  bool page_break_before = false;  // sprmPFPageBreakBefore
};

// The properties of the paragraph a mark at byte `fc` of WordDocument ends,
// from the PlcBtePapx (table stream), its 512-byte FKP pages (WordDocument)
// and, for large ones (a table row's), the Data stream. nullopt when they
// cannot be read.
class Paragraphs {
 public:
  // `word`, `table` and `data` are the streams (data may be empty); they
  // must outlive the object.
  Paragraphs(std::string_view word, std::string_view table, std::string_view data,
             const FcLcb& papx);

  // The properties of the paragraph holding the character at byte `fc`;
  // nullopt when they cannot be read or the sprm budget is spent.
  std::optional<ParagraphProps> at(std::uint32_t fc);

 private:
  std::optional<ParagraphProps> parse_papx(std::string_view fkp, std::size_t offset);
  bool apply_sprms(std::string_view g, ParagraphProps& props, bool follow);
  static std::size_t variable_size(std::string_view g, std::size_t at, std::uint16_t sprm);

  std::string_view word_, data_, plc_;
  std::size_t count_ = 0;
  std::size_t scanned_ = 0;  // sprm bytes read, against kMaxSprmBytes
  std::unordered_map<std::uint64_t, std::optional<ParagraphProps>> cache_;  // by page, offset
};
}  // namespace auditor

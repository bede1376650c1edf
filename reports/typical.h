// The typical-case compilation (典型案例汇编, docs/formats/typical.md): one
// DOCX with, per case, a title and the sections 【关键词】【基本案情】
// 【问题与依据】【处理】【典型意义】 in the published shape. Every string of
// the input passes through mask_text (reports/mask.h) with the case's terms
// before it is written: the caller gives the texts as the case has them.
#pragma once

#include <string>
#include <vector>

#include "reports/mask.h"
#include "util/status.h"

namespace auditor {

// The file the compilation is written to, in the report folder.
inline constexpr char kTypicalFileName[] = "典型案例汇编.docx";

struct TypicalEntry {
  std::string title;                      // e.g. 广州市海珠区某某五金店占道经营案
  std::vector<std::string> keywords;      // 【关键词】, joined with 　
  std::vector<std::string> facts;         // 【基本案情】, one paragraph each
  std::vector<std::string> problems;      // 【问题与依据】
  std::vector<std::string> handling;      // 【处理】
  std::vector<std::string> significance;  // 【典型意义】
  MaskTerms terms;                        // what to mask in this entry
};

struct TypicalInput {
  std::string title;     // the compilation's title
  std::string subtitle;  // e.g. the round's name; "" when none
  std::string created;   // W3CDTF for the document properties; "" when none
  std::vector<TypicalEntry> cases;
};

// The compilation's DOCX bytes (DocxWriter). A section without text says
// 无 (of 【典型意义】: the note was left empty).
Result<std::string> docx_typical(const TypicalInput& in);

}  // namespace auditor

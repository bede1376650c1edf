// A fixed database for the report tests, built through Store::save_case:
//
//   round "第一轮" (inspection, 张三, 2024-05-01):
//     A 赤岗 穗海赤岗综执立〔2024〕12号  合格 85  REQ-3-penalty_notice (major),
//       DL-service (minor), one manual check
//     B 新港 穗海新港综执立〔2024〕3号   优秀 95  NUM-year (minor)
//     C 坏包.zip rejected
//   round "第二轮" (inspection, 2024-09-01), same streets:
//     A 不合格 0  DL-service (persisting), SEAL-name (veto, new)
//     B 优秀 100  no findings (NUM-year rectified)
//     H 赤岗, hostile strings in archive, party and finding text; 优秀 90
//   round "赤岗自查" (self_check, 2024-10-01): S 赤岗 with one major finding,
//     T 赤岗 with a minor one.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "reports/report.h"
#include "store/store.h"
#include "tests/cli_support.h"

namespace auditor::test {

// Text with every kind of character that needs escaping somewhere.
extern const std::string kHostile;

// The cases and audits saved in round "第一轮", in save order.
std::vector<CaseResult> first_round_cases();

struct ReportFixture {
  ReportFixture();
  TempDir dir;
  std::filesystem::path db;
  std::unique_ptr<Store> store;

  // Writes the round's reports into dir/<out>; REQUIREs success.
  std::filesystem::path render(const std::string& round, const std::string& out,
                               const std::string& formats = "html,docx,xlsx,json",
                               SheetMode sheets = SheetMode::automatic);
};

// A zip member's bytes, read with the project's ZipReader.
std::string zip_member(const std::string& zip_bytes, const std::string& name);

// All w:t text of word/document.xml, paragraphs joined by '\n'.
std::string docx_text(const std::string& docx_bytes);

// Sheet `n` (1-based) of an XLSX as cell reference → value (shared and
// inline strings resolved, numbers as written in <v>), plus "type:REF" → the
// t attribute.
std::map<std::string, std::string> xlsx_cells(const std::string& xlsx_bytes, int n);

// Occurrences of `needle` in `hay`.
int occurrences(const std::string& hay, const std::string& needle);

}  // namespace auditor::test

// The district's remedy sentence (救济途径告知, docs/formats/discretion.md):
// the body that hears an administrative review and its period, the court
// and the period of a lawsuit, which a decision must name (行政处罚法第四十四
// 条、第五十九条第一款第（五）项). Data the district supplies.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "util/status.h"

namespace auditor {

struct RemedyTable {
  std::string id, version, name;
  std::vector<std::string> review_bodies;  // the body's name, then accepted variants
  int review_days = 0;                     // 60
  std::vector<std::string> courts;         // the court's name, then accepted variants
  int litigation_months = 0;               // 6
  std::string file, sha256;
  std::string review_source, litigation_source;  // file:line
};

Result<RemedyTable> load_remedy(const std::filesystem::path& file);
std::shared_ptr<const RemedyTable> remedy_table_at(const std::string& path,
                                                   const std::string& sha256);

// What a decision's remedy sentence says, read from its text.
struct RemedySentence {
  bool review = false;      // 行政复议 is mentioned
  std::string review_part;  // the clause ending in 行政复议 (for evidence)
  std::string review_body;  // what stands between 向 and 申请 (may be empty)
  int review_days = 0;      // 0: no period read
  bool litigation = false;
  std::string litigation_part;
  std::string court;
  int litigation_months = 0;
  // The only lawsuit told is the one against the review decision (对行政复议
  // 决定不服的…十五日内): the direct lawsuit is not told.
  bool after_review_only = false;
};
RemedySentence read_remedy_sentence(const std::string& text);

// The Chinese problems of `s` against `t` (empty when it matches).
std::vector<std::string> remedy_problems(const RemedySentence& s, const RemedyTable& t);

}  // namespace auditor

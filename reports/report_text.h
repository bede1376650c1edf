// The wording shared by the round reports (HTML, DOCX, XLSX): labels, scores,
// the advice a finding gives the street office, the closing verdict.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/checklist.h"
#include "auditor/model.h"
#include "auditor/round.h"
#include "util/utf8.h"

namespace auditor {

// Names for document type ids and stage numbers, from the checklist the
// reports are rendered with; ids stand for themselves when unknown.
struct Vocabulary {
  std::map<std::string, std::string> doc_types;  // filing_approval → 立案审批表
  std::map<int, std::string> stages;             // 1 → 立案

  std::string doc_type(const Text& id) const;     // "未识别" for nullopt
  std::string stage(std::optional<int> n) const;  // "第1阶段 立案", "未分阶段"
};
Vocabulary vocabulary(const Checklist& checklist);

std::string format_score(double score);  // 95, 92.5 (one decimal at most)

// Findings that count against the file: severity veto, major or minor.
bool is_problem(const Finding& f);

// What the office must do about `f`: for a missing document "请补充" and
// what the message says is missing (the words after 缺少 up to the next
// comma, else the first 《…》), "请人工核对：…" for a manual check,
// "请核实并整改：…" otherwise.
std::string advice(const Finding& f);

// Closing verdict of a self-check (可以结案 / 暂不宜结案): a rejected archive,
// a veto or a major finding blocks closing; each is one reason.
struct Verdict {
  bool can_close = true;
  std::vector<std::string> reasons;
  std::string label() const { return can_close ? "可以结案" : "暂不宜结案"; }
};
Verdict closing_verdict(const Case& c, const std::vector<Finding>& findings);

}  // namespace auditor

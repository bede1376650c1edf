// A checklist loaded from the XML data in checklists/ (format: docs/formats/
// checklist.md). Code implements rule kinds; the rules themselves, document
// types, title variants, conditions and scoring are data.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auditor/result.h"

namespace auditor {

struct Stage {
  int number = 0;    // 1..8
  std::string name;  // 立案, 调查取证, ...
};

// A document type and the titles it is known by.
struct DocType {
  std::string id;                   // stable, e.g. "filing_approval"
  std::string name;                 // canonical Chinese title, 立案审批表
  int stage = 0;
  std::vector<std::string> titles;  // accepted variants, canonical first
  std::string abbreviation;         // 文书简称 for numbering (罚决), may be empty
  int priority = 0;                 // tie-break: higher wins when titles overlap
};

struct Rule {
  std::string id;        // stable, never reused
  std::string kind;      // one of the kinds in rule_kinds.h
  std::string severity;  // veto major minor info
  std::string basis;     // legal basis, e.g. 《行政处罚法》第五十九条
  std::string message;   // Chinese; {document} {stage} ... are filled in
  std::string description;  // one line for `auditor rules`
  double deduction = 0;
  std::optional<int> stage;
  std::map<std::string, std::string> params;  // kind-specific, e.g. document=
  std::vector<std::string> when;    // all must hold (condition names, "!x" negates)
  std::string source;               // file:line where the rule is defined
};

struct GradeBand {
  double min_score = 0;
  std::string grade;  // 优秀 合格 不合格
};

struct ScoringProfile {
  std::string id;
  std::string formula = "deduction";  // deduction | ratio
  double base = 100;
  std::vector<GradeBand> bands;       // highest min_score first
};

struct Checklist {
  std::string id;
  std::string version;
  std::string name;
  std::string sha256;  // over every data file, in a fixed order
  std::vector<Stage> stages;
  std::vector<DocType> doc_types;
  std::vector<Rule> rules;
  ScoringProfile scoring;
  // Named thresholds read by the condition evaluator (conditions.h), e.g.
  // hearing_fine_citizen=5000; validated when loading.
  std::map<std::string, std::string> settings;

  const DocType* doc_type(const std::string& id) const;
  const Stage* stage(int number) const;
};

// Loads every *.xml under `dir`. On failure the reason names file:line.
Result<Checklist> load_checklist(const std::filesystem::path& dir);

}  // namespace auditor

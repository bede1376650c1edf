// A checklist loaded from the XML data in checklists/ (format: docs/formats/
// checklist.md). Code implements rule kinds; the rules themselves, document
// types, title variants, conditions and scoring are data.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auditor/calendar.h"
#include "auditor/numbering.h"
#include "util/date.h"
#include "util/status.h"

namespace auditor {

struct Scope;  // the 会审 / 法制审核 scope tables, auditor/scope.h

struct Stage {
  int number = 0;    // 1..8
  std::string name;  // 立案, 调查取证, ...
};

// A document type and the titles it is known by.
struct DocType {
  std::string id;    // stable, e.g. "filing_approval"
  std::string name;  // canonical Chinese title, 立案审批表
  int stage = 0;
  std::vector<std::string> titles;  // accepted variants, canonical first
  std::string abbreviation;         // 文书简称 for numbering (罚决), may be empty
  int priority = 0;                 // tie-break: higher wins when titles overlap
  // `titles` in normalize_for_match form, filled by the loader (matching
  // normalises a hand-built type's titles on the fly).
  std::vector<std::string> match_titles;
};

// A procedure a case follows (普通程序, 简易程序, 不予处罚, 撤销立案, 移送), with
// the document types whose presence establishes it. A case follows the
// manifest's declared procedure, else the first procedure (in checklist
// order) with an evidence document on file, else the default one.
struct Procedure {
  std::string id;                     // general simple no_penalty withdrawn transferred
  std::string name;                   // Chinese, 简易程序
  std::vector<std::string> evidence;  // document type ids
  bool is_default = false;            // exactly one procedure is the default
};

struct Rule {
  std::string id;           // stable, never reused
  std::string kind;         // one of the kinds in rule_kinds.h
  std::string severity;     // veto major minor info
  std::string basis;        // legal basis, e.g. 《行政处罚法》第五十九条
  std::string message;      // Chinese; {document} {stage} ... are filled in
  std::string description;  // one line for `auditor rules`
  double deduction = 0;
  std::optional<int> stage;
  std::map<std::string, std::string> params;  // kind-specific, e.g. document=
  std::vector<std::string> when;              // all must hold (condition names, "!x" negates)
  // The procedures (Procedure::id) the rule applies to; empty: every one.
  std::vector<std::string> procedures;
  // Law version by date: the rule applies only to a case whose decision
  // date (else filing date) is in [since, until); unset bounds are open.
  std::optional<Date> since;
  std::optional<Date> until;
  std::string source;  // file:line where the rule is defined
};

struct GradeBand {
  double min_score = 0;
  std::string grade;  // 优秀 合格 不合格
};

// One row of a ratio profile's item-points table (docs/scoring.md): exactly
// one of rule, kind, severity is set; a rule id wins over a kind, a kind over
// a severity, and the profile's default applies when none matches.
struct ItemPoints {
  std::string rule;      // rule id
  std::string kind;      // rule kind (rule_kinds.h)
  std::string severity;  // veto major minor info
  double points = 0;
  std::string source;  // file:line of the entry, for errors
};

// A scoring profile (docs/scoring.md), inline in checklist.xml or a
// <profile> file under checklists/profiles/.
struct ScoringProfile {
  std::string id;
  std::string formula = "deduction";  // deduction | ratio
  double base = 100;                  // deduction only
  std::vector<GradeBand> bands;       // highest min_score first
  std::string name;                   // Chinese title, may be empty
  std::string file;                   // the profile file; empty when inline
  std::string sha256;                 // of that file's bytes; empty when inline
  // Formula "ratio": legality_points (0 on any veto finding) + items_points x
  // earned / applicable item points - deductions of basic-kind findings.
  double legality_points = 0;
  double items_points = 0;
  double default_item_points = 1;
  std::vector<ItemPoints> item_points;
  std::vector<std::string> basic_kinds;  // finding kinds, e.g. numbering
  // Ratio only: what a veto finding zeroes: "case" (the whole score, as the
  // published standards do) or "legality" (only the legality points).
  std::string veto = "case";
  // Per-rule caps on the total deduction of repeated findings ("每处扣X分，
  // 扣完为止"): <cap rule|kind|severity points>, matched like item_points.
  // A rule without a cap entry deducts at most its own deduction= once.
  std::vector<ItemPoints> caps;
};

// The district's seal register (a <seals> data file, docs/formats/
// checklist.md): the seal names each street office may use. Empty when the
// checklist has no register; seal rules needing it then fail to load.
struct StreetSeals {
  std::string street;              // 赤岗, 江南中
  std::string code;                // 街道代字 in case numbers: 赤岗, 江南
  std::vector<std::string> names;  // organ seal, enforcement seal ...
};

struct SealRegister {
  std::string source;  // file:line of <seals>
  std::vector<StreetSeals> streets;
  std::vector<std::string> internal_units;  // name endings: 执法队 ...
};

struct Checklist {
  std::string id;
  std::string version;
  std::string name;
  std::string sha256;  // over every data file, in a fixed order
  std::vector<Stage> stages;
  std::vector<Procedure> procedures;  // order: precedence of their evidence
  std::vector<DocType> doc_types;
  std::vector<Rule> rules;
  ScoringProfile scoring;
  // Named thresholds read by the condition evaluator (conditions.h), e.g.
  // hearing_fine_citizen=5000; validated when loading.
  std::map<std::string, std::string> settings;
  SealRegister seals;
  // Case and document numbering (<numbering> file); empty source when absent.
  Numbering numbering;
  // The working-day calendar named by <calendar file="..."/>; null when the
  // checklist has none (then no rule may count working days).
  std::shared_ptr<const WorkCalendar> calendar;
  // The scope tables named by <scope dir="..."/> (docs/formats/scope.md);
  // null when the checklist has none (complex_case, major_decision unknown).
  std::shared_ptr<const Scope> scope;

  const DocType* doc_type(const std::string& id) const;
  const Stage* stage(int number) const;
  const Procedure* procedure(const std::string& id) const;
};

// Loads every *.xml under `dir`. On failure the reason names file:line.
// Checklist::sha256 covers the files, the calendar and profile they name,
// and `reader_data_sha256`: the digest of the data the readers use
// (app/checklist_load.h passes the importers' facts_data_sha256(), so that
// every front end gets the one key the incremental audit reuses by).
Result<Checklist> load_checklist(const std::filesystem::path& dir,
                                 std::string_view reader_data_sha256 = {});

}  // namespace auditor

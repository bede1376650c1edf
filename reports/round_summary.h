// The figures of a round notification (通报), computed once from a RoundData
// and shared by every report format.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auditor/round.h"
#include "auditor/street_stats.h"
#include "reports/report_text.h"

namespace auditor {

constexpr const char* kUnknownStreet = "（街道未知）";

struct StreetRow {
  std::string street;  // kUnknownStreet when the cases do not state it
  int files = 0, audited = 0, rejected = 0;
  std::optional<double> mean_score;   // over audited files
  std::map<std::string, int> grades;  // grade → audited files
  int filed = 0, closed = 0;          // see CaseFacts
  int problems = 0;                   // findings that count (is_problem)
};

// One rule's findings across the round (typical problems, 典型问题).
struct ProblemRow {
  std::string rule, kind, severity;
  std::string message;  // of its first occurrence, as an example
  std::string basis;
  int findings = 0, cases = 0;
  std::vector<std::size_t> examples;  // case indexes, the first three cases
};

struct StreetProblem {
  std::size_t case_index;
  const Finding* finding;  // points into the RoundData
};

// Matching key of findings across rounds: (case number, else archive; rule).
enum class Change { added, rectified, persisting, not_rechecked };
const char* change_label(Change c);  // 新发现 / 已整改 / 仍存在 / 未复查

struct ChangeItem {
  Change change;
  std::string case_key, street, rule, message;
};

struct Comparison {
  RoundInfo previous;
  std::vector<ChangeItem> items;  // current round's order, then the previous one's
  std::array<int, 4> counts{};    // by Change
};

// What the reports count for one case. A round with an inspection record
// (RoundData::reviewed filled, review_round) counts what the inspectors
// decided: findings confirmed, changed, settled as failed or added — never a
// mere suggestion — and the reviewed score, provisional while anything is
// undecided. A round without one counts the machine's findings and score (a
// first screen, 初筛). A rejected archive counts nothing.
struct CountedCase {
  bool reviewed = false;
  double score = 0;
  std::string grade;
  bool provisional = false;
  double min_score = 0, max_score = 0;   // the range of a provisional score
  std::vector<const Finding*> problems;  // is_problem findings that count; into the RoundData
  int undecided = 0;                     // reviewed: suggestions and unsettled manual checks
};
// Whether the reports count decisions (a record, reviewed) or suggestions.
bool counts_decisions(const RoundData& data);
CountedCase counted_case(const RoundData& data, std::size_t i);
// "85.5", or for a provisional case "85.5（暂定，可能 80–90）".
std::string counted_score_label(const CountedCase& c);

struct RoundSummary {
  int files = 0, audited = 0, rejected = 0, problems = 0;
  int provisional = 0;  // cases with undecided items (counts_decisions)
  std::optional<double> mean_score;
  std::vector<std::string> grades;          // grade names seen, best first
  std::vector<std::string> scope;           // streets, sorted; unknown not listed
  std::vector<StreetRow> streets;           // by name, unknown last
  std::vector<ProblemRow> problems_ranked;  // most frequent first
  std::array<int, 9> problems_by_stage{};   // [0] = no stage
  std::map<std::string, std::vector<StreetProblem>> rectification;  // by street label
  std::optional<Comparison> comparison;
  std::vector<Verdict> verdicts;     // same index as RoundData::cases
  std::vector<CountedCase> counted;  // same index as RoundData::cases
  // The street statistics (各街道案件办理情况统计): filled from the store by
  // app/street_stats.h (summarize leaves it empty); the 通报 shows the section
  // only when it is set.
  std::optional<StreetStats> street_stats;
};

// The case's label in reports: its case number, else its archive path.
std::string case_label(const RoundData& data, std::size_t i);
std::string street_label(const CaseFacts& f);

// `previous` (read with load_round(..., false) is enough) gives the comparison.
RoundSummary summarize(const RoundData& data, const RoundData* previous);

}  // namespace auditor

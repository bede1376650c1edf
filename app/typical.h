// Typical cases (典型案例, docs/formats/typical.md): an inspector marks a
// case, or one finding of it, as typical with a note (or takes the mark
// back), and the round's marked cases are written as a compilation with the
// personal data masked (reports/typical.h, reports/mask.h). The marks are
// part of the inspection record: written like a decision (app/review.h)
// under the database's run lock, each with its trail row.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/review.h"
#include "store/typical.h"
#include "util/status.h"

namespace auditor {

struct TypicalChange {
  std::string case_id;    // case number or archive path
  std::string finding;    // a finding key (review list), or a rule id of one finding; "" = the case
  std::string note;       // 典型意义: required to mark, optional to take back
  std::string inspector;  // required
  bool remove = false;    // take the mark back
};

// The longest note, in characters (code points): a paragraph of the
// compilation, not a document.
constexpr std::size_t kMaxTypicalNote = 2000;

// Records the mark (or its removal). Refused (Code::invalid, nothing
// written): no inspector; a mark without a note; a finding the case does
// not have, or a rule id with several findings (the keys are listed); a
// removal of a mark not in force; a note over kMaxTypicalNote characters;
// a rejected archive; in a round whose plan
// names inspectors, a name it does not list or one from the case's street
// (回避), as for decisions. A signed case may be marked: choosing typical
// cases changes no finding or score.
Result<TypicalMark> mark_typical(const ReviewScope& scope, const TypicalChange& change);

// The marks in force of each case of a round: per case and finding ("" the
// case) the latest of `marks` (a round's, in trail order), when it marks.
// `cases` holds each case's number and archive path in the round's order;
// a mark belongs to a case by the record's rule of case identity
// (split_record). The result is in the order of `cases`, each in trail
// order.
std::vector<std::vector<TypicalMark>> typical_in_force(
    const std::vector<TypicalMark>& marks,
    const std::vector<std::pair<std::optional<std::string>, std::string>>& cases);

struct TypicalReportRequest {
  std::string round;          // empty: the most recently created round
  std::filesystem::path dir;  // created when missing
  // Scores the record to list the confirmed findings and the rules' names;
  // null: the machine's findings that count against the file are listed.
  const Checklist* checklist = nullptr;
};

struct TypicalWritten {
  std::filesystem::path file;  // dir / kTypicalFileName
  std::size_t cases = 0;       // cases in the compilation
};

// Writes dir/典型案例汇编.docx from the round's cases with a mark in force,
// in the round's order; a round without one gets a compilation that says
// so. Reads the database read-only.
Result<TypicalWritten> write_typical_report(const std::filesystem::path& db,
                                            const TypicalReportRequest& request);

}  // namespace auditor

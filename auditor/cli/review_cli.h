// The parts of `auditor review` in files of their own: printing the record
// (cmd_review_list.cc), moving it between databases
// (cmd_review_exchange.cc), objections and rectification
// (cmd_review_record.cc).
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "app/review.h"
#include "auditor/cli/commands.h"
#include "auditor/cli/options.h"

namespace auditor::cli {

// Exit status of a review command whose change was refused (the reason on stderr).
constexpr int kExitRefused = 1;

// The options every review command takes: --db and --round, and for the
// commands that score or look up rules --checklist and --profile.
struct ReviewOptions {
  std::string db, round, checklist_dir, profile;
  void add(po::options_description& desc);
  void add_checklist(po::options_description& desc);
  ReviewScope scope() const { return {db, round}; }
  // The checklist with the profile applied; nullopt (the reason printed)
  // when it cannot be loaded.
  std::optional<Checklist> checklist() const;
};

// Prints `reason` and returns the exit status for a failed change:
// kExitRefused when refused (invalid, not found), kExitUsage for an error.
int failed(const std::string& reason, Code code);

// The round's cases with their items, verdicts, deductions, score (and
// whether provisional, with its range) and sign-offs; with `json` the same
// as one JSON document (docs/formats/review.md, "review list --json").
void print_review(std::ostream& out, const RoundReview& r, bool json);

// `auditor review export` and `auditor review import` (their arguments after
// the subcommand name).
int review_export(const Args& args);
int review_import(const Args& args);

// Objections, rulings and rectification (cmd_review_record.cc): `auditor
// review object`, `rule`, `objections`, `rectify`, `rectify-update`,
// `rectification`.
int review_object(const Args& args);
int review_rule(const Args& args);
int review_objections(const Args& args);
int review_rectify(const Args& args);
int review_rectify_update(const Args& args);
int review_rectification(const Args& args);

}  // namespace auditor::cli

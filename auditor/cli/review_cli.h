// The parts of `auditor review` in files of their own: printing the record
// (cmd_review_list.cc), moving it between databases
// (cmd_review_exchange.cc), objections and rectification
// (cmd_review_record.cc).
#pragma once

#include <ostream>

#include "app/review.h"
#include "auditor/cli/commands.h"

namespace auditor::cli {

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

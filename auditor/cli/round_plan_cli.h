// `auditor round plan|draw|assign` (cmd_round_plan.cc): the round's plan,
// its draw of cases and their assignment to inspectors (app/round_plan.h),
// dispatched from cmd_round.cc. Each takes the arguments after the
// subcommand name; exit 0 done, 1 refused (the reason on stderr; for
// `assign --auto`: some case could not be assigned), 2 usage or database
// error.
#pragma once

#include "auditor/cli/commands.h"

namespace auditor::cli {

int round_plan(const Args& args);
int round_draw(const Args& args);
int round_assign(const Args& args);

}  // namespace auditor::cli

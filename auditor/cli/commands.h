// The subcommands of the CLI, one file each. Every handler takes the
// arguments after the subcommand name and returns the process exit status:
// 0 success, 1 some archive rejected, 2 usage or configuration error.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/data_dirs.h"
#include "auditor/checklist.h"

namespace auditor::cli {

using Args = std::vector<std::string>;

int audit(const Args& args);
int rules(const Args& args);
int extract(const Args& args);
int checklist(const Args& args);
int report(const Args& args);
int review(const Args& args);
int round(const Args& args);
int user(const Args& args);
int serve(const Args& args);

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;

// The help line of --sheets, shared by audit and report.
std::string sheets_option_help();

// Loads the checklist in `dir` (load_audit_checklist), printing the Chinese
// reason (file:line) on failure.
std::optional<Checklist> load_checklist_or_report(const std::filesystem::path& dir);

// Prints `reason` to stderr and returns kExitUsage.
int report_error(const std::string& reason);
// The same for a checklist that cannot be loaded: "检查清单有误：<reason>".
int report_checklist_error(const std::string& reason);

}  // namespace auditor::cli

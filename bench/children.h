// Runs child processes for the benchmark and measures them: wall time and
// peak resident set size (wait4), with the child's stdout and stderr sent to
// /dev/null so console output costs what it costs on a pipe to a file.
#pragma once

#include <string>
#include <vector>

namespace auditor::bench {

struct ChildRun {
  double seconds = 0;   // wall time from fork to reaping
  long max_rss_kb = 0;  // ru_maxrss of the child
  int exit_code = -1;   // -1: killed by a signal or could not start
};

// Runs argv[0] (looked up in PATH) with `argv` and waits for it.
ChildRun run_child(const std::vector<std::string>& argv);

// Wall seconds since an arbitrary fixed point (steady clock).
double now_seconds();

}  // namespace auditor::bench

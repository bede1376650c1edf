// Option parsing shared by the subcommands (Boost.Program_options).
#pragma once

#include <boost/program_options.hpp>
#include <string>

#include "auditor/cli/commands.h"

namespace auditor::cli {

namespace po = boost::program_options;

// The options list of a subcommand. Boost wraps descriptions at a byte
// count, which cut Chinese characters in half: the lines are left whole for
// the terminal to wrap.
po::options_description option_list();

// Parses `args` against `desc` (a --help switch is added). Returns the exit
// status to stop with (help shown or a usage error printed in Chinese), or
// -1 to go on with `vm` filled.
int parse_options(const Args& args, po::options_description& desc,
                  const po::positional_options_description& positional,
                  const std::string& usage_line, po::variables_map& vm);

}  // namespace auditor::cli

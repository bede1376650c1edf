#include "auditor/cli/options.h"

#include <iostream>

namespace auditor::cli {

po::options_description option_list() {
  constexpr unsigned kLineLength = 4096;
  return po::options_description("选项", kLineLength, kLineLength / 2);
}

int parse_options(const Args& args, po::options_description& desc,
                  const po::positional_options_description& positional,
                  const std::string& usage_line, po::variables_map& vm) {
  desc.add_options()("help,h", "显示本帮助");
  try {
    po::store(po::command_line_parser(args).options(desc).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "参数错误：" << e.what() << "\n用法：" << usage_line << "\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << "用法：" << usage_line << "\n\n" << desc << "\n";
    return kExitOk;
  }
  return -1;
}

}  // namespace auditor::cli

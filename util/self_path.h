// Where the running program is, for finding what was installed beside it.
#pragma once

#include <filesystem>

namespace auditor {

// The folder of the running executable (/proc/self/exe resolved); empty
// when it cannot be read.
std::filesystem::path executable_dir();

}  // namespace auditor

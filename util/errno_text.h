// Chinese words for the system errors a file operation meets.
#pragma once

#include <string>

namespace auditor {

// "没有权限", "文件夹不存在", "磁盘空间不足", ... and the system's own words
// (strerror) for the rare ones.
std::string errno_reason(int err);

}  // namespace auditor

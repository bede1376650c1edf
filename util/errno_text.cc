#include "util/errno_text.h"

#include <cerrno>
#include <cstring>

namespace auditor {

std::string errno_reason(int err) {
  switch (err) {
    case EACCES:
    case EPERM:
      return "没有权限";
    case ENOENT:
    case ENOTDIR:
      return "文件夹不存在";
    case ENOSPC:
      return "磁盘空间不足";
    case EDQUOT:
      return "超出磁盘配额";
    case EROFS:
      return "文件系统只读";
    case EISDIR:
      return "已有同名的文件夹";
    case ENAMETOOLONG:
      return "文件名太长";
    case EIO:
      return "读写错误";
  }
  return std::string("系统错误：") + std::strerror(err);
}

}  // namespace auditor

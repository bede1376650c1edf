#include "server/static_assets.h"

namespace auditor::server {

std::optional<StaticFile> static_file(std::string_view name) {
  for (std::size_t i = 0; i < kStaticFileCount; ++i)
    if (kStaticFiles[i].name == name) return kStaticFiles[i];
  return std::nullopt;
}

}  // namespace auditor::server

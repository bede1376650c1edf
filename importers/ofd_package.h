// The zip container of one OFD file: members found by the locations that
// OFD parts write (BaseLoc, DocRoot, FileRef...), never by folder guessing.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "importers/zip_reader.h"
#include "util/status.h"

namespace auditor::ofd {

// `p` with '\' turned into '/', empty and "." segments dropped and ".."
// applied; no leading slash. nullopt when ".." climbs above the root.
std::optional<std::string> normalize_path(std::string_view p);

// Not thread-safe. The bytes given to open() must outlive the package.
class OfdPackage {
 public:
  // Fails with the reader's Chinese reason when the bytes are not a zip.
  static Result<std::unique_ptr<OfdPackage>> open(std::string_view bytes, const ZipLimits& limits);

  // The member that `loc`, written inside part `from` (a member path as
  // returned here), refers to. "/x" is relative to the package root; other
  // locations are relative to the folder of `from`, falling back to the root
  // (producers that omit the leading slash). Exact names win over names that
  // differ only in ASCII case. nullopt when no member matches.
  std::optional<std::string> locate(std::string_view from, std::string_view loc) const;

  // Bytes of member `path` (from locate()), read once and kept until the
  // package dies. Fails with a Chinese reason (missing member, or the
  // reader's reason), without the "OFD 文件损坏" prefix.
  Result<std::string_view> read(const std::string& path);

  // The member parsed with parse_xml(), when its tree fits kMaxXmlTreeBytes
  // (importers/doc_limits.h: checked on the declared size before inflating,
  // then on the bytes before parsing); the bytes are not kept.
  Result<std::unique_ptr<pugi::xml_document>> read_xml(const std::string& path);

 private:
  OfdPackage() = default;
  std::optional<std::string> find(const std::string& normalized) const;

  std::unique_ptr<ZipReader> zip_;
  std::map<std::string, std::size_t> by_name_;   // normalized name -> entry
  std::map<std::string, std::string> by_lower_;  // lower-cased -> normalized
  std::map<std::size_t, std::string> bytes_;     // entry -> bytes read
};

}  // namespace auditor::ofd

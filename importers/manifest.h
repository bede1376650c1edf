// The structured archive manifest (docs/formats/manifest.md): an XML member
// named manifest.xml at the archive root, a machine form of the 卷内目录.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auditor/model.h"
#include "util/status.h"

namespace auditor {

struct ManifestDocument {
  std::string member;  // member name (UTF-8) the entry describes
  Text type;           // document type id (checklist DocType::id)
  std::optional<int> stage;
  Text number;
  Text date;  // ISO yyyy-mm-dd
  std::optional<int> pages;
  Text seal;  // seal name as declared
};

struct Manifest {
  CaseInfo info;
  std::vector<ManifestDocument> documents;
};

// Fails with a Chinese reason naming the line when the XML is malformed or
// a required attribute is missing or invalid.
Result<Manifest> parse_manifest(std::string_view xml);

}  // namespace auditor

// Turns a case archive (or one standalone document) into a Case. Never throws
// and never writes to disk: a broken archive gives a rejected Case with a
// Chinese reason; a broken member gives an ImportIssue and import goes on.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "auditor/model.h"
#include "importers/zip_reader.h"

namespace auditor {

struct ImportOptions {
  ZipLimits limits;
  std::uint64_t max_archive_bytes = 2ull << 30;
  int max_nesting = 1;  // zip inside zip (a nested case folder) depth
};

// Reads the file once, hashing it (sha256) while reading.
Case import_archive(const std::filesystem::path& path, const ImportOptions& opt);

// Same, from bytes already in memory; `label` becomes Case::archive.
Case import_archive_bytes(std::string label, std::string_view bytes,
                          const ImportOptions& opt);

// Parses one document (format detected from content) and extracts its facts.
// Problems are appended to `issues`.
Document read_document(std::string path, std::string_view bytes,
                       const ImportOptions& opt, std::vector<ImportIssue>& issues);

}  // namespace auditor

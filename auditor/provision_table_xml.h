// Internal to the substance tables' loaders (provision_table.cc,
// discretion.cc, remedy.cc): reading one table file, optional attributes,
// and the per-process cache of loaded tables.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "auditor/checklist_xml.h"
#include "util/date.h"
#include "util/status.h"

namespace auditor::substance_xml {

// Reads and parses `file`; its root must be `root`. `sha256` gets the
// digest of the bytes.
Status read(const std::filesystem::path& file, const char* root, checklist_xml::DataFile& f,
            std::string& sha256);
// An optional ISO date attribute; a malformed one fails naming the line.
Status date_attr(const checklist_xml::DataFile& f, const pugi::xml_node& n, const char* name,
                 std::optional<Date>& out);
// An optional non-negative amount in yuan.
Status amount_attr(const checklist_xml::DataFile& f, const pugi::xml_node& n, const char* name,
                   std::optional<double>& out);
// An optional whole number >= 1.
Status count_attr(const checklist_xml::DataFile& f, const pugi::xml_node& n, const char* name,
                  int& out);
// "a,b、c" split and trimmed.
std::vector<std::string> list_attr(const pugi::xml_node& n, const char* name);

// A loaded table by path and digest, loaded once per process (the checklist
// hash carries the digest, so an edited table is a new key). nullptr when
// the file does not load or no longer has that digest (edited after the
// checklist was loaded: its rules are then not checkable until a reload).
template <class T>
std::shared_ptr<const T> cached(const std::string& path, const std::string& sha256,
                                Result<T> (*load)(const std::filesystem::path&)) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const T>> tables;
  const std::string key = path + '\n' + sha256;
  std::lock_guard lock(mutex);
  if (auto it = tables.find(key); it != tables.end()) return it->second;
  Result<T> loaded = load(path);
  // Edited since the checklist was loaded: not the table its hash names.
  if (!loaded || loaded->sha256 != sha256) return nullptr;
  auto table = std::make_shared<const T>(std::move(*loaded));
  tables.emplace(key, table);
  return table;
}

}  // namespace auditor::substance_xml

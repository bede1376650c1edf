// Packs the entries of one case into a zip: folders, numbering prefixes,
// name encoding, and (structured archives) the manifest.xml.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "testdata/generator/case_spec.h"

namespace testdata {

struct Layout {
  bool manifest = false;                     // write manifest.xml at the root
  bool gbk = false;                          // names in GBK without the UTF-8 flag
  bool directory_entries = false;            // add an entry for each folder
  std::string outer;                         // outer case folder ("" = none), ends in '/'
  std::map<int, std::string> folders;        // stage -> folder, ends in '/'; empty = flat
  std::map<std::string, std::string> flags;  // manifest conditions
};

// The member path of each entry, in order: outer + stage folder + "NN-" + name.
std::vector<std::string> member_paths(const std::vector<Entry>& entries, const Layout& layout);

// The manifest.xml text of the case (see docs/formats/manifest.md).
std::string manifest_xml(const CaseSpec& c, const std::vector<Entry>& entries,
                         const std::vector<std::string>& paths, const Layout& layout);

// The zip bytes; member times are the entries' dates, so output is stable.
std::string pack(const CaseSpec& c, const std::vector<Entry>& entries, const Layout& layout);

}  // namespace testdata

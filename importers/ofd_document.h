// The documents of one OFD package (one per DocBody): Document.xml, its
// pages with their template pages, and its signatures. Damage to a single
// page, template or signature is noted and reading goes on.
#pragma once

#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

#include "auditor/model.h"
#include "importers/ofd_package.h"
#include "importers/ofd_text.h"
#include "importers/zip_reader.h"

namespace auditor::ofd {

// Not thread-safe; `pkg` must outlive the reader.
class DocumentReader {
 public:
  DocumentReader(OfdPackage& pkg, const ZipLimits& limits) : pkg_(pkg), limits_(limits) {}

  // Reads the document at `doc_path` (Document.xml) declared by `body` of
  // the entry file `entry` (OFD.xml). Returns false, with a note, when
  // Document.xml itself cannot be used; damaged parts below it are noted and
  // skipped (true is returned).
  bool read(const std::string& entry, pugi::xml_node body, const std::string& doc_path);

  // Records damage (Chinese, without the "OFD 文件损坏" prefix).
  void note(std::string what) { damage_.push_back(std::move(what)); }

  // Text lines of all pages read so far, in page order; the first line of
  // each page after the first starts with '\f' (a line "\f" for an empty page).
  const std::vector<std::string>& lines() const { return lines_; }
  int pages() const { return pages_; }
  const std::vector<Signature>& signatures() const { return signatures_; }
  const std::vector<std::string>& damage() const { return damage_; }

 private:
  struct TemplatePage {
    std::string loc;     // BaseLoc as written
    std::string zorder;  // ZOrder as written on TemplatePage
  };
  using Templates = std::map<std::string, TemplatePage>;  // by ID

  // A page or template page description, parsed once.
  struct Part {
    std::vector<TextRun> runs;
    std::vector<std::pair<std::string, std::string>> templates;  // TemplateID, ZOrder
  };

  // The runs of a page: its templates' and its own, in text order.
  std::vector<TextRun> read_page(int number, pugi::xml_node page, const std::string& doc_path,
                                 const Templates& templates);
  // The part at `path`; nullptr, noted the first time, when it cannot be
  // read. `what` names it in the note.
  const Part* part_of(const std::string& path, const std::string& what);
  void add_lines(const std::vector<std::string>& lines);
  void read_signatures(const std::string& entry, pugi::xml_node body, const std::string& doc_path,
                       int first_page, const std::vector<pugi::xml_node>& page_elements);

  OfdPackage& pkg_;
  const ZipLimits& limits_;
  std::map<std::string, std::optional<Part>> parts_;  // by member path
  std::vector<std::string> lines_;
  std::size_t text_bytes_ = 0;
  bool truncated_ = false;
  int pages_ = 0;
  std::vector<Signature> signatures_;
  std::vector<std::string> damage_;
};

}  // namespace auditor::ofd

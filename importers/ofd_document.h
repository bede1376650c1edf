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
  // Pages past a limit (importers/doc_limits.h) are not read, and noted.
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

  // A page or template page description, parsed once however many pages
  // use it.
  struct Part {
    std::vector<TextRun> runs;
    std::size_t text_bytes = 0;                                  // of its runs
    std::vector<std::pair<std::string, std::string>> templates;  // TemplateID, ZOrder
  };

  // The parts a page is drawn from, in text order: Background templates,
  // its own description, Foreground templates.
  std::vector<const Part*> page_parts(int number, pugi::xml_node page, const std::string& doc_path,
                                      const Templates& templates);
  // Whether a page drawn from `parts` fits what is left of the package's
  // page, text and run budgets (importers/doc_limits.h); notes the limit
  // reached the first time one is not.
  bool fits(const std::vector<const Part*>& parts);
  // The part at `path`; nullptr, noted the first time, when it cannot be
  // read. `what` names it in the note.
  const Part* part_of(const std::string& path, const std::string& what);
  void read_signatures(const std::string& entry, pugi::xml_node body, const std::string& doc_path,
                       int first_page, const std::vector<pugi::xml_node>& page_elements);

  OfdPackage& pkg_;
  const ZipLimits& limits_;
  std::map<std::string, std::optional<Part>> parts_;  // by member path
  std::vector<std::string> lines_;
  int pages_taken_ = 0;         // pages whose text is read, over all documents
  std::size_t text_bytes_ = 0;  // of their runs
  std::size_t runs_ = 0;        // their runs
  bool capped_ = false;         // a limit was reached: no further page is read
  int pages_ = 0;               // pages declared by the documents read
  std::vector<Signature> signatures_;
  std::vector<std::string> damage_;
};

}  // namespace auditor::ofd

// The documents of one archive on their way into a Case: members are added
// in order as they are read and parsed a group at a time (one round trip to
// the parse process per group, importers/sandbox.h), then the group's
// scanned pages are read by OCR (importers/ocr_batch.h); documents and
// issues reach the Case in member order, each document with its facts.
#pragma once

#include <string>
#include <vector>

#include "auditor/model.h"
#include "importers/import.h"
#include "importers/ocr_batch.h"
#include "importers/sandbox.h"

namespace auditor {

class DocumentBatch {
 public:
  // Appends to `documents` and `issues`, which must outlive the batch.
  DocumentBatch(const ImportOptions& opt, std::vector<Document>& documents,
                std::vector<ImportIssue>& issues);

  // An issue of the member being read, after those of earlier members.
  void issue(ImportIssue issue);
  // A member to read as `format`; parsed when its group is full or at
  // finish().
  void add(std::string path, std::string format, std::string bytes);
  // Parses what waits and appends it; call before reading the results.
  void finish();

 private:
  struct Waiting {
    Document doc;
    std::string bytes;
    std::vector<ImportIssue> issues_after;  // of the members read after it
  };

  const ImportOptions& opt_;
  std::vector<Document>& documents_;
  std::vector<ImportIssue>& issues_;
  ArchiveParseBudget budget_;
  ScanReader scans_;
  std::vector<Waiting> waiting_;
  std::uint64_t waiting_bytes_ = 0;
};

}  // namespace auditor

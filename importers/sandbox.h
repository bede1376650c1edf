// The isolation boundary of document parsing (issue 15). Each calling thread
// parses its documents in a parse process of its own (auditor_parse,
// importers/parse_server/), started on the first document and kept for the
// next ones, so a hostile file costs at most its budget and never stalls the
// batch:
//   - CPU time: --max-doc-seconds per document (RLIMIT_CPU, set by us);
//   - wall-clock time: that plus kParseGraceSeconds, then we kill it; the
//     documents of one archive share twice that (a page read by OCR,
//     importers/ocr_batch.h: three times the CPU limit plus the grace, and
//     the pages of an archive have a budget of their own);
//   - address space: --max-doc-mb (RLIMIT_AS, set by the process at start);
//   - output: ImportOptions::max_doc_output_bytes per answer;
//   - no file writes, no file creation, no network, no new programs (a
//     seccomp filter the process installs before reading any request).
// A process that was killed, crashed or ran out of memory is replaced on the
// next document. When no process can be started, the document is not read:
// it fails with the reason, as when the PDF module is missing; there is no
// silent fallback to parsing in this process.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string_view>

#include "auditor/model.h"
#include "importers/import.h"
#include "util/status.h"
#include "util/subprocess.h"

namespace auditor {

// Wall-clock seconds a document may take beyond its CPU budget (a busy
// machine, the bytes sent and the answer read back).
inline constexpr int kParseGraceSeconds = 5;

// The parse time the documents of one archive share: twice one document's
// wall-clock limit, counted from its first document. One per archive import.
struct ArchiveParseBudget {
  std::optional<Deadline> deadline;
};

// One document for parse_isolated: its bytes, the Document to fill (its
// format set, one with a parser: has_parser) and, after, the parser's
// verdict or the limit it broke.
struct ParseJob {
  std::string_view bytes;
  Document* doc = nullptr;
  Status status;
  // 0: parse; N: read page N of the document by OCR (importers/ocr_batch.h)
  // into doc's text and ocr_pages.
  int ocr_page = 0;
};

// Parses every job, in order, in the calling thread's parse process, within
// opt's budgets: the requests go out ahead of the answers, so a group of
// documents costs about one round trip, and `done` runs on each job as its
// answer arrives, while the process parses the next ones. Bytes inflated
// from packages are added to *opt.limits.shared_total when set (the jobs of
// one call share what was left of it). A limit broken gives the job a failed
// Status whose Chinese reason names the limit and its option; the process is
// replaced and the next jobs go on.
void parse_isolated(std::span<ParseJob> jobs, const ImportOptions& opt, ArchiveParseBudget& budget,
                    const std::function<void(ParseJob&)>& done);

// The parse process this program starts: installed beside it (bin/ →
// lib/auditor/), else the one in the build tree.
const std::string& parse_server_path();

}  // namespace auditor

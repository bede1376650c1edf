#include "importers/parse_batch.h"

#include <chrono>

#include "importers/facts.h"
#include "importers/ocr_batch.h"
#include "importers/parse_document.h"

namespace auditor {
namespace {

// A group ends at this many documents or bytes, so that the members read
// but not yet parsed stay few whatever the archive holds.
constexpr std::size_t kGroupDocuments = 64;
constexpr std::uint64_t kGroupBytes = 16ull << 20;

// The facts of a parsed document.
void extract(Document& d) {
  if (!d.has_text) return;
  d.facts = extract_facts(d);
  d.number = first_fact(d, "doc_number");
  d.date = first_fact(d, "doc_date");
}

// A parse's failure, and an encryption, as issues.
void report(const Document& d, const Status& s, std::vector<ImportIssue>& issues) {
  if (!s.ok()) issues.push_back({d.path, s.reason});
  if (d.metadata.count("encrypted"))  // not a scan: say why nothing is readable
    issues.push_back(
        {d.path, "PDF 文件已加密，需要密码才能打开，无法读取内容；请提供未加密的版本"});
}

}  // namespace

DocumentBatch::DocumentBatch(const ImportOptions& opt, std::vector<Document>& documents,
                             std::vector<ImportIssue>& issues)
    : opt_(opt), documents_(documents), issues_(issues), scans_(opt) {}

void DocumentBatch::issue(ImportIssue issue) {
  (waiting_.empty() ? issues_ : waiting_.back().issues_after).push_back(std::move(issue));
}

void DocumentBatch::add(std::string path, std::string format, std::string bytes) {
  Waiting w;
  w.doc.path = std::move(path);
  w.doc.format = std::move(format);
  w.bytes = std::move(bytes);
  waiting_bytes_ += w.bytes.size();
  waiting_.push_back(std::move(w));
  if (waiting_.size() >= kGroupDocuments || waiting_bytes_ >= kGroupBytes) finish();
}

void DocumentBatch::finish() {
  std::vector<Status> statuses(waiting_.size());
  std::vector<ParseJob> jobs;
  std::vector<std::size_t> job_of;  // index into waiting_ of each job
  for (std::size_t i = 0; i < waiting_.size(); ++i) {
    Waiting& w = waiting_[i];
    if (opt_.isolate && has_parser(w.doc.format)) {
      jobs.push_back({w.bytes, &w.doc, {}});
      job_of.push_back(i);
    } else {
      statuses[i] = parse_document(w.bytes, opt_.limits, w.doc);
      if (!scans_.wanted(w.doc)) extract(w.doc);
    }
  }
  // Facts are extracted as each answer comes, while the process parses on;
  // those of a scan once its pages are read (importers/ocr_batch.h).
  if (!jobs.empty())
    parse_isolated(jobs, opt_, budget_, [this](ParseJob& j) {
      if (!scans_.wanted(*j.doc)) extract(*j.doc);
    });
  for (std::size_t j = 0; j < jobs.size(); ++j) statuses[job_of[j]] = std::move(jobs[j].status);
  std::vector<ScanJob> scans;
  std::vector<std::size_t> scan_of;  // index into waiting_ of each scan
  for (std::size_t i = 0; i < waiting_.size(); ++i)
    if (scans_.wanted(waiting_[i].doc)) {
      scans.push_back({&waiting_[i].doc, waiting_[i].bytes, {}});
      scan_of.push_back(i);
    }
  // OCR time is budgeted per page (importers/ocr_batch.h): the documents
  // still to parse keep the archive's parse budget they had.
  const auto ocr_started = std::chrono::steady_clock::now();
  scans_.read(scans);
  if (budget_.deadline) *budget_.deadline += std::chrono::steady_clock::now() - ocr_started;
  std::vector<std::vector<std::string>> scan_problems(waiting_.size());
  for (std::size_t j = 0; j < scans.size(); ++j) {
    extract(*scans[j].doc);
    scan_problems[scan_of[j]] = std::move(scans[j].problems);
  }
  for (std::size_t i = 0; i < waiting_.size(); ++i) {
    Waiting& w = waiting_[i];
    report(w.doc, statuses[i], issues_);
    for (std::string& problem : scan_problems[i])
      issues_.push_back({w.doc.path, std::move(problem)});
    documents_.push_back(std::move(w.doc));
    for (ImportIssue& issue : w.issues_after) issues_.push_back(std::move(issue));
  }
  waiting_.clear();
  waiting_bytes_ = 0;
}

}  // namespace auditor

#include "importers/parse_batch.h"

#include "importers/facts.h"
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
  d.facts = extract_facts(d.text);
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
    : opt_(opt), documents_(documents), issues_(issues) {}

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
      extract(w.doc);
    }
  }
  // Facts are extracted as each answer comes, while the process parses on.
  if (!jobs.empty()) parse_isolated(jobs, opt_, budget_, [](ParseJob& j) { extract(*j.doc); });
  for (std::size_t j = 0; j < jobs.size(); ++j) statuses[job_of[j]] = std::move(jobs[j].status);
  for (std::size_t i = 0; i < waiting_.size(); ++i) {
    Waiting& w = waiting_[i];
    report(w.doc, statuses[i], issues_);
    documents_.push_back(std::move(w.doc));
    for (ImportIssue& issue : w.issues_after) issues_.push_back(std::move(issue));
  }
  waiting_.clear();
  waiting_bytes_ = 0;
}

}  // namespace auditor

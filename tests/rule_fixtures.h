// Building cases for rule-kind tests (consistency, officers, seal): documents
// from real text through the real fact extractor, checked against the
// bundled checklist.
#pragma once

#include <string>
#include <vector>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "auditor/model.h"

namespace auditor::testing {

// checklists/general, loaded once; FAILs when it does not load.
const Checklist& bundled_checklist();

// A text document of `type` (declared, as by a manifest) whose facts are
// extracted from `text`. The member name is "<type>-<n>.docx" unless given.
Document text_document(const std::string& type, const std::string& text, std::string path = {});
// A case ("case.zip") of text documents, each (type, text) as text_document makes it.
Case case_of(std::initializer_list<std::pair<const char*, std::string>> documents);
// An untyped member `path` whose text is just `title` (no text when empty).
Document titled_member(std::string path, std::string title = {}, std::string format = "docx");
// `d` classified alone in a case against the bundled checklist.
Document classified_alone(Document d);
// A document of `type` with no extractable text (a scan).
Document scan_document(const std::string& type, std::string path = {});

// The findings of `rule`, and its outcome (FAILs when the rule did not run).
std::vector<Finding> findings_of(const Audit& a, const std::string& rule);
// Each finding of `rule` as "kind：message", a line each (for INFO and
// Contains checks).
std::string messages(const Audit& a, const std::string& rule);
Outcome outcome_of(const Audit& a, const std::string& rule);

bool contains(const std::string& haystack, const std::string& needle);

}  // namespace auditor::testing

#include "tests/rule_fixtures.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include "importers/facts.h"

namespace auditor::testing {

const Checklist& bundled_checklist() {
  static const Checklist cl = [] {
    Result<Checklist> r =
        load_checklist(std::filesystem::path(AUDITOR_SOURCE_DIR) / "checklists" / "general");
    if (!r) FAIL(r.error());
    return std::move(*r);
  }();
  return cl;
}

namespace {

Document typed(const std::string& type, std::string path, const std::string& ext) {
  static int serial = 0;
  Document d;
  d.path = path.empty() ? type + "-" + std::to_string(++serial) + ext : std::move(path);
  d.type = type;
  d.type_source = Source::manifest;
  const DocType* t = bundled_checklist().doc_type(type);
  REQUIRE(t);
  d.stage = t->stage;
  return d;
}

}  // namespace

Document text_document(const std::string& type, const std::string& text, std::string path) {
  Document d = typed(type, std::move(path), ".docx");
  d.format = "docx";
  d.has_text = true;
  d.text = text;
  d.facts = extract_facts(text);
  return d;
}

Case case_of(std::initializer_list<std::pair<const char*, std::string>> documents) {
  Case c;
  c.archive = "case.zip";
  for (const auto& [type, text] : documents) c.documents.push_back(text_document(type, text));
  return c;
}

Document titled_member(std::string path, std::string title, std::string format) {
  Document d;
  d.path = std::move(path);
  d.format = std::move(format);
  d.title = std::move(title);
  d.has_text = !d.title.empty();
  d.text = d.title;
  return d;
}

Document classified_alone(Document d) {
  Case c;
  c.documents.push_back(std::move(d));
  classify(c, bundled_checklist());
  return c.documents.front();
}

Document scan_document(const std::string& type, std::string path) {
  Document d = typed(type, std::move(path), ".png");
  d.format = "image";
  return d;
}

std::vector<Finding> findings_of(const Audit& a, const std::string& rule) {
  std::vector<Finding> out;
  for (const Finding& f : a.findings)
    if (f.rule == rule) out.push_back(f);
  return out;
}

std::string messages(const Audit& a, const std::string& rule) {
  std::string out;
  for (const Finding& f : findings_of(a, rule)) out += f.kind + "：" + f.message + "\n";
  return out;
}

Outcome outcome_of(const Audit& a, const std::string& rule) {
  for (const Check& c : a.checks)
    if (c.rule == rule) return c.outcome;
  FAIL("rule " << rule << " did not run");
  return Outcome::not_checkable;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace auditor::testing

// Every required_document rule of the bundled checklist, one by one: with
// its `when` conditions declared true (a manifest's flags) it fires when its
// document is missing and stays quiet when the document is there. Driven by
// the checklist data, so a new rule is covered the day it is added.
#include <catch2/catch.hpp>

#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

// A case whose manifest declares the rule's conditions as they must be.
Case declared_for(const Rule& r) {
  Case c;
  c.archive = r.id + ".zip";
  c.has_manifest = true;
  if (!r.procedures.empty()) c.info.procedure = r.procedures.front();
  for (const std::string& term : r.when) {
    const bool negated = term.starts_with("!");
    c.info.flags[negated ? term.substr(1) : term] = negated ? "false" : "true";
  }
  return c;
}

std::string param(const Rule& r, const char* name) {
  auto it = r.params.find(name);
  return it == r.params.end() ? std::string() : it->second;
}

// The document that satisfies `r`: a 送达回证 naming the served document, or
// the (first) required type.
Document satisfying(const Rule& r) {
  const Checklist& cl = bundled_checklist();
  if (const std::string served = param(r, "serves"); !served.empty())
    return text_document("service_receipt",
                         "送达回证\n送达文书：" + cl.doc_type(served)->name + "\n");
  std::string type = param(r, "document");
  if (const std::string any = param(r, "any_of"); !any.empty()) type = any.substr(0, any.find(','));
  return text_document(type, cl.doc_type(type)->name + "\n");
}

}  // namespace

TEST_CASE("each required-document rule fires without its document and is quiet with it",
          "[checker]") {
  const Checklist& cl = bundled_checklist();
  int rules = 0;
  for (const Rule& r : cl.rules) {
    if (r.kind != "required_document") continue;
    ++rules;
    INFO("rule " << r.id << " (" << r.source << ")");
    Case without = declared_for(r);
    const Audit missing = check_case(without, cl);
    CHECK(outcome_of(missing, r.id) == Outcome::failed);
    const std::vector<Finding> found = findings_of(missing, r.id);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == "missing_document");
    CHECK(found[0].basis == r.basis);
    CHECK(found[0].deduction == r.deduction);

    Case with = declared_for(r);
    with.documents.push_back(satisfying(r));
    const Audit present = check_case(with, cl);
    CHECK(outcome_of(present, r.id) == Outcome::passed);
    CHECK(findings_of(present, r.id).empty());
  }
  CHECK(rules >= 30);
}

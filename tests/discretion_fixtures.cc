#include "tests/discretion_fixtures.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "app/checklist_load.h"
#include "importers/facts.h"
#include "importers/formats.h"
#include "importers/zip_reader.h"
#include "reports/docx_writer.h"

namespace auditor::testing {

const Checklist& substance_checklist() {
  static const Checklist cl = [] {
    Result<Checklist> r =
        load_audit_checklist(std::filesystem::path(AUDITOR_SOURCE_DIR) / "checklists" / "general");
    if (!r) FAIL(r.error());
    return std::move(*r);
  }();
  return cl;
}

std::string decision_docx_bytes(const std::string& text) {
  DocxWriter w;
  std::istringstream lines(text);
  std::string line;
  bool first = true;
  while (std::getline(lines, line)) {
    if (first) {
      w.heading(line, 1);
      first = false;
    } else {
      w.paragraph(line);
    }
  }
  Result<std::string> bytes = w.finish();
  REQUIRE(bytes.ok());
  return *bytes;
}

Document decision_docx(const std::string& text) {
  const std::string bytes = decision_docx_bytes(text);
  Document d;
  d.path = "05决定/11-行政处罚决定书.docx";
  d.format = "docx";
  const Status s = parse_docx(bytes, ZipLimits{}, d);
  INFO(s.reason);
  REQUIRE(s.ok());
  d.facts = extract_facts(d);
  d.type = "penalty_decision";
  d.type_source = Source::manifest;
  d.stage = 5;
  return d;
}

std::string DecisionText::text() const {
  return "行政处罚决定书\n" + number + "\n" + party + "\n经查，当事人于" + violation +
         "在新港西路禁止区域内露天烧烤食品。" + band + "\n本机关认为，" + cited + "，" + penalty +
         "\n当事人应当自收到本决定书之日起十五日内缴纳罚款。\n" + remedy +
         "\n广州市海珠区人民政府新港街道办事处\n" + signed_on + "\n";
}

Audit audit_decision(const DecisionText& t) {
  Case c;
  c.archive = "case.zip";
  c.documents.push_back(decision_docx(t.text()));
  c.info.street = "新港";
  return check_case(c, substance_checklist());
}

}  // namespace auditor::testing

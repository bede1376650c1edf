// IMP-no_text (check_text_extracted, auditor/checker.cc): a document of a
// format that holds text (DOCX, OFD, PDF, Word 97-2003/WPS .doc) from which
// none was read asks for a manual reading; formats that hold none (images)
// and documents the import already reported stay quiet.
#include <catch2/catch.hpp>

#include "tests/rule_fixtures.h"

namespace auditor {
namespace {

using testing::bundled_checklist;
using testing::findings_of;
using testing::outcome_of;
using testing::titled_member;

// A case whose only document is `d`.
Audit audit_of(Document d, std::vector<ImportIssue> issues = {}) {
  Case c;
  c.archive = "case.zip";
  c.documents.push_back(std::move(d));
  c.issues = std::move(issues);
  return check_case(c, bundled_checklist());
}

TEST_CASE("a legacy Word document without text asks for a manual reading", "[no_text]") {
  const Audit a = audit_of(titled_member("询问笔录.doc", "", "doc"));
  const std::vector<Finding> f = findings_of(a, "IMP-no_text");
  REQUIRE(f.size() == 1);
  CHECK(f[0].document == "询问笔录.doc");
  CHECK(f[0].evidence.back() == "格式：doc");
  CHECK(outcome_of(a, "IMP-no_text") == Outcome::not_checkable);
}

TEST_CASE("a legacy Word document with text, or one the import reported, is not flagged",
          "[no_text]") {
  CHECK(findings_of(audit_of(titled_member("询问笔录.doc", "询问笔录", "doc")), "IMP-no_text")
            .empty());
  const Audit reported = audit_of(titled_member("询问笔录.doc", "", "doc"),
                                  {{"询问笔录.doc", "文件已加密（设置了打开密码的 Office 文档）"}});
  CHECK(findings_of(reported, "IMP-no_text").empty());
}

TEST_CASE("an image without text is not flagged as a text document", "[no_text]") {
  const Audit a = audit_of(titled_member("IMG_0001.jpg", "", "image"));
  CHECK(findings_of(a, "IMP-no_text").empty());
  CHECK(outcome_of(a, "IMP-no_text") == Outcome::passed);
}

}  // namespace
}  // namespace auditor

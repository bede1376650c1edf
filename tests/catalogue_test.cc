// Rule kind catalogue: the 卷内目录 read from its text and compared with the
// documents in the file, on cases built from real catalogue text.
#include <catch2/catch.hpp>

#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

// A catalogue table as the DOCX reader gives it: one row per line, cells
// separated by tabs.
std::string catalogue(const std::vector<std::string>& rows) {
  std::string text =
      "卷内目录\n案号：穗海赤岗综执立〔2024〕12号\n序号\t文号\t责任者\t题名\t日期\t页号\t备注\n";
  for (std::size_t i = 0; i < rows.size(); ++i)
    text +=
        std::to_string(i + 1) + "\t" + rows[i] + "\t20240301\t" + std::to_string(i + 1) + "\t\n";
  return text + "立卷人：李四\n2024年4月8日\n";
}

const std::string kDecisionRow = "穗海赤岗综执罚决〔2024〕31号\t赤岗街道办事处\t行政处罚决定书";

Document decision(const std::string& number) {
  Document d =
      text_document("penalty_decision", "行政处罚决定书\n" + number + "\n当事人：某某公司\n");
  d.number = number;
  return d;
}

Case with(std::vector<Document> docs) {
  Case c;
  c.archive = "catalogue.zip";
  c.documents = std::move(docs);
  return c;
}

Audit audit(const Case& c) { return check_case(c, bundled_checklist()); }

}  // namespace

TEST_CASE("a catalogue listing exactly the documents in the file stays quiet", "[catalogue]") {
  const Audit a = audit(with({
      text_document("filing_approval", "立案审批表\n"),
      decision("穗海赤岗综执罚决〔2024〕31号"),
      text_document("service_receipt", "送达回证\n送达文书：行政处罚决定书\n"),
      text_document("file_notes", "卷内备考表\n"),
      text_document("catalogue", catalogue({"\t执法办\t立案审批表", kDecisionRow,
                                            "\t执法办\t送达回证（行政处罚决定书）"})),
  }));
  CHECK(outcome_of(a, "CAT-listed-present") == Outcome::passed);
  CHECK(outcome_of(a, "CAT-present-listed") == Outcome::passed);
  CHECK(findings_of(a, "CAT-listed-present").empty());
  CHECK(findings_of(a, "CAT-present-listed").empty());
}

TEST_CASE("a document listed in the catalogue but missing from the file is a finding",
          "[catalogue]") {
  const Audit a = audit(with({
      text_document("filing_approval", "立案审批表\n"),
      text_document("catalogue",
                    catalogue({"\t执法办\t立案审批表", "\t执法办\t行政处罚事先告知书",
                               "\t执法办\t送达回证（告知书）", "\t执法办\t送达回证（决定书）"})),
  }));
  CHECK(outcome_of(a, "CAT-listed-present") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "CAT-listed-present");
  REQUIRE(f.size() == 2);
  CHECK(f[0].kind == "catalogue");
  CHECK(f[0].document == "penalty_notice");
  CHECK(f[0].message == "卷内目录列有《行政处罚事先告知书》 1 份，卷内只有 0 份");
  CHECK(f[1].message == "卷内目录列有《送达回证》 2 份，卷内只有 0 份");
  CHECK(f[1].evidence.size() == 2);
  CHECK(contains(f[1].evidence[0], "送达回证（告知书）"));
}

TEST_CASE("a missing listed document names the unknown documents that might be it", "[catalogue]") {
  Document photo;
  photo.path = "IMG_0001.jpg";
  photo.format = "image";
  const Audit a = audit(with({
      photo,
      text_document("catalogue", catalogue({"\t执法办\t现场照片"})),
  }));
  const std::vector<Finding> f = findings_of(a, "CAT-listed-present");
  REQUIRE(f.size() == 1);
  CHECK(f[0].evidence.back() == "未能识别类型的文书 1 份，可能包含所缺文书：IMG_0001.jpg");
}

TEST_CASE("a number in the catalogue that differs from the document's is a finding",
          "[catalogue]") {
  const Audit a = audit(with({
      decision("穗海赤岗综执罚决〔2024〕32号"),
      text_document("catalogue", catalogue({kDecisionRow})),
  }));
  const std::vector<Finding> f = findings_of(a, "CAT-listed-present");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "《行政处罚决定书》在卷内目录中的文号 穗海赤岗综执罚决〔2024〕31号 与卷内文书的文号 "
        "穗海赤岗综执罚决〔2024〕32号 不一致");
}

TEST_CASE("the same number in another bracket style matches the catalogue", "[catalogue]") {
  const Audit a = audit(with({
      decision("穗海赤岗综执罚决[2024]31号"),
      text_document("catalogue", catalogue({kDecisionRow})),
  }));
  CHECK(findings_of(a, "CAT-listed-present").empty());
}

TEST_CASE("a document in the file but not in the catalogue is a finding, the notes are skipped",
          "[catalogue]") {
  const Audit a = audit(with({
      text_document("filing_approval", "立案审批表\n", "01-立案审批表.docx"),
      text_document("inquiry_record", "询问笔录\n", "05-询问笔录.docx"),
      text_document("file_notes", "卷内备考表\n"),
      text_document("catalogue", catalogue({"\t执法办\t立案审批表"})),
  }));
  CHECK(outcome_of(a, "CAT-present-listed") == Outcome::failed);
  const std::vector<Finding> f = findings_of(a, "CAT-present-listed");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "《询问笔录》（05-询问笔录.docx）未列入卷内目录");
  CHECK(f[0].deduction == 1);
}

TEST_CASE("without a catalogue the catalogue rules do not apply", "[catalogue]") {
  const Audit a = audit(with({text_document("filing_approval", "立案审批表\n")}));
  CHECK(outcome_of(a, "CAT-listed-present") == Outcome::not_applicable);
  CHECK(outcome_of(a, "CAT-present-listed") == Outcome::not_applicable);
}

TEST_CASE("a scanned catalogue is a manual check, not a failure", "[catalogue]") {
  const Audit a =
      audit(with({text_document("filing_approval", "立案审批表\n"), scan_document("catalogue")}));
  CHECK(outcome_of(a, "CAT-listed-present") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CAT-listed-present");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(f[0].deduction == 0);
  CHECK(contains(f[0].message, "扫描件"));
}

TEST_CASE("a catalogue row of an unknown type missing from the file is a finding", "[catalogue]") {
  // Two layouts: a table row, and a numbered list with leader dots.
  const std::vector<std::pair<std::string, std::string>> variants = {
      {catalogue({"\t执法办\t立案审批表", "\t当事人\t整改承诺书"}), "整改承诺书"},
      {"卷内目录\n1、立案审批表……………1\n2、社区居委会证明…………3\n立卷人：李四\n", "社区居委会证明"}};
  for (const auto& [text, title] : variants) {
    INFO(text);
    const Audit a = audit(
        with({text_document("filing_approval", "立案审批表\n"), text_document("catalogue", text)}));
    CHECK(outcome_of(a, "CAT-listed-untyped") == Outcome::failed);
    const std::vector<Finding> f = findings_of(a, "CAT-listed-untyped");
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == "catalogue");
    CHECK(f[0].message == "卷内目录列有“" + title + "”，卷内未见名称相符的文书");
    CHECK(contains(f[0].evidence.front(), title));
    CHECK(findings_of(a, "CAT-listed-present").empty());
  }
}

TEST_CASE("a catalogue row of an unknown type is found by the document's name or text",
          "[catalogue]") {
  Document by_name =
      text_document("filing_approval", "本人承诺于三日内清理完毕。\n", "07-整改承诺书.docx");
  by_name.type.reset();
  Document by_text =
      text_document("filing_approval", "社区居委会证明\n兹证明……\n", "scan-0003.docx");
  by_text.type.reset();
  const std::vector<std::pair<std::string, Document>> variants = {
      {catalogue({"\t执法办\t立案审批表", "\t当事人\t整改承诺书（共2页）"}), by_name},
      {"卷内目录\n1、立案审批表……………1\n2、社区居委会证明…………3\n立卷人：李四\n", by_text}};
  for (const auto& [text, doc] : variants) {
    INFO(text);
    const Audit a = audit(with(
        {text_document("filing_approval", "立案审批表\n"), doc, text_document("catalogue", text)}));
    CHECK(outcome_of(a, "CAT-listed-untyped") == Outcome::passed);
    CHECK(findings_of(a, "CAT-listed-untyped").empty());
  }
}

TEST_CASE("an unmatched catalogue row is a manual check when a document of unknown type is present",
          "[catalogue]") {
  Document unknown = text_document("filing_approval", "承诺\n本人保证按期改正。\n", "附件3.docx");
  unknown.type.reset();
  const Audit a = audit(with({text_document("filing_approval", "立案审批表\n"), unknown,
                              text_document("catalogue", catalogue({"\t当事人\t整改承诺书"}))}));
  CHECK(outcome_of(a, "CAT-listed-untyped") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CAT-listed-untyped");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(contains(f[0].message, "附件3.docx"));
}

TEST_CASE("an unmatched catalogue row is a manual check when files without text are present",
          "[catalogue]") {
  Document photo;
  photo.path = "IMG_0001.jpg";
  photo.format = "image";
  const Audit a = audit(with({text_document("filing_approval", "立案审批表\n"), photo,
                              text_document("catalogue", catalogue({"\t当事人\t整改承诺书"}))}));
  CHECK(outcome_of(a, "CAT-listed-untyped") == Outcome::not_checkable);
  const std::vector<Finding> f = findings_of(a, "CAT-listed-untyped");
  REQUIRE(f.size() == 1);
  CHECK(f[0].kind == "manual_check");
  CHECK(contains(f[0].message, "IMG_0001.jpg"));
}

TEST_CASE("a catalogue missing thirteen documents deducts once", "[catalogue]") {
  std::vector<Document> docs = {text_document("file_notes", "卷内备考表\n"),
                                text_document("catalogue", catalogue({"\t执法办\t立案审批表"})),
                                text_document("filing_approval", "立案审批表\n")};
  for (int i = 0; i < 13; ++i)
    docs.push_back(
        text_document("inquiry_record", "询问笔录\n", "询问笔录-" + std::to_string(i) + ".docx"));
  const Audit a = audit(with(docs));
  const std::vector<Finding> f = findings_of(a, "CAT-present-listed");
  REQUIRE(f.size() == 13);  // every occurrence is kept
  double total = 0;
  for (const Finding& x : f) total += x.deduction;
  CHECK(total == 1);  // one defect class, one item
  CHECK(f.front().deduction == 1);
  CHECK(f.back().deduction == 0);
}

TEST_CASE("a catalogue whose cells wrap over lines (OFD, PDF) lists its documents", "[catalogue]") {
  // Rows as an OFD reader gives them: the serial and the first words on one
  // line, each cell wrapped; a title of a known type over three lines, and
  // one the tool does not know ("当事人整改承诺书") over two.
  const std::string text =
      "卷内目录\n序号 文号 责任者 题名 日期 页号 备注\n"
      "1 广州市海珠区\n人民政府南华\n西街道办事处\n立案审批表 202403\n04\n1\n"
      "2 "
      "穗海南华综执\n罚告〔202\n4〕96号\n广州市海珠区\n人民政府南华\n西街道办事处\n行政处罚事先\n（"
      "听证）告知\n书\n202403\n12\n2\n"
      "3 当事人整改\n承诺书\n202403\n27\n3\n";
  Document promise =
      text_document("filing_approval", "当事人整改承诺书\n本人承诺三日内清理。\n", "12-承诺.ofd");
  promise.type.reset();
  const Audit a = audit(with({text_document("filing_approval", "立案审批表\n"),
                              text_document("penalty_notice", "行政处罚事先（听证）告知书\n"),
                              promise, text_document("catalogue", text)}));
  CHECK(findings_of(a, "CAT-present-listed").empty());
  CHECK(findings_of(a, "CAT-listed-present").empty());
  CHECK(findings_of(a, "CAT-listed-untyped").empty());
  // Without the promise: its row is reported, and the wrapped 文号 is no row.
  const Audit missing = audit(with({text_document("filing_approval", "立案审批表\n"),
                                    text_document("penalty_notice", "行政处罚事先（听证）告知书\n"),
                                    text_document("catalogue", text)}));
  const std::vector<Finding> f = findings_of(missing, "CAT-listed-untyped");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "卷内目录列有“当事人整改承诺书”，卷内未见名称相符的文书");
}

TEST_CASE("a title cell interleaved with the date column still names its type", "[catalogue]") {
  const Audit a = audit(with({
      text_document("filing_approval", "立案审批表\n"),
      text_document("penalty_notice", "行政处罚事先告知书\n"),
      text_document("catalogue",
                    "卷内目录\n序号\t文号\t责任者\t题名\t日期\t页号\t备注\n"
                    "1\t广州市海珠区人民政府南华西街道办事处\t立案审批表\t20240304\t1\n"
                    "2\t穗海南华综执罚告〔2024〕96号\t广州市海珠区人民政府南华西街道办事处\t行政处"
                    "罚事先 202403122告知书\n"),
  }));
  CHECK(findings_of(a, "CAT-present-listed").empty());
  CHECK(findings_of(a, "CAT-listed-untyped").empty());
}

TEST_CASE("rows a reader merged into one line are each an entry", "[catalogue]") {
  // "23" after row 1: rows 2 and 3 in one line, their titles one after the other.
  const std::string text =
      "卷内目录\n序号\t文号\t责任者\t题名\t日期\t页号\t备注\n"
      "1\t广州市海珠区人民政府南华西街道办事处\t立案审批表\t20240304\t1\n"
      "23\t广州市海珠区人民政府南华西街道办事处广州市海珠区人民政府南华西街道办事处\t现场检查笔录 "
      "20240304 2询问笔录 20240305 3\n"
      "45\t广州市海珠区人民政府南华西街道办事处广州市海珠区人民政府南华西街道办事处\t听证笔录听证报"
      "告\t2024052920240530\t45\n";
  const Audit a = audit(with(
      {text_document("filing_approval", "立案审批表\n"),
       text_document("inspection_record", "现场检查笔录\n"),
       text_document("inquiry_record", "询问笔录\n"), text_document("hearing_record", "听证笔录\n"),
       text_document("hearing_report", "听证报告\n"), text_document("catalogue", text)}));
  CHECK(findings_of(a, "CAT-present-listed").empty());
  CHECK(findings_of(a, "CAT-listed-present").empty());
  // A merged row listing a document the file lacks is still reported.
  const Audit missing = audit(
      with({text_document("filing_approval", "立案审批表\n"),
            text_document("inspection_record", "现场检查笔录\n"),
            text_document("hearing_record", "听证笔录\n"),
            text_document("hearing_report", "听证报告\n"), text_document("catalogue", text)}));
  const std::vector<Finding> f = findings_of(missing, "CAT-listed-present");
  REQUIRE(f.size() == 1);
  CHECK(f[0].document == "inquiry_record");
}

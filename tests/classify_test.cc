// Document classification against the bundled checklist: title text, member
// name, folder, tie-breaks, service receipts, unknown documents.
#include <catch2/catch.hpp>

#include <filesystem>

#include "auditor/checker.h"
#include "auditor/checklist.h"
#include "tests/rule_fixtures.h"

using namespace auditor;

namespace {

const Checklist& bundled() { return testing::bundled_checklist(); }

Document member(std::string path, std::string title = {}) {
  return testing::titled_member(std::move(path), std::move(title), "pdf");
}

Document classified(Document d) { return testing::classified_alone(std::move(d)); }

}  // namespace

TEST_CASE("document is classified by the title in its text", "[checker]") {
  Document d = classified(member("scan/0001.pdf",
                                 "广州市海珠区人民政府赤岗街道办事处\n行政处罚决定书\n"
                                 "穗海赤岗综执罚决〔2024〕3号"));
  CHECK(d.type == "penalty_decision");
  CHECK(d.stage == 5);
  CHECK(d.type_source == Source::title);
}

TEST_CASE("title text outranks the member name", "[checker]") {
  Document d = classified(member("05-现场检查笔录.docx", "询 问 笔 录"));
  CHECK(d.type == "inquiry_record");
  CHECK(d.type_source == Source::title);
}

TEST_CASE("a long body line is not taken for a title", "[checker]") {
  Document d = classified(member("附件.pdf",
                                 "经查，当事人于2024年3月1日在本辖区经营时，执法人员已依法送达行政"
                                 "处罚决定书并告知其权利义务"));
  CHECK_FALSE(d.type.has_value());
}

TEST_CASE("member name with a numbering prefix is classified", "[checker]") {
  struct Named {
    const char* path;
    const char* type;
  };
  for (const Named& n :
       {Named{"06-行政处罚事先告知书.docx", "penalty_notice"},
        Named{"案卷/06_调查询问笔录.pdf", "inquiry_record"},
        Named{"（6）现场检查（勘验）笔录.ofd", "inspection_record"},
        Named{"六、立案审批表.pdf", "filing_approval"}, Named{"12.卷内目录.pdf", "catalogue"},
        Named{"十二、卷内备考表.jpg", "file_notes"}}) {
    INFO(n.path);
    Document d = classified(member(n.path));
    CHECK(d.type == n.type);
    CHECK(d.type_source == Source::name);
    CHECK(d.stage == bundled().doc_type(n.type)->stage);
  }
}

TEST_CASE("folder gives only a stage to an unnamed document", "[checker]") {
  struct Foldered {
    const char* path;
    int stage;
  };
  for (const Foldered& f : {Foldered{"穗海赤岗综执立〔2024〕12号/03告知/IMG_0001.jpg", 3},
                            Foldered{"案卷/2.调查取证/扫描件.pdf", 2}, Foldered{"执行/0007.pdf", 7},
                            Foldered{"第8阶段/页面.pdf", 8}, Foldered{"08结案/扫描/页面.pdf", 8}}) {
    INFO(f.path);
    Document d = classified(member(f.path));
    CHECK_FALSE(d.type.has_value());
    CHECK(d.type_source == Source::none);
    CHECK(d.stage == f.stage);
  }
  // A document the folder names gets its own type's stage.
  CHECK(classified(member("03告知/结案审批表.pdf")).stage == 8);
}

TEST_CASE("longest title variant wins over the shorter one it contains", "[checker]") {
  CHECK(classified(member("x.pdf", "不予行政处罚决定书")).type == "no_penalty_decision");
  CHECK(classified(member("行政处罚听证告知书.docx")).type == "hearing_rights_notice");
  CHECK(classified(member("撤销立案审批表.docx")).type == "filing_withdrawal");
  CHECK(classified(member("先行登记保存证据通知书及先行登记保存证据处理决定书.pdf")).type ==
        "preservation_decision");
  CHECK(classified(member("行政处罚事先（听证）告知书.pdf")).type == "penalty_notice");
}

TEST_CASE("equal-length variants are decided by priority", "[checker]") {
  Checklist cl;
  cl.doc_types = {DocType{"low", "甲类决定书", 5, {"甲类决定书"}, "", 0},
                  DocType{"high", "乙类决定书", 5, {"乙类决定书"}, "", 7}};
  for (const char* name : {"甲类决定书乙类决定书.pdf", "乙类决定书甲类决定书.pdf"}) {
    Case c;
    c.documents.push_back(member(name));
    classify(c, cl);
    CHECK(c.documents[0].type == "high");
  }
}

TEST_CASE("a service receipt is a receipt even when it names the served document", "[checker]") {
  Document notice_receipt = classified(member("07-行政处罚事先告知书送达回证.pdf"));
  CHECK(notice_receipt.type == "service_receipt");
  CHECK(notice_receipt.stage == 3);
  Document decision_receipt = classified(member("送达回证（行政处罚决定书）.pdf"));
  CHECK(decision_receipt.type == "service_receipt");
  CHECK(decision_receipt.stage == 6);
}

TEST_CASE("service receipt stage follows the document it serves", "[checker]") {
  Document by_fact = member("10.pdf", "送达回证");
  by_fact.facts.push_back(
      {"served_document", "行政处罚事先告知书", "送达文书：行政处罚事先告知书"});
  CHECK(classified(by_fact).stage == 3);

  Document decision = member("14.pdf", "送达回证");
  decision.facts.push_back({"served_document", "行政处罚决定书", "送达文书：行政处罚决定书"});
  CHECK(classified(decision).stage == 6);

  CHECK(classified(member("送达回证（告知书）.pdf")).stage == 3);
  CHECK(classified(member("03告知/送达回证.pdf")).stage == 3);
  CHECK(classified(member("送达回证.pdf")).stage == 6);

  // By number: the receipt names the notice's 文号.
  Case c;
  Document notice = member("06.pdf", "行政处罚事先告知书");
  notice.number = "穗海赤岗综执罚告〔2024〕7号";
  Document receipt = member("07.pdf", "送达回证");
  receipt.facts.push_back({"served_number", "穗海赤岗综执罚告〔2024〕7号", ""});
  c.documents = {receipt, notice};
  classify(c, bundled());
  CHECK(c.documents[0].stage == 3);
}

TEST_CASE("unknown document stays unknown and is kept", "[checker]") {
  Case c;
  c.documents = {member("IMG_20240301_1022.jpg"), member("立案审批表.pdf")};
  classify(c, bundled());
  REQUIRE(c.documents.size() == 2);
  CHECK_FALSE(c.documents[0].type.has_value());
  CHECK_FALSE(c.documents[0].stage.has_value());
  CHECK(c.documents[0].type_source == Source::none);
  CHECK(c.documents[1].type == "filing_approval");
}

TEST_CASE("manifest-declared type and stage are kept", "[checker]") {
  Document d = member("x.pdf", "行政处罚决定书");
  d.type = "evidence";
  d.type_source = Source::manifest;
  CHECK(classified(d).type == "evidence");
  CHECK(classified(d).stage == 2);  // filled from the type when not declared
  d.stage = 5;
  CHECK(classified(d).stage == 5);
}

TEST_CASE("a catalogue has no number of its own", "[classify]") {
  Document d = member("14-卷内目录.docx", "卷内目录");
  d.number = "穗海南华综执罚告〔2024〕21号";  // the first 文号 its rows list
  CHECK_FALSE(classified(d).number);
}

// Document titles as other offices' template sets print them
// (../shared/templates.md §2 and §5.1), classified in the layouts they come
// in: alone, under an organ-name line, letter-spaced, as a member name.
// Approval forms (…审批表) are forms, with the approved document as a fact.
#include <catch2/catch.hpp>

#include <algorithm>

#include "auditor/checker.h"
#include "auditor/events.h"
#include "auditor/rule_kinds.h"
#include "reports/json_report.h"
#include "reports/labels.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

struct Titled {
  const char* title;
  const char* type;
};

// Every title of templates.md §2 and §5.1 with the type it must get.
const Titled kTemplateTitles[] = {
    {"立案/不予立案审批表", "filing_approval"},
    {"立案审批表", "filing_approval"},
    {"行政处罚案件立案审批表", "filing_approval"},
    {"行政处罚立案审批表", "filing_approval"},
    {"立案登记表", "filing_approval"},
    {"行政处罚立案登记表", "filing_approval"},
    {"立案报告表", "filing_approval"},
    {"案件来源登记表", "case_source"},
    {"举报案件登记表", "case_source"},
    {"举报（投诉）案件登记表", "case_source"},
    {"文化市场举报处理单", "case_source"},
    {"举报记录表", "case_source"},
    {"案件登记表", "case_source"},
    {"案件受理登记表", "case_source"},
    {"案件来源表", "case_source"},
    {"现场检查（勘察）笔录", "inspection_record"},
    {"现场笔录", "inspection_record"},
    {"现场检查（勘验）笔录", "inspection_record"},
    {"检查（勘验）笔录", "inspection_record"},
    {"检查笔录", "inspection_record"},
    {"现场检查笔录", "inspection_record"},
    {"现场勘验笔录", "inspection_record"},
    {"现场勘查笔录", "inspection_record"},
    {"现场检查勘验笔录", "inspection_record"},
    {"调查询问笔录", "inquiry_record"},
    {"询问笔录", "inquiry_record"},
    {"询问调查笔录", "inquiry_record"},
    {"调查笔录", "inquiry_record"},
    {"询问笔录（附页）", "inquiry_record"},
    {"现场照片（图片）证据", "evidence"},
    {"行政处罚案件调查报告", "investigation_report"},
    {"案件调查终结报告", "investigation_report"},
    {"案件调查终结审批表", "investigation_report"},
    {"案件调查报告", "investigation_report"},
    {"行政处罚事先（听证）告知书", "penalty_notice"},
    {"行政处罚事先告知书", "penalty_notice"},
    {"行政处罚事先(听证)告知书", "penalty_notice"},
    {"行政处罚告知书", "penalty_notice"},
    {"陈述、申辩、听证告知书", "penalty_notice"},
    {"行政处罚听证告知书", "hearing_rights_notice"},
    {"不予行政处罚事先（听证）告知书", "no_penalty_notice"},
    {"不予行政处罚事先告知书", "no_penalty_notice"},
    {"陈述申辩意见笔录", "statement_record"},
    {"陈述（申辩）笔录", "statement_record"},
    {"陈述（申辩）书", "statement_letter"},
    {"陈述、申辩笔录", "statement_record"},
    {"陈述申辩笔录", "statement_record"},
    {"陈述申辩复核表", "review_record"},
    {"陈述(申辩)情况审核表", "review_record"},
    {"放弃陈述、申辩声明", "waiver_statement"},
    {"行政处罚听证通知书", "hearing_notification"},
    {"听证通知书", "hearing_notification"},
    {"听证申请书", "hearing_request"},
    {"行政处罚听证申请书", "hearing_request"},
    {"听证笔录", "hearing_record"},
    {"行政处罚听证笔录", "hearing_record"},
    {"听证报告", "hearing_report"},
    {"行政处罚听证报告", "hearing_report"},
    {"行政处罚听证意见书", "hearing_report"},
    {"听证意见书", "hearing_report"},
    {"案件法制审核表", "legal_review"},
    {"重大行政处罚决定法制审核意见书", "legal_review"},
    {"重大执法决定法制审核意见书", "legal_review"},
    {"案件集体讨论记录", "collective_discussion"},
    {"集体讨论笔录", "collective_discussion"},
    {"行政机关负责人集体讨论笔录", "collective_discussion"},
    {"重大复杂案件集体讨论笔录", "collective_discussion"},
    {"执法机关负责人集体讨论行政处罚案件记录", "collective_discussion"},
    {"集体讨论案件会议纪要", "collective_discussion"},
    {"行政处罚集体讨论记录", "collective_discussion"},
    {"案件处理内部审批表", "penalty_approval"},
    {"行政处罚审批表", "penalty_approval"},
    {"行政处罚决定审批表", "penalty_approval"},
    {"行政处罚案件处理审批表", "penalty_approval"},
    {"案件处理审批表", "penalty_approval"},
    {"行政处罚案件有关事项审批表", "penalty_approval"},
    {"行政处罚决定书", "penalty_decision"},
    {"处罚决定书", "penalty_decision"},
    {"当场行政处罚决定书", "on_spot_decision"},
    {"当场处罚决定书", "on_spot_decision"},
    {"不予行政处罚决定书", "no_penalty_decision"},
    {"送达回证", "service_receipt"},
    {"送达回执", "service_receipt"},
    {"行政处罚文书送达回证", "service_receipt"},
    {"送达地址确认书", "address_confirmation"},
    {"当事人送达地址确认书", "address_confirmation"},
    {"送达地址及方式确认书", "address_confirmation"},
    {"电子非税收入一般缴款书", "payment_proof"},
    {"广东省非税收入缴款书", "payment_proof"},
    {"非税收入电子票据", "payment_proof"},
    {"罚没款收据", "payment_proof"},
    {"广东省非税收入统一票据", "payment_proof"},
    {"罚款收缴凭证", "payment_proof"},
    {"督促履行义务催告书", "reminder"},
    {"催告书", "reminder"},
    {"行政处罚履行催告书", "reminder"},
    {"罚款催缴通知书", "reminder"},
    {"催告通知书", "reminder"},
    {"强制执行申请书", "enforcement_application"},
    {"行政处罚强制执行申请书", "enforcement_application"},
    {"行政处罚案件结案审批表", "closing_approval"},
    {"结案审批表", "closing_approval"},
    {"结案表", "closing_approval"},
    {"结案（审批）表", "closing_approval"},
    {"案件结案审批表", "closing_approval"},
    {"行政处罚案件结案报告", "closing_approval"},
    {"结案报告表", "closing_approval"},
    {"结案登记表", "closing_approval"},
    {"卷内文件目录", "catalogue"},
    {"卷内目录", "catalogue"},
    {"卷内备考表", "file_notes"},
    {"案卷内备考表", "file_notes"},
    {"备考表", "file_notes"},
    {"立卷、验卷情况记载", "file_notes"},
    {"复查笔录", "correction_proof"},
    {"整改复查记录", "correction_proof"},
    {"整改复查笔录", "correction_proof"},
    {"责令改正复查记录", "correction_proof"},
    {"当场处罚备案表", "on_spot_filing"},
    {"市民交办单", "case_source"},
    {"证据提取单", "evidence"},
    {"抽样取证物品清单", "evidence"},
    {"授权委托书", "evidence"},
    {"责令（限期）改正通知书", "correction_order"},
    {"责令改正违法行为决定书", "correction_order"},
    {"限期整改通知书", "correction_order"},
    {"处罚行政决定书", "penalty_decision"},
    {"强制执行通知书", "reminder"},
    {"履行行政决定催告书", "reminder"},
    {"行政处罚决定书（个人）", "penalty_decision"},
    {"行政处罚决定书（存根）", "penalty_decision"},
};

Document member(std::string path, std::string title = {}) {
  return titled_member(std::move(path), std::move(title), "docx");
}

Document classified(Document d) { return classified_alone(std::move(d)); }

std::string spaced(const std::string& utf8) {  // 送达回证 -> 送 达 回 证
  std::string out;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (i > 0 && (static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) out += ' ';
    out += utf8[i];
  }
  return out;
}

std::optional<std::string> approves(const Document& d) {
  for (const Fact& f : d.facts)
    if (f.kind == "approves") return f.value;
  return std::nullopt;
}

}  // namespace

TEST_CASE("every template title is recognised in four layouts", "[checker][titles]") {
  int recognised = 0, total = 0;
  std::string missed;
  for (const Titled& t : kTemplateTitles) {
    const std::string title = t.title;
    const Document layouts[] = {
        member("0001.pdf", title),
        member("0002.pdf",
               "广州市海珠区人民政府赤岗街道办事处\n" + title + "\n穗海赤岗综执〔2024〕1号"),
        member("0003.pdf", spaced(title)),
        member("05-" + title + ".docx"),
    };
    for (const Document& d : layouts) {
      ++total;
      const Document got = classified(d);
      if (got.type == t.type) {
        ++recognised;
      } else {
        missed += "\n" + title + " (" + d.path + ") -> " + got.type.value_or("未识别") + "，应为 " +
                  t.type;
      }
    }
  }
  INFO("recognised " << recognised << " of " << total << missed);
  CHECK(recognised == total);
  CHECK(std::size(kTemplateTitles) >= 129);
}

TEST_CASE("an approval form that names another document approves it", "[checker][titles]") {
  struct Form {
    const char* title;
    const char* type;
    const char* approved;
    int stage;
  };
  for (const Form& f : {
           Form{"行政处罚（听证）告知书审批表", "approval_form", "penalty_notice", 3},
           Form{"行政处罚事先告知审批表", "approval_form", "penalty_notice", 3},
           Form{"处罚告知呈批表", "approval_form", "penalty_notice", 3},
           Form{"责令改正审批表", "approval_form", "correction_order", 2},
           Form{"听证告知书审批表", "approval_form", "hearing_rights_notice", 3},
           Form{"强制执行申请审批表", "approval_form", "enforcement_application", 7},
           Form{"行政处罚决定审批表", "penalty_approval", "penalty_decision", 4},
           Form{"不予行政处罚决定审批表", "penalty_approval", "no_penalty_decision", 4},
           Form{"行政处罚决定书审批单", "penalty_approval", "penalty_decision", 4},
           Form{"行政处罚事先告知书审批", "approval_form", "penalty_notice", 3},
           Form{"责令改正通知书呈批", "approval_form", "correction_order", 2},
       }) {
    for (const Document& d :
         {member("x.pdf", std::string("广州市海珠区人民政府赤岗街道办事处\n") + f.title),
          member(spaced(f.title) + ".docx"), member(std::string("07-") + f.title + ".pdf")}) {
      INFO(f.title << " as " << d.path);
      const Document got = classified(d);
      CHECK(got.type == f.type);
      CHECK(approves(got) == f.approved);
      CHECK(got.stage == f.stage);
    }
  }
}

TEST_CASE("a form that is itself a document type approves nothing", "[checker][titles]") {
  for (const Titled& t :
       {Titled{"立案审批表", "filing_approval"}, Titled{"结案审批表", "closing_approval"},
        Titled{"行政处罚审批表", "penalty_approval"}, Titled{"案件处理审批表", "penalty_approval"},
        Titled{"案件处理呈批表", "penalty_approval"},
        Titled{"延期缴纳罚款审批表", "payment_deferral_approval"},
        Titled{"撤销立案审批表", "filing_withdrawal"}, Titled{"案件法制审核表", "legal_review"},
        Titled{"案件调查终结审批表", "investigation_report"}, Titled{"立案审批", "filing_approval"},
        Titled{"结案审批", "closing_approval"}, Titled{"行政处罚事先告知书", "penalty_notice"},
        Titled{"行政处罚决定书", "penalty_decision"}}) {
    INFO(t.title);
    const Document got = classified(member("x.pdf", t.title));
    CHECK(got.type == t.type);
    CHECK_FALSE(approves(got).has_value());
  }
}

TEST_CASE("an approval form never stands in for the document it approves", "[checker][titles]") {
  const Checklist& cl = bundled_checklist();
  Case with_form, with_notice;
  with_form.archive = with_notice.archive = "x.zip";
  with_form.documents = {member("05.pdf", "行政处罚（听证）告知书审批表")};
  with_notice.documents = {member("05.pdf", "行政处罚（听证）告知书审批表"),
                           member("06.pdf", "行政处罚事先告知书")};
  for (Case* c : {&with_form, &with_notice}) classify(*c, cl);
  const Audit missing = check_case(with_form, cl);
  CHECK(outcome_of(missing, "REQ-3-penalty_notice") == Outcome::failed);
  const std::vector<Finding> f = findings_of(missing, "REQ-3-penalty_notice");
  REQUIRE(f.size() == 1);
  const std::string said =
      "卷内的《行政处罚（听证）告知书审批表》（05.pdf）是审批《行政处罚事先告知书》的审批表，"
      "不是该文书本身";
  CHECK(std::find(f[0].evidence.begin(), f[0].evidence.end(), said) != f[0].evidence.end());
  CHECK(outcome_of(check_case(with_notice, cl), "REQ-3-penalty_notice") == Outcome::passed);
}

TEST_CASE("the decision's date is never the date of its approval form", "[checker][titles]") {
  const Checklist& cl = bundled_checklist();
  Case c;
  c.archive = "x.zip";
  Document form = text_document(
      "evidence", "行政处罚决定审批表\n负责人审批意见：同意\n签字：李四  2024年5月10日\n",
      "07-审批.docx");
  form.type.reset();
  form.type_source = Source::none;
  form.title = "行政处罚决定审批表";
  c.documents.push_back(form);
  classify(c, cl);
  REQUIRE(c.documents[0].type == "penalty_approval");
  CHECK_FALSE(find_event(c, cl, "decided").has_value());  // no decision: no decision date

  c.documents.push_back(text_document("penalty_decision",
                                      "行政处罚决定书\n穗海赤岗综执罚决〔2024〕3号\n当事人：某某\n"
                                      "广州市海珠区人民政府赤岗街道办事处\n2024年5月20日\n",
                                      "08-行政处罚决定书.docx"));
  const std::optional<Event> decided = find_event(c, cl, "decided");
  REQUIRE(decided.has_value());
  CHECK(decided->date == *Date::parse("2024-05-20"));
}

TEST_CASE("an approval form named inside a longer line (a catalogue row) is a form",
          "[checker][titles]") {
  const Checklist& cl = bundled_checklist();
  CHECK(doc_type_named("6 南华西街道办事处 行政处罚（听证）告知书审批表 20240311 6", cl)->id ==
        "approval_form");
  CHECK(doc_type_named("9 行政处罚决定书审批表 20240320 9", cl)->id == "penalty_approval");
  CHECK(doc_type_named("9 行政处罚决定书 20240321 9", cl)->id == "penalty_decision");
  CHECK(doc_type_named("1 立案审批表 20240304 1", cl)->id == "filing_approval");
}

TEST_CASE("a label line under the title is not taken for the title", "[checker][titles]") {
  CHECK(classified(
            member("x.pdf", "行政处罚信息公示\n行政处罚决定书文号 穗海南华综执罚决〔2024〕23号"))
            .type == "publication_record");
  CHECK(
      classified(member("x.pdf", "公示\n行政处罚决定书文号：穗海南华综执罚决〔2024〕23号")).type !=
      "penalty_decision");
  CHECK(classified(member("x.pdf", "附件1：行政处罚决定书\n穗海赤岗综执罚决〔2024〕3号")).type ==
        "penalty_decision");
}

TEST_CASE("an approval form of something unknown is no type, and keeps its title",
          "[checker][titles]") {
  for (const char* title : {"定审批表", "审 批 表", "内部事项呈批表", "其他审批单"}) {
    INFO(title);
    CHECK_FALSE(classified(member("x.pdf", title)).type.has_value());
  }
}

TEST_CASE("an unclassified document keeps its title line in the JSON result", "[checker][titles]") {
  Case c;
  c.archive = "x.zip";
  c.documents = {
      member("0007.pdf", "广州市海珠区人民政府赤岗街道办事处\n关于某某事项的情况说明\n正文"),
      member("IMG_0001.jpg")};
  c.documents[1].has_text = false;
  classify(c, bundled_checklist());
  REQUIRE_FALSE(c.documents[0].type.has_value());
  const nlohmann::json j = case_json(c, Audit{});
  CHECK(j["documents"][0]["title"] == "关于某某事项的情况说明");
  CHECK(j["documents"][1]["title"].is_null());
  CHECK(first_title_line("行政处罚决定书\n穗海赤岗综执罚决〔2024〕3号") == "行政处罚决定书");
  CHECK(first_title_line("") == "");
}

TEST_CASE("the title line shown skips the organ's lines", "[checker][titles]") {
  CHECK(first_title_line("广州市海珠区人民政府\n赤岗街道办事处\n情况说明") == "情况说明");
  CHECK(first_title_line("广州市海珠区人民政府赤岗街道办事处") ==
        "广州市海珠区人民政府赤岗街道办事处");
  CHECK(first_title_line(std::string(50, 'x')).size() == 40 + std::string("…").size());
}

TEST_CASE("a title wrapped over two lines is recognised", "[checker][titles]") {
  CHECK(classified(member("x.pdf", "行政处罚事先\n告知书\n穗海赤岗综执罚告〔2024〕2号")).type ==
        "penalty_notice");
  CHECK(classified(
            member("x.pdf", "广州市海珠区人民政府赤岗街道办事处\n行政处罚（听证）告知书\n审批表"))
            .type == "approval_form");
  // A whole line still wins over a joined pair.
  CHECK(classified(member("x.pdf", "送达回证\n行政处罚决定书")).type == "service_receipt");
}

TEST_CASE("lines that name no document stay unclassified", "[checker][titles]") {
  for (const char* text :
       {"当事人：张三\n地址：广州市海珠区赤岗路1号", "第1页 共3页", "以下空白", "（印章）",
        "身份证件号码 440105197809214013", "广州市海珠区人民政府赤岗街道办事处\n二〇二四年三月五日",
        "关于张三占道经营一案的情况说明", "行政处罚决定书文号：穗海赤岗综执罚决〔2024〕3号",
        "经查，当事人于2024年3月1日在本辖区经营时，执法人员已依法送达行政处罚决定书并告知其权利义"
        "务"}) {
    INFO(text);
    CHECK_FALSE(classified(member("0001.pdf", text)).type.has_value());
  }
}

TEST_CASE("a heading line with the organ and the number around the title classifies",
          "[checker][titles]") {
  CHECK(classified(
            member("0001.pdf",
                   "广州市海珠区人民政府赤岗街道办事处行政处罚决定书穗海赤岗综执罚决〔2024〕31号"))
            .type == "penalty_decision");
  CHECK(classified(member("0001.pdf",
                          "广州市海珠区人民政府赤岗街道办事处行政处罚事先告知书〔2024〕"
                          "穗海赤岗综执罚告第20号（正本）"))
            .type == "penalty_notice");
  // A long body sentence still is no title.
  CHECK_FALSE(
      classified(
          member("0001.pdf",
                 "经查，当事人于2024年3月1日在本辖区经营时，执法人员已依法送达行政处罚决定书并"
                 "告知其权利义务"))
          .type.has_value());
}

TEST_CASE("a title in a table cell beside a labelled number classifies", "[checker][titles]") {
  CHECK(classified(member("0001.pdf", "立案审批表\t编号：穗海赤岗综执立〔2024〕12号")).type ==
        "filing_approval");
  CHECK(classified(member("0001.pdf", "行政处罚决定书文号\t穗海赤岗综执罚决〔2024〕3号")).type !=
        "penalty_decision");
}

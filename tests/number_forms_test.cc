// Numbers as other offices write them (../shared/templates.md §5.7): year
// first, 字/第, zero-padded serials, every bracket, a bracketed prefix. Each
// is read as a number (never "no number") and then judged against the
// district rule with a message naming exactly what differs.
#include <catch2/catch.hpp>

#include "auditor/checker.h"
#include "auditor/held_numbers.h"
#include "auditor/numbering.h"
#include "importers/facts.h"
#include "tests/rule_fixtures.h"

using namespace auditor;
using namespace auditor::testing;

namespace {

using Values = std::vector<std::string>;

Values values_of(const std::string& text, const std::string& kind) {
  Values out;
  for (const Fact& f : extract_facts(text))
    if (f.kind == kind) out.push_back(f.value);
  return out;
}

ParsedNumber parse_doc(const std::string& s) {
  const Checklist& cl = bundled_checklist();
  return parse_number(s, cl.numbering.document_pattern, cl.numbering, abbreviations(cl));
}

std::string messages(const ParsedNumber& p) {
  std::string out;
  for (const NumberDefect& d : p.defects) out += d.part + ":" + d.message + "；";
  return out;
}

// Own numbers of other offices, each as a decision's header would carry it.
const char* const kOtherForms[] = {
    "〔2021〕深南综执罚字第1101号", "[2025]穗海赤岗综执罚决第055号", "福财罚决字〔2018〕第2号",
    "XX罚决字〔2024〕第2号",        "津(粮)罚〔2020〕001号",         "(杭临)市监处罚〔2024〕131号",
    "津市场监管青竞罚〔2018〕17号", "〔2024〕赤岗综执罚决3号",       "（2024）海珠罚字第12号",
};

}  // namespace

TEST_CASE("numbers in other offices' forms are read as the document's own number",
          "[facts][numbering]") {
  for (const char* n : kOtherForms) {
    INFO(n);
    // Alone under the title, under an organ line and title, and labelled.
    CHECK(values_of(std::string("行政处罚决定书\n") + n + "\n当事人：张三\n", "doc_number") ==
          Values{n});
    CHECK(values_of(std::string("广州市海珠区人民政府赤岗街道办事处\n行政处罚决定书\n") + n +
                        "\n当事人：张三\n",
                    "doc_number") == Values{n});
    CHECK(values_of(std::string("行政处罚决定书\n文号：") + n + "\n", "doc_number") == Values{n});
  }
}

TEST_CASE("a number in every bracket is read verbatim", "[facts][numbering]") {
  for (const char* pair : {"〔〕", "[]", "［］", "()", "（）", "【】", "〖〗", "﹝﹞"}) {
    const std::string p = pair;
    const std::size_t half = p.size() / 2;
    const std::string n = "穗海赤岗综执罚决" + p.substr(0, half) + "2024" + p.substr(half) + "3号";
    INFO(n);
    CHECK(values_of("行政处罚决定书\n" + n + "\n", "doc_number") == Values{n});
    const std::string year_first =
        p.substr(0, half) + "2024" + p.substr(half) + "穗海赤岗综执罚决3号";
    CHECK(values_of("行政处罚决定书\n" + year_first + "\n", "doc_number") == Values{year_first});
  }
}

TEST_CASE("case numbers in other forms are read as case numbers", "[facts][numbering]") {
  CHECK(values_of("案号：〔2021〕深南综执立字第12号\n", "case_number") ==
        Values{"〔2021〕深南综执立字第12号"});
  CHECK(values_of("立案审批表\n编号：法立字〔2024〕第3号\n", "case_number") ==
        Values{"法立字〔2024〕第3号"});
  CHECK(values_of("案件编号：(杭临)市监立〔2024〕131号\n", "case_number") ==
        Values{"(杭临)市监立〔2024〕131号"});
}

TEST_CASE("a number split after its prefix is read whole", "[facts][numbering]") {
  CHECK(values_of("行政处罚决定书\n穗海赤岗综执罚决\n〔2024〕3号\n当事人：张三\n", "doc_number") ==
        Values{"穗海赤岗综执罚决〔2024〕3号"});
}

TEST_CASE("court numbers, dates and words before a number are not read as part of it",
          "[facts][numbering]") {
  CHECK(values_of("行政处罚决定书\n（2024）粤0105行初12号\n", "doc_number").empty());
  CHECK(values_of("行政处罚决定书\n（2024）粤0105行初12号\n", "cited_number").empty());
  // A citation inside a sentence near the top is cited, not the document's own.
  const std::string cited = "行政处罚决定书\n当事人：张三\n依据粤府〔2020〕1号文件的规定\n";
  CHECK(values_of(cited, "doc_number").empty());
  CHECK(values_of(cited, "cited_number") == Values{"粤府〔2020〕1号"});
  // The served document's title before its number is not the number's prefix.
  const std::string receipt =
      "送达回证\n送达文书名称及文号：行政处罚决定书 福财罚决字〔2018〕第2号\n";
  CHECK(values_of(receipt, "served_number") == Values{"福财罚决字〔2018〕第2号"});
  CHECK(values_of("根据《行政处罚决定书》（津(粮)罚〔2020〕001号）", "cited_number") ==
        Values{"津(粮)罚〔2020〕001号"});
}

TEST_CASE("each departure from the district form is named", "[numbering]") {
  struct Case_ {
    const char* number;
    const char* part;
    const char* says;
  };
  for (const Case_& c : {
           Case_{"〔2024〕穗海赤岗综执罚决3号", "year",
                 "年份“〔2024〕”写在编号开头，应写在文书简称之后"},
           Case_{"[2025]穗海赤岗综执罚决第055号", "year", "年份“[2025]”写在编号开头"},
           Case_{"[2025]穗海赤岗综执罚决第055号", "brackets",
                 "年份括号写作“[2025]”，应为“〔2025〕”"},
           Case_{"[2025]穗海赤岗综执罚决第055号", "serial", "序号前加了“第”"},
           Case_{"[2025]穗海赤岗综执罚决第055号", "serial", "序号“055”有前导零"},
           Case_{"穗海赤岗综执罚决字〔2024〕第2号", "serial", "编号中加了“字”"},
           Case_{"穗海赤岗综执罚决字〔2024〕第2号", "serial", "序号前加了“第”"},
           Case_{"穗海赤岗综执罚决〔2024〕031号", "serial", "序号“031”有前导零"},
           Case_{"穗海赤岗综执罚决【2024】31号", "brackets", "年份括号写作“【2024】”"},
           Case_{"穗海赤岗综执罚决﹝2024﹞31号", "brackets", "年份括号写作“﹝2024﹞”"},
           Case_{"穗海赤岗综执罚决（2024）31号", "brackets", "年份括号写作“（2024）”"},
           Case_{"(杭临)市监处罚〔2024〕131号", "prefix", "未以“穗海”开头"},
       }) {
    const ParsedNumber p = parse_doc(c.number);
    INFO(c.number << " -> " << messages(p));
    CHECK(p.has_defect(c.part));
    bool said = false;
    for (const NumberDefect& d : p.defects)
      said = said || d.message.find(c.says) != std::string::npos;
    CHECK(said);
  }
  // Another office's prefix before a known abbreviation: the abbreviation is kept.
  const ParsedNumber foreign = parse_doc("XX罚决字〔2024〕第2号");
  CHECK(foreign.kind == "罚决");
  CHECK(foreign.has_defect("prefix"));
  CHECK_FALSE(foreign.has_defect("abbreviation"));
  CHECK(parse_doc("(杭临)市监处罚〔2024〕131号").has_defect("abbreviation"));
  // A year-first number still yields its parts, so the registry can compare it.
  const ParsedNumber p = parse_doc("〔2024〕穗海赤岗综执罚决3号");
  CHECK(p.key() == "赤岗|罚决|2024|3");
  CHECK(parse_doc("穗海赤岗综执罚决〔2024〕3号").defects.empty());
}

TEST_CASE("a decision numbered in another form is judged, never reported as unnumbered",
          "[numbering]") {
  const Checklist& cl = bundled_checklist();
  for (const char* n : kOtherForms) {
    INFO(n);
    Case c;
    c.archive = "x.zip";
    Document d = text_document("penalty_decision",
                               std::string("行政处罚决定书\n") + n +
                                   "\n当事人：张三\n广州市海珠区人民政府赤岗街道办事处\n");
    d.number = d.facts.empty() ? std::nullopt : std::optional<std::string>(n);
    for (const Fact& f : d.facts)
      if (f.kind == "doc_number") d.number = f.value;
    REQUIRE(d.number == n);
    c.documents = {d};
    const Audit a = check_case(c, cl);
    CHECK(findings_of(a, "NUM-doc-present").empty());
    CHECK(findings_of(a, "NUM-doc-format").size() + findings_of(a, "NUM-doc-brackets").size() +
              findings_of(a, "NUM-doc-serial").size() >=
          1);
  }
}

TEST_CASE("a number after another document's 文号 label is cited", "[facts][numbering]") {
  const std::string closing =
      "行政处罚案件结案审批表\n案号：穗海赤岗综执立〔2024〕12号\n"
      "行政处罚决定书文号：穗海赤岗综执罚决〔2024〕31号\n";
  CHECK(values_of(closing, "doc_number").empty());
  CHECK(values_of(closing, "cited_number") == Values{"穗海赤岗综执罚决〔2024〕31号"});
  CHECK(values_of(closing, "case_number") == Values{"穗海赤岗综执立〔2024〕12号"});
  // The document's own 文号 label still gives its own number.
  CHECK(values_of("行政处罚决定书\n文号：穗海赤岗综执罚决〔2024〕31号\n", "doc_number") ==
        Values{"穗海赤岗综执罚决〔2024〕31号"});
}

TEST_CASE("a number inside a sentence near the top is cited", "[facts][numbering]") {
  const std::string reminder =
      "催告书\n当事人：张三\n本机关于2024年3月21日作出的穗海赤岗综执罚决〔2024〕3号行政处罚决定书已"
      "送达。\n";
  CHECK(values_of(reminder, "doc_number").empty());
  CHECK(values_of(reminder, "cited_number") == Values{"穗海赤岗综执罚决〔2024〕3号"});
  // After a label and colon, or a tab (a table cell), it is the document's own.
  CHECK(values_of("催告书\n编号：穗海赤岗综执催告〔2024〕1号\n", "doc_number") ==
        Values{"穗海赤岗综执催告〔2024〕1号"});
  CHECK(values_of("催告书\n编号\t穗海赤岗综执催告〔2024〕1号\n", "doc_number") ==
        Values{"穗海赤岗综执催告〔2024〕1号"});
}

TEST_CASE("a number set apart on the title's line is the document's own", "[facts][numbering]") {
  CHECK(values_of("行政处罚决定书  穗海赤岗综执罚决〔2024〕31号\n当事人：张三\n", "doc_number") ==
        Values{"穗海赤岗综执罚决〔2024〕31号"});
  CHECK(values_of("行政处罚决定书  福财罚决字〔2018〕第2号\n当事人：张三\n", "doc_number") ==
        Values{"福财罚决字〔2018〕第2号"});
}

TEST_CASE("a number wrapped inside a table cell is read whole", "[facts][numbering]") {
  // A PDF table row wrapped in two lines, cells tab-separated.
  const std::string catalogue =
      "卷内目录\n16\t穗海琶洲综执\t广州市海珠区人民政\t行政处罚决定书\t20240604\t16\n"
      "\t罚决〔2024〕33号\t府琶洲街道办事处\n";
  CHECK(values_of(catalogue, "doc_number") == Values{"穗海琶洲综执罚决〔2024〕33号"});
  // A title on the line before is not part of the number.
  CHECK(values_of("行政处罚决定书\n福财罚决字〔2018〕第2号\n", "doc_number") ==
        Values{"福财罚决字〔2018〕第2号"});
}

TEST_CASE("a number's prefix on the line above is joined only when it is one",
          "[facts][numbering]") {
  CHECK(values_of("行政处罚决定书\n福财罚决字\n〔2018〕第2号\n当事人：张三\n", "doc_number") ==
        Values{"福财罚决字〔2018〕第2号"});
  // A title above a bare year and serial gives no prefix: no number is made up.
  CHECK(values_of("行政处罚决定书\n〔2018〕第2号\n", "doc_number").empty());
}

TEST_CASE("a number joined to its title line is the document's own", "[facts][numbering]") {
  CHECK(values_of("行政处罚决定书福财罚决字〔2018〕第2号\n当事人：张三\n", "doc_number") ==
        Values{"福财罚决字〔2018〕第2号"});
  CHECK(values_of("行政处罚决定书穗海赤岗综执罚决〔2024〕3号\n当事人：张三\n", "doc_number") ==
        Values{"穗海赤岗综执罚决〔2024〕3号"});
}

TEST_CASE("a number left unfilled is read and named, not reported missing", "[facts][numbering]") {
  for (const char* n :
       {"穗海赤岗综执罚决〔  〕31号", "穗海赤岗综执罚决〔2024〕号", "穗海赤岗综执罚决〔 〕号"}) {
    INFO(n);
    CHECK(values_of(std::string("行政处罚决定书\n") + n + "\n", "doc_number").size() == 1);
  }
  // Without 穗 or a label an empty bracket is no number.
  CHECK(values_of("行政处罚决定书\n（  ）号\n", "doc_number").empty());
  const ParsedNumber blank_year = parse_doc("穗海赤岗综执罚决〔 〕31号");
  CHECK(blank_year.has_defect("year"));
  CHECK_FALSE(blank_year.has_defect("abbreviation"));
  CHECK(blank_year.serial == 31);
  const ParsedNumber nothing = parse_doc("穗海赤岗综执罚决〔 〕号");
  CHECK(nothing.has_defect("year"));
  CHECK(nothing.has_defect("serial"));
  CHECK_FALSE(nothing.has_defect("abbreviation"));
  CHECK(parse_doc("穗海赤岗综执罚决〔2024〕号").has_defect("serial"));
}

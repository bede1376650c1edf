#include "importers/facts.h"
#include "tests/fact_values.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using auditor::extract_facts;
using auditor::Fact;
using auditor::testing::Values;
using auditor::testing::values;
using auditor::testing::values_of;

namespace {

// Credit codes and ID numbers below are verified by hand in cn_text_test.cc.
constexpr const char* kDecision =
    "广州市海珠区人民政府赤岗街道办事处\n"
    "行政处罚决定书\n"
    "穗海赤岗综执罚决〔2024〕31号\n"
    "当事人：广州市某某餐饮有限公司\n"
    "统一社会信用代码：91440101MA5CL8RB0H\n"
    "法定代表人：王五　　身份证号：440106198001011230\n"
    "地址：广州市海珠区赤岗路１２号\n"
    "案号：穗海赤岗综执立〔2024〕12号\n"
    "    当事人在广州市海珠区赤岗路12号占用城市道路摆卖一案，本机关于2024年1月15日立案调查。"
    "经查，当事人于2024年1月10日在赤岗路12号门前占道经营。\n"
    "    "
    "本机关于2024年2月20日向当事人送达了《行政处罚事先告知书》（穗海赤岗综执罚告〔2024〕20号），"
    "告知当事人拟作出行政处罚的事实、理由、依据及当事人依法享有的陈述、申辩和要求听证的权利。"
    "当事人在法定期限内未提出陈述、申辩，也未提出听证申请。\n"
    "    "
    "本机关认为，当事人的行为违反了《广州市市容环境卫生管理规定》第二十条第一款第（二）项的规定。"
    "依据《广州市市容环境卫生管理规定》第四十五条、第四十六条第2款，以及《中华人民共和国行政处罚法"
    "》"
    "第二十八条第一款、第二款之规定，决定给予如下行政处罚：罚款人民币叁仟元整（¥3,000.00），"
    "没收违法所得人民币500元。\n"
    "    当事人应当自收到本决定书之日起十五日内，将罚款缴至指定银行。"
    "逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。\n"
    "    如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议。\n"
    "执法人员：张三（执法证号：44010012345）、李四（执法证号：44010012346）\n"
    "广州市海珠区人民政府赤岗街道办事处\n"
    "二〇二四年三月五日\n";

constexpr const char* kNotice =
    "广州市海珠区人民政府赤岗街道办事处\n"
    "行政处罚事先告知书\n"
    "穗海赤岗综执罚告［２０２４］２０号\n"
    "广州市某某餐饮有限公司：\n"
    "    "
    "你（单位）于2024年1月10日在赤岗路12号门前占道经营的行为，违反了《广州市市容环境卫生管理规定》"
    "第二十条第一款第(二)项的规定。依据《广州市市容环境卫生管理规定》第四十五条的规定，"
    "本机关拟对你（单位）作出如下行政处罚：罚款人民币3,000元。\n"
    "    根据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，"
    "你（单位）有权进行陈述和申辩，有权要求听证。如要求听证，应当在收到本告知书之日起五个工作日内提"
    "出；"
    "逾期未提出陈述、申辩或听证申请的，视为放弃上述权利。\n"
    "联系人：张三    联系电话：020-12345678\n"
    "广州市海珠区人民政府赤岗街道办事处\n"
    "2024 年 02 月 20 日\n";

constexpr const char* kReceipt =
    "送 达 回 证\n"
    "案号：穗海赤岗综执立〔2024〕12号\n"
    "送达文书名称及文号\t行政处罚决定书（穗海赤岗综执罚决〔2024〕31号）\n"
    "受送达人\t广州市某某餐饮有限公司\n"
    "送达地点\t广州市海珠区赤岗路12号\n"
    "送达方式\t☑直接送达 □留置送达 □邮寄送达 □电子送达\n"
    "受送达人签名或盖章\t王五\t\n"
    "送达时间\t2024年3月6日10时30分\n"
    "送达人\t张三、李四\n";

constexpr const char* kRecord =
    "询 问 笔 录\n"
    "时间：2024年1月12日9时30分至10时15分\n"
    "地点：赤岗街道综合行政执法队办公室\n"
    "询问人：张三  执法证号：44010012345  记录人：李四  执法证号：44010012346\n"
    "被询问人：王五  性别：男  年龄：44\n"
    "身份证号码：440106198001011231\n"
    "问：我们是广州市海珠区人民政府赤岗街道办事处的执法人员张三、李四，执法证号分别为44010012345、"
    "44010012347，这是我们的执法证件，请你过目。\n"
    "答：看清楚了。\n"
    "问：你是否要求听证？\n"
    "答：不要求听证。\n"
    "问：对本案你有什么陈述申辩？\n"
    "答：我放弃陈述申辩。\n"
    "以下空白\n"
    "被询问人签名：王五    2024年1月12日\n";

// As LibreOffice PDFs come out: a line spaced out character by character.
constexpr const char* kFiling =
    "立 案 审 批 表\n"
    "立案编号：穗海赤岗综执立(２０２４)12号\n"
    "案件来源\t巡查发现\n"
    "当 事 人 ： 广 州 市 某 某 餐 饮 有 限 公 司\n"
    "统一社会信用代码\t92440105MA9W3K7T1J\n"
    "立案时间\t2024年1月15日\n"
    "承办人\t张三\t执法证号\t44010012345\n"
    "\t李四\t执法证号\t44010012346\n"
    "负责人意见\t同意立案。\t签名：赵六\t2024年1月15日\n";

// Text of a LibreOffice PDF as poppler extracts it: paragraphs broken at the
// page width, in the middle of a number, a law citation and a word.
constexpr const char* kWrappedPdf =
    "广州市海珠区人民政府赤岗街道办事处\n"
    "行政处罚决定书\n"
    "穗海赤岗综执罚决〔2024〕31号\n"
    "当事人在广州市海珠区赤岗路12号占用城市道路摆卖一案，本机关于2024年1月15日立案调查。经\n"
    "查，当事人于2024年1月10日在赤岗路12号门前占道经营。\n"
    "本机关于2024年2月20日向当事人送达了《行政处罚事先告知书》（穗海赤岗综执罚告〔2024〕20\n"
    "号），告知当事人拟作出行政处罚的事实、理由、依据及当事人依法享有的陈述、申辩和要求听证的权利。"
    "当\n"
    "事人在法定期限内未提出陈述、申辩，也未提出听证申请。\n"
    "依据《广州市市容环境卫生管理规定》第四十五条、第四十六条第2款，以及《中华人民共和国行政处罚法"
    "》\n"
    "第二十八条第一款、第二款之规定，决定给予如下行政处罚：罚款人民币叁仟元整（¥3,000."
    "00），没收违\n"
    "法所得人民币500元。\n"
    "执法人员：张三（执法证号：44010012345）、李四（执法证号：44010012346）\n"
    "广州市海珠区人民政府赤岗街道办事处\n"
    "二〇二四年三月五日\n";

}  // namespace

TEST_CASE("penalty decision yields its number, party, case, fine, articles, officers and date",
          "[facts]") {
  auto f = extract_facts(kDecision);
  CHECK(values(f, "doc_number") == Values{"穗海赤岗综执罚决〔2024〕31号"});
  CHECK(values(f, "cited_number") == Values{"穗海赤岗综执罚告〔2024〕20号"});
  CHECK(values(f, "case_number") == Values{"穗海赤岗综执立〔2024〕12号"});
  CHECK(values(f, "party") == Values{"广州市某某餐饮有限公司"});
  CHECK(values(f, "party_id") == Values{"91440101MA5CL8RB0H", "440106198001011230"});
  CHECK(values(f, "fine") == Values{"3000"});
  CHECK(values(f, "confiscation") == Values{"500"});
  CHECK(values(f, "provision") == Values{"《广州市市容环境卫生管理规定》第二十条第一款第（二）项",
                                         "《广州市市容环境卫生管理规定》第四十五条",
                                         "《广州市市容环境卫生管理规定》第四十六条第2款",
                                         "《中华人民共和国行政处罚法》第二十八条第一款",
                                         "《中华人民共和国行政处罚法》第二十八条第二款"});
  CHECK(values(f, "officer") == Values{"张三|44010012345", "李四|44010012346"});
  CHECK(values(f, "statement_made") == Values{"false"});
  CHECK(values(f, "hearing_requested") == Values{"false"});
  CHECK(values(f, "doc_date") == Values{"2024-03-05"});
  CHECK(values(f, "party_id_invalid").empty());
}

TEST_CASE("advance notice: full-width number kept verbatim, rights statements are no facts",
          "[facts]") {
  auto f = extract_facts(kNotice);
  CHECK(values(f, "doc_number") == Values{"穗海赤岗综执罚告［２０２４］２０号"});
  CHECK(values(f, "doc_date") == Values{"2024-02-20"});
  CHECK(values(f, "fine") == Values{"3000"});
  CHECK(values(f, "provision").size() == 6);
  CHECK(values(f, "provision")[0] == "《广州市市容环境卫生管理规定》第二十条第一款第（二）项");
  CHECK(values(f, "hearing_requested").empty());
  CHECK(values(f, "statement_made").empty());
  CHECK(values(f, "officer").empty());  // a contact person is not an officer
}

TEST_CASE("service receipt names the served document, its number, the manner and the date",
          "[facts]") {
  auto f = extract_facts(kReceipt);
  CHECK(values(f, "served_document") == Values{"行政处罚决定书"});
  CHECK(values(f, "served_number") == Values{"穗海赤岗综执罚决〔2024〕31号"});
  CHECK(values(f, "service_manner") == Values{"直接送达"});
  CHECK(values(f, "service_date") == Values{"2024-03-06"});
  CHECK(values(f, "party") == Values{"广州市某某餐饮有限公司"});
  CHECK(values(f, "case_number") == Values{"穗海赤岗综执立〔2024〕12号"});
  // The served document's number is not the receipt's own number.
  CHECK(values(f, "doc_number").empty());
  CHECK(values(f, "cited_number").empty());
}

TEST_CASE("inquiry record pairs officers with their numbers and reads the party's answers",
          "[facts]") {
  auto f = extract_facts(kRecord);
  CHECK(values(f, "officer") == Values{"张三|44010012345", "李四|44010012346", "李四|44010012347"});
  // The person questioned may be a representative or a witness: not the party.
  CHECK(values(f, "party").empty());
  CHECK(values(f, "hearing_requested") == Values{"false"});
  CHECK(values(f, "statement_made") == Values{"false"});
  CHECK(values(f, "party_id_invalid") == Values{"440106198001011231"});
  CHECK(values(f, "party_id").empty());
  CHECK(values(f, "doc_date") == Values{"2024-01-12"});  // the signature's date closes the record
}

TEST_CASE("filing approval is read from a spaced-out line and a table", "[facts]") {
  auto f = extract_facts(kFiling);
  CHECK(values(f, "case_number") == Values{"穗海赤岗综执立(２０２４)12号"});
  CHECK(values(f, "party") == Values{"广州市某某餐饮有限公司"});
  CHECK(values(f, "party_id") == Values{"92440105MA9W3K7T1J"});
  CHECK(values(f, "filing_date") == Values{"2024-01-15"});
  CHECK(values(f, "officer") == Values{"张三|44010012345", "李四|44010012346"});
  CHECK(values(f, "doc_date") == Values{"2024-01-15"});
}

TEST_CASE("lines a PDF wrapped inside a paragraph are read as one", "[facts]") {
  auto f = extract_facts(kWrappedPdf);
  CHECK(values(f, "doc_number") == Values{"穗海赤岗综执罚决〔2024〕31号"});
  CHECK(values(f, "cited_number") == Values{"穗海赤岗综执罚告〔2024〕20号"});
  CHECK(values(f, "provision") == Values{"《广州市市容环境卫生管理规定》第四十五条",
                                         "《广州市市容环境卫生管理规定》第四十六条第2款",
                                         "《中华人民共和国行政处罚法》第二十八条第一款",
                                         "《中华人民共和国行政处罚法》第二十八条第二款"});
  CHECK(values(f, "confiscation") == Values{"500"});
  CHECK(values(f, "fine") == Values{"3000"});
  CHECK(values(f, "officer") == Values{"张三|44010012345", "李四|44010012346"});
  CHECK(values(f, "doc_date") == Values{"2024-03-05"});  // short lines stay lines
  for (const Fact& fact : f)
    if (fact.kind == "cited_number")
      CHECK(fact.snippet ==
            "本机关于2024年2月20日向当事人送达了《行政处罚事先告知书》（穗海赤岗综执罚告〔2024〕20"
            "号）");
}

TEST_CASE("document date accepts every written form and is the last standalone date", "[facts]") {
  CHECK(values_of("正文\n二〇二四年三月五日\n", "doc_date") == Values{"2024-03-05"});
  CHECK(values_of("正文\n二○二四年三月五日\n", "doc_date") == Values{"2024-03-05"});
  CHECK(values_of("正文\n二零二四年三月五日\n", "doc_date") == Values{"2024-03-05"});
  CHECK(values_of("正文\n２０２４年３月５日\n", "doc_date") == Values{"2024-03-05"});
  CHECK(values_of("2024年1月2日\n正文\n2024/3/5\n", "doc_date") == Values{"2024-03-05"});
  CHECK(values_of("落款\n日期：2024.3.5 \n", "doc_date") == Values{"2024-03-05"});
  CHECK(values_of("于2024年3月5日立案调查。\n", "doc_date").empty());
  CHECK(values_of("出生日期：1980年1月1日\n", "doc_date").empty());
}

TEST_CASE("invalid dates, a date in a law's name and 2024年度 are no dates", "[facts]") {
  CHECK(extract_facts("2024年2月30日\n").empty());
  CHECK(extract_facts("2024年度\n").empty());
  CHECK(extract_facts("立案时间：2024年2月30日\n").empty());
  auto f = extract_facts("《广东省环境保护条例（2022年11月30日修正）》\n");
  CHECK(values(f, "doc_date").empty());
  CHECK(values_of("依照《广东省环境保护条例（2022年11月30日修正）》第五十条处罚。", "provision") ==
        Values{"《广东省环境保护条例（2022年11月30日修正）》第五十条"});
}

TEST_CASE("fines in digits and capital numerals in their usual phrasings", "[facts]") {
  CHECK(values_of("罚款人民币3000元。", "fine") == Values{"3000"});
  CHECK(values_of("罚款3,000.00元。", "fine") == Values{"3000"});
  CHECK(values_of("罚款人民币叁仟元整。", "fine") == Values{"3000"});
  CHECK(values_of("罚款人民币叁仟元（¥3000）。", "fine") == Values{"3000"});
  CHECK(values_of("处罚款5000元。", "fine") == Values{"5000"});
  CHECK(values_of("罚款：伍万元", "fine") == Values{"50000"});
  CHECK(values_of("罚款金额为壹仟伍佰元伍角。", "fine") == Values{"1500.5"});
  CHECK(values_of("并处罚款一千五百元。", "fine") == Values{"1500"});
  CHECK(values_of("对当事人处以２０００元罚款。", "fine") == Values{"2000"});
  CHECK(values_of("处人民币叁仟元的罚款。", "fine") == Values{"3000"});
  CHECK(values_of("罚款人民币0.5万元。", "fine") == Values{"5000"});
  // Two different amounts are two facts; the capital and digit forms that
  // disagree are both kept, for the rules to judge.
  CHECK(values_of("罚款人民币叁仟元（¥2000）", "fine") == Values{"3000", "2000"});
}

TEST_CASE("surcharges, ranges and confiscations are not fines", "[facts]") {
  CHECK(extract_facts("逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。").empty());
  CHECK(values_of("处200元以上2000元以下罚款。", "fine").empty());
  CHECK(values_of("可处罚款200元至2000元。", "fine").empty());
  CHECK(values_of("处罚款200元以上。", "fine").empty());
  CHECK(values_of("罚没款缴款凭证 金额：3000元", "fine").empty());
  auto f = extract_facts("没收违法所得人民币1200元，并处罚款3000元。");
  CHECK(values(f, "fine") == Values{"3000"});
  CHECK(values(f, "confiscation") == Values{"1200"});
}

TEST_CASE("hearing: refusals are false, requests true, rights and questions nothing", "[facts]") {
  CHECK(values_of("答：不要求听证。", "hearing_requested") == Values{"false"});
  CHECK(values_of("当事人放弃听证权利。", "hearing_requested") == Values{"false"});
  CHECK(values_of("当事人在法定期限内未提出听证申请。", "hearing_requested") == Values{"false"});
  CHECK(values_of("当事人逾期未申请听证。", "hearing_requested") == Values{"false"});
  CHECK(values_of("当事人于2024年3月8日提出听证申请。", "hearing_requested") == Values{"true"});
  CHECK(values_of("答：要求听证。", "hearing_requested") == Values{"true"});
  CHECK(values_of("当事人书面申请听证。", "hearing_requested") == Values{"true"});
  CHECK(values_of("你（单位）有权要求听证。", "hearing_requested").empty());
  CHECK(values_of("如要求听证，应当在五个工作日内提出。", "hearing_requested").empty());
  CHECK(values_of("问：你是否要求听证？", "hearing_requested").empty());
  CHECK(values_of("问：你要求听证吗？", "hearing_requested").empty());
  CHECK(values_of("当事人申请听证的，应当在五日内提出。", "hearing_requested").empty());
  CHECK(values_of("逾期未提出听证申请的，视为放弃听证权利。", "hearing_requested").empty());
  CHECK(values_of("在申请听证期限内当事人未到场。", "hearing_requested").empty());
}

TEST_CASE("hearing date after its label or before 举行听证", "[facts]") {
  CHECK(values_of("听证时间：2024年3月20日上午9时\n", "hearing_date") == Values{"2024-03-20"});
  CHECK(values_of("本机关定于2024年3月20日上午9时在会议室举行听证。", "hearing_date") ==
        Values{"2024-03-20"});
  CHECK(values_of("于2024年3月1日立案。当事人要求举行听证。", "hearing_date").empty());
}

TEST_CASE("statements: made, waived, and the right to make them", "[facts]") {
  CHECK(values_of("当事人提出了陈述、申辩。", "statement_made") == Values{"true"});
  CHECK(values_of("当事人进行了陈述申辩。", "statement_made") == Values{"true"});
  CHECK(values_of("当事人陈述申辩意见如下：", "statement_made") == Values{"true"});
  CHECK(values_of("当事人未提出陈述、申辩。", "statement_made") == Values{"false"});
  CHECK(values_of("当事人放弃陈述申辩。", "statement_made") == Values{"false"});
  CHECK(values_of("当事人未进行陈述申辩。", "statement_made") == Values{"false"});
  CHECK(values_of("你（单位）有权进行陈述和申辩。", "statement_made").empty());
  CHECK(values_of("逾期未提出陈述、申辩的，视为放弃。", "statement_made").empty());
  CHECK(values_of("可以提出陈述、申辩。", "statement_made").empty());
}

TEST_CASE("officers from a table with a certificate column, not from dates or amounts", "[facts]") {
  CHECK(values_of("执法人员\t执法证号\n张三\t44010012345\n李四\t44010012346\n备注\t无\n",
                  "officer") == Values{"张三|44010012345", "李四|44010012346"});
  CHECK(values_of("执法人员 张三 证件号 44010012345 李四 证件号 44010012346\n", "officer") ==
        Values{"张三|44010012345", "李四|44010012346"});
  CHECK(values_of("执法人员张三、李四于2024年1月10日到现场检查。", "officer").empty());
  CHECK(values_of("检查人员王五、赵六发现罚款30000元未缴。", "officer").empty());
  CHECK(values_of("被询问人：王五 证件号：44010012345\n", "officer").empty());
}

TEST_CASE("service manner: the ticked box, a single written manner, not a blank form", "[facts]") {
  CHECK(values_of("送达方式：邮寄送达\n", "service_manner") == Values{"邮寄送达"});
  CHECK(values_of("送达方式：□直接送达 ■留置送达 □邮寄送达\n", "service_manner") ==
        Values{"留置送达"});
  CHECK(values_of("送达方式\n√ 电子送达\t□ 公告送达\n", "service_manner") == Values{"电子送达"});
  CHECK(values_of("送达方式：□直接送达 □留置送达 □邮寄送达\n", "service_manner").empty());
  CHECK(values_of("送达方式：直接送达、留置送达、邮寄送达\n", "service_manner").empty());
}

TEST_CASE("service and filing dates follow their labels, with or without a time", "[facts]") {
  CHECK(values_of("签收日期：二○二四年三月八日\n", "service_date") == Values{"2024-03-08"});
  CHECK(values_of("送达时间：2024年3月5日10时\n", "service_date") == Values{"2024-03-05"});
  CHECK(values_of("送达时间：    年  月  日\n", "service_date").empty());
  CHECK(values_of("立案日期：2024.3.5\n", "filing_date") == Values{"2024-03-05"});
}

TEST_CASE("provisions: items get full-width brackets, levels carry over in lists", "[facts]") {
  CHECK(values_of("违反了《某某条例》第三十二条第一款第（一）项、第(四)项的规定", "provision") ==
        Values{"《某某条例》第三十二条第一款第（一）项", "《某某条例》第三十二条第一款第（四）项"});
  CHECK(values_of("根据《某某办法》第十条、第十二条", "provision") ==
        Values{"《某某办法》第十条", "《某某办法》第十二条"});
  CHECK(values_of("依据《某某办法》第５１条第三项", "provision") ==
        Values{"《某某办法》第51条第（三）项"});
  CHECK(values_of("送达了《行政处罚决定书》。", "provision").empty());
}

TEST_CASE("ids with a wrong check character are reported raw and only near a label", "[facts]") {
  auto f = extract_facts("统一社会信用代码：91440101MA5CL8RB0J\n身份证号：44010519900315003x\n");
  CHECK(values(f, "party_id_invalid") == Values{"91440101MA5CL8RB0J"});
  CHECK(values(f, "party_id") == Values{"44010519900315003X"});  // upper-cased
  CHECK(values_of("缴款码 440106198001011231", "party_id_invalid").empty());
  CHECK(values_of("账号1440106198001011230", "party_id").empty());  // 19 characters
}

TEST_CASE("party names stop at the next field and skip signature lines", "[facts]") {
  CHECK(values_of("当事人：张三 身份证号：440106198001011230", "party") == Values{"张三"});
  CHECK(values_of("当事人：李四，男，1980年1月1日出生", "party") == Values{"李四"});
  CHECK(values_of("被处罚人：张  三\n", "party") == Values{"张三"});
  CHECK(values_of("当事人名称：某某（广州）贸易有限公司\n", "party") ==
        Values{"某某（广州）贸易有限公司"});
  CHECK(values_of("当事人：某某餐饮店（个体工商户）\n", "party") == Values{"某某餐饮店"});
  CHECK(values_of("当 事 人：广州市海珠区某某五金建材经营部\n", "party") ==
        Values{"广州市海珠区某某五金建材经营部"});
  CHECK(values_of("当事人在法定期限内未缴纳罚款。", "party").empty());
  CHECK(values_of("受送达人签名：\n", "party").empty());
}

TEST_CASE("case numbers in every bracket style are kept verbatim", "[facts]") {
  for (const char* n :
       {"穗海新港综执立〔2024〕7号", "穗海新港综执立[2024]7号", "穗海新港综执立［2024］7号",
        "穗海新港综执立(2024)7号", "穗海新港综执立（2024）7号", "穗海新港综执立【2024】7号",
        "穗海新港综执立〔2024〕第7号"}) {
    CHECK(values_of(std::string("本案（") + n + "）经审查", "case_number") == Values{n});
  }
  CHECK(values_of("案件编号：海珠综执〔2024〕5号\n", "case_number") ==
        Values{"海珠综执〔2024〕5号"});
}

TEST_CASE("a number quoted in the body is cited, not the document's own", "[facts]") {
  std::string text =
      "行政处罚决定书\n当事人：张三\n一\n二\n三\n四\n五\n六\n七\n八\n九\n"
      "根据穗海赤岗综执罚告〔2024〕20号告知书。\n";
  auto f = extract_facts(text);
  CHECK(values(f, "doc_number").empty());
  CHECK(values(f, "cited_number") == Values{"穗海赤岗综执罚告〔2024〕20号"});
  // Quoted in brackets near the top is still cited.
  auto g = extract_facts("决定书\n你于《告知书》（穗海赤岗综执罚告〔2024〕20号）收到。\n");
  CHECK(values(g, "doc_number").empty());
}

TEST_CASE("each fact appears once, in text order, with a short non-empty snippet", "[facts]") {
  for (const char* doc : {kDecision, kNotice, kReceipt, kRecord, kFiling}) {
    auto f = extract_facts(doc);
    REQUIRE_FALSE(f.empty());
    for (std::size_t i = 0; i < f.size(); ++i) {
      INFO(f[i].kind << " " << f[i].value);
      CHECK_FALSE(f[i].snippet.empty());
      CHECK(f[i].snippet.size() <= 100 * 3);  // about 80 characters of UTF-8
      for (std::size_t j = 0; j < i; ++j)
        CHECK_FALSE((f[j].kind == f[i].kind && f[j].value == f[i].value));
    }
  }
  auto twice = extract_facts("罚款3000元。\n再次：罚款3000元。\n");
  REQUIRE(twice.size() == 1);
  CHECK(twice[0].snippet == "罚款3000元");
}

TEST_CASE("empty, blank and malformed UTF-8 input is handled", "[facts]") {
  CHECK(extract_facts("").empty());
  CHECK(extract_facts("\n\t  \n").empty());
  CHECK(values_of("\xff\xfe当事人：张三\n\xc3", "party") == Values{"张三"});
}

TEST_CASE("a party block laid out as a table gives the name, not the sub-label", "[facts]") {
  for (const char* text :
       {"当 事 人\t名称/姓名\t陈建国\n\t证件号码\t440105197809214013\n",
        "当事人\n名称/姓名 陈建国\n证件号码440105197809214013\n", "当事人名称/姓名：陈建国\n",
        "当事人姓名或者单位名称:陈建国\n", "行政相对人名称\t陈建国\n"}) {
    INFO(text);
    CHECK(values_of(text, "party") == std::vector<std::string>{"陈建国"});
  }
}

TEST_CASE("an officer list continued on the next line without a tab is read whole", "[facts]") {
  const char* text =
      "执法人员 黄志明 执法证号44010501023\n林晓东 执法证号44010501057\n记 录 人 林晓东\n";
  CHECK(values_of(text, "officer") ==
        std::vector<std::string>{"黄志明|44010501023", "林晓东|44010501057"});
}

TEST_CASE("a party label heading a column gives the name in the row below", "[facts]") {
  const char* text =
      "行政处罚决定书文号\t行政相对人名称\t处罚决定日期\t公示日期\n"
      "穗海赤岗综执罚决〔2024〕31号\t广州市某某餐饮有限公司\t2024年5月10日\t2024年5月17日\n";
  CHECK(values_of(text, "party") == Values{"广州市某某餐饮有限公司"});
  // A label and its value side by side stay as they are.
  CHECK(values_of("行政相对人名称\t广州市某某餐饮有限公司\t处罚机关\t某街道办事处\n", "party") ==
        Values{"广州市某某餐饮有限公司"});
}

TEST_CASE("the party speaking in a record is not the party's name", "[facts]") {
  CHECK(values_of("检查人员：以上情况是否属实？\n当事人：属实\n", "party").empty());
  CHECK(values_of("执法人员：你看清楚了吗？\n当事人：看清楚了\n", "party").empty());
  CHECK(values_of("当事人：我对告知书认定的违法事实没有异议\n", "party").empty());
  // A name on the record's header line stays a name.
  CHECK(values_of("当事人：广州市海珠区老周五金店\n执法人员：黄志明\n", "party") ==
        Values{"广州市海珠区老周五金店"});
  CHECK(values_of("当事人：陈建国\n", "party") == Values{"陈建国"});
}

TEST_CASE("a hearing request withdrawn later is no request", "[facts]") {
  CHECK(values_of("当事人于2024年3月14日申请听证，后于2024年3月15日书面撤回听证申请。",
                  "hearing_requested") == Values{"false"});
  CHECK(values_of("当事人于2024年3月14日申请听证。", "hearing_requested") == Values{"true"});
}

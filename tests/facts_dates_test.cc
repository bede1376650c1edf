// Dates read where people write them: label and date on one line, in the
// next cell, in a 4-column row, under a column header, on the next line, and
// after a signer's name; dates in every written form; blanks stay silent.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "importers/facts.h"
#include "importers/facts_labels.h"
#include "importers/facts_text.h"
#include "importers/import.h"
#include "tests/cli_support.h"
#include "tests/fact_values.h"

using auditor::extract_facts;
using auditor::Fact;
using auditor::testing::Values;
using auditor::testing::values;
using auditor::testing::values_of;

namespace {

const std::string kFixtures = std::string(AUDITOR_SOURCE_DIR) + "/testdata/fixtures/";

// A LibreOffice-made fixture (scripts/make-fixtures.sh) read as the importer does.
auditor::Document fixture(const std::string& name) {
  std::ifstream in(kFixtures + name, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::vector<auditor::ImportIssue> issues;
  auditor::Document d = auditor::read_document(name, bytes.str(), auditor::ImportOptions{}, issues);
  REQUIRE(d.has_text);
  return d;
}

}  // namespace

TEST_CASE("service date after its label on the same line, in every wording", "[facts][dates]") {
  for (const char* text :
       {"签收日期：2024年4月8日\n", "签收日期:2024年4月8日\n", "送达时间：2024年4月8日10时30分\n",
        "送达日期 2024年4月8日\n", "收件日期：2024-04-08\n", "收到时间：2024年4月8日上午9时\n",
        "签 收 日 期：2024年4月8日\n", "送 达 时 间 ： 2024 年 4 月 8 日\n",
        "受送达人签字时间：2024-04-08 10:30:00\n"}) {
    INFO(text);
    CHECK(values_of(text, "service_date") == Values{"2024-04-08"});
  }
}

TEST_CASE("service date in the next cell, also in a 4-column row", "[facts][dates]") {
  for (const char* text :
       {"签收日期\t2024年4月8日\n", "送达时间\t2024-04-08 10:30\t送达地点\t赤岗路1号\n",
        "受送达人\t张三\t收到时间\t二〇二四年四月八日\n",
        "送达方式\t直接送达\t送 达 日 期\t2024.4.8\n"}) {
    INFO(text);
    CHECK(values_of(text, "service_date") == Values{"2024-04-08"});
  }
}

TEST_CASE("service date in a PDF row whose cells are runs of spaces", "[facts][dates]") {
  for (const char* text :
       {"送达时间    2024年4月8日    送达地点    赤岗路12号\n",
        "送达人：李四    签收日期  2024年4月8日\n", "收件人签名    张三    2024年4月8日\n"}) {
    INFO(text);
    CHECK(values_of(text, "service_date") == Values{"2024-04-08"});
  }
  CHECK(values_of("送达时间    2024年4月7日    签收日期    2024年4月8日\n", "labelled_date") ==
        Values{"送达时间=2024-04-07", "签收日期=2024-04-08"});
}

TEST_CASE("service date on the line below its label", "[facts][dates]") {
  for (const char* text :
       {"签收日期：\n2024年4月8日\n", "送 达 日 期\n2024.4.8\n", "收件日期\n２０２４年４月８日\n",
        // A narrow PDF cell wraps the label, or writes it one character a line.
        "送达方式 直接送达\n收件人签名或\n盖章\n李志强2024年4月8日\n",
        "收件人签字（或盖章）及收\n件日期\n周伟明（与受送达人的关系：经营者） "
        "２０２４年\n４月８日\n",
        "送达地点 同福西路\n送\n达\n时\n间\n２０２４年４月８日\n"}) {
    INFO(text);
    CHECK(values_of(text, "service_date") == Values{"2024-04-08"});
  }
}

TEST_CASE("service date after the recipient's signature and name", "[facts][dates]") {
  for (const char* text :
       {"收件人签名：张三  2024年4月8日\n", "受送达人（签名）：李四 2024.4.8\n",
        "收件人签字（或盖章）及收件日期\t张三 （与受送达人的关系：本人） 2024年4月8日\n",
        "收件人签名或盖章\t王五\t2024年4月8日\n", "受送达人签名 张三 2024年4月8日\n",
        "收件人签名或盖章\t张三\t（与受送达人的关系：本人）\t2024年4月8日\n",
        "签收人：张三 2024年4月8日\n", "收件人： 张三    2024年4月8日\n",
        "收件人签名或盖章\t张三\n\t2024年4月8日\n", "签收日期\t\n\t2024年4月8日\n",
        "收件人签字（或盖章）及收件日期 陈建国（与受送达人的关系：本人）　　2024年\n4月8日\n",
        "收件人签字（或盖章）及收件日期\t张警官（某区分局法制大队） 二〇二四年四月八日\n",
        "受送达人（签字或盖章）：           2024 年  4  月  8  日\n",
        "送达文书\t送达地点\t收件人签名\t收件日期\n行政处罚决定书\t赤岗路\t张三\t2024年4月8日\n"}) {
    INFO(text);
    CHECK(values_of(text, "service_date") == Values{"2024-04-08"});
  }
}

TEST_CASE("blank service dates and other people's signatures give no service date",
          "[facts][dates]") {
  for (const char* text :
       {"送达时间：    年  月  日\n", "签收日期：×年×月×日\n", "签收日期：x 年 x 月 x 日\n",
        "收件人签名：      年   月   日\n", "签收日期：\t\n送达人：张三\n",
        "送达人签名：张三 2024年4月8日\n", "见证人签名：李四  2024年4月8日\n",
        "收件人签名：\t送达人签名：张三 2024年4月8日\n",
        "依据《某某条例（2024年4月8日修正）》送达。\n"}) {
    INFO(text);
    CHECK(values_of(text, "service_date").empty());
  }
}

TEST_CASE("a date is read in every written form", "[facts][dates]") {
  for (const char* date :
       {"2024年4月8日", "２０２４年４月８日", "二〇二四年四月八日", "二○二四年四月八日",
        "二零二四年四月八日", "二Ｏ二四年四月八日", "二O二四年四月八日", "二\u039f二四年四月八日",
        "二\u041e二四年四月八日", "2024 年 4 月 8 日", "2024年 4月 8日", "2024-04-08",
        "2024-04-08 10:30:00", "2024年04月08日", "2024年4月8日9时5分", "2024年4月8日上午9时",
        "2024.4.8", "2024/4/8", "2024年4月8号"}) {
    std::string text = std::string("签收日期：") + date + "\n";
    INFO(text);
    CHECK(values_of(text, "service_date") == Values{"2024-04-08"});
  }
}

TEST_CASE("payment date after the labels of payment slips", "[facts][dates]") {
  for (const char* text :
       {"填制日期:2024-05-20\n", "缴款日期：2024年5月20日\n", "交款日期\t2024.5.20\n",
        "开票日期：2024年05月20日\n", "收款日期\n2024-05-20\n", "缴费日期 2024年5月20日 14:22\n"}) {
    INFO(text);
    CHECK(values_of(text, "payment_date") == Values{"2024-05-20"});
  }
  CHECK(values_of("填制日期:\n缴款人:张三\n", "payment_date").empty());
}

TEST_CASE("publication date beside its label and under its column header", "[facts][dates]") {
  for (const char* text :
       {"公示日期：2024年5月20日\n", "发布时间：2024-05-20 10:00:00\n", "公开日期\t2024年5月20日\n",
        "行政处罚决定书文号\t处罚决定日期\t公示日期\n"
        "穗海赤岗综执罚决〔2024〕31号\t2024-05-10\t2024-05-20\n",
        "序号\t当事人\t公示时间\t备注\n1\t某某公司\t2024年5月20日\t无\n"}) {
    INFO(text);
    CHECK(values_of(text, "publication_date") == Values{"2024-05-20"});
  }
  // A second data row reads under the same header.
  CHECK(values_of("文号\t公示日期\n穗罚〔2024〕1号\t2024-05-20\n穗罚〔2024〕2号\t2024-05-21\n",
                  "publication_date") == Values{"2024-05-20", "2024-05-21"});
  CHECK(values_of("文号\t备注\n穗罚〔2024〕1号\t2024-05-20\n", "publication_date").empty());
}

TEST_CASE("violation date after its labels and in a findings sentence", "[facts][dates]") {
  for (const char* text :
       {"违法行为发生时间：2023年1月5日\n", "案发时间\t2023-01-05\n", "违法时间 2023年1月5日10时\n",
        "经查，当事人于2023年1月5日在赤岗路12号门前占道经营。\n",
        "经调查查明：当事人于二〇二三年一月五日在其经营场所内销售过期食品。\n",
        "违法事实\t当事人自2023年1月5日起，未经批准，在赤岗路168号门前摆放桌椅经营。\n",
        "经查，当事人作为某地块项目的施工单位，自2023年1月5日起未及时清运建筑垃圾。\n",
        "当事人于2023年1月5日10时20分在公交站台乱扔烟头，违反了《某条例》第十五条的规定。\n"}) {
    INFO(text);
    CHECK(values_of(text, "violation_date") == Values{"2023-01-05"});
  }
  for (const char* text :
       {"本机关于2023年1月5日立案调查。\n", "当事人于2023年1月5日在赤岗路占道经营。\n",
        "经查，当事人于2023年1月5日收到《行政处罚事先告知书》。\n",
        "经查，当事人于2023年1月5日提出陈述申辩。\n",
        "经查，当事人占道经营。现责令你单位于2023年1月5日前改正上述违法行为。\n",
        "经查，当事人自2023年1月5日至今未改正。\n",
        "经查，当事人占道经营，执法人员于2023年1月5日到现场。\n",
        "经查，执法人员于2023年1月5日发现当事人占道经营。\n",
        "当事人于2023年1月5日收到告知书，其行为违反了规定。\n"}) {
    INFO(text);
    CHECK(values_of(text, "violation_date").empty());
  }
}

TEST_CASE("publication date under a label written one character a line", "[facts][dates]") {
  CHECK(values_of(
            "公\n示\n网\n站\n广东省行政执法信息公示平台\n公\n示\n日\n期\n２０２４年３月２６日\n",
            "publication_date") == Values{"2024-03-26"});
  CHECK(
      values_of("公示网站\n广东省行政执法信息公示平台\n２０２４年３月２６日\n", "publication_date")
          .empty());
}

TEST_CASE("a date broken after 年 or 月 by a narrow cell is one date", "[facts][dates]") {
  CHECK(values_of("签收日期 ２０２４年\n３月１２日\n", "service_date") == Values{"2024-03-12"});
  CHECK(values_of("签收日期 2024年3月\n12日\n", "service_date") == Values{"2024-03-12"});
  CHECK(values_of("签收日期 2024年\n\n", "service_date").empty());
  CHECK(values_of("罚款2024\n3月12日\n", "labelled_date").empty());
}

TEST_CASE("discovery date after 发现时间, 检查时间 and 巡查时间", "[facts][dates]") {
  for (const char* text : {"发现时间：2023年1月6日\n", "检查时间\t2023-01-06 09:30\n",
                           "巡查时间：二〇二三年一月六日上午\n"}) {
    INFO(text);
    CHECK(values_of(text, "discovery_date") == Values{"2023-01-06"});
  }
}

TEST_CASE("document date after a seal mark, in a table cell and after a bare signing label",
          "[facts][dates]") {
  for (const char* text :
       {"正文。\n广州市海珠区赤岗街道办事处（印章）  2024年4月8日\n",
        "正文。\n广州市海珠区赤岗街道办事处\n（印章）\n二〇二四年四月八日\n",
        "正文。\n某某街道办事处（公章）\n2024年4月8日\n",
        "审批意见\t同意\n签字（盖章）：    2024年4月8日\n", "负责人意见\t同意\t日期\t2024-04-08\n",
        "正文。\n广州市海珠区人民政府赤岗街道办事处        2024年4月8日\n"}) {
    INFO(text);
    CHECK(values_of(text, "doc_date") == Values{"2024-04-08"});
  }
  // An opinion closed by its signer's name and the date.
  CHECK(values_of("审批意见：同意立案。 刘卫东 2024年3月4日\n备注\n", "doc_date") ==
        Values{"2024-03-04"});
  CHECK(values_of("正文\n2024年3月4日\n经查。当事人2024年3月5日在该处经营\n", "doc_date") ==
        Values{"2024-03-04"});
  // An organ's name in running text is no signature.
  CHECK(values_of("正文。\n2024年4月8日\n广州市海珠区人民政府赤岗街道办事处于2024年4月9日立案\n",
                  "doc_date") == Values{"2024-04-08"});
  // A signature with the signer's name closes a form or record.
  CHECK(values_of("承办人意见：建议立案。\n签名：黄志明、林晓东　　2024年3月4日\n"
                  "单位负责人审批意见：同意立案。\n签字：刘卫东2024年3月5日\n",
                  "doc_date") == Values{"2024-03-05"});
  CHECK(values_of("笔录正文\n被询问人签名：王五    2024年1月12日\n", "doc_date") ==
        Values{"2024-01-12"});
  // Letters of the party and reports close with the signer's role, name and date.
  CHECK(values_of("现依法申请举行听证。\n申请人：陈建国　　2024年5月15日\n", "doc_date") ==
        Values{"2024-05-15"});
  CHECK(values_of("申请听证。\n申请人：广州市海珠区鸿盛餐饮管理有限公司　　2024年5月15日\n",
                  "doc_date") == Values{"2024-05-15"});
  CHECK(values_of("恳请从轻处罚。\n陈述申辩人：李志强　　2024年4月18日\n", "doc_date") ==
        Values{"2024-04-18"});
  CHECK(values_of("处理意见：维持。\n主持人：梁振华 二〇二四年五月三十日\n", "doc_date") ==
        Values{"2024-05-30"});
  CHECK(values_of("拍摄时间：2024年3月4日9时40分\n当事人确认：李志强　　2024年3月5日\n",
                  "doc_date") == Values{"2024-03-05"});
  // The recipient's signature on the party's copy is the service date, not the document's.
  CHECK(values_of("决定正文\n2024年3月5日\n当事人签收：王五 2024年3月8日\n", "doc_date") ==
        Values{"2024-03-05"});
  CHECK(values_of("决定正文\n2024年3月5日\n收件人签名：王五 2024年3月8日\n", "doc_date") ==
        Values{"2024-03-05"});
  CHECK(values_of("决定正文\n2024年3月5日\n当事人签名：王五 2024年3月8日\n", "doc_date") ==
        Values{"2024-03-05"});
  // A record signed by the party and the officers: the officers' date.
  CHECK(values_of("笔录\n执法人员签名：黄志明 2024年3月4日\n被检查人签名：李志强 2024年3月5日\n",
                  "doc_date") == Values{"2024-03-04"});
}

TEST_CASE("every labelled date shows its label", "[facts][dates]") {
  const char* receipt =
      "送达回证\n"
      "送达文书名称\t行政处罚决定书\n"
      "受送达人\t广州市某某餐饮有限公司\n"
      "送达时间\t2024年4月8日10时\t送达地点\t赤岗路12号\n"
      "收件人签名或盖章\t张三 2024年4月8日\n"
      "送达人签名\t李四、王五 2024年4月8日\n"
      "制作日期：2024年4月9日\n";
  Values labelled = values_of(receipt, "labelled_date");
  CHECK(labelled == Values{"送达时间=2024-04-08", "收件人签名或盖章=2024-04-08",
                           "送达人签名=2024-04-08", "制作日期=2024-04-09"});
  CHECK(values_of(receipt, "service_date") == Values{"2024-04-08"});
}

TEST_CASE("labels are cut from the text around them", "[facts][dates]") {
  CHECK(values_of("案由 涉嫌随意倾倒建筑垃圾案 听证时间 2024年5月29日\n", "labelled_date") ==
        Values{"听证时间=2024-05-29"});
  CHECK(values_of("（以下空白）被询问人签名：王五 2024年1月12日\n", "labelled_date") ==
        Values{"被询问人签名=2024-01-12"});
  CHECK(values_of("执法人员签名：张三、李四\t2024年1月12日\n", "labelled_date") ==
        Values{"执法人员签名=2024-01-12"});
  CHECK(values_of("签 收 日 期 2024年1月12日\n", "labelled_date") == Values{"签收日期=2024-01-12"});
  CHECK(values_of("签 收 日 期：2024年1月12日\n", "labelled_date") ==
        Values{"签收日期=2024-01-12"});
  CHECK(values_of("签名：黄志明、林晓东　签名时间：2024-03-04 15:22:10\n", "labelled_date") ==
        Values{"签名时间=2024-03-04"});
  // Running text before a colon is no label.
  CHECK(values_of("问：2024年1月12日你在哪里？\n", "labelled_date").empty());
  CHECK(values_of("案情简介：2024年1月12日，执法人员巡查发现…\n", "labelled_date").empty());
}

TEST_CASE("a receipt reads the same service date in every layout", "[facts][dates]") {
  const char* layouts[] = {
      "送达回证\n受送达人：张三\n送达时间：2024年4月8日\n送达人：李四\n",
      "送达回证\n受送达人\t张三\t送达时间\t2024-04-08\n送达人\t李四\t\t\n",
      "送达回证\n受送达人\t送达时间\t送达人\n张三\t二〇二四年四月八日\t李四\n",
      "送达回证\n受送达人：张三\n送 达 时 间：\n2024 年 4 月 8 日\n",
  };
  for (const char* text : layouts) {
    INFO(text);
    CHECK(values_of(text, "service_date") == Values{"2024-04-08"});
  }
}

TEST_CASE("the date-label file is well formed and names known kinds", "[facts][dates]") {
  const std::vector<std::string> kinds = {"service_date",   "payment_date",   "publication_date",
                                          "violation_date", "discovery_date", "filing_date",
                                          "hearing_date"};
  std::string_view data = auditor::facts::date_labels_data();
  std::size_t lines = 0;
  while (!data.empty()) {
    std::size_t nl = data.find('\n');
    std::string line(data.substr(0, nl));
    data = nl == std::string_view::npos ? std::string_view{} : data.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    INFO(line);
    std::size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    CHECK(std::find(kinds.begin(), kinds.end(), line.substr(tab + 1)) != kinds.end());
    ++lines;
  }
  CHECK(auditor::facts::date_label_entries().size() == lines);
  CHECK(auditor::facts_data_sha256().size() == 64);
}

TEST_CASE("a receipt made by LibreOffice gives its service date and every labelled date",
          "[facts][dates]") {
  const auditor::Document d = fixture("receipt.docx");
  CHECK(values(d.facts, "service_date") == Values{"2024-04-08"});
  CHECK(values(d.facts, "labelled_date") == Values{"送达时间=2024-04-08",
                                                   "收件人签字（或盖章）及收件日期=2024-04-08",
                                                   "送达人签名=2024-04-08"});
  CHECK(d.date == "2024-04-08");  // under the seal
}

TEST_CASE("a Guangdong e-payment slip gives its payment dates", "[facts][dates]") {
  const auditor::Document d = fixture("payment.docx");
  CHECK(values(d.facts, "payment_date") == Values{"2024-05-20", "2024-05-21"});
  CHECK(values(d.facts, "labelled_date") == Values{"填制日期=2024-05-20", "缴款日期=2024-05-21"});
}

TEST_CASE("a publication record table gives the publication date under its header",
          "[facts][dates]") {
  const auditor::Document d = fixture("publication.docx");
  CHECK(values(d.facts, "publication_date") == Values{"2024-05-17"});
  CHECK(values(d.facts, "labelled_date") ==
        Values{"处罚决定日期=2024-05-10", "公示日期=2024-05-17", "公示截止期=2024-11-17"});
  CHECK(values(d.facts, "doc_date").empty());  // table data, not a signature
}

TEST_CASE(
    "extract shows every date of a receipt, a payment slip and a publication record "
    "with its label",
    "[facts][dates][cli]") {
  using auditor::test::run_cli;
  using auditor::test::sh_quote;
  const auto run = [&](const char* name) {
    auditor::test::CliRun r = run_cli("extract " + sh_quote(kFixtures + name));
    CHECK(r.status == 0);
    return r.out;
  };
  const std::string receipt = run("receipt.docx");
  CHECK_THAT(receipt, Catch::Contains("  送达时间：2024-04-08\n"));
  CHECK_THAT(receipt, Catch::Contains("  收件人签字（或盖章）及收件日期：2024-04-08\n"));
  CHECK_THAT(receipt, Catch::Contains("  落款日期：2024-04-08\n"));
  const std::string payment = run("payment.docx");
  CHECK_THAT(payment, Catch::Contains("  填制日期：2024-05-20\n"));
  CHECK_THAT(payment, Catch::Contains("  缴款日期：2024-05-21\n"));
  const std::string publication = run("publication.docx");
  CHECK_THAT(publication, Catch::Contains("  处罚决定日期：2024-05-10\n"));
  CHECK_THAT(publication, Catch::Contains("  公示日期：2024-05-17\n"));
}

TEST_CASE("every row of a long table reads its date under the one header", "[facts][dates]") {
  std::string table = "文号\t当事人\t公示日期\n";
  for (int i = 1; i <= 28; ++i)
    table += "穗罚〔2024〕" + std::to_string(i) + "号\t某某公司\t2024-05-" + (i < 10 ? "0" : "") +
             std::to_string(i) + "\n";
  const Values dates = values_of(table, "publication_date");
  REQUIRE(dates.size() == 28);
  CHECK(dates.front() == "2024-05-01");
  CHECK(dates.back() == "2024-05-28");
  // Row after row inherits the header, however long the table.
  std::string longer = "文号\t公示日期\n";
  for (int i = 0; i < 99; ++i) longer += "穗罚〔2024〕1号\t2024-05-20\n";
  longer += "穗罚〔2024〕2号\t2024-05-21\n";
  CHECK(values_of(longer, "publication_date") == Values{"2024-05-20", "2024-05-21"});
  // A row of another width ends the table.
  CHECK(
      values_of("文号\t公示日期\n穗罚〔2024〕1号\t2024-05-20\n备注\n穗罚〔2024〕2号\t2024-05-21\n",
                "publication_date") == Values{"2024-05-20"});
}

TEST_CASE("dates of a huge line or table are read in linear time", "[facts][dates][hostile]") {
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "签收日期：2024年4月8日 ";
  CHECK(values_of(line, "service_date") == Values{"2024-04-08"});
  std::string table = "公示日期";
  for (int c = 0; c < 30; ++c) table += "\tx";
  table += "\n";
  for (int r = 0; r < 1000; ++r) {
    for (int c = 0; c < 31; ++c) table += (c ? "\t" : "") + std::string("2024-04-08");
    table += "\n";
  }
  CHECK(values_of(table, "publication_date") == Values{"2024-04-08"});
}

TEST_CASE("a date field left blank under a known label is a blank_date of its kind",
          "[facts][dates]") {
  for (const char* text :
       {"送达时间：    年  月  日\n", "签收日期：×年×月×日\n", "收件人签名：      年   月   日\n",
        "送达时间\t  年  月  日  时  分\n", "签收日期\n____年__月__日\n"}) {
    INFO(text);
    CHECK(values_of(text, "blank_date") == Values{"service_date"});
  }
  CHECK(values_of("缴款日期：    年  月  日\n", "blank_date") == Values{"payment_date"});
  // A filled date, a blank under an unknown label and a blank in running text are none.
  for (const char* text : {"送达时间：2024年4月8日\n", "签字：    年  月  日\n",
                           "你（单位）于    年  月  日要求听证。\n"}) {
    INFO(text);
    CHECK(values_of(text, "blank_date").empty());
  }
}

TEST_CASE("a payment slip and a publication record read the same date in every layout",
          "[facts][dates]") {
  for (const char* text :
       {"广东省非税收入电子缴款书\n票据代码：44060124 票据号码：4400308841\n填制日期:2024-03-21\n",
        "缴款书\n缴款人\t张三\t填制日期\t2024年3月21日\n",
        "缴款书\n缴款人  张三    填制日期  2024.3.21\n",
        "缴款书\n填制日期\n二〇二四年三月二十一日\n"}) {
    INFO(text);
    CHECK(values_of(text, "payment_date") == Values{"2024-03-21"});
  }
  for (const char* text :
       {"行政处罚信息公示\n行政处罚决定书文号：穗罚〔2024〕1号\n公示日期：2024年3月26日\n",
        "行政处罚信息公示\n决定书文号\t穗罚〔2024〕1号\n公示日期\t２０２４年３月２６日\n",
        "行政处罚信息公示\n决定书文号\t公示网站\t公示日期\n穗罚〔2024〕1号\t信用中国\t2024-03-26\n",
        "行政处罚信息公示\n公\n示\n日\n期\n2024年3月26日\n"}) {
    INFO(text);
    CHECK(values_of(text, "publication_date") == Values{"2024-03-26"});
  }
}

TEST_CASE("the vocabulary's synonyms name their kinds", "[facts][dates]") {
  CHECK(values_of("妥投时间：2024-04-08 10:21\n", "service_date") == Values{"2024-04-08"});
  CHECK(values_of("到账日期\t2024-05-21\n", "payment_date") == Values{"2024-05-21"});
  CHECK(values_of("公布日期：2024年5月17日\n", "publication_date") == Values{"2024-05-17"});
  CHECK(values_of("违法行为时间：2023年1月5日\n", "violation_date") == Values{"2023-01-05"});
  CHECK(values_of("立案审批时间：2024年3月1日\n", "filing_date") == Values{"2024-03-01"});
  CHECK(values_of("听证会时间：2024年5月29日上午9时\n", "hearing_date") == Values{"2024-05-29"});
}

TEST_CASE("an act going on since a date is continuing, not dated by its start", "[facts]") {
  for (const char* text : {"经查，当事人自2021年5月10日起在同福西路占道经营，持续至今。\n",
                           "经查，当事人自2021年5月10日起一直在店外占道经营，违反了《广州市市容环境"
                           "卫生管理规定》。\n"}) {
    INFO(text);
    CHECK(values_of(text, "violation_continuing") == Values{"2021-05-10"});
    CHECK(values_of(text, "violation_date").empty());
  }
  CHECK(values_of("经查，当事人于2021年5月10日将建筑垃圾倾倒在绿化带内，违反了《条例》。\n",
                  "violation_continuing")
            .empty());
}

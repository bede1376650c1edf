// The masker of published texts (reports/mask.h): names, ID numbers and
// credit codes, phone numbers and addresses in several shapes, and ordinary
// text left as it was.
#include <catch2/catch.hpp>

#include "reports/mask.h"

namespace auditor {
namespace {

const MaskTerms kTerms{{"陈建华", "广州市海珠区粤香园餐饮管理有限公司", "欧阳娜娜"}};

TEST_CASE("a person keeps the surname and an organisation its place and trade", "[typical]") {
  CHECK(masked_name("陈建华") == "陈某某");
  CHECK(masked_name("李秀英") == "李某某");
  CHECK(masked_name("欧阳娜娜") == "欧阳某某");
  CHECK(masked_name("广州市海珠区粤香园餐饮管理有限公司") == "广州市海珠区某某餐饮管理有限公司");
  CHECK(masked_name("广州市海珠区南石头鸿运五金店") == "广州市海珠区某某五金店");
  CHECK(masked_name("广州琶洲华建建筑工程有限公司") == "某某建筑工程有限公司");
  CHECK(masked_name("广州市海珠区好又多超市") == "广州市海珠区某某超市");
  CHECK(is_person_name("张三"));
  CHECK(!is_person_name("广州市某某五金店"));
  CHECK(!is_person_name("鸿运五金店"));
}

TEST_CASE("known names are masked wherever they stand, the trade name alone too", "[typical]") {
  const std::string out = mask_text(
      "当事人陈建华于2024年4月12日起摆卖水果；广州市海珠区粤香园餐饮管理有限公司（粤香园）"
      "法定代表人欧阳娜娜。",
      kTerms);
  CHECK(out ==
        "当事人陈某某于2024年4月12日起摆卖水果；广州市海珠区某某餐饮管理有限公司（某某）"
        "法定代表人欧阳某某。");
}

TEST_CASE("ID numbers and credit codes are masked in every shape", "[typical]") {
  CHECK(mask_text("身份证号码：440105198506121236", {}) == "身份证号码：＊＊＊");
  CHECK(mask_text("身份证号码：44010519680221362x。", {}) == "身份证号码：＊＊＊。");
  CHECK(mask_text("统一社会信用代码91440105MA5D0RKX9A，", {}) == "统一社会信用代码＊＊＊，");
  CHECK(mask_text("旧身份证440105850612123号", {}) == "旧身份证＊＊＊号");
  // An 18-character number with a wrong check digit is masked all the same.
  CHECK(mask_text("证件号 440106198001011231", {}) == "证件号 ＊＊＊");
}

TEST_CASE("mobile and landline numbers are masked in every shape", "[typical]") {
  CHECK(mask_text("联系电话：13925063478", {}) == "联系电话：＊＊＊");
  CHECK(mask_text("手机139-2506-3478。", {}) == "手机＊＊＊。");
  CHECK(mask_text("电话 +86 139 2506 3478，", {}) == "电话 ＊＊＊，");
  CHECK(mask_text("请致电020-84221234咨询", {}) == "请致电＊＊＊咨询");
  CHECK(mask_text("（020）84221234", {}) == "＊＊＊");
  CHECK(mask_text("(020) 8422 1234", {}) == "＊＊＊");
  CHECK(mask_text("办公电话：84221234", {}) == "办公电话：＊＊＊");
  CHECK(mask_text("2024-05-07 13925063478", {}) == "2024-05-07 ＊＊＊");
  CHECK(mask_text("联系电话：１３９２５０６３４７８", {}) == "联系电话：＊＊＊");
}

TEST_CASE("an address after its label is cut after the district", "[typical]") {
  CHECK(mask_text("住址：广州市海珠区新港西路135号大院20号502房\n", {}) == "住址：广州市海珠区\n");
  CHECK(mask_text("住址\t广州市海珠区昌岗中路166号之三1203房", {}) == "住址\t广州市海珠区");
  CHECK(mask_text("我叫陈建华，住广州市海珠区新港西路135号大院20号502房。", kTerms) ==
        "我叫陈某某，住广州市海珠区。");
  CHECK(mask_text("地址：新港西路135号，", {}) == "地址：＊＊＊，");
}

TEST_CASE("ordinary text, numbers, dates, amounts and officers stay as they are", "[typical]") {
  const std::string text =
      "穗海新港综执立〔2024〕7号：本机关于2024年4月15日立案，执法人员赵明（执法证号：44010523105）"
      "、孙丽（执法证号：44010523118）。依据《城市市容和环境卫生管理条例》第三十六条第（二）项，"
      "罚款人民币伍佰元整（¥500），罚款150000元，2024-05-07 送达；住宿费 1200 元。"
      "当事人在广州市海珠区新港西路与客村立交交界处人行道摆设水果摊档。12345 热线。";
  CHECK(mask_text(text, kTerms) == text);
  CHECK(mask_text("", kTerms).empty());
}

TEST_CASE("the names labels introduce are read, a label running into words is not", "[typical]") {
  const std::vector<std::string> names = names_after_labels(
      "法定代表人：邓国华\n被询问人：黄伟强    身份证号\n负责人审批意见 "
      "同意\n负责人：林志刚\t2024年"
      "\n当事人：广州市某某有限公司\n收件人：本人");
  CHECK(names == std::vector<std::string>{"邓国华", "林志刚", "黄伟强"});
}

}  // namespace
}  // namespace auditor

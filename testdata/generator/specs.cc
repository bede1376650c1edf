#include "testdata/generator/specs.h"

#include "testdata/generator/util.h"

namespace testdata {
namespace {

constexpr const char* kCityRule = "《广州市市容环境卫生管理规定》";
constexpr const char* kStateRule = "《城市市容和环境卫生管理条例》";

Day d(int m, int day) { return {2024, m, day}; }

std::vector<std::string> usual_evidence() {
  return {"现场检查（勘验）笔录", "询问笔录", "现场照片"};
}

Party person(std::string name, std::string id17, std::string address, std::string phone) {
  Party p;
  p.name = std::move(name);
  p.id = id_number(id17);
  p.organisation = false;
  p.address = std::move(address);
  p.head = p.name;
  p.head_id = p.id;
  p.phone = std::move(phone);
  return p;
}

}  // namespace

CaseSpec chigang_dining() {
  CaseSpec c;
  c.street = c.code = "赤岗";
  c.serial = 12;
  c.leader = "王建国";
  c.officers = {{"张三", "44010523017"}, {"李四", "44010523042"}};
  c.party = {"广州市海珠区粤香园餐饮管理有限公司",
             credit_code("91440105", "MA5D0RKX"),
             true,
             "广州市海珠区赤岗路168号首层",
             "何志明",
             id_number("44010519780512341"),
             "法定代表人",
             "13802461357"};
  c.source = "群众投诉（12345政务服务便民热线工单）";
  c.place = "广州市海珠区赤岗路168号门前人行道";
  c.act = "擅自占用人行道摆放桌椅经营";
  c.facts =
      "当事人自2024年2月26日起，未经批准，在广州市海珠区赤岗路168号门前人行道摆放餐桌6张、椅子24张"
      "进行经营，"
      "占用人行道面积约30平方米，影响行人通行和市容环境。";
  c.admission =
      "我们店从2月26日开始在门口人行道摆了6张桌子、24张椅子给客人吃饭，没有经过任何部门批准。";
  c.evidence = usual_evidence();
  c.violated = std::string(kCityRule) + "第十条第一款";
  c.basis = std::string(kCityRule) + "第四十二条第一款第（一）项";
  c.fine = 5000;
  c.dates = {{"source", d(2, 29)},
             {"filed", d(3, 1)},
             {"inspection", d(3, 4)},
             {"correction_due", d(3, 29)},
             {"inquiry", d(3, 5)},
             {"report", d(3, 8)},
             {"notice", d(3, 12)},
             {"notice_served", d(3, 12)},
             {"approval", d(3, 20)},
             {"decided", d(3, 21)},
             {"decision_served", d(3, 22)},
             {"published", d(3, 27)},
             {"paid", d(3, 29)},
             {"correction_checked", d(4, 1)},
             {"closed", d(4, 8)}};
  c.numbers = {{"责改", 8}, {"罚告", 20}, {"罚决", 31}};
  return c;
}

CaseSpec xingang_fruit_stall() {
  CaseSpec c;
  c.street = c.code = "新港";
  c.serial = 7;
  c.leader = "林志刚";
  c.officers = {{"赵明", "44010523105"}, {"孙丽", "44010523118"}};
  c.party = person("陈建华", "44010519850612123", "广州市海珠区新港西路135号大院20号502房",
                   "13925063478");
  c.source = "日常巡查";
  c.place = "广州市海珠区新港西路与客村立交交界处人行道";
  c.act = "占用人行道摆卖水果";
  c.facts =
      "当事人自2024年4月12日起，未经批准，在广州市海珠区新港西路与客村立交交界处人行道摆设水果摊档"
      "进行经营，"
      "占用人行道面积约4平方米，经劝导后仍未停止。";
  c.admission = "我从4月12日开始在那里摆摊卖水果，没有办理任何手续。";
  c.evidence = usual_evidence();
  c.violated = std::string(kStateRule) + "第十四条";
  c.basis = std::string(kStateRule) + "第三十六条第（二）项";
  c.fine = 500;
  c.statements = true;
  c.dates = {{"source", d(4, 12)},        {"filed", d(4, 15)},     {"inspection", d(4, 16)},
             {"inquiry", d(4, 17)},       {"report", d(4, 19)},    {"notice", d(4, 22)},
             {"notice_served", d(4, 22)}, {"statement", d(4, 24)}, {"review", d(4, 26)},
             {"approval", d(5, 6)},       {"decided", d(5, 7)},    {"decision_served", d(5, 8)},
             {"published", d(5, 10)},     {"paid", d(5, 14)},      {"closed", d(5, 21)}};
  c.numbers = {{"罚告", 9}, {"罚决", 14}};
  return c;
}

CaseSpec nanshi_hardware() {
  CaseSpec c;
  c.street = "南石头";
  c.code = "南石";
  c.serial = 21;
  c.leader = "梁志华";
  c.officers = {{"吴伟", "44010523203"}, {"郑洁", "44010523216"}};
  c.party = {"广州市海珠区南石头鸿运五金店",
             credit_code("92440105", "MA9W3L7C"),
             true,
             "广州市海珠区南箕路45号首层",
             "黄伟强",
             id_number("44010519720915251"),
             "经营者",
             "13660152398"};
  c.source = "日常巡查";
  c.place = "广州市海珠区南箕路45号门前人行道";
  c.act = "擅自在人行道堆放货物";
  c.facts =
      "当事人自2024年5月30日起，未经批准，在广州市海珠区南箕路45号店铺门前人行道堆放五金货物及包装"
      "纸箱，"
      "占用人行道面积约12平方米。";
  c.admission = "我们店从5月30日开始把货物和纸箱放在门口人行道上，因为店里放不下，没有经过批准。";
  c.evidence = usual_evidence();
  c.violated = std::string(kCityRule) + "第十条第一款";
  c.basis = std::string(kCityRule) + "第四十二条第一款第（二）项";
  c.fine = 3000;
  c.dates = {{"filed", d(6, 3)},
             {"inspection", d(6, 4)},
             {"inquiry", d(6, 5)},
             {"report", d(6, 7)},
             {"approval", d(6, 12)},
             {"decided", d(6, 13)},
             {"decision_served", d(6, 14)},
             {"published", d(6, 18)},
             {"paid", d(6, 20)},
             {"closed", d(6, 27)}};
  c.numbers = {{"罚决", 40}};
  return c;
}

CaseSpec pazhou_construction() {
  CaseSpec c;
  c.street = c.code = "琶洲";
  c.serial = 33;
  c.leader = "冯伟明";
  c.officers = {{"何家明", "44010523301"}, {"罗敏", "44010523314"}};
  c.party = {"广州琶洲华建建筑工程有限公司",
             credit_code("91440101", "MA59UL3K"),
             true,
             "广州市海珠区新港东路1068号1201房",
             "邓国华",
             id_number("44010619700304153"),
             "法定代表人",
             "13802235671"};
  c.source = "日常巡查";
  c.place = "广州市海珠区阅江中路琶洲西区AH040118地块施工工地";
  c.act = "未及时清运工程施工过程中产生的建筑垃圾";
  c.facts =
      "当事人作为广州市海珠区阅江中路琶洲西区AH040118地块项目的施工单位，自2024年6月10日起未及时清"
      "运工程施工过程中"
      "产生的建筑垃圾约800立方米，建筑垃圾露天堆放于工地东侧，未采取覆盖措施。";
  c.admission =
      "工地东侧的建筑垃圾是我们施工产生的，从6月10日开始堆放，因为消纳场排期紧张，一直没有清运，也"
      "没有覆盖。";
  c.evidence = usual_evidence();
  c.violated = "《中华人民共和国固体废物污染环境防治法》第六十三条第二款";
  c.basis = "《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第（三）项";
  c.fine = 150000;
  c.hearing = true;
  c.dates = {{"filed", d(6, 17)},          {"inspection", d(6, 18)},
             {"inquiry", d(6, 20)},        {"report", d(6, 27)},
             {"notice", d(7, 1)},          {"notice_served", d(7, 1)},
             {"hearing_request", d(7, 3)}, {"hearing_notification", d(7, 5)},
             {"hearing", d(7, 17)},        {"hearing_report", d(7, 19)},
             {"discussion", d(7, 24)},     {"approval", d(7, 25)},
             {"decided", d(7, 26)},        {"decision_served", d(7, 29)},
             {"published", d(8, 2)},       {"paid", d(8, 8)},
             {"closed", d(8, 20)}};
  c.numbers = {{"罚告", 45}, {"听告", 6}, {"听通", 4}, {"罚决", 52}};
  return c;
}

CaseSpec changgang_recycling() {
  CaseSpec c;
  c.street = c.code = "昌岗";
  c.serial = 9;
  c.leader = "谭志明";
  c.officers = {{"许俊", "44010523402"}, {"马琳", "44010523415"}};
  c.party =
      person("李秀英", "44010519680221362", "广州市海珠区昌岗中路166号之三1203房", "13512345678");
  c.source = "日常巡查";
  c.place = "广州市海珠区昌岗中路166号之三楼下人行道";
  c.act = "擅自在人行道堆放废品";
  c.facts =
      "当事人自2024年8月26日起，未经批准，在广州市海珠区昌岗中路166号之三楼下人行道堆放回收的废旧纸"
      "皮、塑料瓶等废品，"
      "占用人行道面积约6平方米。";
  c.admission = "那些纸皮和瓶子是我收回来准备卖的，从8月26日开始放在楼下人行道，没有经过批准。";
  c.evidence = usual_evidence();
  c.violated = std::string(kStateRule) + "第十四条";
  c.basis = std::string(kStateRule) + "第三十六条第（二）项";
  c.fine = 1000;
  c.dates = {{"filed", d(9, 2)},      {"inspection", d(9, 3)}, {"inquiry", d(9, 4)},
             {"report", d(9, 6)},     {"notice", d(9, 9)},     {"notice_served", d(9, 9)},
             {"approval", d(9, 18)},  {"decided", d(9, 19)},   {"decision_served", d(9, 20)},
             {"published", d(9, 24)}, {"paid", d(9, 26)},      {"closed", d(9, 30)}};
  c.numbers = {{"罚告", 17}, {"罚决", 22}};
  return c;
}

}  // namespace testdata

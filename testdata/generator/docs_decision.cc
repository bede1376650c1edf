#include "testdata/generator/docs.h"
#include "testdata/generator/docs_common.h"
#include "testdata/generator/util.h"

namespace testdata {
namespace {

// What the party did after the notice, as the approval form and decision say it.
std::string defence(const CaseSpec& c) {
  if (c.hearing)
    return "当事人于" + cn(c.day("hearing_request")) + "提出听证申请，本机关于" +
           cn(c.day("hearing")) +
           "依法举行了听证。当事人对违法事实无异议，请求从轻处罚，经听证、集体讨论，其请求已在处罚"
           "幅度内予以考虑。";
  if (c.statements)
    return "当事人于" + cn(c.day("statement")) +
           "提出了陈述、申辩，称其初次违法、经济困难。经复核，其理由不能否定违法事实，"
           "本机关已在法定幅度内从轻考虑，不予采纳其他意见。";
  return "当事人在规定期限内未提出陈述、申辩。";
}

}  // namespace

Entry penalty_approval(const CaseSpec& c) {
  const Day d = c.day("approval");
  DocxWriter w = new_doc(c, "行政处罚审批表", d);
  form_head(w, c, "行政处罚审批表");
  Rows rows = {{"案由", c.act + "案"}};
  for (auto& r : party_rows(c.party)) rows.push_back(r);
  rows.push_back({"违法事实", c.facts});
  rows.push_back({"证据", evidence_list(c)});
  rows.push_back({"违反条款", c.violated});
  rows.push_back({"处罚依据", c.basis});
  if (c.numbers.count("罚告"))
    rows.push_back({"告知及陈述申辩情况", "已于" + cn(c.day("notice")) +
                                              "送达《行政处罚事先告知书》（" +
                                              c.doc_number("罚告") + "）。" + defence(c)});
  rows.push_back(
      {"承办人意见",
       "建议对当事人处以罚款人民币" + std::to_string(c.fine) + "元。\n承办人：" + c.officer_names(),
       cn(d)});
  rows.push_back({"负责人审批意见", "同意。\n负责人：" + c.leader, cn(d)});
  w.table(rows, {.weights = {2, 5, 2}});
  return make_entry("penalty_approval", 4, "行政处罚审批表", d, w);
}

Entry collective_discussion(const CaseSpec& c) {
  const Day d = c.day("discussion");
  DocxWriter w = new_doc(c, "重大案件集体讨论记录", d);
  form_head(w, c, "重大案件集体讨论记录");
  w.paragraph("时间：" + cn(d) + "15时00分至16时00分");
  w.paragraph("地点：" + c.organ() + "第一会议室");
  w.paragraph("主持人：刘国平（街道办事处主任）");
  w.paragraph("参加人员：刘国平、" + c.leader + "、周美玲、黄文斌、郑海燕");
  w.paragraph("列席人员：" + c.officer_names() + "（案件承办人，汇报案情，不参与表决）");
  w.paragraph("记录人：郑海燕");
  body(w, "讨论事项：" + c.party.name + c.act + "案的处理。");
  body(w, "承办人汇报：" + c.facts + "当事人的行为违反了" + c.violated + "的规定，依据" + c.basis +
              "的规定，建议处以罚款人民币" + std::to_string(c.fine) + "元。" + defence(c));
  body(w, "讨论意见：参会人员认为本案事实清楚，证据确凿，适用法律正确，程序合法，处罚幅度适当。");
  body(w, "讨论结论：一致同意对当事人处以罚款人民币" + std::to_string(c.fine) + "元。");
  w.paragraph("（以下空白）", {.align = Align::center});
  w.paragraph("参会人员签名：刘国平、" + c.leader + "、周美玲、黄文斌、郑海燕");
  w.paragraph(cn(d), {.align = Align::right});
  return make_entry("collective_discussion", 4, "集体讨论记录", d, w);
}

Entry penalty_decision(const CaseSpec& c) {
  const Day d = c.day("decided");
  const std::string number = c.doc_number("罚决");
  DocxWriter w = new_doc(c, "行政处罚决定书", d);
  outgoing_head(w, c, "行政处罚决定书", number);
  party_block(w, c.party);
  body(w,
       "本机关于" + cn(c.day("filed")) + "对当事人涉嫌" + c.act + "一案立案调查。经查，" + c.facts);
  body(w, "以上事实有以下证据证明：" + evidence_list(c));
  if (c.numbers.count("罚告"))
    body(w, "本机关于" + cn(c.day("notice")) + "向当事人送达了《行政处罚事先告知书》（" +
                c.doc_number("罚告") +
                "），告知其拟作出行政处罚的事实、理由、依据及依法享有的权利。" + defence(c));
  body(w, "本机关认为，当事人的上述行为违反了" + c.violated + "的规定。依据" + c.basis +
              "的规定，本机关决定对当事人作出如下行政处罚：罚款人民币" + yuan_capital(c.fine) +
              "（¥" + std::to_string(c.fine) + "）。");
  body(w,
       "当事人应当自收到本决定书之日起十五日内，持本决定书到指定银行缴纳罚款。到期不缴纳罚款的，本"
       "机关可以每日按罚款数额的百分之三加处罚款。");
  body(w,
       "当事人如不服本决定，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政复议，或"
       "者在六个月内依法向广州铁路运输法院提起行政诉讼。"
       "行政复议和行政诉讼期间，本决定不停止执行，法律另有规定的除外。");
  signature(w, c, d);
  Entry e = make_entry("penalty_decision", 5, "行政处罚决定书", d, w);
  e.number = number;
  e.sealed = true;
  e.pages = 2;
  return e;
}

Entry publication_record(const CaseSpec& c) {
  const Day d = c.day("published");
  DocxWriter w = new_doc(c, "行政处罚决定公示", d);
  form_head(w, c, "行政处罚决定公示");
  w.table({{"行政处罚决定书文号", c.doc_number("罚决")},
           {"当事人名称", c.party.name},
           {"违法行为类型", c.act},
           {"处罚依据", c.basis},
           {"处罚内容", "罚款人民币" + std::to_string(c.fine) + "元"},
           {"处罚决定日期", cn(c.day("decided"))},
           {"处罚机关", c.organ()},
           {"公示平台", "广州市海珠区人民政府门户网站“行政执法公示”栏目"},
           {"公示日期", cn(d)},
           {"经办人", c.officers.at(0).name}},
          {.weights = {1, 3}});
  return make_entry("publication_record", 6, "行政处罚决定公示", d, w);
}

}  // namespace testdata

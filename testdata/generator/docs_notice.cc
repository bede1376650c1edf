#include "testdata/generator/docs.h"
#include "testdata/generator/docs_common.h"
#include "testdata/generator/util.h"

namespace testdata {
Entry penalty_notice(const CaseSpec& c) {
  const Day d = c.day("notice");
  const std::string number = c.doc_number("罚告");
  const std::string you = c.party.you();
  DocxWriter w = new_doc(c, "行政处罚事先告知书", d);
  outgoing_head(w, c, "行政处罚事先告知书", number);
  w.paragraph(c.party.name + "：");
  body(w, "经查，" + c.facts + "以上事实有" + c.evidence.at(0) + "、" + c.evidence.at(1) +
              "等证据证明。");
  body(w, you + "的上述行为违反了" + c.violated + "的规定。依据" + c.basis + "的规定，本机关拟对" +
              you + "作出如下行政处罚：罚款人民币" + yuan_capital(c.fine) + "（¥" +
              std::to_string(c.fine) + "）。");
  body(w, "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，" + you +
              "有权进行陈述和申辩。" + you +
              "如有陈述、申辩意见，可在收到本告知书之日起五个工作日内向本机关提出；逾期未提出的，视"
              "为放弃陈述和申辩的权利。");
  if (c.hearing) body(w, "听证权利另以《行政处罚听证告知书》告知。");
  body(w, "联系人：" + c.officers.at(0).name + "    联系电话：020-84" +
              std::to_string(100000 + c.serial * 37));
  body(w, "联系地址：" + c.organ() + "综合行政执法办公室");
  signature(w, c, d);
  Entry e = make_entry("penalty_notice", 3, "行政处罚事先告知书", d, w);
  e.number = number;
  e.sealed = true;
  return e;
}

Entry statement_record(const CaseSpec& c) {
  const Day d = c.day("statement");
  DocxWriter w = new_doc(c, "陈述申辩笔录", d);
  form_head(w, c, "陈述申辩笔录");
  w.paragraph("时间：" + cn(d) + "10时00分至10时30分");
  w.paragraph("地点：" + c.street + "街道综合行政执法办公室");
  w.paragraph("陈述申辩人：" + c.party.head + "    身份证号码：" + c.party.head_id);
  w.paragraph("执法人员：" + c.officers_line());
  w.paragraph("记录人：" + c.officers.at(1).name);
  body(w, "执法人员出示执法证件后告知：你于" + cn(c.day("notice")) +
              "收到《行政处罚事先告知书》（" + c.doc_number("罚告") +
              "），现依法听取你的陈述、申辩意见。");
  body(w, "当事人陈述申辩意见如下：本人是初次摆卖，家庭经济困难，已经把摊位撤走了，请求从轻处罚。");
  record_end(w, c, "陈述申辩人", c.party.head, d);
  return make_entry("statement_record", 3, "陈述申辩笔录", d, w);
}

Entry review_record(const CaseSpec& c) {
  const Day d = c.day("review");
  DocxWriter w = new_doc(c, "陈述申辩复核意见书", d);
  form_head(w, c, "陈述申辩复核意见书");
  w.table({{"当事人", c.party.name},
           {"陈述申辩时间", cn(c.day("statement"))},
           {"陈述申辩理由", "初次摆卖，家庭经济困难，已自行撤走摊位，请求从轻处罚。"},
           {"复核意见",
            "经复核，当事人提出的理由不能否定其违法事实。拟处罚款数额已在法定幅度内从轻考虑，维持拟"
            "处罚款人民币" +
                std::to_string(c.fine) + "元的意见。\n复核人：" + c.officer_names(),
            cn(d)},
           {"负责人意见", "同意复核意见。\n负责人：" + c.leader, cn(d)}},
          {.weights = {2, 5, 2}});
  return make_entry("review_record", 3, "复核意见书", d, w);
}

Entry service_receipt(const CaseSpec& c, const Entry& served, Day when) {
  DocxWriter w = new_doc(c, "送达回证", when);
  w.paragraph(c.organ(), {.bold = true, .align = Align::center});
  w.heading("送达回证", 1);
  const Party& p = c.party;
  w.table({{"送达文书名称及文号", served.title + "（" + served.number + "）"},
           {"受送达人", p.name},
           {"送达地点", p.address},
           {"送达时间", cn(when) + "10时30分"},
           {"送达方式", "直接送达"},
           {"受送达人签名或盖章", p.organisation ? p.head + "（" + p.head_title + "）" : p.name,
            cn(when)},
           {"送达人", c.officers_line()},
           {"备注", ""}},
          {.weights = {2, 5, 2}});
  Entry e;
  e.type = "service_receipt";
  e.stage = served.stage == 3 ? 3 : 6;  // notices are served in stage 3, the rest in 6
  e.title = "送达回证（" + served.title + "）";
  e.name = e.title + ".docx";
  e.date = when;
  e.data = bytes(w);
  return e;
}

}  // namespace testdata

#include "testdata/generator/docs.h"
#include "testdata/generator/docs_common.h"
#include "testdata/generator/util.h"

namespace testdata {
Entry filing_approval(const CaseSpec& c) {
  const Day d = c.day("filed");
  DocxWriter w = new_doc(c, "立案审批表", d);
  form_head(w, c, "立案审批表");
  Rows rows = {{"案件来源", c.source}, {"案由", "涉嫌" + c.act + "案"}};
  for (auto& r : party_rows(c.party)) rows.push_back(r);
  rows.push_back({"简要案情", c.facts});
  rows.push_back({"立案依据", "《中华人民共和国行政处罚法》第五十四条第二款"});
  rows.push_back({"立案日期", cn(d)});
  rows.push_back({"承办人意见",
                  "当事人涉嫌违反" + c.violated + "的规定，符合立案条件，建议立案调查。\n承办人：" +
                      c.officer_names(),
                  cn(d)});
  rows.push_back({"负责人审批意见",
                  "同意立案，由" + c.officer_names() + "承办。\n负责人：" + c.leader, cn(d)});
  w.table(rows, {.weights = {2, 5, 2}});
  return make_entry("filing_approval", 1, "立案审批表", d, w);
}

Entry case_source(const CaseSpec& c) {
  const Day d = c.day("source");
  DocxWriter w = new_doc(c, "案件来源登记表", d);
  w.heading("案件来源登记表", 1);
  w.table({{"来源类型", c.source},
           {"登记时间", cn(d) + "9时10分"},
           {"被反映人", c.party.name},
           {"地址", c.place},
           c.source.find("投诉") != std::string::npos
               ? std::vector<std::string>{"反映内容", "群众反映" + c.party.name + "在" + c.place +
                                                          c.act +
                                                          "，影响市容环境和行人通行，要求处理。"}
               : std::vector<std::string>{"发现情况", "执法人员日常巡查发现" + c.party.name + "在" +
                                                          c.place + "涉嫌" + c.act + "。"},
           {"登记人", c.officers.at(0).name},
           {"处理意见", "建议安排执法人员现场核查，符合立案条件的依法立案。\n负责人：" + c.leader,
            cn(d)}},
          {.weights = {2, 5, 2}});
  return make_entry("case_source", 1, "案件来源登记表", d, w);
}

Entry inspection_record(const CaseSpec& c) {
  const Day d = c.day("inspection");
  DocxWriter w = new_doc(c, "现场检查（勘验）笔录", d);
  form_head(w, c, "现场检查（勘验）笔录");
  const Party& p = c.party;
  w.paragraph("检查时间：" + cn(d) + "9时30分至10时15分");
  w.paragraph("检查地点：" + c.place);
  w.paragraph("被检查人：" + p.name);
  w.paragraph(std::string(p.organisation ? "统一社会信用代码：" : "身份证号码：") + p.id);
  if (p.organisation) w.paragraph(p.head_title + "：" + p.head + "    联系电话：" + p.phone);
  w.paragraph("执法人员：" + c.officers_line());
  w.paragraph("记录人：" + c.officers.at(1).name);
  w.paragraph("问：我们是" + c.organ() + "的执法人员，现向" + p.you() +
              "出示执法证件，依法进行现场检查，请予配合。如认为执法人员与本案有直接利害关系，可以申"
              "请回避。是否申请回避？");
  w.paragraph("答：不申请回避。");
  body(w, "现场检查情况：经现场检查，" + c.facts + "执法人员对现场进行了拍照取证。");
  body(w, "以上笔录已交被检查人核对，与事实相符。");
  record_end(w, c, "被检查人", p.organisation ? p.head : p.name, d);
  return make_entry("inspection_record", 2, "现场检查笔录", d, w);
}

Entry inquiry_record(const CaseSpec& c) {
  const Day d = c.day("inquiry");
  DocxWriter w = new_doc(c, "询问笔录", d);
  form_head(w, c, "询问笔录");
  const Party& p = c.party;
  w.paragraph("询问时间：" + cn(d) + "14时00分至14时40分");
  w.paragraph("询问地点：" + c.street + "街道综合行政执法办公室");
  w.paragraph("被询问人：" + p.head + "    身份证号码：" + p.head_id);
  if (p.organisation) w.paragraph("工作单位及职务：" + p.name + p.head_title);
  w.paragraph("联系电话：" + p.phone);
  w.paragraph("执法人员：" + c.officers_line());
  w.paragraph("记录人：" + c.officers.at(1).name);
  w.paragraph("问：我们是" + c.organ() +
              "的执法人员，这是我们的执法证件。现依法向你询问有关情况，你应当如实回答，"
              "如认为执法人员与本案有直接利害关系，可以申请回避。你是否申请回避？");
  w.paragraph("答：不申请回避。");
  w.paragraph("问：请介绍一下你的基本情况。");
  w.paragraph(p.organisation ? "答：我是" + p.name + "的" + p.head_title + "，负责店铺的日常经营。"
                             : "答：我叫" + p.name + "，住" + p.address + "。");
  w.paragraph("问：" + cn(c.day("inspection")) + "执法人员现场检查发现的情况是否属实？");
  w.paragraph("答：属实。" + c.admission);
  w.paragraph("问：是否经过有关部门批准？");
  w.paragraph("答：没有。");
  w.paragraph("问：以上所说是否属实？请核对笔录。");
  w.paragraph("答：属实，笔录我看过了，记录无误。");
  record_end(w, c, "被询问人", p.head, d);
  return make_entry("inquiry_record", 2, "询问笔录", d, w);
}

Entry investigation_report(const CaseSpec& c) {
  const Day d = c.day("report");
  DocxWriter w = new_doc(c, "案件调查终结报告", d);
  form_head(w, c, "案件调查终结报告");
  party_block(w, c.party);
  body(w, "一、案件来源及调查经过：本案来源于" + c.source + "。本机关于" + cn(c.day("filed")) +
              "立案，执法人员" + c.officer_names() + "于" + cn(c.day("inspection")) +
              "进行现场检查，于" + cn(c.day("inquiry")) + "对当事人进行询问，现调查终结。");
  body(w, "二、违法事实：" + c.facts);
  body(w, "三、证据：" + evidence_list(c));
  body(w, "四、法律依据：当事人的上述行为违反了" + c.violated + "的规定，依据" + c.basis +
              "的规定，应予处罚。");
  body(w, "五、处理建议：建议对当事人处以罚款人民币" + std::to_string(c.fine) + "元的行政处罚。");
  w.paragraph("承办人：" + c.officer_names(), {.align = Align::right});
  w.paragraph(cn(d), {.align = Align::right});
  return make_entry("investigation_report", 2, "案件调查终结报告", d, w);
}

Entry correction_order(const CaseSpec& c) {
  const Day d = c.day("inspection");
  const std::string number = c.doc_number("责改");
  DocxWriter w = new_doc(c, "责令限期改正通知书", d);
  outgoing_head(w, c, "责令限期改正通知书", number);
  w.paragraph(c.party.name + "：");
  body(w, "经查，" + c.facts + "上述行为违反了" + c.violated +
              "的规定。根据《中华人民共和国行政处罚法》第二十八条第一款的规定，现责令" +
              c.party.you() + "于" + cn(c.day("correction_due")) +
              "前改正上述违法行为，恢复人行道原状。");
  body(w, "逾期不改正的，本机关将依法处理。");
  signature(w, c, d);
  Entry e = make_entry("correction_order", 2, "责令限期改正通知书", d, w);
  e.number = number;
  e.sealed = true;
  return e;
}

Entry photo(const std::string& name, Day date, int seed) {
  Entry e;
  e.type = "evidence";
  e.stage = 2;
  e.name = name;
  e.title = "现场照片";
  e.date = date;
  // A street scene: sky, a shop front, pavement, and tables on it.
  e.data = make_png(96, 64, [seed](int x, int y) -> std::uint32_t {
    if (y < 14) return 0x87CEEB - (y << 8);
    if (y < 34) return (x / 12 + seed) % 3 == 0 ? 0x8B4513 : 0xD2B48C;
    const bool table = (x + seed * 7) % 24 < 10 && y > 40 && y < 52;
    return table ? 0x404040 : 0xA9A9A9 - ((x ^ y) & 7) * 0x010101;
  });
  return e;
}

Entry legacy_binary(std::string type, int stage, std::string name, std::string title, Day date) {
  Entry e;
  e.type = std::move(type);
  e.stage = stage;
  e.name = std::move(name);
  e.title = std::move(title);
  e.date = date;
  e.data = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512 - 8, '\0');
  e.data[0x1C] = '\xFE';  // byte order mark of a compound file header
  e.data[0x1D] = '\xFF';
  e.data += std::string(1024, '\xFF');
  return e;
}

}  // namespace testdata

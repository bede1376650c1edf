#include "testdata/generator/docs.h"
#include "testdata/generator/docs_common.h"
#include "testdata/generator/util.h"

namespace testdata {
namespace {

std::string receipt_number(const CaseSpec& c) {
  return "4401" + std::to_string(24000000 + c.serial * 1013);
}

}  // namespace

Entry payment_proof(const CaseSpec& c) {
  const Day d = c.day("paid");
  DocxWriter w = new_doc(c, "广东省非税收入缴款书", d);
  w.heading("广东省非税收入缴款书", 1);
  w.paragraph("票据号码：" + receipt_number(c), {.align = Align::right});
  w.table({{"缴款人", c.party.name},
           {c.party.organisation ? "统一社会信用代码" : "身份证号码", c.party.id},
           {"执收单位", c.organ()},
           {"项目名称", "一般罚没收入"},
           {"缴款事由",
            "缴纳罚款人民币" + std::to_string(c.fine) + "元（" + c.doc_number("罚决") + "）"},
           {"金额（大写）", yuan_capital(c.fine)},
           {"金额（小写）", "¥" + std::to_string(c.fine) + ".00"},
           {"收款银行", "中国工商银行广州海珠支行"},
           {"缴款日期", cn(d)}},
          {.weights = {1, 3}});
  return make_entry("payment_proof", 7, "罚没款缴款凭证", d, w);
}

Entry payment_scan(const CaseSpec& c) {
  Entry e;
  e.type = "payment_proof";
  e.stage = 7;
  e.title = "罚没款缴款凭证";
  e.name = "罚没款缴款凭证.png";
  e.date = c.day("paid");
  // A scanned slip: white paper, a red frame, grey lines of print.
  e.data = make_png(120, 80, [](int x, int y) -> std::uint32_t {
    if (x < 4 || x > 115 || y < 4 || y > 75) return 0xFFFFFF;
    if (x == 4 || x == 115 || y == 4 || y == 75 || y == 20) return 0xC00000;
    return (y % 8 == 0 && x > 10 && x < 100) ? 0x505050 : 0xFAFAF5;
  });
  return e;
}

Entry correction_proof(const CaseSpec& c) {
  const Day d = c.day("correction_checked");
  DocxWriter w = new_doc(c, "整改复查记录", d);
  form_head(w, c, "整改复查记录");
  w.paragraph("复查时间：" + cn(d) + "10时00分至10时20分");
  w.paragraph("复查地点：" + c.place);
  w.paragraph("被复查人：" + c.party.name);
  w.paragraph("执法人员：" + c.officers_line());
  body(w, "复查情况：执法人员出示执法证件后，对当事人执行《责令限期改正通知书》（" +
              c.doc_number("责改") +
              "）的情况进行复查。经查，当事人已将摆放在人行道上的桌椅全部清除，人行道已恢复原状，已"
              "按要求改正。");
  record_end(w, c, "被复查人", c.party.head, d);
  return make_entry("correction_proof", 7, "整改复查记录", d, w);
}

Entry closing_approval(const CaseSpec& c) {
  const Day d = c.day("closed");
  DocxWriter w = new_doc(c, "结案审批表", d);
  form_head(w, c, "结案审批表");
  w.table(
      {{"案由", c.act + "案"},
       {"当事人", c.party.name},
       {"处罚决定书文号", c.doc_number("罚决")},
       {"处罚内容", "罚款人民币" + std::to_string(c.fine) + "元"},
       {"执行情况", "当事人已于" + cn(c.day("paid")) + "缴纳全部罚款，缴款凭证附卷。"},
       {"承办人意见", "本案处罚决定已执行完毕，建议结案。\n承办人：" + c.officer_names(), cn(d)},
       {"负责人审批意见", "同意结案。\n负责人：" + c.leader, cn(d)}},
      {.weights = {2, 5, 2}});
  return make_entry("closing_approval", 8, "结案审批表", d, w);
}

Entry catalogue(const CaseSpec& c, const std::vector<Entry>& listed) {
  const Day d = c.day("closed");
  DocxWriter w = new_doc(c, "卷内目录", d);
  form_head(w, c, "卷内目录");
  std::vector<std::vector<std::string>> rows = {
      {"序号", "文号", "责任者", "题名", "日期", "页号", "备注"}};
  int page = 1;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const Entry& e = listed[i];
    const std::string pages = e.pages == 1
                                  ? std::to_string(page)
                                  : std::to_string(page) + "-" + std::to_string(page + e.pages - 1);
    page += e.pages;
    const bool by_party = e.type == "hearing_request" || e.type == "payment_proof";
    const std::string author = e.sealed   ? c.organ()
                               : by_party ? c.party.name
                                          : c.street + "街道综合行政执法办公室";
    rows.push_back({std::to_string(i + 1), e.number, author, e.title, compact(e.date), pages, ""});
  }
  w.table(rows, {.weights = {2, 6, 6, 6, 3, 2, 2}, .header = true});
  w.paragraph("立卷人：" + c.officers.at(1).name, {.align = Align::right});
  w.paragraph(cn(d), {.align = Align::right});
  return make_entry("catalogue", 8, "卷内目录", d, w);
}

Entry file_notes(const CaseSpec& c, const std::vector<Entry>& listed) {
  const Day d = c.day("closed");
  int pages = 0, photos = 0;
  for (const Entry& e : listed) {
    pages += e.pages;
    photos += e.type == "evidence" ? 1 : 0;
  }
  DocxWriter w = new_doc(c, "卷内备考表", d);
  form_head(w, c, "卷内备考表");
  body(w, "本卷共有文件材料" + std::to_string(listed.size()) + "件，共" + std::to_string(pages) +
              "页，其中文字材料" + std::to_string(pages - photos) + "页，照片" +
              std::to_string(photos) + "张。");
  body(w, "说明：本卷材料齐全，按办案程序顺序排列。");
  w.paragraph("立卷人：" + c.officers.at(1).name);
  w.paragraph("检查人：" + c.leader);
  w.paragraph(cn(d), {.align = Align::right});
  return make_entry("file_notes", 8, "卷内备考表", d, w);
}

}  // namespace testdata

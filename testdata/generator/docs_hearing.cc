#include "testdata/generator/docs.h"
#include "testdata/generator/docs_common.h"
#include "testdata/generator/util.h"

namespace testdata {
namespace {

const char* const kHost = "王志强";
const char* const kClerk = "陈晓梅";

}  // namespace

Entry hearing_rights_notice(const CaseSpec& c) {
  const Day d = c.day("notice");
  const std::string number = c.doc_number("听告");
  const std::string you = c.party.you();
  DocxWriter w = new_doc(c, "行政处罚听证告知书", d);
  outgoing_head(w, c, "行政处罚听证告知书", number);
  w.paragraph(c.party.name + "：");
  body(w, "本机关拟对" + you + "作出罚款人民币" + yuan_capital(c.fine) + "（¥" +
              std::to_string(c.fine) + "）的行政处罚（详见《行政处罚事先告知书》" +
              c.doc_number("罚告") + "）。");
  body(w, "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，" + you +
              "有权要求听证。如要求听证的，应当在收到本告知书之日起五个工作日内向本机关提出。");
  signature(w, c, d);
  Entry e = make_entry("hearing_rights_notice", 3, "行政处罚听证告知书", d, w);
  e.number = number;
  e.sealed = true;
  return e;
}

Entry hearing_request(const CaseSpec& c) {
  const Day d = c.day("hearing_request");
  DocxWriter w = new_doc(c, "听证申请书", d);
  w.heading("听证申请书", 1);
  w.paragraph(c.organ() + "：");
  body(w, "本单位于" + cn(c.day("notice")) + "收到贵办《行政处罚事先告知书》（" +
              c.doc_number("罚告") + "）及《行政处罚听证告知书》（" + c.doc_number("听告") +
              "）。本单位对拟作出的罚款决定有异议，现依法提出听证申请，请予安排。");
  w.paragraph("申请人：" + c.party.name + "（盖章）", {.align = Align::right});
  w.paragraph(c.party.head_title + "：" + c.party.head, {.align = Align::right});
  w.paragraph(cn(d), {.align = Align::right});
  return make_entry("hearing_request", 3, "听证申请书", d, w);
}

Entry hearing_notification(const CaseSpec& c) {
  const Day d = c.day("hearing_notification");
  const std::string number = c.doc_number("听通");
  DocxWriter w = new_doc(c, "听证通知书", d);
  outgoing_head(w, c, "听证通知书", number);
  w.paragraph(c.party.name + "：");
  body(w, "你单位于" + cn(c.day("hearing_request")) +
              "提出的听证申请收悉。根据《中华人民共和国行政处罚法》第六十四条的规定，本机关定于" +
              cn(c.day("hearing")) + "上午9时30分在" + c.organ() + "第一会议室举行听证。");
  body(w, "听证主持人：" + std::string(kHost) + "；听证记录员：" + kClerk +
              "。你单位认为主持人与本案有直接利害关系的，有权申请回避。");
  body(w,
       "你单位可以亲自参加听证，也可以委托一至二人代理，代理人应当于听证前提交授权委托书。无正当理"
       "由拒不出席听证或者未经许可中途退出听证的，本机关将终止听证。");
  signature(w, c, d);
  Entry e = make_entry("hearing_notification", 3, "听证通知书", d, w);
  e.number = number;
  e.sealed = true;
  return e;
}

Entry hearing_report(const CaseSpec& c) {
  const Day d = c.day("hearing_report");
  DocxWriter w = new_doc(c, "听证报告", d);
  form_head(w, c, "听证报告");
  w.table({{"当事人", c.party.name},
           {"听证时间", cn(c.day("hearing")) + "9时30分至11时00分"},
           {"听证地点", c.organ() + "第一会议室"},
           {"听证主持人", kHost},
           {"听证记录员", kClerk},
           {"案件调查人员", c.officers_line()},
           {"当事人及代理人",
            c.party.head + "（" + c.party.head_title + "）、代理人刘志远（广东某律师事务所律师）"},
           {"听证基本情况",
            "调查人员陈述了当事人的违法事实、证据、处罚依据和拟处罚意见。当事人对违法事实无异议，认"
            "为其已及时整改、未造成严重后果，"
            "请求从轻处罚。双方进行了质证和辩论，当事人作了最后陈述。"},
           {"主持人意见",
            "本案事实清楚，证据确凿，程序合法，拟处罚款数额在法定幅度内且已考虑当事人整改情况，建议"
            "维持罚款人民币" +
                std::to_string(c.fine) + "元的处罚意见，提交集体讨论决定。\n听证主持人：" + kHost,
            cn(d)}},
          {.weights = {2, 5, 2}});
  return make_entry("hearing_report", 3, "听证报告", d, w);
}

}  // namespace testdata

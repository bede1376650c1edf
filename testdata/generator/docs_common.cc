#include "testdata/generator/docs_common.h"

#include "testdata/generator/util.h"

namespace testdata {

DocxWriter new_doc(const CaseSpec& c, const std::string& title, Day date) {
  return DocxWriter(title, c.organ(), iso(date) + "T09:00:00Z");
}

void outgoing_head(DocxWriter& w, const CaseSpec& c, const std::string& title,
                   const std::string& number) {
  w.paragraph(c.organ(), {.bold = true, .align = Align::center});
  w.heading(title, 1);
  w.paragraph(number, {.align = Align::center});
}

void form_head(DocxWriter& w, const CaseSpec& c, const std::string& title) {
  w.heading(title, 1);
  w.paragraph("案号：" + c.case_number(), {.align = Align::right});
}

void party_block(DocxWriter& w, const Party& p) {
  w.paragraph("当事人：" + p.name);
  if (p.organisation) {
    w.paragraph("统一社会信用代码：" + p.id);
    w.paragraph("住所：" + p.address);
    w.paragraph(p.head_title + "：" + p.head);
  } else {
    w.paragraph("身份证号码：" + p.id);
    w.paragraph("住址：" + p.address);
  }
}

Rows party_rows(const Party& p) {
  if (!p.organisation)
    return {{"当事人", p.name}, {"身份证号码", p.id}, {"住址", p.address}, {"联系电话", p.phone}};
  return {{"当事人", p.name},
          {"统一社会信用代码", p.id},
          {"住所", p.address},
          {p.head_title, p.head},
          {"联系电话", p.phone}};
}

void signature(DocxWriter& w, const CaseSpec& c, Day date) {
  w.paragraph("");
  w.paragraph(c.organ(), {.align = Align::right});
  w.paragraph(cn(date), {.align = Align::right});
}

void body(DocxWriter& w, const std::string& text) { w.paragraph(text, {.indent = true}); }

void record_end(DocxWriter& w, const CaseSpec& c, const std::string& signer_label,
                const std::string& signer, Day date) {
  w.paragraph("（以下空白）", {.align = Align::center});
  w.paragraph(signer_label + "签名：" + signer);
  w.paragraph("执法人员签名：" + c.officer_names());
  w.paragraph(cn(date), {.align = Align::right});
}

std::string bytes(const DocxWriter& w) {
  auditor::Result<std::string> out = w.finish();
  if (!out) die(out.error());
  return *out;
}

std::string evidence_list(const CaseSpec& c) {
  std::string out;
  for (std::size_t i = 0; i < c.evidence.size(); ++i)
    out += std::to_string(i + 1) + ". " + c.evidence[i] + (i + 1 < c.evidence.size() ? "；" : "。");
  return out;
}

Entry make_entry(std::string type, int stage, std::string title, Day date, const DocxWriter& w) {
  Entry e;
  e.type = std::move(type);
  e.stage = stage;
  e.title = std::move(title);
  e.name = e.title + ".docx";
  e.date = date;
  e.data = bytes(w);
  return e;
}

}  // namespace testdata

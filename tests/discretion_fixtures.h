// Building decisions for the substance rules' tests (discretion, provision
// table, remedy): a real DOCX written by the report writer, read back by the
// DOCX reader and the fact extractor, checked against the bundled checklist
// loaded as the program loads it (with its substance tables).
#pragma once

#include <string>

#include "auditor/checker.h"
#include "auditor/checklist.h"

namespace auditor::testing {

// checklists/general through load_audit_checklist (the tables resolved).
const Checklist& substance_checklist();

// A 行政处罚决定书 as a DOCX of the given paragraphs, read back.
Document decision_docx(const std::string& text);
// The DOCX bytes of those paragraphs (the first a heading).
std::string decision_docx_bytes(const std::string& text);

// A decision with the usual parts: the finding of fact dated `violation`
// (ISO-less Chinese date), `cited` (the 违反…依据… sentence), the
// `penalty` sentence, the `remedy` sentence, signed on `signed_on`.
struct DecisionText {
  std::string number = "穗海新港综执罚决〔2024〕7号";
  std::string party = "当事人：陈建华\n身份证号码：440105198506121236";
  std::string violation = "2024年1月10日";
  std::string cited =
      "当事人的上述行为违反了《中华人民共和国大气污染防治法》第八十一条第二款的规定。依据《中华人"
      "民共和国大气污染防治法》第一百一十八条第三款的规定";
  std::string penalty = "本机关决定：罚款人民币5000元。";
  std::string band;  // e.g. "当事人的违法行为属于一般违法情形。"
  std::string remedy =
      "当事人如不服本决定，可以在收到本决定书之日起六十日内向广州市海珠区人民政府申请行政复议，"
      "或者在六个月内依法向广州铁路运输法院提起行政诉讼。";
  std::string signed_on = "2024年3月21日";
  std::string text() const;
};

// The audit of a case holding just that decision (as a DOCX).
Audit audit_decision(const DecisionText& t);

}  // namespace auditor::testing

// The per-case sheet (评查表): identity and provenance, documents per stage,
// findings, the manual-check list and, in a self-check, the closing verdict.
#include <algorithm>

#include "reports/labels.h"
#include "reports/report_content.h"

namespace auditor {
namespace {

std::string or_unknown(const Text& t) { return t && !t->empty() ? *t : "未知"; }

Block identity(const ReportInput& in, std::size_t i) {
  const CaseResult& r = in.data.cases[i];
  const CaseFacts& f = in.data.facts[i];
  const RoundRun* run = in.data.run(f.run_id);
  std::vector<std::vector<std::string>> rows = {
      {"案号", or_unknown(f.case_number)},
      {"街道", street_label(f)},
      {"当事人", or_unknown(f.party)},
      {"程序", procedure_label(r.c.info.procedure)},
      {"案卷文件", r.c.archive},
      {"案卷 SHA-256", r.c.sha256.empty() ? "未知" : r.c.sha256},
      {"评查时间", f.audited_at},
      {"检查清单", run ? checklist_label(*run) : "未知"},
  };
  if (r.c.rejected) {
    rows.push_back({"状态", "无法读取：" + r.c.error});
  } else {
    rows.push_back({"得分", format_score(r.audit.score)});
    rows.push_back({"等级", r.audit.grade.empty() ? "未知" : r.audit.grade});
  }
  if (in.data.round.mode == "self_check") {
    const Verdict& v = in.summary.verdicts[i];
    std::string text = v.label();
    for (const std::string& reason : v.reasons) text += "\n" + reason;
    rows.push_back({"结案意见", text});
  }
  return table(std::move(rows), {1, 4}, false);
}

void documents(const ReportInput& in, const Case& c, Content& out) {
  out.push_back(heading("卷内文书（按阶段）", 3));
  if (c.documents.empty()) {
    out.push_back(paragraph("未读取到文书。"));
    return;
  }
  std::vector<const Document*> docs;
  for (const Document& d : c.documents) docs.push_back(&d);
  std::stable_sort(docs.begin(), docs.end(), [](const Document* a, const Document* b) {
    return a->stage.value_or(9) < b->stage.value_or(9);
  });
  std::vector<std::vector<std::string>> rows = {{"阶段", "文书", "文号", "日期", "文件"}};
  for (const Document* d : docs)
    rows.push_back({in.names.stage(d->stage),
                    d->type || first_title_line(d->title).empty()
                        ? in.names.doc_type(d->type)
                        : "未识别：" + first_title_line(d->title),
                    d->number.value_or(""),
                    d->date.value_or(""), d->path});
  out.push_back(table(std::move(rows), {2, 3, 4, 2, 4}));
}

void findings(const ReportInput& in, const Audit& audit, Content& out) {
  const bool self_check = in.data.round.mode == "self_check";
  out.push_back(heading("评查发现", 3));
  std::vector<std::vector<std::string>> rows = {
      {"序号", "规则", "严重程度", self_check ? "整改意见" : "问题", "依据", "证据", "扣分"}};
  int n = 0;
  for (const Finding& f : audit.findings) {
    if (f.kind == "manual_check") continue;
    std::string evidence;
    for (const std::string& e : f.evidence) evidence += (evidence.empty() ? "" : "\n") + e;
    rows.push_back({std::to_string(++n), f.rule, severity_label(f.severity),
                    self_check ? advice(f) : f.message, f.basis, evidence,
                    format_score(f.deduction)});
  }
  if (n == 0)
    out.push_back(paragraph("未发现问题。"));
  else
    out.push_back(table(std::move(rows), {1, 3, 2, 6, 4, 5, 1}));

  out.push_back(heading("人工核对清单", 3));
  bool any = false;
  for (const Finding& f : audit.findings) {
    if (f.kind != "manual_check") continue;
    out.push_back(paragraph("☐ " + f.message));
    any = true;
  }
  if (!any) out.push_back(paragraph("本案卷没有需要人工核对的事项。"));
}

}  // namespace

void append_case_sheet(const ReportInput& in, std::size_t i, Content& out) {
  const CaseResult& r = in.data.cases[i];
  out.push_back(heading("评查表：" + case_label(in.data, i), 2));
  out.push_back(identity(in, i));
  if (r.c.rejected) return;
  documents(in, r.c, out);
  findings(in, r.audit, out);
}

}  // namespace auditor

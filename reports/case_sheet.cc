// The per-case sheet (评查表): identity and provenance, documents per stage,
// findings (one line per rule, its occurrences listed), the manual-check list and, in a self-check,
// the closing verdict.
#include <algorithm>
#include <map>

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
                    d->number.value_or(""), d->date.value_or(""), d->path});
  out.push_back(table(std::move(rows), {2, 3, 4, 2, 4}));
}

// The findings of one rule, in finding order: one line of the sheet.
struct Group {
  std::vector<const Finding*> findings;
};

// Non-manual findings grouped by rule, groups in order of first occurrence.
std::vector<Group> grouped(const Audit& audit) {
  std::vector<Group> groups;
  std::map<std::string, std::size_t> index;
  for (const Finding& f : audit.findings) {
    if (f.kind == "manual_check") continue;
    auto [it, added] = index.emplace(f.rule, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].findings.push_back(&f);
  }
  return groups;
}

// One text for the group: the single finding's, or "共 N 处：" and a
// numbered list of each occurrence's text (repeated texts written once).
template <typename TextOf>
std::string listed(const Group& g, TextOf text_of) {
  if (g.findings.size() == 1) return text_of(*g.findings.front());
  std::vector<std::string> texts;
  for (const Finding* f : g.findings) {
    std::string t = text_of(*f);
    if (std::find(texts.begin(), texts.end(), t) == texts.end()) texts.push_back(std::move(t));
  }
  std::string out = "共 " + std::to_string(g.findings.size()) + " 处";
  if (texts.size() == 1) return texts.front() + "（" + out + "）";
  out += "：";
  for (std::size_t k = 0; k < texts.size(); ++k)
    out += "\n" + std::to_string(k + 1) + ". " + texts[k];
  return out;
}

void findings(const ReportInput& in, const Audit& audit, Content& out) {
  const bool self_check = in.data.round.mode == "self_check";
  out.push_back(heading("评查发现", 3));
  std::vector<std::vector<std::string>> rows = {
      {"序号", "规则", "严重程度", self_check ? "整改意见" : "问题", "依据", "证据", "扣分"}};
  int n = 0;
  // Repeated occurrences of one rule are one line (one defect class, one
  // item; the deduction is the capped total); the JSON keeps every finding.
  for (const Group& g : grouped(audit)) {
    const Finding& first = *g.findings.front();
    std::string evidence;
    double deducted = 0;
    for (std::size_t k = 0; k < g.findings.size(); ++k) {
      const Finding& f = *g.findings[k];
      deducted += f.deduction;
      const std::string mark =
          g.findings.size() > 1 ? "（" + std::to_string(k + 1) + "）" : std::string();
      for (const std::string& e : f.evidence) evidence += (evidence.empty() ? "" : "\n") + mark + e;
    }
    const std::string problem =
        listed(g, [&](const Finding& f) { return self_check ? advice(f) : f.message; });
    rows.push_back({std::to_string(++n), first.rule, severity_label(first.severity), problem,
                    first.basis, evidence, format_score(deducted)});
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

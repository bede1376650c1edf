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

// Where the case's review stands, in a word or two.
std::string review_status(const RoundData& data, std::size_t i, const CountedCase& c) {
  if (!c.reviewed) return "机器初筛，尚未经评查人确认";
  if (c.provisional) return "评查中：" + std::to_string(c.undecided) + " 项待定，得分暂定";
  const RecordState state = record_state(data.record(i), data.second_review);
  if (state.complete) return "已签字";
  return state.locked ? "评查人已签字，待复核" : "已决定，待签字";
}

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
  const CountedCase& c = in.summary.counted[i];
  if (r.c.rejected) {
    rows.push_back({"状态", "无法读取：" + r.c.error});
  } else {
    rows.push_back({"得分", counted_score_label(c)});
    rows.push_back({"等级", c.grade.empty() ? "未知" : c.grade});
    rows.push_back({"评查状态", review_status(in.data, i, c)});
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
  if (!self_check)
    out.push_back(paragraph("以下为机器初筛建议，须经评查人逐项确认、不予认定或修改后方可计分。"));
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

// The evidence pointer of an item: the document it is about, the page an
// inspector gave, the quotes the checker kept.
std::string evidence_of(const ReportInput& in, const ReviewedItem& item, const Record& record) {
  std::string out;
  const Finding& f = item.machine;
  if (f.document) out = in.names.doc_type(f.document);
  for (const RecordedAdded& a : record.added)
    if (a.added.key == item.key && a.page) out += "第 " + std::to_string(*a.page) + " 页";
  for (const std::string& e : f.evidence) out += (out.empty() ? "" : "\n") + e;
  return out;
}

std::string decision_of(const ReviewedItem& item) {
  std::string out = verdict_label(item.verdict);
  if (item.added) out = "评查人添加";
  if (item.decision)
    out += "\n" + item.decision->inspector + " " + day_of(item.decision->decided_at);
  return out;
}

// Every item of a reviewed case: the machine's suggestion, the decision,
// what it deducts, the reason and the evidence pointer.
void reviewed_items(const ReportInput& in, std::size_t i, Content& out) {
  const ReviewedCase& reviewed = *in.data.reviewed[i];
  const Record& record = in.data.record(i);
  out.push_back(heading("评查事项", 3));
  std::vector<std::vector<std::string>> rows = {
      {"序号", "事项", "机器建议", "决定", "扣分", "理由", "证据"}};
  int n = 0;
  for (const ReviewedItem& item : reviewed.items) {
    const Finding& f = item.machine;
    const std::string suggestion =
        item.added ? "—"
                   : (f.kind == "manual_check" ? "人工核对" : severity_label(f.severity)) + "：" +
                         f.message;
    std::string subject = f.rule + "\n" + item.key;
    if (item.added) subject += "\n" + severity_label(f.severity) + "：" + f.message;
    if (item.counted && item.verdict == FindingVerdict::changed)
      subject += "\n改为：" + severity_label(item.counted->severity) + "：" + item.counted->message;
    const std::optional<double> deducted = counted_deduction(item);
    std::string deduction = !deducted ? "0"
                            : item.counted && item.counted->severity == "veto"
                                ? "否决"
                                : format_score(*deducted);
    if (item.verdict == FindingVerdict::suggested)
      deduction = f.kind == "manual_check" ? "—" : deduction + "（暂计）";
    rows.push_back({std::to_string(++n), subject, suggestion, decision_of(item), deduction,
                    item.decision ? item.decision->reason : "", evidence_of(in, item, record)});
  }
  if (n == 0)
    out.push_back(paragraph("未发现问题，也没有需要人工核对的事项。"));
  else
    out.push_back(table(std::move(rows), {1, 4, 6, 3, 1, 4, 4}));
  if (!reviewed.obsolete.empty()) {
    std::string text = "以下决定所针对的问题在重新审查后已不存在，保留备查、不再计分：";
    for (const Decision& d : reviewed.obsolete)
      text += "\n" + d.key + "：" + verdict_label(d.verdict) + "（" + d.inspector + " " +
              day_of(d.decided_at) + "）";
    out.push_back(paragraph(text));
  }
}

// The signature lines: names and dates once signed, blanks to sign on paper.
void sign_lines(const ReportInput& in, std::size_t i, Content& out) {
  const RecordState state = record_state(in.data.record(i), in.data.second_review);
  const auto line = [&](const char* role) {
    const SignOff* s = state.signed_as(role);
    return std::string(role) + "：" + (s ? s->name : "____________") + "　　日期：" +
           (s ? day_of(s->signed_at) : "____________");
  };
  std::string text = line(kSignerRole);
  if (in.data.second_review || state.signed_as(kReviewerRole)) text += "\n" + line(kReviewerRole);
  out.push_back(paragraph(text));
}

}  // namespace

void append_case_sheet(const ReportInput& in, std::size_t i, Content& out) {
  const CaseResult& r = in.data.cases[i];
  out.push_back(heading("评查表：" + case_label(in.data, i), 2));
  out.push_back(identity(in, i));
  if (r.c.rejected) return;
  documents(in, r.c, out);
  if (in.summary.counted[i].reviewed)
    reviewed_items(in, i, out);
  else
    findings(in, r.audit, out);
  append_case_record(in, i, out);
  sign_lines(in, i, out);
}

}  // namespace auditor

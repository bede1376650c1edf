// The case list (案卷一览) that stands in for the per-case sheets when a
// report leaves them out: one row per case, in case order.
#include "reports/labels.h"
#include "reports/report_content.h"

namespace auditor {

void append_case_list(const ReportInput& in, Content& out) {
  out.push_back(page_break());
  out.push_back(heading("附件：案卷一览", 2));
  const std::size_t n = in.data.cases.size();
  std::vector<std::vector<std::string>> rows;
  rows.reserve(n + 1);
  rows.push_back({"序号", "案号", "街道", "当事人", "得分", "等级", "问题数", "人工核对"});
  for (std::size_t i = 0; i < n; ++i) {
    const CaseResult& r = in.data.cases[i];
    const CaseFacts& f = in.data.facts[i];
    const CountedCase& c = in.summary.counted[i];
    int manual = 0;
    for (const Finding& finding : r.audit.findings)
      manual += finding.kind == "manual_check" ? 1 : 0;
    rows.push_back({std::to_string(i + 1), case_label(in.data, i), street_label(f),
                    f.party.value_or(""), r.c.rejected ? "无法读取" : counted_score_label(c),
                    r.c.rejected ? "—" : c.grade, std::to_string(c.problems.size()),
                    std::to_string(manual)});
  }
  out.push_back(table(std::move(rows), {1, 5, 2, 4, 1, 1, 1, 1}));
}

}  // namespace auditor

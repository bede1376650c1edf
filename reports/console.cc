#include "reports/console.h"

#include "reports/report_content.h"
#include "util/text_safety.h"

#include <map>

namespace auditor {
namespace {

// Findings per severity; the caller decides which ones count against the file.
std::map<std::string, int> count_by_severity(const Audit& a) {
  std::map<std::string, int> n;
  for (const Finding& f : a.findings) ++n[f.severity];
  return n;
}

}  // namespace

std::string console_line(const CaseResult& r) {
  if (r.c.rejected) return one_line_safe("✗ " + r.c.archive + "  已拒绝：" + r.c.error);
  auto n = count_by_severity(r.audit);
  std::string number = r.c.info.case_number.value_or("案号未知");
  if (r.c.info.procedure) number += "  " + procedure_label(r.c.info.procedure);
  return one_line_safe("✓ " + r.c.archive + "  " + number + "  " + r.audit.grade + " " +
                       format_score(r.audit.score) + "分  问题 " +
                       std::to_string(n["veto"] + n["major"] + n["minor"]) + " 项（否决 " +
                       std::to_string(n["veto"]) + "，重大 " + std::to_string(n["major"]) +
                       "，一般 " + std::to_string(n["minor"]) + "；待人工核对/提示 " +
                       std::to_string(n["info"]) + "）");
}

void BatchTotals::add(const CaseResult& r) {
  ++archives;
  if (r.c.rejected) {
    ++rejected;
    return;
  }
  ++audited;
  findings += static_cast<int>(r.audit.findings.size());
}

std::string console_totals(const BatchTotals& t) {
  return "共 " + std::to_string(t.archives) + " 个压缩包：已审查 " + std::to_string(t.audited) +
         " 个，拒绝 " + std::to_string(t.rejected) + " 个，发现问题 " + std::to_string(t.findings) +
         " 条";
}

}  // namespace auditor

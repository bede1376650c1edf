// The street statistics' text and tables (docs/reports.md, 各街道案件办理情况统计),
// shared by the 通报 (notification_content) and the workbench's round page.
#include <cstdio>

#include "reports/report_content.h"

namespace auditor {
namespace {

std::string count(int n) { return std::to_string(n); }

// "43.5%" (one decimal), "—" without a value.
std::string percent(const std::optional<double>& rate) {
  if (!rate) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", *rate * 100);
  return buf;
}

// "12" or "12.5", "—" without a value.
std::string days(const std::optional<double>& d) { return d ? format_score(*d) : "—"; }

// "维持 2、撤销 1", "—" without outcomes.
std::string outcomes(const StatsRow& r) {
  std::string out;
  for (const auto& [outcome, n] : r.outcomes)
    out += (out.empty() ? "" : "、") + outcome + " " + count(n);
  return out.empty() ? "—" : out;
}

std::vector<std::string> cells(const StatsRow& r) {
  return {r.name,
          count(r.filed),
          count(r.closed),
          percent(r.closure_rate),
          days(r.days_to_decision),
          days(r.days_to_closing),
          count(r.overdue),
          count(r.reconsideration),
          count(r.litigation),
          outcomes(r),
          percent(r.correction_rate)};
}

std::vector<std::vector<std::string>> rows(const char* first, const std::vector<StatsRow>& list,
                                           const StatsRow& total) {
  std::vector<std::vector<std::string>> out = {
      {first, "立案", "结案", "结案率", "立案至决定（中位天数）", "立案至结案（中位天数）",
       "逾期未决", "行政复议", "行政诉讼", "复议诉讼结果", "纠错率"}};
  for (const StatsRow& r : list) out.push_back(cells(r));
  out.push_back(cells(total));
  return out;
}

std::string period_label(const StatsPeriod& p) {
  if (p.open()) return "本轮全部案卷";
  return (p.from ? *p.from : std::string("最早")) + " 至 " + (p.to ? *p.to : std::string("今"));
}

}  // namespace

StreetStatsView street_stats_view(const StreetStats& stats) {
  const StatsOptions& o = stats.options;
  StreetStatsView v;
  v.note =
      "统计范围：" + period_label(o.period) +
      (o.period.open() ? "（立案、结案按卷内立案审批表或立案日期、结案审批表计）"
                       : "（立案、结案、作出决定按其日期落在期间内计）") +
      "。结案率 = 结案数 ÷ 立案数；中位天数为立案至作出处罚决定、立案至结案审批的自然日中位数；"
      "逾期未决：立案后超过 " +
      count(o.decision_limit) + " 日（经批准延长的再加 " + count(o.extension_days) + " 日）至 " +
      (o.reference.empty() ? std::string("统计日") : o.reference) +
      " 仍无处罚决定且未结案的案卷；行政复议、行政诉讼为本轮的答复、应诉案卷，纠错率 = "
      "（撤销＋确认违法＋变更＋责令履行）÷ 有结果的案卷。执法领域依执法领域对照表（" +
      stats.field_map + "）由处罚决定书引用的法律确定，未能对应的计入默认领域。";
  v.streets = rows("街道", stats.streets, stats.total);
  v.fields = rows("执法领域", stats.fields, stats.total);
  v.chart = {"各街道立案、结案数（宗）", {}, {{"立案", {}}, {"结案", {}}}};
  for (const StatsRow& r : stats.streets) {
    v.chart.categories.push_back(r.name);
    v.chart.series[0].values.push_back(r.filed);
    v.chart.series[1].values.push_back(r.closed);
  }
  return v;
}

}  // namespace auditor

// The round notification (通报): provenance, scope and method, streets,
// typical problems, rectification, comparison, closing verdicts.
#include "reports/report_content.h"

#include <algorithm>

#include "reports/labels.h"

namespace auditor {
namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string count(int n) { return std::to_string(n); }

// Numbers the notification's sections 一、二、… in the order they are written
// (sections of the record appear only when the round has one).
struct Sections {
  int n = 0;
  Block next(const std::string& title) {
    static const char* const kNumerals[] = {"一", "二", "三", "四", "五",
                                            "六", "七", "八", "九", "十"};
    return heading(std::string(kNumerals[n++ % 10]) + "、" + title, 2);
  }
};

Block provenance(const RoundData& d) {
  std::vector<std::string> inspectors, tools, checklists;
  auto add = [](std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
      list.push_back(value);
  };
  for (const RoundRun& run : d.runs) {
    add(inspectors, run.inspector.value_or(""));
    add(tools, run.tool_version);
    add(checklists, checklist_label(run));
  }
  return table({{"审查轮次", d.round.name},
                {"审查方式", mode_label(d.round.mode)},
                {"检查人员", inspectors.empty() ? "未填写" : join(inspectors, "、")},
                {"轮次开始时间", d.round.created_at},
                {"数据截至", d.as_of.empty() ? d.round.created_at : d.as_of},
                {"工具版本", "auditor " + join(tools, "、")},
                {"检查清单", join(checklists, "\n")}},
               {1, 4}, false);
}

// What the figures of the notification count: the inspectors' decisions,
// or (no record yet) the machine's first screen.
std::string review_basis(const ReportInput& in) {
  if (!counts_decisions(in.data))
    return in.data.round.mode == "self_check"
               ? "本报告的问题和得分为机器初筛结果，供街道自查整改参考。"
               : "本通报的问题和得分为机器初筛结果，尚未经评查人逐项确认，仅作初稿，不得作为正式"
                 "评查结论。";
  std::string text =
      "本通报只计经评查人确认（含修改后确认、人工核对有问题和评查人添加）的问题；"
      "机器提出但被评查人不予认定的问题不计。";
  if (in.summary.provisional > 0)
    text += "其中 " + count(in.summary.provisional) +
            " 宗案卷尚有待定事项，其得分为暂定（评查表注明可能的范围）。";
  return text;
}

void scope_and_method(const ReportInput& in, Sections& sections, Content& out) {
  const RoundSummary& s = in.summary;
  out.push_back(sections.next("评查范围和方式"));
  const std::string streets = s.scope.empty() ? "街道未知"
                                              : count(static_cast<int>(s.scope.size())) +
                                                    " 个街道（" + join(s.scope, "、") + "）";
  out.push_back(paragraph("本轮" + mode_label(in.data.round.mode) + "范围：" + streets + "，共 " +
                          count(s.files) + " 宗案卷，其中已评查 " + count(s.audited) +
                          " 宗，无法读取 " + count(s.rejected) + " 宗。"));
  out.push_back(paragraph(
      std::string("评查方式：按检查清单逐卷核查文书是否齐全、期限、编号、内容一致性等事项，"
                  "每项发现注明规则、依据、证据和扣分；有否决项的案卷评为不合格。机器无法判断的事项"
                  "（签名、印章图像、手写内容等）") +
      (in.case_sheets ? "列入各案评查表的人工核对清单"
                      : "列为人工核对事项（XLSX「问题」表和 JSON 逐条列出）") +
      "，由人员逐项核对。"));
  if (in.data.draw) append_draw(in, out);
  out.push_back(paragraph(review_basis(in)));
}

void streets(const ReportInput& in, Sections& sections, Content& out) {
  const RoundSummary& s = in.summary;
  out.push_back(sections.next("各街道评查情况"));
  std::string overall = "平均得分 " + (s.mean_score ? format_score(*s.mean_score) : "—") + " 分";
  for (const std::string& g : s.grades) {
    int n = 0;
    for (const StreetRow& row : s.streets) n += row.grades.count(g) ? row.grades.at(g) : 0;
    overall += "，" + (g.empty() ? "未定等级" : g) + " " + count(n) + " 宗";
  }
  out.push_back(paragraph(overall + "；发现问题 " + count(s.problems) + " 项。"));
  std::vector<std::string> head = {"街道", "案卷数", "已评查", "无法读取", "平均分"};
  for (const std::string& g : s.grades) head.push_back(g.empty() ? "未定等级" : g);
  for (const char* h : {"已立案", "已结案", "问题数"}) head.push_back(h);
  std::vector<std::vector<std::string>> rows = {head};
  BarChart grades{"各街道案卷等级分布（宗）", {}, {}};
  for (const std::string& g : s.grades) grades.series.push_back({g.empty() ? "未定等级" : g, {}});
  for (const StreetRow& row : s.streets) {
    std::vector<std::string> r = {row.street, count(row.files), count(row.audited),
                                  count(row.rejected),
                                  row.mean_score ? format_score(*row.mean_score) : "—"};
    grades.categories.push_back(row.street);
    for (std::size_t k = 0; k < s.grades.size(); ++k) {
      const int n = row.grades.count(s.grades[k]) ? row.grades.at(s.grades[k]) : 0;
      r.push_back(count(n));
      grades.series[k].values.push_back(n);
    }
    for (int n : {row.filed, row.closed, row.problems}) r.push_back(count(n));
    rows.push_back(std::move(r));
  }
  out.push_back(table(std::move(rows)));
  out.push_back(chart(std::move(grades)));
  BarChart stages{"各阶段问题数（项）", {}, {{"问题数", {}}}};
  for (int stage = 1; stage <= 9; ++stage) {
    stages.categories.push_back(stage == 9 ? "未分阶段" : in.names.stage(stage));
    stages.series[0].values.push_back(s.problems_by_stage[stage == 9 ? 0 : stage]);
  }
  out.push_back(chart(std::move(stages)));
}

void problems(const ReportInput& in, Sections& sections, Content& out) {
  out.push_back(sections.next("典型问题（按出现次数排列）"));
  if (in.summary.problems_ranked.empty()) {
    out.push_back(paragraph("本轮未发现问题。"));
    return;
  }
  std::vector<std::vector<std::string>> rows = {
      {"序号", "规则", "问题示例", "依据", "严重程度", "次数", "案卷数", "示例案卷"}};
  int n = 0;
  for (const ProblemRow& p : in.summary.problems_ranked) {
    std::vector<std::string> examples;
    for (std::size_t i : p.examples) examples.push_back(case_label(in.data, i));
    rows.push_back({count(++n), p.rule, p.message, p.basis, severity_label(p.severity),
                    count(p.findings), count(p.cases), join(examples, "\n")});
  }
  out.push_back(table(std::move(rows), {1, 3, 6, 4, 2, 1, 1, 4}));
}

void rectification(const ReportInput& in, Sections& sections, Content& out) {
  out.push_back(sections.next("整改清单"));
  if (has_rectify_items(in.data)) {
    append_rectify_items(in, out);
    return;
  }
  if (in.summary.rectification.empty()) out.push_back(paragraph("本轮没有需要整改的问题。"));
  for (const auto& [street, items] : in.summary.rectification) {
    out.push_back(heading(street, 3));
    std::vector<std::vector<std::string>> rows = {{"序号", "案号", "严重程度", "整改要求"}};
    // One row per case and rule, as on the 评查表: repeated occurrences of a
    // rule in one case are listed in its row.
    std::vector<std::vector<const StreetProblem*>> groups;
    for (const StreetProblem& item : items) {
      auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& g) {
        return g.front()->case_index == item.case_index &&
               g.front()->finding->rule == item.finding->rule;
      });
      if (same == groups.end())
        groups.push_back({&item});
      else
        same->push_back(&item);
    }
    int n = 0;
    for (const auto& g : groups) {
      std::string text = advice(*g.front()->finding);
      if (g.size() > 1) {
        text = "共 " + count(static_cast<int>(g.size())) + " 处：";
        for (std::size_t k = 0; k < g.size(); ++k)
          text += "\n" + std::to_string(k + 1) + ". " + advice(*g[k]->finding);
      }
      rows.push_back({count(++n), case_label(in.data, g.front()->case_index),
                      severity_label(g.front()->finding->severity), text});
    }
    out.push_back(table(std::move(rows), {1, 4, 2, 9}));
  }
}

void comparison(const ReportInput& in, Sections& sections, Content& out) {
  out.push_back(sections.next("与上一轮比较"));
  const std::optional<Comparison>& c = in.summary.comparison;
  if (!c) {
    out.push_back(paragraph("没有街道范围相同的上一轮审查，本轮不作比较。"));
    return;
  }
  out.push_back(paragraph("上一轮：" + c->previous.name + "（" + c->previous.created_at + "）。" +
                          "新发现 " + count(c->counts[0]) + " 项，已整改 " + count(c->counts[1]) +
                          " 项，仍存在 " + count(c->counts[2]) + " 项，未复查 " +
                          count(c->counts[3]) + " 项。"));
  std::vector<std::vector<std::string>> rows = {{"变化", "案卷", "街道", "规则", "问题"}};
  for (const ChangeItem& item : c->items)
    rows.push_back(
        {change_label(item.change), item.case_key, item.street, item.rule, item.message});
  if (rows.size() > 1) out.push_back(table(std::move(rows), {2, 4, 2, 3, 7}));
}

// 各街道案件办理情况统计, when the statistics were computed (app/street_stats.h).
void street_stats(const ReportInput& in, Sections& sections, Content& out) {
  if (!in.summary.street_stats) return;
  StreetStatsView v = street_stats_view(*in.summary.street_stats);
  out.push_back(sections.next(kStreetStatsTitle));
  out.push_back(paragraph(std::move(v.note)));
  out.push_back(heading("（一）各街道", 3));
  out.push_back(table(std::move(v.streets)));
  out.push_back(heading("（二）各执法领域", 3));
  out.push_back(table(std::move(v.fields)));
  out.push_back(chart(std::move(v.chart)));
}

void verdicts(const ReportInput& in, Sections& sections, Content& out) {
  out.push_back(sections.next("结案意见"));
  std::vector<std::vector<std::string>> rows = {{"案卷", "意见", "理由"}};
  for (std::size_t i = 0; i < in.data.cases.size(); ++i) {
    const Verdict& v = in.summary.verdicts[i];
    rows.push_back({case_label(in.data, i), v.label(), join(v.reasons, "\n")});
  }
  out.push_back(table(std::move(rows), {4, 2, 9}));
}

}  // namespace

Block heading(std::string text, int level) {
  Block b;
  b.kind = Block::Kind::heading;
  b.level = level;
  b.text = std::move(text);
  return b;
}

Block paragraph(std::string text) {
  Block b;
  b.text = std::move(text);
  return b;
}

Block table(std::vector<std::vector<std::string>> rows, std::vector<int> weights, bool header) {
  Block b;
  b.kind = Block::Kind::table;
  b.rows = std::move(rows);
  b.weights = std::move(weights);
  b.header = header;
  return b;
}

Block chart(BarChart c) {
  Block b;
  b.kind = Block::Kind::chart;
  b.chart = std::move(c);
  return b;
}

Block page_break() {
  Block b;
  b.kind = Block::Kind::page_break;
  return b;
}

std::string procedure_label(const Text& procedure) {
  // The names of checklists/general/checklist.xml <procedures>, for reports
  // read back from a database without a checklist.
  if (procedure == "general") return "普通程序";
  if (procedure == "simple") return "简易程序";
  if (procedure == "no_penalty") return "不予处罚";
  if (procedure == "withdrawn") return "撤销立案";
  if (procedure == "transferred") return "移送司法机关";
  return procedure && !procedure->empty() ? *procedure : "未知";
}

std::string checklist_label(const RoundRun& run) {
  return run.checklist_id + " " + run.checklist_version + "（SHA-256 " + run.checklist_sha256 +
         "）";
}

Content notification_content(const ReportInput& in) {
  const bool self_check = in.data.round.mode == "self_check";
  Content out;
  out.push_back(heading(
      in.data.round.name + (self_check ? " 行政处罚案卷自查情况报告" : " 行政处罚案卷评查情况通报"),
      1));
  if (!in.case_sheets) out.push_back(paragraph(sheets_left_out_note(in.data.cases.size())));
  out.push_back(provenance(in.data));
  Sections sections;
  scope_and_method(in, sections, out);
  streets(in, sections, out);
  problems(in, sections, out);
  if (has_objections(in.data)) {
    out.push_back(sections.next("异议处理"));
    append_objections(in, out);
  }
  rectification(in, sections, out);
  comparison(in, sections, out);
  if (self_check) verdicts(in, sections, out);
  street_stats(in, sections, out);
  return out;
}

void append_case_content(const ReportInput& in, std::size_t i, Content& out) {
  out.push_back(page_break());
  if (i == 0) out.push_back(heading("附件：案卷评查表", 2));
  append_case_sheet(in, i, out);
}

}  // namespace auditor

// The parts of the reports that show the inspection record beyond the
// decisions: the draw (抽查), objections and their rulings (异议处理) and the
// rectification items with their re-check (整改), in the notification and on
// each case's sheet.
#include <map>

#include "reports/labels.h"
#include "reports/report_content.h"

namespace auditor {
namespace {

// "规则：问题" of the case's item `key` as it counts (or as the machine
// suggested it), else the key alone.
std::string finding_text(const RoundData& data, std::size_t i, const std::string& key) {
  if (data.reviewed.size() == data.cases.size() && data.reviewed[i])
    for (const ReviewedItem& item : data.reviewed[i]->items)
      if (item.key == key) {
        const Finding& f = item.counted ? *item.counted : item.machine;
        return f.rule + "：" + f.message;
      }
  return key;
}

// The labels of the must-check rules a drawn case matched, or 随机.
std::string why_drawn(const Draw& draw, const DrawnCase& c) {
  if (c.at_random()) return "随机抽取";
  std::string out = "必查：";
  for (std::size_t k = 0; k < c.why.size(); ++k) {
    std::string label = c.why[k];
    for (const MustCheckRule& r : draw.rules.rules)
      if (r.id == c.why[k]) label = r.label + "（" + r.id + "）";
    out += (k ? "；" : "") + label;
  }
  return out;
}

std::vector<std::string> objection_row(const RoundData& data, std::size_t i, const Objection& o,
                                       int n) {
  const Ruling* r = ruling_of(data.record(i), o.seq);
  return {std::to_string(n),
          case_label(data, i),
          finding_text(data, i, o.finding),
          (o.unit.empty() ? "" : o.unit + " ") + o.name + "\n" + day_of(o.objected_at),
          o.reason,
          r ? ruling_label(r->accepted) : "待处理",
          r ? r->reason : "",
          r ? r->name + "\n" + day_of(r->ruled_at) : ""};
}

const std::vector<std::string> kObjectionHead = {"序号", "案号",     "问题",     "异议人",
                                                 "理由", "处理结果", "处理理由", "处理人"};
const std::vector<int> kObjectionWeights = {1, 3, 5, 2, 4, 2, 4, 2};

std::vector<std::string> rectify_row(const RoundData& data, std::size_t i, const RecheckedItem& r,
                                     int n) {
  std::string status = r.status;
  if (!r.note.empty()) status += "\n" + r.note;
  return {std::to_string(n),
          case_label(data, i),
          r.item.rule + "：" + r.item.message,
          r.item.kind,
          r.item.owner,
          r.item.due + (r.overdue ? "\n已逾期" : ""),
          status,
          recheck_label(r.recheck)};
}

const std::vector<std::string> kRectifyHead = {"序号",   "案号", "问题",     "类型",
                                               "责任人", "期限", "整改情况", "复查结果"};
const std::vector<int> kRectifyWeights = {1, 3, 6, 2, 2, 2, 3, 2};

CaseRectification rechecked(const ReportInput& in, std::size_t i) {
  return recheck_case(in.data.record(i), in.data.cases[i].audit.findings, in.data.facts[i].run_id,
                      in.today);
}

}  // namespace

bool has_objections(const RoundData& data) {
  for (const Record& r : data.records)
    if (!r.objections.empty()) return true;
  return false;
}

bool has_rectify_items(const RoundData& data) {
  for (const Record& r : data.records)
    if (!r.rectify_items.empty()) return true;
  return false;
}

void append_draw(const ReportInput& in, Content& out) {
  const Draw& draw = *in.data.draw;
  int must = 0;
  for (const DrawnCase& c : draw.cases) must += c.at_random() ? 0 : 1;
  // Every case is in `data` unless keep_drawn left the drawn ones only.
  const std::size_t submitted = in.data.submitted ? in.data.submitted : in.data.cases.size();
  std::string text = "抽查：本轮各街道共提交 " + std::to_string(submitted) +
                     " 宗案卷，按评查计划每个街道随机抽取 " + std::to_string(draw.per_street) +
                     " 宗，另抽取必查案卷 " + std::to_string(must) + " 宗，共 " +
                     std::to_string(draw.cases.size()) + " 宗；随机种子「" + draw.seed +
                     "」，必查规则 " + draw.rules.id + " " + draw.rules.version + "（SHA-256 " +
                     draw.rules.sha256 +
                     "）。抽取方法：各街道案卷按「种子、换行、案号（无案号时为压缩包路径）」"
                     "的 SHA-256 值从小到大排列，取前 " +
                     std::to_string(draw.per_street) + " 宗，任何人可用同一种子复算。";
  if (!draw.excluded.empty())
    text += "另有 " + std::to_string(draw.excluded.size()) +
            " 宗因无法读取、街道或结案日期不明未纳入抽取范围。";
  text += "抽取人：" + draw.by + "，" + day_of(draw.at) + "。";
  out.push_back(paragraph(text));
  std::vector<std::vector<std::string>> rows = {{"序号", "街道", "案号", "抽取方式", "评查人员"}};
  int n = 0;
  for (const DrawnCase& c : draw.cases) {
    const Assignment* a = in.data.assignment(c.key);
    rows.push_back({std::to_string(++n), c.street, c.key, why_drawn(draw, c),
                    a ? inspector_text(a->inspector) : "未分配"});
  }
  out.push_back(table(std::move(rows), {1, 2, 4, 5, 3}));
}

void append_objections(const ReportInput& in, Content& out) {
  std::vector<std::vector<std::string>> rows = {kObjectionHead};
  int n = 0, accepted = 0, pending = 0;
  for (std::size_t i = 0; i < in.data.cases.size() && i < in.data.records.size(); ++i)
    for (const Objection& o : in.data.records[i].objections) {
      rows.push_back(objection_row(in.data, i, o, ++n));
      const Ruling* r = ruling_of(in.data.records[i], o.seq);
      accepted += r && r->accepted ? 1 : 0;
      pending += r ? 0 : 1;
    }
  out.push_back(paragraph("被评查单位提出异议 " + std::to_string(n) + " 项，经复核采纳 " +
                          std::to_string(accepted) + " 项（不再计分），不予采纳 " +
                          std::to_string(n - accepted - pending) + " 项，待处理 " +
                          std::to_string(pending) + " 项。"));
  out.push_back(table(std::move(rows), kObjectionWeights));
}

void append_rectify_items(const ReportInput& in, Content& out) {
  std::map<std::string, std::vector<std::vector<std::string>>> by_street;
  int total = 0, overdue = 0, done = 0;
  for (std::size_t i = 0; i < in.data.cases.size() && i < in.data.records.size(); ++i) {
    if (in.data.records[i].rectify_items.empty()) continue;
    const CaseRectification r = rechecked(in, i);
    auto& rows = by_street[street_label(in.data.facts[i])];
    for (const RecheckedItem& item : r.items) {
      rows.push_back(rectify_row(in.data, i, item, static_cast<int>(rows.size()) + 1));
      ++total;
      overdue += item.overdue ? 1 : 0;
      done += item.status == kRectifyDone ? 1 : 0;
    }
  }
  out.push_back(paragraph("本轮下达整改事项 " + std::to_string(total) + " 项，已报整改完成 " +
                          std::to_string(done) + " 项，截至 " + in.today + " 逾期未完成 " +
                          std::to_string(overdue) + " 项。"));
  for (auto& [street, rows] : by_street) {
    out.push_back(heading(street, 3));
    rows.insert(rows.begin(), kRectifyHead);
    out.push_back(table(std::move(rows), kRectifyWeights));
  }
}

void append_case_record(const ReportInput& in, std::size_t i, Content& out) {
  const Record& record = in.data.record(i);
  if (!record.objections.empty()) {
    out.push_back(heading("异议及处理", 3));
    std::vector<std::vector<std::string>> rows = {kObjectionHead};
    int n = 0;
    for (const Objection& o : record.objections) rows.push_back(objection_row(in.data, i, o, ++n));
    out.push_back(table(std::move(rows), kObjectionWeights));
  }
  if (record.rectify_items.empty()) return;
  out.push_back(heading("整改事项", 3));
  const CaseRectification r = rechecked(in, i);
  std::vector<std::vector<std::string>> rows = {kRectifyHead};
  int n = 0;
  for (const RecheckedItem& item : r.items) rows.push_back(rectify_row(in.data, i, item, ++n));
  out.push_back(table(std::move(rows), kRectifyWeights));
  if (!r.new_findings.empty()) {
    std::string text = "复查新发现：";
    for (const std::string& key : r.new_findings) text += "\n" + finding_text(in.data, i, key);
    out.push_back(paragraph(text));
  }
}

}  // namespace auditor

#include "reports/report_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "reports/labels.h"

namespace auditor {
std::string Vocabulary::doc_type(const Text& id) const {
  if (!id) return "未识别";
  auto it = doc_types.find(*id);
  return it == doc_types.end() ? *id : it->second;
}

std::string Vocabulary::stage(std::optional<int> n) const {
  if (!n) return "未分阶段";
  auto it = stages.find(*n);
  return "第" + std::to_string(*n) + "阶段" + (it == stages.end() ? "" : " " + it->second);
}

Vocabulary vocabulary(const Checklist& checklist) {
  Vocabulary v;
  for (const DocType& t : checklist.doc_types) v.doc_types[t.id] = t.name;
  for (const Stage& s : checklist.stages) v.stages[s.number] = s.name;
  return v;
}

std::string format_score(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", score);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

bool is_problem(const Finding& f) {
  return f.severity == "veto" || f.severity == "major" || f.severity == "minor";
}

// What a required-document message says is missing: the words after
// "缺少" up to the next "，" "；" or "。", else the first 《…》; empty when
// neither is there.
std::string missing_part(const std::string& message) {
  const std::string lacks = "缺少";
  if (std::size_t at = message.find(lacks); at != std::string::npos) {
    std::size_t from = at + lacks.size(), to = message.size();
    for (const char* stop : {"，", "；", "。"}) to = std::min(to, message.find(stop, from));
    if (to > from) return message.substr(from, to - from);
  }
  const std::size_t open = message.find("《");
  const std::size_t close = open == std::string::npos ? open : message.find("》", open);
  if (close == std::string::npos) return {};
  return message.substr(open, close + std::string("》").size() - open);
}

std::string advice(const Finding& f) {
  if (f.kind == "missing_document") {
    const std::string missing = missing_part(f.message);
    return missing.empty() ? "请补充：" + f.message : "请补充" + missing;
  }
  if (f.kind == "manual_check") return "请人工核对：" + f.message;
  return "请核实并整改：" + f.message;
}

Verdict closing_verdict(const Case& c, const std::vector<Finding>& findings) {
  Verdict v;
  if (c.rejected) v.reasons.push_back("案卷无法读取：" + c.error);
  for (const Finding& f : findings)
    if (f.severity == "veto" || f.severity == "major")
      v.reasons.push_back("【" + severity_label(f.severity) + "】" + f.message);
  v.can_close = v.reasons.empty();
  return v;
}

}  // namespace auditor

#include "auditor/round.h"

namespace auditor {

Result<std::string> round_mode(const std::string& value) {
  if (value == "inspection") return std::string("inspection");
  if (value == "self-check" || value == "self_check") return std::string("self_check");
  return Error{"审查方式只能是 inspection（部门检查）或 self-check（街道自查），不能是「" + value +
               "」"};
}

std::string mode_label(const std::string& mode) {
  return mode == "self_check" ? "街道自查" : "部门检查";
}

std::string default_round_name(const std::string& date) { return date + " 审查"; }

const RoundRun* RoundData::run(long long id) const {
  for (const RoundRun& r : runs)
    if (r.id == id) return &r;
  return nullptr;
}

void review_round(RoundData& data, const Checklist& checklist) {
  data.reviewed.clear();
  if (!data.has_record()) return;
  data.reviewed.resize(data.cases.size());
  for (std::size_t i = 0; i < data.cases.size() && i < data.records.size(); ++i) {
    const CaseResult& r = data.cases[i];
    if (r.c.rejected) continue;
    const Record& record = data.records[i];
    data.reviewed[i] = review_case(r.audit, decisions_of(record), added_of(record), checklist);
  }
}

const Record& RoundData::record(std::size_t i) const {
  static const Record kNone;
  return has_record() ? records[i] : kNone;
}

const Assignment* RoundData::assignment(const std::string& key) const {
  for (auto it = assignments.rbegin(); it != assignments.rend(); ++it)
    if (it->key == key) return &*it;
  return nullptr;
}

void keep_drawn(RoundData& data) {
  if (!data.draw) return;
  data.submitted = data.cases.size();
  std::size_t kept = 0;
  for (std::size_t i = 0; i < data.cases.size(); ++i) {
    if (!data.draw->find(case_key(data.facts[i].case_number, data.cases[i].c.archive))) continue;
    if (kept != i) {
      data.cases[kept] = std::move(data.cases[i]);
      data.facts[kept] = std::move(data.facts[i]);
      if (i < data.records.size()) data.records[kept] = std::move(data.records[i]);
      if (i < data.reviewed.size()) data.reviewed[kept] = std::move(data.reviewed[i]);
    }
    ++kept;
  }
  data.cases.resize(kept);
  data.facts.resize(kept);
  if (!data.records.empty()) data.records.resize(kept);
  if (!data.reviewed.empty()) data.reviewed.resize(kept);
}

}  // namespace auditor

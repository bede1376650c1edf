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

}  // namespace auditor

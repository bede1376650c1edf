// Rule kind condition: a case condition (conditions.h) that is itself a
// defect, e.g. a simple-procedure fine above the on-the-spot limit.
// Params: condition=NAME (fails when it is yes), document=TYPE (optional, the
// type a finding is about). Message placeholders: {why} {question}.
#include "auditor/kind_helpers.h"
#include "auditor/rule_kinds.h"

namespace auditor {

Outcome check_condition(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string name = rule_param(r, "condition");
  auto it = ctx.conditions.find(name);
  if (it == ctx.conditions.end() || it->second.value == Tri::unknown) return Outcome::not_checkable;
  if (it->second.value == Tri::no) return Outcome::passed;
  Finding f = finding_for(r, "condition");
  if (const std::string type = rule_param(r, "document"); !type.empty()) f.document = type;
  f.message =
      fill_message(r.message, {{"why", it->second.why}, {"question", condition_question(name)}});
  f.evidence = {condition_question(name) + "——是（" + it->second.why + "）"};
  out.push_back(std::move(f));
  return Outcome::failed;
}

std::string validate_condition(const Rule& r, const Checklist& cl) {
  if (std::string bad = check_param_names(r, {"condition", "document"}); !bad.empty()) return bad;
  const std::string name = rule_param(r, "condition");
  if (!is_condition_name(name)) return "condition 参数须为已知的条件名，实为“" + name + "”";
  if (const std::string type = rule_param(r, "document"); !type.empty() && !cl.doc_type(type))
    return "未知的文书类型 " + type;
  return {};
}

}  // namespace auditor

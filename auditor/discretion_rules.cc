// Shared by the substance kinds: params, the decisions they read, and the
// tables' loading by kind.
#include "auditor/discretion_rules.h"

#include "auditor/discretion.h"
#include "auditor/kind_helpers.h"
#include "auditor/provision_table.h"
#include "auditor/remedy.h"

namespace auditor {

bool is_substance_kind(const std::string& kind) {
  return kind == "discretion" || kind == "provision_table" || kind == "remedy";
}

std::string load_substance_table(const std::string& kind, const std::string& path,
                                 std::string& sha256) {
  if (kind == "discretion") {
    Result<DiscretionTable> t = load_discretion(path);
    if (!t) return t.error();
    sha256 = t->sha256;
  } else if (kind == "provision_table") {
    Result<ProvisionTable> t = load_provision_table(path);
    if (!t) return t.error();
    sha256 = t->sha256;
  } else {
    Result<RemedyTable> t = load_remedy(path);
    if (!t) return t.error();
    sha256 = t->sha256;
  }
  return {};
}

namespace substance {

std::string validate(const Rule& r, const Checklist& cl,
                     std::initializer_list<std::string_view> checks) {
  if (std::string bad = check_param_names(r, {"table", "table_sha256", "documents", "check"});
      !bad.empty())
    return bad;
  if (rule_param(r, "table").empty())
    return "须有参数 table（数据表文件或目录，相对于检查清单目录）";
  const std::string check = rule_param(r, "check");
  if (checks.size() > 0) {
    bool ok = false;
    for (std::string_view c : checks) ok = ok || c == check;
    if (!ok) return "check 参数无效：“" + check + "”";
  } else if (!check.empty()) {
    return "规则类型 " + r.kind + " 不接受参数 check";
  }
  return unknown_doc_type(split_list(rule_param(r, "documents", "penalty_decision")), cl);
}

std::vector<const Document*> decisions(const Rule& r, const Case& c) {
  std::vector<const Document*> out;
  for (const Document* d :
       documents_of(c, split_list(rule_param(r, "documents", "penalty_decision"))))
    if (readable(*d)) out.push_back(d);
  return out;
}

}  // namespace substance

std::string validate_discretion(const Rule& r, const Checklist& cl) {
  return substance::validate(r, cl, {"range", "band", "justify"});
}
std::string validate_provision_table(const Rule& r, const Checklist& cl) {
  return substance::validate(r, cl, {});
}
std::string validate_remedy(const Rule& r, const Checklist& cl) {
  return substance::validate(r, cl, {});
}

}  // namespace auditor

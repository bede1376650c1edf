#include "auditor/rule_kinds.h"

#include <array>

namespace auditor {
namespace {

const std::array<RuleKind, 3> kRuleKinds = {{
    {"import_issue", "导入时无法读取或有问题的文件（损坏、加密、格式不支持、文件名无法解码等）",
     check_import_issues, validate_no_params, nullptr, true},
    {"no_text", "文本格式的文书（DOCX、OFD、PDF）中无可提取文本（扫描件或仅有图形），须人工阅读",
     check_text_extracted, validate_no_params, nullptr, true},
    {"required_document", "某阶段必备的文书须在卷内（可附条件：仅在 when 条件成立时要求）",
     check_required_document, validate_required_document, required_document_hint, false},
}};

}  // namespace

std::span<const RuleKind> rule_kinds() { return kRuleKinds; }

const RuleKind* find_rule_kind(std::string_view name) {
  for (const RuleKind& k : kRuleKinds)
    if (name == k.name) return &k;
  return nullptr;
}

Finding finding_for(const Rule& rule, std::string kind) {
  Finding f;
  f.rule = rule.id;
  f.kind = std::move(kind);
  f.severity = rule.severity;
  f.stage = rule.stage;
  f.basis = rule.basis;
  f.deduction = rule.deduction;
  return f;
}

std::string fill_message(std::string_view tmpl, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const std::size_t open = tmpl.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(i, open - i));
    auto it = values.find(std::string(tmpl.substr(open + 1, close - open - 1)));
    if (it != values.end()) {
      out += it->second;
    } else {
      out.append(tmpl.substr(open, close - open + 1));
    }
    i = close + 1;
  }
  out.append(tmpl.substr(std::min(i, tmpl.size())));
  return out;
}

std::string check_param_names(const Rule& rule, std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : rule.params) {
    bool ok = false;
    for (std::string_view a : allowed) ok = ok || name == a;
    if (!ok) return "规则类型 " + rule.kind + " 不接受参数 " + name;
  }
  return {};
}

std::string validate_no_params(const Rule& rule, const Checklist&) {
  return check_param_names(rule, {});
}

}  // namespace auditor

#include "reports/labels.h"

#include <map>

namespace auditor {
namespace {

std::string lookup(const std::map<std::string, std::string>& table, const std::string& key) {
  auto it = table.find(key);
  return it == table.end() ? key : it->second;
}

}  // namespace

std::string severity_label(const std::string& severity) {
  static const std::map<std::string, std::string> table = {
      {"veto", "否决项"}, {"major", "重大"}, {"minor", "一般"}, {"info", "提示"}};
  return lookup(table, severity);
}

std::string kind_label(const std::string& kind) {
  static const std::map<std::string, std::string> table = {
      {"import", "导入"},         {"missing_document", "文书缺失"},
      {"deadline", "期限"},       {"numbering", "编号"},
      {"consistency", "一致性"},  {"officers", "执法人员"},
      {"seal", "印章"},           {"signature", "签名"},
      {"order", "顺序"},          {"manual_check", "人工核对"}};
  return lookup(table, kind);
}

}  // namespace auditor

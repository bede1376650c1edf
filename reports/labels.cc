#include "reports/labels.h"
#include "util/utf8.h"

#include <map>
#include <vector>

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
      {"import", "导入"},        {"missing_document", "文书缺失"},
      {"deadline", "期限"},      {"numbering", "编号"},
      {"consistency", "一致性"}, {"officers", "执法人员"},
      {"seal", "印章"},          {"signature", "签名"},
      {"order", "顺序"},         {"manual_check", "人工核对"}};
  return lookup(table, kind);
}

std::string first_title_line(const std::string& title) {
  constexpr std::size_t kMaxCodePoints = 40;
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= title.size() && lines.size() < 3;) {
    std::size_t end = title.find('\n', start);
    if (end == std::string::npos) end = title.size();
    std::string line = title.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (!line.empty()) lines.push_back(std::move(line));
    start = end + 1;
  }
  if (lines.empty()) return {};
  auto organ = [](const std::string& line) {
    return line.ends_with("办事处") || line.ends_with("人民政府") || line.ends_with("街道") ||
           line.ends_with("局");
  };
  std::size_t k = 0;  // past the organ's lines (one or two: 广州市海珠区人民政府 / 赤岗街道办事处)
  while (k + 1 < lines.size() && organ(lines[k])) ++k;
  std::string out = lines[k];
  std::size_t i = 0;
  for (std::size_t cps = 0; i < out.size() && cps < kMaxCodePoints; ++cps) next_code_point(out, i);
  if (i < out.size()) out = out.substr(0, i) + "…";
  return out;
}

}  // namespace auditor

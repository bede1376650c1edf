#include "auditor/kind_helpers.h"

#include <algorithm>

#include "auditor/rule_kinds.h"
#include "util/text_match.h"

namespace auditor {

std::string rule_param(const Rule& r, std::string_view name, std::string fallback) {
  auto it = r.params.find(std::string(name));
  return it == r.params.end() ? fallback : it->second;
}

std::vector<std::string> split_list(std::string_view list) {
  std::string s(list);
  for (std::size_t p; (p = s.find("、")) != std::string::npos;) s.replace(p, 3, ",");
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    std::string item = s.substr(start, comma - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) out.push_back(item);
    start = comma + 1;
  }
  return out;
}

std::string bad_count(const Rule& r, std::string_view name) {
  auto it = r.params.find(std::string(name));
  if (it == r.params.end()) return {};
  const std::string& v = it->second;
  const bool ok = !v.empty() && v.size() <= 2 && v[0] != '0' &&
                  std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  return ok ? std::string() : std::string(name) + " 参数须为 1 至 99 的整数：" + v;
}

std::string unknown_doc_type(const std::vector<std::string>& ids, const Checklist& cl) {
  for (const std::string& id : ids)
    if (!cl.doc_type(id)) return "未知的文书类型 " + id;
  return {};
}

std::string doc_title(const Checklist& cl, const std::string& type) {
  const DocType* t = cl.doc_type(type);
  return "《" + (t ? t->name : type) + "》";
}

std::string doc_label(const Checklist& cl, const Document& d) {
  return (d.type ? doc_title(cl, *d.type) : std::string("未识别文书")) + "（" + d.path + "）";
}

void add_unknown_documents(const Case& c, std::vector<std::string>& evidence) {
  constexpr std::size_t kMaxListed = 10;
  std::vector<std::string> unknown;
  for (const Document& d : c.documents)
    if (!d.type) unknown.push_back(d.path);
  if (unknown.empty()) return;
  std::string line =
      "未能识别类型的文书 " + std::to_string(unknown.size()) + " 份，可能包含所缺文书：";
  for (std::size_t i = 0; i < unknown.size() && i < kMaxListed; ++i)
    line += (i ? "、" : "") + unknown[i];
  if (unknown.size() > kMaxListed) line += "等";
  evidence.push_back(line);
}

bool readable(const Document& d) { return d.has_text && !d.text.empty(); }

std::vector<const Document*> documents_of(const Case& c, const std::vector<std::string>& types) {
  std::vector<const Document*> out;
  for (const Document& d : c.documents)
    if (d.type && std::find(types.begin(), types.end(), *d.type) != types.end()) out.push_back(&d);
  return out;
}

Finding manual_finding(const Rule& r, std::string message) {
  Finding f = finding_for(r, "manual_check");
  f.severity = "info";
  f.deduction = 0;
  f.message = std::move(message);
  return f;
}

std::string fold(std::string_view s) {
  std::string out = normalize_for_match(s);
  std::replace(out.begin(), out.end(), '(', '[');
  std::replace(out.begin(), out.end(), ')', ']');
  return out;
}

}  // namespace auditor

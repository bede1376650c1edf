#include "store/statement.h"

#include <nlohmann/json.hpp>

namespace auditor {

std::vector<std::string> parse_evidence(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return {text};
  std::vector<std::string> out;
  for (const auto& item : j)
    out.push_back(item.is_string() ? item.get<std::string>() : item.dump());
  return out;
}

Finding finding_row(const Statement& rows, int first) {
  Finding f;
  f.rule = rows.text(first);
  f.kind = rows.text(first + 1);
  f.severity = rows.text(first + 2);
  f.stage = rows.opt_int(first + 3);
  f.document = rows.opt_text(first + 4);
  f.message = rows.text(first + 5);
  f.basis = rows.text(first + 6);
  f.evidence = parse_evidence(rows.text(first + 7));
  f.deduction = rows.real(first + 8);
  return f;
}

Document document_row(const Statement& rows, int first) {
  Document d;
  d.path = rows.text(first);
  d.format = rows.text(first + 1);
  d.type = rows.opt_text(first + 2);
  d.stage = rows.opt_int(first + 3);
  d.number = rows.opt_text(first + 4);
  d.date = rows.opt_text(first + 5);
  d.pages = rows.opt_int(first + 6);
  d.seal = rows.opt_text(first + 7);
  d.has_text = rows.integer(first + 8) != 0;
  d.title = rows.text(first + 9);
  return d;
}

}  // namespace auditor

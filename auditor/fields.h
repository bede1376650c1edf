// The enforcement-field map (执法领域对照表, docs/formats/fields.md): which
// field (城市管理, 市场监管, …) a case belongs to, from the names of the laws
// its decision cites (`provision` facts, docs/facts.md). Data, not code: a
// list of name patterns read in file order, the first that a law's name
// contains wins; laws that say nothing about the field (the 行政处罚法) are
// listed to be skipped; a case that no law places gets the default field.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace auditor {

struct FieldPattern {
  std::string pattern;  // a part of a law's name, e.g. "城乡规划"
  std::string field;    // empty: the law is skipped (<ignore>)
  int line = 0;         // in the file, for messages
};

struct FieldMap {
  std::string id, version;
  std::vector<std::string> fields;     // declared, in display order
  std::string default_field;           // one of `fields`
  std::vector<FieldPattern> patterns;  // in file order

  // The field of one law name ("《中华人民共和国食品安全法》" or without 《》):
  // the field of the first pattern it contains; "" when the first matching
  // pattern is an <ignore> or none matches.
  std::string field_of_law(std::string_view law) const;
  // The field of a case from its provisions in citation order
  // ("《…》第X条…"): the first law that field_of_law places; else the default.
  std::string field_of(const std::vector<std::string>& provisions) const;
};

// The law's name of a provision value: "《城乡规划法》第六十四条" → "城乡规划法";
// the whole value when it has no 《》.
std::string law_of_provision(std::string_view provision);

// Parses a <fields> file; fails with "<label>:<line>: <reason>" on malformed
// XML, another root, an unknown element or attribute, an empty pattern, a
// pattern listed twice, a field not declared or declared twice, or a missing
// default.
Result<FieldMap> parse_field_map(const std::string& label, std::string bytes);
// Reads and parses `file` (at most 1 MB).
Result<FieldMap> load_field_map(const std::filesystem::path& file);

}  // namespace auditor

// Case numbers (案号) and document numbers (文号) of the district numbering
// rule (docs/formats/checklist.md, "<numbering>"): the patterns, street codes
// and internal forms loaded from checklist data, and a tolerant parser that
// splits a number as written into its parts and names each defect.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace auditor {

// A number pattern reduced to its literal parts. The loader accepts only the
// shape PREFIX{街道代字}AGENCY KIND OPEN{年}CLOSE{序号}SUFFIX, where KIND is
// a literal (立 for case numbers) or {文书简称} (then `kind` is empty).
struct NumberPattern {
  std::string text;  // as written in the data, e.g. 穗海{街道代字}综执立〔{年}〕{序号}号
  std::string prefix;  // 穗海
  std::string agency;  // 综执
  std::string kind;    // 立; empty when the pattern takes {文书简称}
  std::string open;    // 〔 (one character)
  std::string close;   // 〕 (one character)
  std::string suffix;  // 号
};

struct StreetCode {
  std::string street;  // 南华西
  std::string code;    // 南华 (街道代字)
};

struct InternalForm {
  std::string type;    // document type id that must carry the case number
  std::string source;  // file:line of the entry, for errors
};

// The <numbering> data of a checklist. `source` is empty when the checklist
// has no numbering file; numbering rules then fail to load.
struct Numbering {
  std::string source;  // file:line of the root element
  NumberPattern case_pattern;
  NumberPattern document_pattern;
  std::string organ_template;  // 广州市海珠区人民政府{街道}街道办事处
  std::vector<StreetCode> streets;
  std::vector<InternalForm> internal_forms;

  const StreetCode* by_code(std::string_view code) const;
  // Accepts the street's name with or without 街道/街/街道办事处, or the
  // full organ name.
  const StreetCode* by_street(std::string_view street) const;
  bool is_internal_form(std::string_view type) const;
  // The street whose organ name (organ_template filled in) occurs in
  // `text`; nullptr when none does or when two different ones do.
  const StreetCode* organ_in(std::string_view text) const;
};

// Patterns from their text, or nullopt when the text does not have the
// accepted shape. A case pattern's KIND is what follows `agency` (the
// document pattern's agency) before the year's bracket.
std::optional<NumberPattern> parse_document_pattern(const std::string& text);
std::optional<NumberPattern> parse_case_pattern(const std::string& text, const std::string& agency);

// One defect of a written number. `part` is one of: prefix street agency
// abbreviation brackets year serial suffix (the names the rules' `defects`
// param selects); `message` is Chinese and names the offending text.
struct NumberDefect {
  std::string part;
  std::string message;
};

// A number split into its parts. Parts not found stay empty / nullopt; each
// departure from the pattern is one defect.
struct ParsedNumber {
  std::string written;
  std::string street_code;  // as written between prefix and agency
  std::string kind;         // 立 or the abbreviation, without a trailing 字
  std::string open, close;  // the year's brackets as written (may be empty)
  std::optional<int> year;
  std::optional<long long> serial;
  std::vector<NumberDefect> defects;

  bool has_defect(std::string_view part) const;
  // "code|kind|year|serial" when all four are known, else empty: numbers
  // with equal keys are the same number whatever the bracket or zeros.
  std::string key() const;
};

// The defect part names, in a fixed order.
const std::vector<std::string>& defect_parts();

// Parses `written` (whitespace is ignored; full-width digits are read) by
// `pattern`. For a document pattern `abbreviations` are the known 文书简称;
// a case pattern ignores them. Never throws; any string yields a result.
ParsedNumber parse_number(std::string_view written, const NumberPattern& pattern,
                          const Numbering& numbering,
                          const std::vector<std::string>& abbreviations);

}  // namespace auditor

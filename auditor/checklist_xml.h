// Internal to the checklist loader: one XML data file with the positions
// needed for "<file>:<line>: <reason>" errors, and the section parsers that
// fill a Checklist from it. Not part of the public contract (checklist.h).
#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "auditor/checklist.h"
#include "util/status.h"

namespace auditor::checklist_xml {

// One parsed data file. `label` is the path shown in errors; `relative` is
// the path inside the checklist folder, used in Rule::source.
class DataFile {
 public:
  // Parses `bytes`; fails with "<label>:<line>: XML 格式错误：..." .
  Status parse(std::string label, std::string relative, std::string bytes);

  const pugi::xml_node root() const { return doc_.document_element(); }
  const std::string& label() const { return label_; }
  int line_of(const pugi::xml_node& node) const;
  std::string where(const pugi::xml_node& node) const;   // "<label>:<line>"
  std::string source(const pugi::xml_node& node) const;  // "<relative>:<line>"
  Status fail(const pugi::xml_node& node, const std::string& reason) const;
  // Fails (file:line) on an attribute of `node` not in `attributes`, a child
  // element not in `children`, or text beside the allowed child elements.
  Status shape(const pugi::xml_node& node, std::initializer_list<std::string_view> attributes,
               std::initializer_list<std::string_view> children) const;

  // Attribute readers; a missing or malformed value fails naming the line.
  Status text_attr(const pugi::xml_node& node, const char* name, std::string& out) const;
  Status int_attr(const pugi::xml_node& node, const char* name, int& out) const;
  Status number_attr(const pugi::xml_node& node, const char* name, double& out) const;

 private:
  int line_at(std::ptrdiff_t offset) const;

  std::string label_;
  std::string relative_;
  std::string bytes_;
  pugi::xml_document doc_;
};

// Where each id was first defined, to report duplicates across files.
using IdIndex = std::map<std::string, std::string>;

struct Defined {
  IdIndex rules;
  IdIndex doc_types;
  IdIndex stages;
  bool has_header = false;
};

// `s` without leading and trailing whitespace.
std::string trimmed(std::string s);

// Section parsers, one per root element: <checklist>, <doctypes>, <rules>.
Status parse_header(const DataFile& f, Checklist& out, Defined& seen);
Status parse_doc_types(const DataFile& f, Checklist& out, Defined& seen);
Status parse_rules(const DataFile& f, Checklist& out, Defined& seen);
// <seals>: the seal register (checklist_seals.cc); at most one per checklist.
Status parse_seals(const DataFile& f, Checklist& out);
// <numbering>: numbering patterns and street codes (checklist_numbering.cc);
// at most one per checklist.
Status parse_numbering(const DataFile& f, Checklist& out);
// <calendar file="..."/> in <checklist>: loads the working-day calendar,
// resolved relative to the checklist file (checklist_dates.cc).
Status parse_calendar(const DataFile& f, const pugi::xml_node& n, Checklist& out);
// <procedures> in <checklist> (checklist_procedures.cc).
Status parse_procedures(const DataFile& f, const pugi::xml_node& n, Checklist& out);
// Once every file is read: evidence types and every rule's procedures= name
// known procedures; without <procedures> no rule may name one.
Status validate_procedures(const Checklist& cl, const std::filesystem::path& dir);
// A rule's since= / until= attributes (ISO dates, since < until).
Status parse_rule_period(const DataFile& f, const pugi::xml_node& n, Rule& r);

// Cross-file checks once every file is read: rule kinds, document type ids
// in params, condition names, stage ranges. `dir` prefixes Rule::source.
Status validate(const Checklist& cl, const std::filesystem::path& dir);

}  // namespace auditor::checklist_xml

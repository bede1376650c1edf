// Substance tables (docs/formats/discretion.md): the provisions the tool
// knows, by law version (this file), the discretion standard per provision
// (auditor/discretion.h) and the district's remedy sentence (auditor/remedy.h).
// Each is a data file the district supplies; the bundled ones are samples.
// The rules reach a table through their `table` param (a path relative to the
// checklist folder), made absolute and loaded by app/checklist_load.cc.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/date.h"
#include "util/status.h"

namespace auditor {

// A `provision` fact (docs/facts.md) read back: 《法名》第X条[第X款][第（X）项].
struct Citation {
  std::string law;  // law_key() of the name
  std::string written;
  int article = 0;
  int paragraph = 0;  // 0: not cited
  int item = 0;       // 0: not cited
};
std::optional<Citation> parse_citation(std::string_view provision);
// A law's name for matching: without 《》, whitespace, a leading 中华人民共和国
// and bracketed notes such as （2021年修订）.
std::string law_key(std::string_view name);
// "第五十一条第一款第（二）项" style, Arabic numerals: "第51条第1款第（2）项".
std::string citation_text(const Citation& c);

struct LawVersion {
  std::optional<Date> from, until;  // in force in [from, until)
  int articles = 0;                 // its last article; 0: not checked
  std::string note;                 // 2021年修订
  std::string source;               // file:line
};

// One article whose meaning or existence changed: it exists in [from, until).
struct ArticleSpan {
  int number = 0;
  std::optional<Date> from, until;
  std::string key;  // a short text key (当场处罚的条件)
  std::string source;
};

struct KnownLaw {
  std::string name;               // as the table writes it
  std::vector<std::string> keys;  // law_key of the name and its aliases
  // Which date a citation is judged at: "violation" (substantive law: the
  // act's date, else the decision's) or "decision" (procedural law).
  std::string judged = "violation";
  bool example = false;
  std::vector<LawVersion> versions;
  std::vector<ArticleSpan> articles;
  std::string source;
};

struct ProvisionTable {
  std::string id, version, name;
  std::vector<KnownLaw> laws;
  std::string file, sha256;
  const KnownLaw* law(std::string_view key) const;  // by law_key; nullptr if unknown
};

// Why a citation of `law` was not in force on `day` (Chinese), or "" when it
// was. `law` must be the citation's law.
std::string not_in_force(const KnownLaw& law, const Citation& c, Date day);

// One <provisions> file; errors "<file>:<line>: <reason>".
Result<ProvisionTable> load_provision_table(const std::filesystem::path& file);

// The loaded table a rule's (absolute) `table` param names, cached per path
// and digest for the process; nullptr when it does not load.
std::shared_ptr<const ProvisionTable> provision_table_at(const std::string& path,
                                                         const std::string& sha256);

}  // namespace auditor

// The scope tables (docs/formats/scope.md): which cases need a collective
// discussion (案件会审 / 集体讨论, 行政处罚法第五十七条第二款) and which a legal
// review (法制审核, 第五十八条) — by penalty kind, fine or confiscation
// threshold per party kind, hearing, 不予/减轻 decisions, withdrawn filings,
// 情节复杂. Data with its own version: a district default table and per-street
// tables whose entries replace or remove the default's entries of the same id.
// No number is code: every threshold is an entry's attribute.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/status.h"

namespace auditor {

// What an entry puts a case in scope of.
enum class ScopeNeed { discussion, legal_review };

// One named criterion: a case that meets it needs what `needs` says.
struct ScopeEntry {
  std::string id;    // stable within its table; a street entry replaces the default's
  std::string name;  // Chinese, e.g. 对公民处以一万元以上罚款
  bool discussion = false;
  bool legal_review = false;
  // penalty fine confiscation hearing hearing_eligible no_penalty mitigated
  // withdrawn complex
  std::string test;
  std::vector<std::string> kinds;  // penalty: canonical kinds (penalty_kinds())
  std::string party = "any";       // fine, confiscation: citizen organisation any
  double min = 0;                  // fine, confiscation: yuan, at or above
  // complex: what an undecidable case is: "manual" (a manual check) or "no"
  // (the district counts only what a document or the manifest states).
  std::string undecided = "manual";
  std::string source;  // file:line
  bool needs(ScopeNeed n) const { return n == ScopeNeed::discussion ? discussion : legal_review; }
};

// One file: the district default (id set) or a street's table (street set).
struct ScopeTable {
  std::string id;       // district table only
  std::string street;   // street tables only: the street's name (赤岗)
  std::string extends;  // street tables: the district table's id
  std::string version;
  std::string name;
  std::vector<ScopeEntry> entries;
  std::vector<std::string> removed;  // street tables: default entries dropped
  std::string file;                  // as given to the loader
  std::string sha256;                // of the file's bytes
};

struct Scope {
  ScopeTable district;
  std::vector<ScopeTable> streets;  // in file order
  std::string sha256;               // over every file, in load order
  // The entries in force for `street` (empty or unknown: the district's):
  // the district's, each replaced by the street's entry of the same id or
  // dropped by its <remove>, then the street's new entries.
  std::vector<ScopeEntry> entries_for(std::string_view street) const;
  const ScopeTable* street_table(std::string_view street) const;
};

// The penalty kinds of 行政处罚法第九条 as the readers name them
// (penalty_kind facts, docs/formats/scope.md), and 不予处罚.
const std::vector<std::string>& penalty_kinds();
// The tests an entry may name.
const std::vector<std::string>& scope_tests();

// One scope file (district or street). Errors are "<file>:<line>: <reason>"
// in Chinese; the street table is not checked against a district here.
Result<ScopeTable> load_scope_file(const std::filesystem::path& file);
// A scope folder: district.xml and every streets/*.xml (sorted), each street
// table checked against the district (extends= its id, replaced and removed
// ids exist, one table per street).
Result<Scope> load_scope(const std::filesystem::path& dir);

// "吊销许可证件、责令停产停业" / "对公民罚款 10000 元以上" ...: what an entry
// tests, in Chinese, for listings and findings.
std::string describe_entry(const ScopeEntry& e);
// "会审" / "法制审核" / "会审、法制审核".
std::string needs_label(const ScopeEntry& e);

}  // namespace auditor

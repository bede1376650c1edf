// Rule kind catalogue (docs/formats/checklist.md, "catalogue"): the 卷内目录
// read and compared with the documents in the file. An entry is a line of the
// catalogue's text (a table row) that names a document type by a title
// variant; header and signature lines name none and are skipped. The 文号
// of an entry is a doc_number or cited_number fact of the catalogue that
// stands in its line.
//   check=listed_present  each type listed is in the file as often as listed,
//                         and a 文号 written in the entry is that document's
//   check=present_listed  each document in the file is listed; skip=TYPES
//                         names types a catalogue does not list (itself, the
//                         备考表)
// No catalogue: not applicable. A catalogue without text, or one in which no
// entry is recognised: not checkable, with a manual check.
#include <algorithm>
#include <map>

#include "auditor/kind_helpers.h"
#include "auditor/rule_kinds.h"

namespace auditor {
namespace {

constexpr const char* kCatalogue = "catalogue";

struct Entry {
  std::string line;
  std::string type;
  std::vector<std::string> numbers;  // 文号 written in the entry
};

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

std::string without_spaces(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r') out += c;
  return out;
}

std::vector<Entry> entries_of(const Document& catalogue, const Checklist& cl) {
  std::vector<Entry> out;
  std::string_view text = catalogue.text;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string line = trimmed(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
    const DocType* t = doc_type_named(line, cl, kCatalogue);
    if (!t) continue;
    Entry e{line, t->id, {}};
    // The catalogue's own number facts (whitespace removed, verbatim) that
    // stand in this line.
    const std::string compact = without_spaces(line);
    for (const Fact& f : catalogue.facts)
      if ((f.kind == "doc_number" || f.kind == "cited_number") &&
          compact.find(f.value) != std::string::npos)
        e.numbers.push_back(f.value);
    out.push_back(std::move(e));
  }
  return out;
}

// The entries of every readable catalogue; false when some catalogue cannot
// be read.
bool read_entries(const RuleContext& ctx, std::vector<Entry>& out) {
  bool all_read = true;
  for (const Document* d : documents_of(ctx.c, {kCatalogue})) {
    if (!readable(*d)) {
      all_read = false;
      continue;
    }
    std::vector<Entry> found = entries_of(*d, ctx.checklist);
    out.insert(out.end(), found.begin(), found.end());
  }
  return all_read;
}

std::size_t count_of(const Case& c, const std::string& type) {
  return static_cast<std::size_t>(std::count_if(
      c.documents.begin(), c.documents.end(), [&](const Document& d) { return d.type == type; }));
}

void check_listed_present(const Rule& r, const RuleContext& ctx, const std::vector<Entry>& entries,
                          std::vector<Finding>& out) {
  std::map<std::string, std::vector<const Entry*>> by_type;
  for (const Entry& e : entries) by_type[e.type].push_back(&e);
  for (const auto& [type, listed] : by_type) {
    const std::size_t present = count_of(ctx.c, type);
    if (present < listed.size()) {
      Finding f = finding_for(r, "catalogue");
      f.document = type;
      f.message = fill_message(r.message, {{"document", doc_title(ctx.checklist, type)},
                                           {"listed", std::to_string(listed.size())},
                                           {"present", std::to_string(present)}});
      for (const Entry* e : listed) f.evidence.push_back("卷内目录：" + e->line);
      add_unknown_documents(ctx.c, f.evidence);
      out.push_back(std::move(f));
    }
    for (const Entry* e : listed) {
      for (const std::string& number : e->numbers) {
        std::vector<std::string> actual;
        for (const Document* d : documents_of(ctx.c, {type}))
          if (d->number) actual.push_back(*d->number);
        const bool matches = std::any_of(actual.begin(), actual.end(), [&](const std::string& a) {
          return fold(a) == fold(number);
        });
        if (matches || actual.empty()) continue;
        Finding f = finding_for(r, "catalogue");
        f.document = type;
        f.message = doc_title(ctx.checklist, type) + "在卷内目录中的文号 " + number +
                    " 与卷内文书的文号 " + actual.front() + " 不一致";
        f.evidence = {"卷内目录：" + e->line};
        out.push_back(std::move(f));
      }
    }
  }
}

void check_present_listed(const Rule& r, const RuleContext& ctx, const std::vector<Entry>& entries,
                          std::vector<Finding>& out) {
  std::vector<std::string> skip = split_list(rule_param(r, "skip"));
  skip.push_back(kCatalogue);
  for (const Document& d : ctx.c.documents) {
    if (!d.type || std::find(skip.begin(), skip.end(), *d.type) != skip.end()) continue;
    const bool listed = std::any_of(entries.begin(), entries.end(),
                                    [&](const Entry& e) { return e.type == *d.type; });
    if (listed) continue;
    Finding f = finding_for(r, "catalogue");
    f.document = *d.type;
    f.message = fill_message(r.message, {{"document", doc_label(ctx.checklist, d)}});
    out.push_back(std::move(f));
  }
}

}  // namespace

Outcome check_catalogue(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  if (documents_of(ctx.c, {kCatalogue}).empty()) return Outcome::not_applicable;
  std::vector<Entry> entries;
  const bool all_read = read_entries(ctx, entries);
  if (entries.empty()) {
    out.push_back(manual_finding(
        r, all_read ? "卷内目录中未能识别出文书名称，请人工核对目录与卷内文书是否一致"
                    : "卷内目录无可提取文本（扫描件），请人工核对目录与卷内文书是否一致"));
    return Outcome::not_checkable;
  }
  const std::size_t before = out.size();
  if (rule_param(r, "check") == "listed_present")
    check_listed_present(r, ctx, entries, out);
  else
    check_present_listed(r, ctx, entries, out);
  return out.size() == before ? Outcome::passed : Outcome::failed;
}

std::string validate_catalogue(const Rule& r, const Checklist& cl) {
  if (std::string bad = check_param_names(r, {"check", "skip"}); !bad.empty()) return bad;
  const std::string check = rule_param(r, "check");
  if (check != "listed_present" && check != "present_listed")
    return "catalogue 规则的 check 参数应为 listed_present 或 present_listed";
  if (check == "listed_present" && r.params.count("skip"))
    return "skip 参数只用于 check=present_listed";
  if (!cl.doc_type(kCatalogue)) return "检查清单中没有文书类型 catalogue（卷内目录）";
  return unknown_doc_type(split_list(rule_param(r, "skip")), cl);
}

}  // namespace auditor

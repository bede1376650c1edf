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
//   check=listed_untyped  each row naming no known type (a table row whose
//                         first cell is a serial number, or "1、现场照片")
//                         is matched by its title text with the documents'
//                         titles, member names and opening text; a row
//                         matching none is a finding, or a manual check
//                         when the file holds documents without text
// No catalogue: not applicable. A catalogue without text, or one in which no
// entry is recognised: not checkable, with a manual check.
#include <algorithm>
#include <cctype>
#include <map>

#include "auditor/catalogue_entries.h"
#include "auditor/kind_helpers.h"
#include "auditor/rule_kinds.h"
#include "util/text_match.h"

namespace auditor {
namespace {

constexpr const char* kCatalogue = "catalogue";

using Entry = CatalogueEntry;

// The entries of every readable catalogue; false when some catalogue cannot
// be read.
bool read_entries(const RuleContext& ctx, std::vector<Entry>& out) {
  bool all_read = true;
  for (const Document* d : documents_of(ctx.c, {kCatalogue})) {
    if (!readable(*d)) {
      all_read = false;
      continue;
    }
    std::vector<Entry> found = catalogue_entries(*d, ctx.checklist);
    out.insert(out.end(), found.begin(), found.end());
  }
  return all_read;
}

std::size_t count_of(const Case& c, const std::string& type) {
  return static_cast<std::size_t>(std::count_if(c.documents.begin(), c.documents.end(),
                                                [&](const Document& d) { return d.type == type; }));
}

void check_listed_present(const Rule& r, const RuleContext& ctx, const std::vector<Entry>& entries,
                          std::vector<Finding>& out) {
  std::map<std::string, std::vector<const Entry*>> by_type;
  for (const Entry& e : entries)
    if (!e.type.empty()) by_type[e.type].push_back(&e);
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
    // Listed by its type, or by a row of a title variant the checklist does
    // not know ("广东省非税收入电子缴款书") that names this document.
    const bool listed = std::any_of(entries.begin(), entries.end(), [&](const Entry& e) {
      return e.type.empty() ? catalogue_titled(d, catalogue_title_key(e.title)) : e.type == *d.type;
    });
    if (listed) continue;
    Finding f = finding_for(r, "catalogue");
    f.document = *d.type;
    f.message = fill_message(r.message, {{"document", doc_label(ctx.checklist, d)}});
    out.push_back(std::move(f));
  }
}

void check_listed_untyped(const Rule& r, const RuleContext& ctx, const std::vector<Entry>& entries,
                          std::vector<Finding>& out) {
  auto matches = [&](const Entry& e, const Document& d) {
    return d.type != kCatalogue && catalogue_titled(d, catalogue_title_key(e.title));
  };
  // Files the row may name under another title: without text, or of a type
  // the tool does not know, and named by no untyped row.
  std::vector<std::string> candidates;
  for (const Document& d : ctx.c.documents) {
    if (d.type == kCatalogue || (readable(d) && d.type)) continue;
    const bool named = std::any_of(entries.begin(), entries.end(),
                                   [&](const Entry& e) { return e.type.empty() && matches(e, d); });
    if (!named) candidates.push_back(d.path);
  }
  for (const Entry& e : entries) {
    if (!e.type.empty()) continue;
    const bool found = std::any_of(ctx.c.documents.begin(), ctx.c.documents.end(),
                                   [&](const Document& d) { return matches(e, d); });
    if (found) continue;
    if (!candidates.empty()) {
      std::string files;
      for (std::size_t k = 0; k < candidates.size() && k < 10; ++k)
        files += (k ? "、" : "") + candidates[k];
      Finding m = manual_finding(
          r, "卷内目录列有“" + e.title + "”，未能按名称在卷内文书中找到；卷内有 " +
                 std::to_string(candidates.size()) + " 份无可提取文本或未识别类型的文件（" + files +
                 (candidates.size() > 10 ? " 等" : "") + "），请人工核对其中是否有该文书");
      m.evidence = {"卷内目录：" + e.line};
      m.stage = r.stage;
      out.push_back(std::move(m));
      continue;
    }
    Finding f = finding_for(r, "catalogue");
    f.message = fill_message(r.message, {{"title", e.title}});
    f.evidence = {"卷内目录：" + e.line};
    out.push_back(std::move(f));
  }
}

}  // namespace

Outcome check_catalogue(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  if (documents_of(ctx.c, {kCatalogue}).empty()) return Outcome::not_applicable;
  std::vector<Entry> all;
  const bool all_read = read_entries(ctx, all);
  const std::string check = rule_param(r, "check");
  if (check == "listed_untyped") {
    // Untyped rows only; a catalogue without any row is the other rules'
    // manual check.
    if (all.empty()) return Outcome::not_checkable;
    const std::size_t before = out.size();
    check_listed_untyped(r, ctx, all, out);
    bool manual = false, failed = false;
    for (std::size_t k = before; k < out.size(); ++k)
      (out[k].kind == "manual_check" ? manual : failed) = true;
    return failed ? Outcome::failed : manual ? Outcome::not_checkable : Outcome::passed;
  }
  std::vector<Entry> entries;
  for (const Entry& e : all)
    if (!e.type.empty()) entries.push_back(e);
  if (entries.empty()) {
    out.push_back(manual_finding(
        r, all_read ? "卷内目录中未能识别出文书名称，请人工核对目录与卷内文书是否一致"
                    : "卷内目录无可提取文本（扫描件），请人工核对目录与卷内文书是否一致"));
    return Outcome::not_checkable;
  }
  const std::size_t before = out.size();
  if (check == "listed_present")
    check_listed_present(r, ctx, entries, out);
  else
    check_present_listed(r, ctx, all, out);
  return out.size() == before ? Outcome::passed : Outcome::failed;
}

std::string validate_catalogue(const Rule& r, const Checklist& cl) {
  if (std::string bad = check_param_names(r, {"check", "skip"}); !bad.empty()) return bad;
  const std::string check = rule_param(r, "check");
  if (check != "listed_present" && check != "present_listed" && check != "listed_untyped")
    return "catalogue 规则的 check 参数应为 listed_present、present_listed 或 listed_untyped";
  if (check != "present_listed" && r.params.count("skip"))
    return "skip 参数只用于 check=present_listed";
  if (!cl.doc_type(kCatalogue)) return "检查清单中没有文书类型 catalogue（卷内目录）";
  return unknown_doc_type(split_list(rule_param(r, "skip")), cl);
}

}  // namespace auditor

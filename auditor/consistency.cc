// Rule kind consistency: dispatch by `check`, param validation, and the party
// checks (name, ID number, check character). Values are compared after
// fold(): whitespace, full-width forms and bracket styles do not count as a
// difference.
#include <algorithm>
#include <map>
#include <set>

#include "auditor/consistency.h"
#include "auditor/kind_helpers.h"
#include "util/cn_text.h"

namespace auditor {
namespace consistency {
namespace {

constexpr const char* kDecision = "penalty_decision";

// A fact is about someone other than the party (the person questioned, a
// legal representative) when a skip label precedes its value in the snippet.
bool skipped(const Fact& f, const std::vector<std::string>& labels) {
  const std::size_t at = f.snippet.find(f.value);
  const std::string before = at == std::string::npos ? f.snippet : f.snippet.substr(0, at);
  return std::any_of(labels.begin(), labels.end(), [&](const std::string& label) {
    return before.find(label) != std::string::npos;
  });
}

struct Variant {
  std::string shown;  // as first written
  std::vector<const Document*> documents;
  std::vector<std::string> evidence;
};

// Plausible birth date at characters 7..14 of an 18-character ID number.
bool birth_date_plausible(std::string_view id) {
  const int year = std::stoi(std::string(id.substr(6, 4)));
  const int month = std::stoi(std::string(id.substr(10, 2)));
  const int day = std::stoi(std::string(id.substr(12, 2)));
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool is_resident_id(std::string_view id) {
  if (id.size() != 18 || !cn::valid_id_number(id)) return false;
  return std::all_of(id.begin(), id.begin() + 17, [](char c) { return c >= '0' && c <= '9'; }) &&
         birth_date_plausible(id);
}

// Variants of fact `kind` by folded value, each with the documents stating it.
// `group` splits the values into groups compared separately (an organisation's
// credit code is not compared with its representative's ID number).
using Groups = std::map<std::string, std::map<std::string, Variant>>;

Groups collect(const Rule& r, const RuleContext& ctx, const std::string& kind,
               std::string (*group)(const std::string&),
               const std::set<const Document*>& skip_documents = {}) {
  const std::vector<std::string> labels = split_list(rule_param(r, "skip_labels"));
  Groups groups;
  for (const Document& d : ctx.c.documents) {
    if (skip_documents.count(&d)) continue;
    for (const Fact& f : d.facts) {
      if (f.kind != kind || skipped(f, labels)) continue;
      Variant& v = groups[group(f.value)][fold(f.value)];
      if (v.shown.empty()) v.shown = f.value;
      if (std::find(v.documents.begin(), v.documents.end(), &d) != v.documents.end()) continue;
      v.documents.push_back(&d);
      v.evidence.push_back(doc_label(ctx.checklist, d) + "：" + f.snippet);
    }
  }
  return groups;
}

// The variant the others are measured against: the decision's, else the one
// most documents state.
const Variant* reference(const std::map<std::string, Variant>& variants) {
  const Variant* best = nullptr;
  for (const auto& [key, v] : variants) {
    const bool on_decision = std::any_of(v.documents.begin(), v.documents.end(),
                                         [](const Document* d) { return d->type == kDecision; });
    if (on_decision) return &v;
    if (!best || v.documents.size() > best->documents.size()) best = &v;
  }
  return best;
}

Finding disagreement(const Rule& r, const RuleContext& ctx,
                     const std::map<std::string, Variant>& variants) {
  const Variant* ref = reference(variants);
  Finding f = finding_for(r, "consistency");
  std::string listing;
  std::vector<const Variant*> ordered{ref};
  for (const auto& [key, v] : variants)
    if (&v != ref) ordered.push_back(&v);
  for (const Variant* v : ordered) {
    std::string titles;
    for (const Document* d : v->documents)
      titles += (titles.empty() ? "" : "、") +
                (d->type ? doc_title(ctx.checklist, *d->type) : "《" + d->path + "》");
    listing += (listing.empty() ? "" : "；") + ("“" + v->shown + "”见于" + titles);
    f.evidence.insert(f.evidence.end(), v->evidence.begin(), v->evidence.end());
  }
  const Document* culprit = ordered[1]->documents.front();
  f.document = culprit->type ? *culprit->type : culprit->path;
  if (culprit->stage) f.stage = culprit->stage;
  f.message = fill_message(r.message, {{"variants", listing}});
  return f;
}

// Whether every variant other than the reference differs from it only at
// the end (one is a prefix of the other) and is stated only by PDFs: a PDF
// table cell wraps ("…餐饮管理" / "有限公司") or runs into the next cell
// ("…五金店送达…"), so the difference may be the layout, not the file.
bool layout_cut(const std::map<std::string, Variant>& variants, const Variant* ref) {
  const std::string ref_key = fold(ref->shown);
  for (const auto& [key, v] : variants) {
    if (&v == ref) continue;
    const bool prefix = ref_key.rfind(key, 0) == 0 || key.rfind(ref_key, 0) == 0;
    const bool pdf_only = std::all_of(v.documents.begin(), v.documents.end(),
                                      [](const Document* d) { return d->format == "pdf"; });
    if (!prefix || !pdf_only) return false;
  }
  return true;
}

Outcome compare(const Rule& r, const RuleContext& ctx, const Groups& groups,
                std::vector<Finding>& out, bool allow_layout_cut = false) {
  if (groups.empty()) return Outcome::not_checkable;
  Outcome o = Outcome::passed;
  for (const auto& [group, variants] : groups) {
    if (variants.size() < 2) continue;
    Finding f = disagreement(r, ctx, variants);
    if (allow_layout_cut && layout_cut(variants, reference(variants))) {
      Finding m = manual_finding(
          r,
          f.message +
              "；不同之处仅在末尾且见于 PDF 文书，可能是表格换行截断或与相邻内容粘连，请人工核对");
      m.document = f.document;
      m.stage = f.stage;
      m.evidence = f.evidence;
      out.push_back(std::move(m));
      if (o == Outcome::passed) o = Outcome::not_checkable;
      continue;
    }
    out.push_back(std::move(f));
    o = Outcome::failed;
  }
  return o;
}

std::string one_group(const std::string&) { return {}; }
std::string id_group(const std::string& id) { return is_resident_id(id) ? "id" : "code"; }

// Service receipts of a document addressed to another authority (the
// not_party_receipts types, e.g. the 案件移送书 served on the police): their
// 受送达人 is not the party.
std::set<const Document*> receipts_to_others(const Rule& r, const RuleContext& ctx) {
  const std::vector<std::string> types = split_list(rule_param(r, "not_party_receipts"));
  std::set<const Document*> out;
  if (types.empty()) return out;
  for (const Document* d : documents_of(ctx.c, {"service_receipt"}))
    for (const Fact& f : d->facts)
      if (f.kind == "served_document")
        if (const DocType* t = doc_type_named(f.value, ctx.checklist, "service_receipt"))
          if (std::find(types.begin(), types.end(), t->id) != types.end()) out.insert(d);
  return out;
}

}  // namespace

Outcome party_name(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  return compare(r, ctx, collect(r, ctx, "party", one_group, receipts_to_others(r, ctx)), out,
                 true);
}

// A file with a credit code is about an organisation (or an individual
// business): ID numbers in it belong to representatives, agents and
// signatories, so only the credit codes are compared.
Outcome party_id(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  Groups groups = collect(r, ctx, "party_id", id_group);
  if (groups.count("code")) groups.erase("id");
  return compare(r, ctx, groups, out);
}

Outcome party_id_valid(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Groups groups = collect(r, ctx, "party_id_invalid", one_group);
  if (groups.empty()) return Outcome::passed;
  for (const auto& [key, v] : groups.begin()->second) {
    Finding f = finding_for(r, "consistency");
    const Document* d = v.documents.front();
    f.document = d->type ? *d->type : d->path;
    if (d->stage) f.stage = d->stage;
    std::string titles;
    for (const Document* doc : v.documents)
      titles += (titles.empty() ? "" : "、") + doc_label(ctx.checklist, *doc);
    f.message = fill_message(r.message, {{"value", v.shown}, {"documents", titles}});
    f.evidence = v.evidence;
    out.push_back(std::move(f));
  }
  return Outcome::failed;
}

}  // namespace consistency

Outcome check_consistency(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string check = rule_param(r, "check");
  if (check == "party_name") return consistency::party_name(r, ctx, out);
  if (check == "party_id") return consistency::party_id(r, ctx, out);
  if (check == "party_id_valid") return consistency::party_id_valid(r, ctx, out);
  if (check == "receipt_target") return consistency::receipt_target(r, ctx, out);
  if (check == "amounts") return consistency::amounts(r, ctx, out);
  if (check == "provisions") return consistency::provisions(r, ctx, out);
  if (check == "provisions_changed") return consistency::provisions_changed(r, ctx, out);
  return Outcome::not_checkable;  // validate_consistency rejects other values
}

std::string validate_consistency(const Rule& r, const Checklist& cl) {
  const std::string check = rule_param(r, "check");
  std::string bad;
  if (check == "party_name") {
    bad = check_param_names(r, {"check", "skip_labels", "not_party_receipts"});
    if (bad.empty()) bad = unknown_doc_type(split_list(rule_param(r, "not_party_receipts")), cl);
  } else if (check == "party_id") {
    bad = check_param_names(r, {"check", "skip_labels"});
  } else if (check == "party_id_valid" || check == "receipt_target") {
    bad = check_param_names(r, {"check"});
  } else if (check == "amounts") {
    bad = check_param_names(
        r, {"check", "notice", "decision", "payment", "explained_by", "partial_by"});
    for (const char* p : {"notice", "decision", "payment"})
      if (bad.empty() && rule_param(r, p).empty())
        bad = "amounts 检查须有 " + std::string(p) + " 参数";
    if (bad.empty())
      bad = unknown_doc_type(
          {rule_param(r, "notice"), rule_param(r, "decision"), rule_param(r, "payment")}, cl);
    if (bad.empty()) bad = unknown_doc_type(split_list(rule_param(r, "partial_by")), cl);
  } else if (check == "provisions") {
    bad = check_param_names(r, {"check", "document", "min", "ignore_laws"});
    if (bad.empty() && rule_param(r, "document").empty()) bad = "provisions 检查须有 document 参数";
    if (bad.empty()) bad = unknown_doc_type({rule_param(r, "document")}, cl);
    if (bad.empty()) bad = bad_count(r, "min");
  } else if (check == "provisions_changed") {
    bad = check_param_names(r, {"check", "notice", "decision", "explained_by", "ignore_laws"});
    for (const char* p : {"notice", "decision"})
      if (bad.empty() && rule_param(r, p).empty())
        bad = "provisions_changed 检查须有 " + std::string(p) + " 参数";
    if (bad.empty())
      bad = unknown_doc_type({rule_param(r, "notice"), rule_param(r, "decision")}, cl);
  } else {
    bad =
        "consistency 规则须有 check 参数（party_name、party_id、party_id_valid、"
        "receipt_target、amounts、provisions 或 provisions_changed），而不是“" +
        check + "”";
  }
  return bad;
}

}  // namespace auditor

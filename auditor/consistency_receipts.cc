// consistency check receipt_target: the number each 送达回证 serves
// (served_number) must be carried by a document of the file (its
// Document::number or a doc_number fact), and by a document of the type the
// receipt names when that type is in the file with a known number. A receipt
// naming no number is a manual check (the number may be handwritten or missed
// by extraction), never a failure; so is a served number no document carries
// while the served document (or, when the receipt names no known type, a
// document without text) is in the file with its number unread. A served
// type absent from the file is said so ("卷内既无《…》").
#include <map>

#include "auditor/consistency.h"
#include "auditor/kind_helpers.h"

namespace auditor::consistency {
namespace {

constexpr const char* kReceipt = "service_receipt";

// The folded numbers a document carries as its own.
std::vector<std::string> own_numbers(const Document& d) {
  std::vector<std::string> out;
  if (d.number) out.push_back(fold(*d.number));
  for (const Fact& f : d.facts)
    if (f.kind == "doc_number") out.push_back(fold(f.value));
  return out;
}

std::string served_title(const Document& receipt) {
  for (const Fact& f : receipt.facts)
    if (f.kind == "served_document") return "《" + f.value + "》";
  return "文书";
}

const DocType* served_doc_type(const Document& receipt, const Checklist& cl) {
  for (const Fact& f : receipt.facts)
    if (f.kind == "served_document")
      if (const DocType* t = doc_type_named(f.value, cl, kReceipt)) return t;
  return nullptr;
}

// "" when a document of `type` carries `number` or none of that type has a
// known number; else the numbers those documents carry, for the message.
std::string numbers_of_type(const Case& c, const std::string& type, const std::string& number) {
  std::string shown;
  for (const Document& d : c.documents) {
    if (d.type != type) continue;
    for (const std::string& n : own_numbers(d))
      if (n == number) return {};
    if (d.number) shown += (shown.empty() ? "" : "、") + *d.number;
    for (const Fact& f : d.facts)
      if (f.kind == "doc_number" && (!d.number || fold(f.value) != fold(*d.number)))
        shown += (shown.empty() ? "" : "、") + f.value;
  }
  return shown;
}

// The documents that might carry `number` unread: of `type` (or of any
// type when the receipt names none) and without a readable own number.
std::vector<const Document*> unread_candidates(const Case& c, const DocType* type) {
  std::vector<const Document*> out;
  for (const Document& d : c.documents) {
    if (d.type == kReceipt || (type && d.type != type->id)) continue;
    if (own_numbers(d).empty() && (type || !readable(d))) out.push_back(&d);
  }
  return out;
}

}  // namespace

Outcome receipt_target(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> receipts = documents_of(ctx.c, {kReceipt});
  if (receipts.empty()) return Outcome::not_applicable;
  std::map<std::string, const Document*> carriers;
  for (const Document& d : ctx.c.documents)
    if (d.type != kReceipt)
      for (const std::string& n : own_numbers(d)) carriers.emplace(n, &d);

  bool failed = false, unknown = false;
  std::vector<std::string> unnumbered;
  for (const Document* receipt : receipts) {
    bool numbered = false;
    for (const Fact& f : receipt->facts) {
      if (f.kind != "served_number") continue;
      numbered = true;
      const std::string number = fold(f.value);
      const DocType* type = served_doc_type(*receipt, cl);
      std::string problem;
      if (!carriers.count(number)) {
        // The served document may be in the file with its number unread (a
        // scan, a number the reader missed): not a defect, a manual check.
        const std::vector<const Document*> unread = unread_candidates(ctx.c, type);
        if (!unread.empty()) {
          std::string docs;
          for (const Document* d : unread) docs += (docs.empty() ? "" : "、") + doc_label(cl, *d);
          Finding m = manual_finding(
              r, doc_label(cl, *receipt) + "载明送达" + served_title(*receipt) + "（" + f.value +
                     "），卷内" + docs + "的文号无法读取，请人工核对送达的文书及文号是否与之一致");
          m.document = kReceipt;
          m.stage = receipt->stage;
          m.evidence = {doc_label(cl, *receipt) + "：" + f.snippet};
          out.push_back(std::move(m));
          unknown = true;
          continue;
        }
        problem = "卷内没有文号为该号的文书";
        if (type && documents_of(ctx.c, {type->id}).empty())
          problem = "卷内既无" + doc_title(cl, type->id) + "，也没有文号为该号的文书";
        else if (type)
          problem += "（卷内" + doc_title(cl, type->id) + "的文号为 " +
                     numbers_of_type(ctx.c, type->id, number) + "）";
      } else if (type) {
        if (std::string others = numbers_of_type(ctx.c, type->id, number); !others.empty())
          problem = "与卷内" + doc_title(cl, type->id) + "的文号（" + others + "）不一致";
      }
      if (problem.empty()) continue;
      Finding finding = finding_for(r, "consistency");
      finding.document = kReceipt;
      finding.stage = receipt->stage;
      finding.message = fill_message(r.message, {{"receipt", doc_label(cl, *receipt)},
                                                 {"served", served_title(*receipt)},
                                                 {"number", f.value},
                                                 {"problem", problem}});
      finding.evidence = {doc_label(cl, *receipt) + "：" + f.snippet};
      if (carriers.count(number))
        finding.evidence.push_back("载有该文号的文书：" + doc_label(cl, *carriers.at(number)));
      out.push_back(std::move(finding));
      failed = true;
    }
    if (numbered) continue;
    if (readable(*receipt)) {
      unnumbered.push_back(doc_label(cl, *receipt));
    } else {
      unknown = true;
    }
  }
  if (!unnumbered.empty()) {
    std::string list;
    for (const std::string& u : unnumbered) list += (list.empty() ? "" : "、") + u;
    Finding m = manual_finding(
        r,
        "未能从" + list +
            "中识别所送达文书的文号，请人工核对送达回证是否写明送达文书名称及文号，且该文书在卷内");
    m.document = kReceipt;
    m.evidence = unnumbered;
    out.push_back(std::move(m));
  }
  if (failed) return Outcome::failed;
  return unknown || !unnumbered.empty() ? Outcome::not_checkable : Outcome::passed;
}

}  // namespace auditor::consistency

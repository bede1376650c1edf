// consistency check amounts, read from `fine` facts (docs/facts.md).
//
// amounts: the fines of the notice, the decision and the payment proof must
// agree. A document stating several fines agrees with another when they share
// one (no guess which is "the" fine). A notice/decision difference that the
// decision explains (explained_by words: 采纳, 从轻 ...) is a manual check; so
// is a payment that differs while a partial_by document (instalments) is in the
// file, and a payment proof without text (a scan). Nothing to compare is
// not_checkable, never a pass or a failure.

#include <algorithm>
#include <set>

#include "auditor/consistency.h"
#include "auditor/kind_helpers.h"
#include "util/text_match.h"

namespace auditor::consistency {
namespace {

struct Fines {
  std::set<std::string> values;
  std::vector<std::string> evidence;
  std::vector<const Document*> unreadable;  // documents without text
};

Fines fines_of(const RuleContext& ctx, const std::string& type) {
  Fines out;
  for (const Document* d : documents_of(ctx.c, {type})) {
    if (!readable(*d)) out.unreadable.push_back(d);
    for (const Fact& f : d->facts)
      if (f.kind == "fine" && out.values.insert(f.value).second)
        out.evidence.push_back(doc_label(ctx.checklist, *d) + "：" + f.snippet);
  }
  return out;
}

bool disjoint(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::none_of(a.begin(), a.end(), [&](const std::string& v) { return b.count(v); });
}

std::string yuan(const std::set<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : "、") + v + " 元";
  return out;
}

// The first explained_by word the decision's text holds, or "".
std::string explanation(const RuleContext& ctx, const std::string& decision,
                        const std::vector<std::string>& words) {
  for (const Document* d : documents_of(ctx.c, {decision})) {
    const std::string text = normalize_for_match(d->text);
    for (const std::string& w : words)
      if (text.find(normalize_for_match(w)) != std::string::npos) return w;
  }
  return {};
}

// `f` as a manual check for the inspector: its message followed by `note`,
// same document, stage and evidence, no deduction.
Finding as_manual(const Rule& r, const Finding& f, const std::string& note) {
  Finding m = manual_finding(r, f.message + note);
  m.document = f.document;
  m.stage = f.stage;
  m.evidence = f.evidence;
  return m;
}

Finding mismatch(const Rule& r, const RuleContext& ctx, const std::string& a_type, const Fines& a,
                 const std::string& b_type, const Fines& b) {
  Finding f = finding_for(r, "consistency");
  f.document = b_type;
  if (const DocType* t = ctx.checklist.doc_type(b_type)) f.stage = t->stage;
  f.message = fill_message(r.message, {{"first", doc_title(ctx.checklist, a_type)},
                                       {"first_amount", yuan(a.values)},
                                       {"second", doc_title(ctx.checklist, b_type)},
                                       {"second_amount", yuan(b.values)}});
  f.evidence = a.evidence;
  f.evidence.insert(f.evidence.end(), b.evidence.begin(), b.evidence.end());
  return f;
}

}  // namespace

Outcome amounts(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string notice_type = rule_param(r, "notice"),
                    decision_type = rule_param(r, "decision"),
                    payment_type = rule_param(r, "payment");
  const Fines decision = fines_of(ctx, decision_type);
  if (decision.values.empty()) return Outcome::not_checkable;
  bool failed = false, manual = false;

  const Fines notice = fines_of(ctx, notice_type);
  if (!notice.values.empty() && disjoint(notice.values, decision.values)) {
    Finding f = mismatch(r, ctx, notice_type, notice, decision_type, decision);
    if (std::string why =
            explanation(ctx, decision_type, split_list(rule_param(r, "explained_by")));
        !why.empty()) {
      f = as_manual(r, f, "；决定书载有“" + why + "”等说明，请人工核对变更理由是否成立");
      manual = true;
    } else {
      failed = true;
    }
    out.push_back(std::move(f));
  }

  const Fines payment = fines_of(ctx, payment_type);
  if (!payment.values.empty() && disjoint(payment.values, decision.values)) {
    Finding f = mismatch(r, ctx, decision_type, decision, payment_type, payment);
    const std::vector<const Document*> partial =
        documents_of(ctx.c, split_list(rule_param(r, "partial_by")));
    if (!partial.empty()) {
      f = as_manual(r, f,
                    "；卷内有" + doc_label(ctx.checklist, *partial.front()) +
                        "，可能为分期缴纳，请人工核对缴款总额");
      manual = true;
    } else {
      failed = true;
    }
    out.push_back(std::move(f));
  } else if (payment.values.empty() && !payment.unreadable.empty()) {
    std::string scans;
    for (const Document* d : payment.unreadable) scans += (scans.empty() ? "" : "、") + d->path;
    Finding m = manual_finding(
        r, doc_title(ctx.checklist, payment_type) + "为扫描件或无可提取文本（" + scans +
               "），无法核对缴款金额，请人工核对是否与" + doc_title(ctx.checklist, decision_type) +
               "的罚款（" + yuan(decision.values) + "）一致");
    m.document = payment_type;
    if (const DocType* t = ctx.checklist.doc_type(payment_type)) m.stage = t->stage;
    m.evidence = decision.evidence;
    out.push_back(std::move(m));
    manual = true;
  }
  if (failed) return Outcome::failed;
  return manual ? Outcome::not_checkable : Outcome::passed;
}

}  // namespace auditor::consistency

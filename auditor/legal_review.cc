// Rule kind legal_review (contracts in meeting.h): the review's place among
// the evidence (after_evidence, new_evidence) and its outcome (approved).
// Whether a review was due is the scope's (condition major_decision); that
// the reviewer is no investigator is rule kind officers' (reviewer_independent);
// that the review precedes the decision is rule kind order's.
#include <algorithm>

#include "auditor/events.h"
#include "auditor/kind_helpers.h"
#include "auditor/meeting.h"
#include "auditor/meeting_facts.h"

namespace auditor {
namespace {

struct Dated {
  const Document* doc = nullptr;
  Date date;
};

// The last dated review on or before the decision (any review when the
// decision is undated); nullopt when none is dated.
std::optional<Dated> last_review(const std::vector<const Document*>& reviews, const Checklist& cl,
                                 const std::optional<Event>& decided) {
  std::optional<Dated> best;
  for (const Document* d : reviews) {
    std::optional<Date> v = own_date(*d, cl);
    if (!v || (decided && *v > decided->date)) continue;
    if (!best || *v >= best->date) best = Dated{d, *v};
  }
  return best;
}

Outcome evidence_after(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out,
                       bool new_evidence) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> reviews = records_of(r, ctx.c, "legal_review");
  if (reviews.empty()) return Outcome::not_applicable;
  const std::optional<Event> decided = find_event(ctx.c, cl, "decided");
  const std::optional<Dated> review = last_review(reviews, cl, decided);
  if (!review) return Outcome::not_checkable;
  const std::optional<Event> ended = find_event(ctx.c, cl, "investigation_ended");
  // Without the end of the investigation no evidence is told "new".
  if (new_evidence && !ended) return Outcome::not_checkable;
  bool failed = false;
  for (const Document* d : documents_of(ctx.c, split_list(rule_param(r, "evidence")))) {
    const std::optional<Date> when = held_date(*d, cl);
    if (!when || *when <= review->date || (decided && *when > decided->date)) continue;
    const bool is_new = ended && *when > ended->date;
    if (is_new != new_evidence) continue;
    Finding f = finding_for(r, "legal_review");
    f.document = review->doc->type;
    f.stage = review->doc->stage;
    f.message = fill_message(r.message, {{"evidence", doc_label(cl, *d)},
                                         {"evidence_date", when->iso()},
                                         {"review", doc_label(cl, *review->doc)},
                                         {"review_date", review->date.iso()}});
    f.evidence = {doc_label(cl, *d) + "：" + when->iso(),
                  doc_label(cl, *review->doc) + "：" + review->date.iso()};
    if (ended) f.evidence.push_back(event_evidence(*ended));
    if (decided) f.evidence.push_back(event_evidence(*decided));
    out.push_back(std::move(f));
    failed = true;
  }
  return failed ? Outcome::failed : Outcome::passed;
}

Outcome approved(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const Checklist& cl = ctx.checklist;
  const std::vector<const Document*> reviews = records_of(r, ctx.c, "legal_review");
  if (reviews.empty()) return Outcome::not_applicable;
  const std::optional<Event> decided = find_event(ctx.c, cl, "decided");
  std::optional<Dated> review = last_review(reviews, cl, decided);
  const Document& d = review ? *review->doc : *reviews.back();
  const std::string label = doc_label(cl, d);
  const std::vector<std::string> opinions = fact_values(d, "review_opinion");
  if (!readable(d) || opinions.empty()) {
    out.push_back(record_finding(
        r, cl, d, "manual_check",
        (readable(d) ? "未能从" + label + "中识别审核意见" : label + "无可提取文字") +
            "，请人工核对法制审核意见为同意后方作出决定"));
    return Outcome::not_checkable;
  }
  const std::string& opinion = opinions.front();
  if (opinion == "approve") return Outcome::passed;
  Finding f = record_finding(r, cl, d, "legal_review");
  f.message = fill_message(
      r.message,
      {{"review", label}, {"opinion", opinion == "reject" ? "审核不同意" : "退回补充调查或修改"}});
  for (const Fact& fact : d.facts)
    if (fact.kind == "review_opinion") f.evidence.push_back("载明：“" + fact.snippet + "”");
  if (decided) f.evidence.push_back(event_evidence(*decided));
  out.push_back(std::move(f));
  return Outcome::failed;
}

}  // namespace

Outcome check_legal_review(const Rule& r, const RuleContext& ctx, std::vector<Finding>& out) {
  const std::string check = rule_param(r, "check");
  if (check == "after_evidence") return evidence_after(r, ctx, out, false);
  if (check == "new_evidence") return evidence_after(r, ctx, out, true);
  if (check == "approved") return approved(r, ctx, out);
  return Outcome::not_checkable;  // validate_legal_review rejects other values
}

std::string validate_legal_review(const Rule& r, const Checklist& cl) {
  const std::string check = rule_param(r, "check");
  std::vector<std::string> types = split_list(rule_param(r, "documents", "legal_review"));
  if (check == "after_evidence" || check == "new_evidence") {
    if (std::string bad = check_param_names(r, {"check", "documents", "evidence"}); !bad.empty())
      return bad;
    const std::vector<std::string> evidence = split_list(rule_param(r, "evidence"));
    if (evidence.empty()) return check + " 检查须有 evidence 参数（证据类文书类型）";
    types.insert(types.end(), evidence.begin(), evidence.end());
    return unknown_doc_type(types, cl);
  }
  if (check == "approved") {
    if (std::string bad = check_param_names(r, {"check", "documents"}); !bad.empty()) return bad;
    return unknown_doc_type(types, cl);
  }
  return "legal_review 规则须有 check 参数（after_evidence、new_evidence 或 approved），而不是“" +
         check + "”";
}

}  // namespace auditor
